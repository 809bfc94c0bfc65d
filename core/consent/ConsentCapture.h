// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsentRecord.h"
#include "Notice.h"
#include "ReceiptCode.h"
#include "common/Result.h"

namespace chorus::consent {

// Everything known when a respondent (or an operator keying in paper) confirms consent. The
// caller fills it from the survey package, the device and what the consent screen recorded;
// captureConsent() turns it into a validated record and a fresh receipt code.
struct CaptureRequest {
    QString responseId;
    QString surveyId;
    QString surveyVersion;
    QString questionBankVersion;
    QString controllerId;
    QStringList processorIds;
    QString lawfulBasis;
    QString art9Condition;
    QString noticeId;
    QString noticeVersion;
    QString noticeLocale;   // the language the notice was shown in
    NoticeText noticeText;  // exactly what was shown in that language
    QStringList offeredPurposes;         // every purpose on the consent screen, in order
    QList<ActionEvidence> actions;       // what was done to each control (from the UI or the form)
    CollectionMode mode = CollectionMode::Kiosk;
    QString operatorId;
    QDateTime capturedAtUtc;             // invalid: now
    qint64 deviceMonotonicMs = -1;       // negative: now
    ClockConfidence clockConfidence = ClockConfidence::DeviceOnly;
    QString deviceId;
    QString appVersion;
    AgeGateResult ageGate = AgeGateResult::NotAsked;
    ReceiptHashKey hashKey;
    // A code printed on a paper form's tear-off slip, keyed in with the form; empty: a new one.
    std::optional<ReceiptCode> presetReceiptCode;
};

struct CapturedConsent {
    ConsentRecord record;
    // Shown once to the respondent (with its QR code) and then forgotten: only its hash is kept.
    ReceiptCode receiptCode;
};

// Builds the record: a new consent id, a new receipt code (or the preset one) and its hash, the notice hash of the
// text shown, and a grant for each offered purpose exactly when a control for it was ticked.
// Returns the first rule the result breaks (ConsentRecord::validate), e.g. a pre-ticked box.
Result<CapturedConsent> captureConsent(const CaptureRequest &request);

// Evidence for a keyed-in paper form (or `chorusctl collect` flags): one control per offered
// purpose, "paper:<purpose>", ticked exactly for the purposes in `ticked`, never pre-ticked.
// A ticked purpose that was not offered is an error.
Result<QList<ActionEvidence>> paperFormEvidence(const QStringList &offeredPurposes, const QStringList &ticked);

// The device's monotonic clock (time since boot) in milliseconds.
qint64 monotonicNowMs();

} // namespace chorus::consent
