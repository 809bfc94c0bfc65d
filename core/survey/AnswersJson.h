// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "response/Response.h"
#include "survey/SurveyPackage.h"

#include <QDateTime>
#include <QJsonObject>

namespace chorus::survey {

struct FillOptions {
    QString language;                 // empty = the survey's default
    QDateTime started;                // invalid = now
    QDateTime finished;               // invalid = now
};

// The headless collect path (`chorusctl collect`, end-to-end tests): fills a FormEngine from
// an answers object (docs/formats/answers-json.md) and finalizes it, so routing, validation
// and answer states follow exactly the rules a respondent meets on screen.
//
//   {"q": "text" | 3 | ["a", "b"] | {"state": "prefer_not_to_say"} | {"value": "other", "writeIn": "..."},
//    "a_repeat": [{"child": "..."}, ...]}
//
// Fails, naming every offending question, on an unknown name, a value the question does not
// accept, an answer to a question this respondent is not asked, or a required question left
// unanswered.
Result<response::Response> fillFromAnswersJson(const SurveyPackage &package, const QJsonObject &answers,
                                               const FillOptions &options = {});

} // namespace chorus::survey
