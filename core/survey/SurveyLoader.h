// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "survey/SurveyPackage.h"
#include "survey/ValidationReport.h"

#include <QByteArray>

namespace chorus::survey {

// Bounds that keep a hostile package from exhausting memory or time. The defaults are far
// above any real survey (a long council survey has ~150 questions).
struct LoadLimits {
    qsizetype maxBytes = 4 * 1024 * 1024;
    int maxJsonDepth = 24;
    int maxQuestionDepth = 4; // group/repeat nesting
    int maxQuestions = 2000;
    int maxChoicesPerList = 500;
    int maxChoiceLists = 200;
    int maxLanguages = 30;
    int maxStringChars = 20000;
    int maxExpressionChars = 2000;
    int maxRepeatCount = 100;
};

inline const QString kSurveyFormat = QStringLiteral("chorus-survey/1");

// Turns package bytes into a validated SurveyPackage, expanding question bank references.
// Validation is total: every problem is reported with its JSON path (see ValidationReport),
// unknown fields are errors, and nothing is returned unless the report is empty.
class SurveyLoader
{
public:
    // On failure the Error's message names the first problem and the count; `report` (if
    // given) receives all of them.
    static Result<SurveyPackage> load(const QByteArray &bytes, ValidationReport *report = nullptr,
                                      const LoadLimits &limits = {});
    static Result<SurveyPackage> loadFile(const QString &path, ValidationReport *report = nullptr,
                                          const LoadLimits &limits = {});
};

} // namespace chorus::survey
