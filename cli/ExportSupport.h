// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminOperations.h"
#include "common/Result.h"
#include "crypto/KeyRing.h"
#include "export/DecryptPipeline.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

namespace chorus::cli
{

// The decrypting passes export and report share (DecryptOnce): every pulled envelope in
// ADMIN_DIR/submissions decrypted and checked once, then each response handed to `sink` unless
// it is withdrawn: named in `withdrawnIds` (`--withdrawn`), withdrawn in its own record, or
// matched by a request sealed like a response (wherever it lies in the folder) or recorded by
// `chorusctl withdrawals add`. Progress: CheckingWithdrawals while decrypting, Decrypting
// while handing on. The sealed temporary spool lives in ADMIN_DIR beside the submissions.
Result<exports::DecryptPipeline::Counts> decryptPulled(const crypto::KeyRing &ring, const QString &adminDir,
    const exports::DecryptPipeline::Options &options, const QSet<QString> &withdrawnIds,
    const OperationControl &control, const exports::DecryptPipeline::Sink &sink);

// A file of withdrawn instanceIDs, one per line (blank lines ignored).
Result<QSet<QString>> readWithdrawnIds(const QString &path);

// Appends one event to ADMIN_DIR/audit.jsonl. Record-level exports hold special-category data:
// who exported what, when, is kept beside the pulled submissions. Never an answer.
Status appendAudit(const QString &adminDir, const QJsonObject &event);

} // namespace chorus::cli
