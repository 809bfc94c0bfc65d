// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chorus::ui {

// The GOV.UK date input: separate day, month and year boxes (a year-only question has just the
// year box). What was typed becomes the canonical answer (yyyy-MM-dd or yyyy), or a message
// that says which part is wrong, with that part named so the page can mark its box.
struct DateCheck {
    QString value;   // empty when every box is empty, or when there is a problem
    QString problem; // in the app's language; empty when fine
    QString field;   // "day", "month", "year", or "" when the whole date is wrong
};

DateCheck checkDateParts(const QString &day, const QString &month, const QString &year, bool yearOnly);

} // namespace chorus::ui
