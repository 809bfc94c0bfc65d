// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceWithdrawal.h"

#include "LedgerRow.h"
#include "common/Logging.h"
#include "store/Store.h"

using namespace Qt::StringLiterals;

namespace chorus::consent {

using response::ResponseState;

QString outcomeName(DeviceWithdrawal::Outcome outcome)
{
    switch (outcome) {
    case DeviceWithdrawal::Outcome::ErasedBeforeSync:
        return u"erased_before_sync"_s;
    case DeviceWithdrawal::Outcome::AlreadyWithdrawn:
        return u"already_withdrawn"_s;
    case DeviceWithdrawal::Outcome::RequestNeeded:
        return u"request_needed"_s;
    }
    return {};
}

namespace {

Result<DeviceWithdrawal> withdrawOne(store::Store &store, const store::ConsentEntry &entry, const QString &receiptHash,
                                     WithdrawalChannel channel, const QDateTime &now)
{
    DeviceWithdrawal result{entry.responseId, entry.consentId, entry.surveyId, entry.surveyVersion,
                            DeviceWithdrawal::Outcome::ErasedBeforeSync, false, std::nullopt};
    auto stored = store.responses().load(entry.responseId);
    if (!stored && stored.error().kind != ErrorKind::NotFound)
        return stored.error();

    const bool present = stored.ok();
    const ResponseState state = present ? stored->state : ResponseState::Withdrawn;
    // Any attempt may have reached the server even if the reply never came back.
    const bool mayBeOnServer = present
        && (stored->attempts > 0 || state == ResponseState::Sending || state == ResponseState::Accepted
            || state == ResponseState::Conflict || state == ResponseState::DeletedOnServer);

    if (present && (state == ResponseState::Finalized || state == ResponseState::Failed)) {
        if (Status erased = store.responses().markWithdrawn(entry.responseId); !erased)
            return erased.error();
        result.envelopeErased = true;
    } else if (present && !stored->envelopeRemoved
               && (state == ResponseState::Accepted || state == ResponseState::Conflict
                   || state == ResponseState::DeletedOnServer)) {
        // The server has it, so the withdrawal request below does the rest; the local sealed copy
        // is erased now, as before sync, not left until the retention rule removes it.
        if (Status erased = store.responses().removeEnvelope(entry.responseId, u"withdrawn after sync"_s); !erased)
            return erased.error();
        result.envelopeErased = true;
    }

    if (entry.withdrawnAt && !mayBeOnServer && !result.envelopeErased) {
        result.outcome = DeviceWithdrawal::Outcome::AlreadyWithdrawn;
        return result;
    }
    if (Status marked = store.consent().markWithdrawn(entry.consentId, {now, toString(channel), {}}); !marked)
        return marked.error();
    if (mayBeOnServer) {
        result.outcome = DeviceWithdrawal::Outcome::RequestNeeded;
        result.request = WithdrawalRequest::create(entry.surveyId, receiptHash, channel, now);
    }
    const QString detail = u"%1 via %2"_s.arg(outcomeName(result.outcome), toString(channel));
    if (Status audited = store.audit().append(u"consent.withdrawn"_s, entry.consentId, detail); !audited)
        qCWarning(lcConsent) << "could not audit the withdrawal of" << entry.consentId << audited.error().message;
    return result;
}

} // namespace

Result<QList<DeviceWithdrawal>> withdrawOnDevice(store::Store &store, const ReceiptCode &code,
                                                 const QList<SurveyHashKey> &surveys, WithdrawalChannel channel,
                                                 const QDateTime &nowUtc)
{
    QList<DeviceWithdrawal> results;
    for (const SurveyHashKey &survey : surveys) {
        const QString hash = receiptCodeHash(code, survey.key);
        auto entries = store.consent().findByReceiptHash(ledgerReceiptHash(hash));
        if (!entries)
            return entries.error();
        for (const store::ConsentEntry &entry : *entries) {
            if (entry.surveyId != survey.surveyId)
                continue;
            auto one = withdrawOne(store, entry, hash, channel, nowUtc.toUTC());
            if (!one)
                return one.error();
            results.append(*one);
        }
    }
    if (results.isEmpty())
        return makeError(ErrorKind::NotFound,
                         u"No response on this device has this receipt code. Check the code; if the response was "
                         "collected on another device, withdraw it there or contact the council."_s);
    return results;
}

} // namespace chorus::consent
