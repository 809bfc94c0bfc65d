// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminOperations.h"
#include "common/Result.h"
#include "consent/WithdrawalMatcher.h"
#include "crypto/KeyRing.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

namespace chorus::cli
{

// Every withdrawal request that applies to the pulled submissions: the ones sealed like
// responses (found by a first decrypting pass, without the signature check, since a request
// may come after the response it withdraws) and the ones recorded by `chorusctl withdrawals
// add`. Export and report then apply them before anything is written. Returns false in
// `*cancelled` unless the control asked to stop.
Status collectPulledWithdrawals(const crypto::KeyRing &ring, const QString &adminDir, int workers,
    consent::WithdrawalMatcher &matcher, const OperationControl &control = {}, bool *cancelled = nullptr);

// A file of withdrawn instanceIDs, one per line (blank lines ignored).
Result<QSet<QString>> readWithdrawnIds(const QString &path);

// Appends one event to ADMIN_DIR/audit.jsonl. Record-level exports hold special-category data:
// who exported what, when, is kept beside the pulled submissions. Never an answer.
Status appendAudit(const QString &adminDir, const QJsonObject &event);

} // namespace chorus::cli
