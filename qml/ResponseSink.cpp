// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResponseSink.h"

#include "common/Version.h"
#include "consent/ConsentCapture.h"
#include "consent/QrMatrix.h"
#include "consent/QrPng.h"
#include "consent/SurveyConsent.h"

namespace chorus::ui {

FinalizerSink::FinalizerSink(store::Store &store, QString deviceId) : m_finalizer(store), m_deviceId(std::move(deviceId))
{
}

Result<SubmitReceipt> FinalizerSink::submit(const survey::SurveyPackage &package, const response::Response &answers,
                                            const ConsentChoices &choices)
{
    const auto mode = consent::collectionModeFromString(choices.mode);
    if (!mode) {
        return makeError(ErrorKind::Internal, QStringLiteral("unknown collection mode '%1'").arg(choices.mode));
    }
    consent::CaptureRequest request = consent::captureRequestFor(package, choices.noticeLanguage, answers.instanceId);
    // The consent page shows one unticked box per purpose; its objectName is the control id.
    for (const QString &purpose : std::as_const(request.offeredPurposes)) {
        request.actions.append(consent::ActionEvidence{QStringLiteral("purpose_") + purpose, purpose,
                                                       choices.purposes.value(purpose, false), false});
    }
    request.mode = *mode;
    request.operatorId = choices.operatorId;
    request.clockConfidence = consent::ClockConfidence::DeviceOnly;
    request.deviceId = m_deviceId;
    request.appVersion = appVersion();
    auto captured = consent::captureConsent(request);
    if (!captured) {
        return captured.error();
    }
    response::Response sealed = answers;
    consent::applyConsentToAnswers(package, captured->record, sealed);
    sealed.consent = captured->record;
    auto id = m_finalizer.finalize(package, sealed);
    if (!id) {
        return id.error();
    }
    SubmitReceipt receipt{*id, captured->receiptCode.formatted(), {}};
    if (auto matrix = consent::encodeQr(receipt.receiptCode)) {
        receipt.receiptQrPng = consent::qrPng(*matrix);
    }
    return receipt;
}

} // namespace chorus::ui
