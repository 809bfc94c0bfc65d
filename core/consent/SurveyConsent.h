// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsentCapture.h"
#include "ConsentRecord.h"
#include "Notice.h"
#include "ReceiptCode.h"

namespace chorus::survey {
struct SurveyPackage;
}
namespace chorus::response {
struct Response;
}

namespace chorus::consent {

// The bridge between a survey package and consent: what the consent screen shows, how its
// text is hashed, and what a refusal does to the answers. The app's consent page, `chorusctl
// collect` and `chorusctl survey lint` all go through here, so they cannot disagree.

// The locale whose notice text is actually shown for `language`: the language itself if the
// notice has it, else the survey's default language, else English, else the first there is
// (the same fallback as LocalizedText::text). Recorded as notice_locale.
QString shownNoticeLocale(const survey::SurveyPackage &package, const QString &language);

// The consent screen's text in `language` (after the fallback above): the consent statement is
// the survey's purposes, one per line in package order, each "<purpose text>"; the privacy
// notice is privacyNotice.text. Its noticeSha256() is what the record stores.
NoticeText noticeTextFor(const survey::SurveyPackage &package, const QString &language);

// The receipt-hash key of this survey: deriveReceiptHashKey(id, DER bytes of publicKey).
ReceiptHashKey receiptHashKeyFor(const survey::SurveyPackage &package);

// A CaptureRequest with everything the package and response determine filled in: survey,
// bank version, controller, lawful basis, Art. 9 condition, notice id/version/locale/text,
// offered purposes and the hash key. The caller adds actions, mode, operator, device id,
// app version, age gate (and times, if not now).
CaptureRequest captureRequestFor(const survey::SurveyPackage &package, const QString &language,
                                 const QString &responseId);

// The notice of a package as the lint rule compares it: one hash per language the notice has.
NoticeFingerprint noticeFingerprintFor(const survey::SurveyPackage &package);

// For `chorusctl survey lint`: lintNoticeRevision() between the last published package and
// the new one.
QStringList lintNoticeChange(const survey::SurveyPackage &published, const survey::SurveyPackage &candidate);

// Questions from the equality bank are the ones that need the equality-monitoring grant.
bool needsEqualityConsent(const survey::SurveyPackage &package, const QString &questionName);

// The survey's rule for a refused equality-monitoring grant (consent.continueWithoutEquality):
// an error, worded for the person at the screen, when the survey does not go on without it, in
// which case no response may be created. The app's consent page and `chorusctl collect` ask
// this before anything is stored.
Status surveyMayContinue(const survey::SurveyPackage &package, const ConsentRecord &record);

// Applies the consent to a response before it is finalized: without the equality grant every
// equality question (answers inside repeats included) becomes NOT_ASKED, whatever was entered,
// so no equality answer is ever stored. Returns how many answers were changed.
int applyConsentToAnswers(const survey::SurveyPackage &package, const ConsentRecord &record,
                          response::Response &response);

// The equality answers the respondent gave (answered or prefer not to say) that `record` does
// not allow to be kept: their keys in response.answers, empty with the equality grant. Callers
// refuse such a response rather than drop what someone typed. A calculation (the bank's
// age_16_plus, the derived disability flag) is computed by the form, never given by the
// respondent, so it never counts, whatever its state.
QStringList givenAnswersWithoutGrant(const survey::SurveyPackage &package, const ConsentRecord &record,
                                     const response::Response &response);

} // namespace chorus::consent
