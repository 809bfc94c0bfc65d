// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// TEMPORARY: the answer model belongs to core/response (survey helper). Until its
// `response/Answer.h` reaches main, this header declares the agreed shape so export code compiles.
// When it lands, this file shrinks to `#include "response/Answer.h"`.

#include <QString>

namespace chorus::response {

enum class AnswerState { Answered, PreferNotToSay, NotAnswered, NotAsked };

struct Answer {
    AnswerState state = AnswerState::NotAsked;
    QString value;   // canonical text: a code, space-separated codes, number text, ISO date/year
    QString writeIn; // only for options that invite one
};

} // namespace chorus::response
