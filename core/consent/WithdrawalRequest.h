// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsentRecord.h"
#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUuid>

namespace chorus::consent {

// A request to withdraw a response that has left the device (or sits on another device). It
// travels through the same outbox as submissions and is stored by the receiver; export and
// `chorusctl withdrawals apply` match it against decrypted consent records by receipt-code
// hash. It names nobody: withdrawal does not require people to identify themselves.
struct WithdrawalRequest {
    static constexpr int kSchemaVersion = 1;

    QUuid requestId;          // UUIDv4: makes re-sending the request idempotent
    QString surveyId;         // which survey's hash key to match with
    QString receiptCodeHash;  // receiptCodeHash(): 64 hex, never the code
    QDateTime requestedAtUtc; // device clock, like captured_at_utc
    WithdrawalChannel channel = WithdrawalChannel::OnDeviceRespondent;

    static WithdrawalRequest create(const QString &surveyId, const QString &receiptCodeHash,
                                    WithdrawalChannel channel, const QDateTime &requestedAtUtc);

    Status validate() const;

    // Compact JSON object: {"schema_version":1,"request_id":...,"survey_id":...,
    // "receipt_code_hash":...,"requested_at_utc":"...Z","channel":"written"}.
    QByteArray toJson() const;
    // Strict: every field present and valid; unknown fields are ignored.
    static Result<WithdrawalRequest> fromJson(const QByteArray &json);

    friend bool operator==(const WithdrawalRequest &, const WithdrawalRequest &) = default;
};

} // namespace chorus::consent
