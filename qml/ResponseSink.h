// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "response/Finalizer.h"
#include "response/Response.h"
#include "survey/SurveyPackage.h"

#include <QMap>
#include <QString>

namespace chorus::store {
class Store;
}

namespace chorus::ui {

// What the respondent agreed to, as the consent screen captured it (nothing pre-ticked).
struct ConsentChoices {
    QString noticeId;
    QString noticeVersion;
    QString noticeLanguage;
    QString noticeText;             // exactly as shown, so a hash of it can be recorded
    QMap<QString, bool> purposes;   // purpose id -> granted
    QString mode;                   // "kiosk", "self", "assisted", "proxy"
    QString operatorId;             // assisted / proxy
};

struct SubmitReceipt {
    QString instanceId;
    QString receiptCode; // for withdrawal; empty until the consent service provides one
};

// Where a finished response goes: sealed to the council key and stored with its consent. The
// app's view-models only see this interface, so tests use a fake and the lead can swap in the
// service that also writes the consent record.
class ResponseSink
{
public:
    virtual ~ResponseSink() = default;
    virtual Result<SubmitReceipt> submit(const survey::SurveyPackage &package, const response::Response &response,
                                         const ConsentChoices &consent) = 0;
};

// The shared finalization path (response::Finalizer). It does not yet store the consent
// record or issue a receipt code: that arrives with the consent service.
class FinalizerSink : public ResponseSink
{
public:
    explicit FinalizerSink(store::Store &store) : m_finalizer(store) {}
    Result<SubmitReceipt> submit(const survey::SurveyPackage &package, const response::Response &response,
                                 const ConsentChoices &) override
    {
        auto id = m_finalizer.finalize(package, response);
        if (!id) {
            return id.error();
        }
        return SubmitReceipt{*id, {}};
    }

private:
    response::Finalizer m_finalizer;
};

} // namespace chorus::ui
