// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "response/Answer.h"
#include "survey/SurveyPackage.h"

namespace chorus::survey {

// Checks an answer's value against its question's type and returns it in canonical form
// (see response::Answer), or an Error whose message is meant for the respondent and is
// already translated (QCoreApplication::translate, context "chorus::survey::FormEngine").
Result<response::Answer> canonicalAnswer(const Question &question, const response::Answer &answer);

// Problems with an accepted answer that the respondent can fix: required but missing, too
// short or long, out of range. Constraints (expressions) are the engine's. Translated.
QStringList answerProblems(const Question &question, const response::Answer &answer, bool required);

// The numeric value of an integer, decimal or year answer (for ranges and expressions).
std::optional<double> answerNumber(const QString &value);

QString engineMessage(const char *text); // translate in the engine's context

} // namespace chorus::survey
