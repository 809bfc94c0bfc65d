// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "response/Finalizer.h"
#include "response/Response.h"
#include "survey/SurveyPackage.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace chorus::store {
class Store;
}

namespace chorus::ui {

// What the consent screen captured: one box per purpose, none pre-ticked, and who was there.
struct ConsentChoices {
    QString noticeLanguage;         // the language the notice and purposes were shown in
    QMap<QString, bool> purposes;   // purpose id -> ticked
    QString mode;                   // consent::CollectionMode name: kiosk, handheld, assisted, proxy
    QString operatorId;             // assisted / proxy
};

struct SubmitReceipt {
    QString instanceId;
    QString receiptCode; // formatted for people ("7K2M-QX9D-R4T1"); shown once, only its hash is kept
    QByteArray receiptQrPng;
};

// Where a finished response goes: its consent recorded, sealed to the council key and stored.
// The view-models only see this interface, so tests use a fake.
class ResponseSink
{
public:
    virtual ~ResponseSink() = default;
    virtual Result<SubmitReceipt> submit(const survey::SurveyPackage &package, const response::Response &response,
                                         const ConsentChoices &consent) = 0;
};

// The device's path, shared with `chorusctl collect`: the consent record (consent::captureConsent,
// which also drops equality answers when that purpose was not granted) goes inside the sealed
// response, then response::Finalizer seals and stores it in one transaction.
class FinalizerSink : public ResponseSink
{
public:
    FinalizerSink(store::Store &store, QString deviceId);
    Result<SubmitReceipt> submit(const survey::SurveyPackage &package, const response::Response &response,
                                 const ConsentChoices &consent) override;

private:
    response::Finalizer m_finalizer;
    QString m_deviceId;
};

} // namespace chorus::ui
