// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace chorus::response {

// Every question ends in exactly one of these four states. They are never merged: a
// "Prefer not to say" is an answer about the question, a skipped question is not, and a
// question the respondent never saw (routed past, age-gated, not in this survey) is neither.
enum class AnswerState {
    Answered,
    PreferNotToSay,
    NotAnswered, // shown and skipped
    NotAsked,    // never shown to this respondent
};

// Stable names used in files (submission XML, answers JSON, exports).
QString answerStateName(AnswerState state); // "answered", "prefer_not_to_say", "not_answered", "not_asked"
std::optional<AnswerState> answerStateFromName(const QString &name);

// One question's answer. `value` is canonical text, as ODK stores it: a choice code; codes
// separated by single spaces for multiple choice and ranking; an integer or decimal in C
// locale; an ISO date (yyyy-MM-dd) or a year (yyyy); "lat lon alt accuracy" for a geopoint.
// `writeIn` holds the "please write in" text of the chosen option that allows one.
struct Answer {
    AnswerState state = AnswerState::NotAnswered;
    QString value;
    QString writeIn;

    static Answer answered(QString value, QString writeIn = {})
    {
        return Answer{AnswerState::Answered, std::move(value), std::move(writeIn)};
    }
    static Answer preferNotToSay() { return Answer{AnswerState::PreferNotToSay, {}, {}}; }
    static Answer notAnswered() { return Answer{AnswerState::NotAnswered, {}, {}}; }
    static Answer notAsked() { return Answer{AnswerState::NotAsked, {}, {}}; }

    bool isAnswered() const { return state == AnswerState::Answered; }

    friend bool operator==(const Answer &, const Answer &) = default;
};

} // namespace chorus::response
