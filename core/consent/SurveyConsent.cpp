// SPDX-License-Identifier: GPL-3.0-or-later
#include "SurveyConsent.h"

#include "response/Response.h"
#include "survey/SurveyPackage.h"

using namespace Qt::StringLiterals;

namespace chorus::consent {

QString shownNoticeLocale(const survey::SurveyPackage &package, const QString &language)
{
    const survey::LocalizedText &text = package.privacyNotice.text;
    for (const QString &candidate : {language, package.defaultLanguage(), u"en"_s}) {
        if (!candidate.isEmpty() && text.has(candidate))
            return candidate;
    }
    return text.isEmpty() ? language : text.all().firstKey();
}

NoticeText noticeTextFor(const survey::SurveyPackage &package, const QString &language)
{
    const QString locale = shownNoticeLocale(package, language);
    QStringList statement;
    for (const survey::Purpose &purposeEntry : package.purposes)
        statement.append(purposeEntry.text.text(locale, package.defaultLanguage()));
    return NoticeText{statement.join(u'\n'), package.privacyNotice.text.text(locale, package.defaultLanguage())};
}

ReceiptHashKey receiptHashKeyFor(const survey::SurveyPackage &package)
{
    return deriveReceiptHashKey(package.id, QByteArray::fromBase64(package.publicKey.toLatin1()));
}

CaptureRequest captureRequestFor(const survey::SurveyPackage &package, const QString &language,
                                 const QString &responseId)
{
    CaptureRequest request;
    request.responseId = responseId;
    request.surveyId = package.id;
    request.surveyVersion = package.version;
    request.questionBankVersion = package.bankVersion;
    request.controllerId = package.controller.name;
    request.lawfulBasis = package.privacyNotice.lawfulBasis;
    request.art9Condition = package.privacyNotice.art9Condition;
    request.noticeId = package.privacyNotice.id;
    request.noticeVersion = package.privacyNotice.version;
    request.noticeLocale = shownNoticeLocale(package, language);
    request.noticeText = noticeTextFor(package, language);
    for (const survey::Purpose &purposeEntry : package.purposes)
        request.offeredPurposes.append(purposeEntry.id);
    request.hashKey = receiptHashKeyFor(package);
    return request;
}

NoticeFingerprint noticeFingerprintFor(const survey::SurveyPackage &package)
{
    QMap<QString, NoticeText> texts;
    for (auto it = package.privacyNotice.text.all().cbegin(); it != package.privacyNotice.text.all().cend(); ++it)
        texts.insert(it.key(), noticeTextFor(package, it.key()));
    return NoticeFingerprint::of(package.privacyNotice.id, package.privacyNotice.version, texts);
}

QStringList lintNoticeChange(const survey::SurveyPackage &published, const survey::SurveyPackage &candidate)
{
    return lintNoticeRevision(noticeFingerprintFor(published), noticeFingerprintFor(candidate));
}

bool needsEqualityConsent(const survey::SurveyPackage &package, const QString &questionName)
{
    const survey::Question *question = package.question(questionName);
    return question && !question->bankItem.isEmpty();
}

Status surveyMayContinue(const survey::SurveyPackage &package, const ConsentRecord &record)
{
    if (consentGate(record, package.consent.continueWithoutEquality).continueSurvey)
        return {};
    return makeError(ErrorKind::Permission,
                     u"survey %1 goes on only with consent to equality monitoring (its setting "
                     "consent.continueWithoutEquality is false), and that consent was not given: no response was "
                     "created. Thank the respondent; nothing of theirs is kept."_s.arg(package.id));
}

int applyConsentToAnswers(const survey::SurveyPackage &package, const ConsentRecord &record,
                          response::Response &response)
{
    if (consentGate(record, true).askEqualityQuestions)
        return 0;
    int changed = 0;
    for (auto it = response.answers.begin(); it != response.answers.end(); ++it) {
        // "repeat[n]/name" -> "name"
        const QString name = it.key().section(u'/', -1);
        if (needsEqualityConsent(package, name) && it->state != response::AnswerState::NotAsked) {
            *it = response::Answer::notAsked();
            ++changed;
        }
    }
    return changed;
}

QStringList givenAnswersWithoutGrant(const survey::SurveyPackage &package, const ConsentRecord &record,
                                     const response::Response &response)
{
    QStringList given;
    if (consentGate(record, true).askEqualityQuestions)
        return given;
    for (auto it = response.answers.cbegin(); it != response.answers.cend(); ++it) {
        const survey::Question *question = package.question(it.key().section(u'/', -1));
        const bool byRespondent = it->state == response::AnswerState::Answered
                               || it->state == response::AnswerState::PreferNotToSay;
        if (byRespondent && question && question->isAnswerable() && !question->bankItem.isEmpty())
            given.append(it.key());
    }
    return given;
}

} // namespace chorus::consent
