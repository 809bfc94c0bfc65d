// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariantList>
#include <QVariantMap>

namespace chorus::survey {
class FormEngine;
}

namespace chorus::ui::QuestionView {

// One page as QML draws it: {path, type, label, hint, required, offersPreferNotToSay, choices
// [{code, label, writeIn, selected}], state, value, writeIn, minimum, maximum, repeat, addable}
// (repeat and addable: see RepeatView). `type` is one
// of text, integer, decimal, date, year, single, multiple, rating, ranking, note, geopoint.
QVariantMap describe(const survey::FormEngine &engine, const QString &path);

// "Check your answers": [{path, label, answer}] for every shown answerable page.
QVariantList review(const survey::FormEngine &engine);

// The answer in words, in the respondent's language ("Prefer not to say", choice labels...).
QString answerText(const survey::FormEngine &engine, const QString &path);

} // namespace chorus::ui::QuestionView
