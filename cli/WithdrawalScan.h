// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Cli.h"
#include "common/Result.h"
#include "consent/WithdrawalMatcher.h"
#include "response/Response.h"

#include <QList>
#include <QString>

#include <optional>

namespace chorus::cli {

// Where `chorusctl withdrawals add` keeps requests the council received outside the app.
inline const QString kWithdrawalRequestsDir = QStringLiteral("withdrawal-requests");

// Every pulled submission decrypted: the responses, and every withdrawal request (sealed ones
// from devices, plus ADMIN_DIR/withdrawal-requests/*.json) in one matcher. Submissions that
// cannot be opened are reported on io.err and counted in `failed`.
// What list and apply need of a decrypted response: its id and consent record, not its
// answers (holding every response's answers took 100 MB at 10,000 records).
struct ScannedResponse {
    QString instanceId;
    std::optional<consent::ConsentRecord> consent;
};

struct PulledScan {
    QList<ScannedResponse> responses;
    consent::WithdrawalMatcher withdrawals;
    int failed = 0;
};

Result<PulledScan> scanPulledSubmissions(const QString &adminDir, const QString &keysDir,
                                         const QString &passphraseFile, Io &io);

// Adds ADMIN_DIR/withdrawal-requests/*.json to `matcher`; a bad file is an error naming it.
Status loadRecordedWithdrawals(const QString &adminDir, consent::WithdrawalMatcher &matcher);

} // namespace chorus::cli
