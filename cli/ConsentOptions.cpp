// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsentOptions.h"

#include "CliSupport.h"
#include "common/Version.h"
#include "consent/QrPng.h"
#include "consent/SurveyConsent.h"
#include "response/Response.h"
#include "survey/SurveyPackage.h"

#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace chorus::cli {

void addConsentOptions(QCommandLineParser &parser)
{
    parser.addOption({u"grant"_s,
                      u"A purpose the respondent ticked on the consent form (repeat for each). Purposes not "
                      "named are recorded as refused; without equality_monitoring no equality answer is kept."_s,
                      u"PURPOSE"_s});
    parser.addOption({u"mode"_s, u"How it was collected: paper (default), assisted, proxy, handheld or kiosk."_s,
                      u"MODE"_s, u"paper"_s});
    parser.addOption({u"operator"_s, u"Who keyed in or asked the questions (paper, assisted, proxy; default: this account@host)."_s,
                      u"ID"_s});
    parser.addOption({u"age-gate"_s,
                      u"Age confirmation: not_asked (default), 16_plus_confirmed, under_16 or prefer_not_to_say."_s,
                      u"RESULT"_s, u"not_asked"_s});
    parser.addOption({u"device-id"_s, u"This device's id in the consent record (default: chorusctl@<host>)."_s,
                      u"ID"_s});
    parser.addOption({u"receipt-code"_s,
                      u"The receipt code printed on the paper form's slip (default: a new code is made)."_s,
                      u"CODE"_s});
    parser.addOption({u"receipt-qr"_s, u"Also write the receipt code's QR code to this PNG file."_s, u"FILE.png"_s});
}

Result<consent::CapturedConsent> captureConsentFromOptions(const QCommandLineParser &parser,
                                                           const survey::SurveyPackage &package,
                                                           response::Response &response)
{
    const auto mode = consent::collectionModeFromString(parser.value(u"mode"_s));
    if (!mode)
        return makeError(ErrorKind::InvalidInput,
                         u"--mode '%1' is not one of paper, assisted, proxy, handheld, kiosk"_s.arg(parser.value(u"mode"_s)));
    const auto ageGate = consent::ageGateResultFromString(parser.value(u"age-gate"_s));
    if (!ageGate)
        return makeError(ErrorKind::InvalidInput,
                         u"--age-gate '%1' is not one of not_asked, 16_plus_confirmed, under_16, prefer_not_to_say"_s
                             .arg(parser.value(u"age-gate"_s)));
    // The consent record names who keyed the form in or asked the questions. Without
    // --operator that is the account running chorusctl on this machine.
    QString operatorId = parser.value(u"operator"_s);
    if (consent::modeNeedsOperator(*mode) && operatorId.isEmpty()) {
        const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME", u"operator"_s));
        operatorId = user + u'@' + QSysInfo::machineHostName();
    }

    consent::CaptureRequest request =
        consent::captureRequestFor(package, response.language, response.instanceId);
    auto evidence = consent::paperFormEvidence(request.offeredPurposes, parser.values(u"grant"_s));
    if (!evidence)
        return makeError(ErrorKind::InvalidInput, u"--grant: "_s + evidence.error().message);
    request.actions = *evidence;
    request.mode = *mode;
    request.operatorId = operatorId;
    request.ageGate = *ageGate;
    request.clockConfidence = consent::ClockConfidence::DeviceOnly;
    request.deviceId = parser.isSet(u"device-id"_s) ? parser.value(u"device-id"_s)
                                                     : u"chorusctl@"_s + QSysInfo::machineHostName();
    request.appVersion = appVersion();
    if (parser.isSet(u"receipt-code"_s)) {
        auto preset = consent::ReceiptCode::parse(parser.value(u"receipt-code"_s));
        if (!preset)
            return makeError(ErrorKind::InvalidInput, u"--receipt-code: "_s + preset.error().message);
        request.presetReceiptCode = *preset;
    }

    auto captured = consent::captureConsent(request);
    if (!captured)
        return captured.error();
    // Equality answers given without the equality grant would be dropped: refuse instead, so
    // nothing the keyer typed is silently lost.
    if (!consent::givenAnswersWithoutGrant(package, captured->record, response).isEmpty())
        return makeError(ErrorKind::InvalidInput,
                         u"the answers include equality questions but consent to equality monitoring was not "
                         u"recorded: add --grant equality_monitoring if the form's box was ticked, or leave "
                         u"those answers out"_s);
    consent::applyConsentToAnswers(package, captured->record, response);
    response.consent = captured->record;
    return captured;
}

Status writeReceiptQrIfAsked(const QCommandLineParser &parser, const consent::ReceiptCode &code)
{
    if (!parser.isSet(u"receipt-qr"_s))
        return {};
    auto matrix = consent::encodeQr(code.formatted());
    if (!matrix)
        return matrix.error();
    return writeFileAtomically(parser.value(u"receipt-qr"_s), consent::qrPng(*matrix));
}

} // namespace chorus::cli
