// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreRules.h"

#include <QSet>

namespace chorus::store {

std::optional<int> compareSurveyVersions(const QString &a, const QString &b)
{
    auto digitsOnly = [](const QString &s) {
        if (s.isEmpty()) {
            return false;
        }
        for (const QChar c : s) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
                return false;
            }
        }
        return true;
    };
    if (!digitsOnly(a) || !digitsOnly(b)) {
        return std::nullopt;
    }
    auto trimmed = [](const QString &s) {
        qsizetype i = 0;
        while (i + 1 < s.size() && s.at(i) == QLatin1Char('0')) {
            ++i;
        }
        return s.mid(i);
    };
    const QString x = trimmed(a);
    const QString y = trimmed(b);
    if (x.size() != y.size()) {
        return x.size() < y.size() ? -1 : 1;
    }
    const int c = x.compare(y);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

namespace rules {

Status validate(const FinalizedResponse &response)
{
    auto invalid = [&](const QString &what) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("cannot store response '%1': %2").arg(response.instanceId, what));
    };
    if (response.instanceId.trimmed().isEmpty()) {
        return invalid(QStringLiteral("the instance id is empty"));
    }
    if (response.surveyId.trimmed().isEmpty()) {
        return invalid(QStringLiteral("the survey id is empty"));
    }
    if (response.manifest.isEmpty()) {
        return invalid(QStringLiteral("the manifest (submission.xml) is empty"));
    }
    if (response.encryptedFiles.isEmpty()) {
        return invalid(QStringLiteral("there are no encrypted files; seal the submission first"));
    }
    if (!response.finalizedAt.isValid()) {
        return invalid(QStringLiteral("the finalization time is missing"));
    }
    if (response.consent) {
        if (response.consent->responseId != response.instanceId) {
            return invalid(QStringLiteral("its consent entry belongs to response '%1'").arg(response.consent->responseId));
        }
        if (auto status = validate(*response.consent); !status) {
            return status;
        }
    }
    QSet<QString> names;
    for (const FilePart &part : response.encryptedFiles) {
        if (part.name.isEmpty() || part.name.contains(QLatin1Char('/')) || part.name.contains(QLatin1Char('\\'))
            || part.name.startsWith(QLatin1Char('.'))) {
            return invalid(QStringLiteral("the part name '%1' is not a plain file name").arg(part.name));
        }
        if (names.contains(part.name)) {
            return invalid(QStringLiteral("two parts are named '%1'").arg(part.name));
        }
        names.insert(part.name);
    }
    return {};
}

Status validate(const Draft &draft)
{
    if (draft.responseId.trimmed().isEmpty() || draft.surveyId.trimmed().isEmpty()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("cannot save a draft without a response id and a survey id"));
    }
    if (draft.encryptedBlob.isEmpty()) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("cannot save draft '%1': the encrypted blob is empty").arg(draft.responseId));
    }
    if (!draft.updatedAt.isValid()) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("cannot save draft '%1': the update time is missing").arg(draft.responseId));
    }
    return {};
}

Status validate(const StoredSurvey &survey)
{
    if (survey.surveyId.trimmed().isEmpty()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("cannot store a survey without an id"));
    }
    if (!compareSurveyVersions(survey.version, survey.version)) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("survey '%1': the version '%2' is not a string of digits (e.g. 2026112401)")
                             .arg(survey.surveyId, survey.version));
    }
    if (survey.package.isEmpty() || survey.signature.isEmpty()) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("survey '%1': the package or its signature is empty").arg(survey.surveyId));
    }
    return {};
}

Status validate(const ConsentEntry &entry)
{
    auto invalid = [&](const QString &what) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("cannot record consent '%1': %2").arg(entry.consentId, what));
    };
    if (entry.consentId.trimmed().isEmpty() || entry.responseId.trimmed().isEmpty()) {
        return invalid(QStringLiteral("the consent id or the response id is empty"));
    }
    if (entry.receiptHash.isEmpty()) {
        return invalid(QStringLiteral("the receipt-code hash is empty"));
    }
    if (entry.surveyId.trimmed().isEmpty()) {
        return invalid(QStringLiteral("the survey id is empty"));
    }
    if (!entry.capturedAt.isValid()) {
        return invalid(QStringLiteral("the capture time is missing"));
    }
    return {};
}

Status checkSurveyUpgrade(const StoredSurvey *current, const StoredSurvey &incoming, bool *write)
{
    *write = true;
    if (auto status = validate(incoming); !status) {
        return status;
    }
    if (!current) {
        return {};
    }
    const int order = compareSurveyVersions(incoming.version, current->version).value_or(0);
    if (order < 0) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("survey '%1' version %2 is older than the version already on this device "
                                        "(%3); a device never goes back to an older survey")
                             .arg(incoming.surveyId, incoming.version, current->version));
    }
    if (order == 0) {
        if (incoming.package == current->package && incoming.signature == current->signature) {
            *write = false;
            return {};
        }
        return makeError(ErrorKind::Conflict,
                         QStringLiteral("survey '%1' version %2 is already on this device with different content; "
                                        "publish the change as a new version")
                             .arg(incoming.surveyId, incoming.version));
    }
    return {};
}

Status envelopeMayBeRemoved(const QString &instanceId, ResponseState state)
{
    if (state == ResponseState::Accepted || state == ResponseState::Conflict || state == ResponseState::DeletedOnServer
        || state == ResponseState::Withdrawn) {
        return {};
    }
    return makeError(ErrorKind::InvalidInput,
                     QStringLiteral("response '%1' is %2: its envelope is still needed for sending; withdraw it instead")
                         .arg(instanceId, response::stateName(state)));
}

Error notFound(const QString &instanceId)
{
    return makeError(ErrorKind::NotFound, QStringLiteral("no finalized response '%1' on this device").arg(instanceId));
}

Error alreadyFinalized(const QString &instanceId)
{
    return makeError(ErrorKind::Conflict,
                     QStringLiteral("response '%1' is already finalized; a finalized response is never overwritten")
                         .arg(instanceId));
}

Error consentExists(const QString &consentId)
{
    return makeError(ErrorKind::Conflict, QStringLiteral("consent '%1' is already recorded").arg(consentId));
}

Error consentNotFound(const QString &consentId)
{
    return makeError(ErrorKind::NotFound, QStringLiteral("no consent '%1' on this device").arg(consentId));
}

} // namespace rules
} // namespace chorus::store
