// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsentCapture.h"

#include <chrono>

using namespace Qt::StringLiterals;

namespace chorus::consent {

qint64 monotonicNowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

Result<QList<ActionEvidence>> paperFormEvidence(const QStringList &offeredPurposes, const QStringList &ticked)
{
    for (const QString &purposeId : ticked) {
        if (!offeredPurposes.contains(purposeId))
            return makeError(ErrorKind::InvalidInput,
                             u"'%1' is not one of this survey's purposes (%2)."_s
                                 .arg(purposeId, offeredPurposes.join(u", "_s)));
    }
    QList<ActionEvidence> evidence;
    for (const QString &purposeId : offeredPurposes)
        evidence.append(ActionEvidence{u"paper:"_s + purposeId, purposeId, ticked.contains(purposeId), false});
    return evidence;
}

Result<CapturedConsent> captureConsent(const CaptureRequest &request)
{
    if (request.offeredPurposes.isEmpty())
        return makeError(ErrorKind::InvalidInput,
                         u"The consent screen offered no purposes: the survey must list what consent is for."_s);
    if (request.hashKey.bytes.size() != 32)
        return makeError(ErrorKind::Internal, u"The receipt hash key is not set (derive it with deriveReceiptHashKey)."_s);

    CapturedConsent captured{ConsentRecord{}, request.presetReceiptCode.value_or(ReceiptCode::generate())};
    ConsentRecord &r = captured.record;
    r.consentId = QUuid::createUuid();
    r.responseId = request.responseId;
    r.receiptCodeHash = receiptCodeHash(captured.receiptCode, request.hashKey);
    r.controllerId = request.controllerId;
    r.processorIds = request.processorIds;
    for (const QString &purposeId : request.offeredPurposes) {
        bool ticked = false;
        for (const ActionEvidence &action : request.actions)
            ticked = ticked || (action.purpose == purposeId && action.checked);
        r.purposes.append(PurposeGrant{purposeId, ticked});
    }
    r.lawfulBasis = request.lawfulBasis;
    r.art9Condition = request.art9Condition;
    r.noticeId = request.noticeId;
    r.noticeVersion = request.noticeVersion;
    r.noticeLocale = request.noticeLocale;
    r.noticeSha256 = noticeSha256(request.noticeText);
    r.surveyId = request.surveyId;
    r.surveyVersion = request.surveyVersion;
    r.questionBankVersion = request.questionBankVersion;
    r.mode = request.mode;
    r.operatorId = request.operatorId;
    r.actionEvidence = request.actions;
    // Milliseconds only, so the XML round trip gives back exactly this value.
    const QDateTime at = request.capturedAtUtc.isValid() ? request.capturedAtUtc : QDateTime::currentDateTimeUtc();
    r.capturedAtUtc = QDateTime::fromMSecsSinceEpoch(at.toMSecsSinceEpoch(), Qt::UTC);
    r.deviceMonotonicMs = request.deviceMonotonicMs >= 0 ? request.deviceMonotonicMs : monotonicNowMs();
    r.clockConfidence = request.clockConfidence;
    r.deviceId = request.deviceId;
    r.appVersion = request.appVersion;
    r.ageGate = request.ageGate;

    if (Status valid = r.validate(); !valid)
        return valid.error();
    return captured;
}

} // namespace chorus::consent
