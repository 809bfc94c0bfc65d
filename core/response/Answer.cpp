// SPDX-License-Identifier: GPL-3.0-or-later
#include "Answer.h"

namespace chorus::response {

namespace {
struct StateName {
    AnswerState state;
    const char *name;
};
constexpr StateName kStateNames[] = {
    {AnswerState::Answered, "answered"},
    {AnswerState::PreferNotToSay, "prefer_not_to_say"},
    {AnswerState::NotAnswered, "not_answered"},
    {AnswerState::NotAsked, "not_asked"},
};
} // namespace

QString answerStateName(AnswerState state)
{
    for (const StateName &s : kStateNames) {
        if (s.state == state) {
            return QLatin1String(s.name);
        }
    }
    return {};
}

std::optional<AnswerState> answerStateFromName(const QString &name)
{
    for (const StateName &s : kStateNames) {
        if (name == QLatin1String(s.name)) {
            return s.state;
        }
    }
    return std::nullopt;
}

} // namespace chorus::response
