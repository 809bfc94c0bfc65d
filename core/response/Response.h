// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "consent/ConsentRecord.h"
#include "response/Answer.h"

#include <QDateTime>
#include <QMap>
#include <QString>

#include <optional>

namespace chorus::response {

// A respondent's answers to one version of one survey: the value FormEngine finalizes,
// SubmissionXml serializes (and parses back on the export side) and the store encrypts.
//
// Answers are keyed by answer path: the question name for a question outside any repeat, and
// "repeat[n]/name" (n from 1, as in XPath) for a question inside instance n of a repeat.
// `repeatCounts` holds how many instances each repeat has.
struct Response {
    QString instanceId;    // "uuid:" + RFC 4122 version 4, lower case
    QString surveyId;
    QString surveyVersion;
    QString bankVersion;   // "gss/2025.1", empty when the survey uses no bank item
    QString language;      // the language the respondent answered in
    QMap<QString, Answer> answers;
    QMap<QString, int> repeatCounts;
    QDateTime started;  // UTC
    QDateTime finished; // UTC, invalid until finalized
    // The outreach event it was collected at, if any: its name and ward code (never a location).
    QString eventName;
    QString eventWard;
    // The consent record, sealed with the answers (written inside <meta>, see
    // docs/formats/consent-record.md). Every finalized response from the app has one.
    std::optional<consent::ConsentRecord> consent;

    Answer answer(const QString &path) const { return answers.value(path, Answer::notAsked()); }

    friend bool operator==(const Response &, const Response &) = default;
};

// "uuid:" + a fresh random v4 UUID.
QString newInstanceId();
bool isValidInstanceId(const QString &instanceId);
// An ONS ward code: a nation letter and eight digits ("E05013938", "W05000981").
bool isValidWardCode(const QString &code);

// "repeat[n]/name"
QString repeatAnswerPath(const QString &repeat, int instance, const QString &name);

} // namespace chorus::response
