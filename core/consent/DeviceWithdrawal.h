// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ReceiptCode.h"
#include "WithdrawalRequest.h"
#include "common/Result.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace chorus::store {
class Store;
}

namespace chorus::consent {

// Withdrawal on the device that holds the record, by receipt code (typed by the respondent or
// an operator; nobody has to say who they are).
//
// - Not yet sent (finalized, or failed without ever being attempted): the envelope is erased
//   (secure delete by the store), the ledger notes only when, the audit log records it.
// - Possibly on the server already (sending, accepted, conflict, or any attempt made): the
//   local envelope is erased where the state machine allows it, and a WithdrawalRequest is
//   returned for the caller to queue, because only the council can erase the server copy.
// The caller checkpoints the WAL afterwards so no erased page lingers in the log.
struct DeviceWithdrawal {
    enum class Outcome {
        ErasedBeforeSync, // nothing ever left the device
        AlreadyWithdrawn,
        RequestNeeded,    // see `request`
    };
    QString responseId;
    QString consentId;
    QString surveyId;
    QString surveyVersion;
    Outcome outcome = Outcome::ErasedBeforeSync;
    bool envelopeErased = false;
    std::optional<WithdrawalRequest> request;
};

// The surveys whose codes to try: a code is hashed with each survey's key (usually one).
struct SurveyHashKey {
    QString surveyId;
    ReceiptHashKey key;
};

// Finds the records this code belongs to and withdraws them. NotFound (with words for the
// person at the screen) when the code matches nothing on this device.
Result<QList<DeviceWithdrawal>> withdrawOnDevice(store::Store &store, const ReceiptCode &code,
                                                 const QList<SurveyHashKey> &surveys, WithdrawalChannel channel,
                                                 const QDateTime &nowUtc);

QString outcomeName(DeviceWithdrawal::Outcome outcome);

} // namespace chorus::consent
