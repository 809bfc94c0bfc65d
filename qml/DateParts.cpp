// SPDX-License-Identifier: GPL-3.0-or-later
#include "DateParts.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>

namespace chorus::ui {

namespace {
bool digits(const QString &s, int maxLength)
{
    static const QRegularExpression onlyDigits(QStringLiteral("^[0-9]+$"));
    return s.size() <= maxLength && onlyDigits.match(s).hasMatch();
}

DateCheck problem(const QString &message, const char *field)
{
    return DateCheck{{}, message, QLatin1String(field)};
}

std::optional<DateCheck> checkYear(const QString &year)
{
    if (year.size() != 4 || !digits(year, 4)) {
        return problem(QCoreApplication::translate("DateParts", "The year must include 4 numbers, for example 1984"), "year");
    }
    return std::nullopt;
}
} // namespace

DateCheck checkDateParts(const QString &dayIn, const QString &monthIn, const QString &yearIn, bool yearOnly)
{
    const QString day = dayIn.trimmed();
    const QString month = monthIn.trimmed();
    const QString year = yearIn.trimmed();
    if (yearOnly) {
        if (year.isEmpty()) {
            return {};
        }
        if (auto wrong = checkYear(year)) {
            return *wrong;
        }
        return DateCheck{year, {}, {}};
    }
    if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
        return {};
    }
    // GOV.UK: name what is missing, and mark the first missing box.
    if (day.isEmpty() && month.isEmpty()) {
        return problem(QCoreApplication::translate("DateParts", "The date must include a day and month"), "day");
    }
    if (day.isEmpty() && year.isEmpty()) {
        return problem(QCoreApplication::translate("DateParts", "The date must include a day and year"), "day");
    }
    if (month.isEmpty() && year.isEmpty()) {
        return problem(QCoreApplication::translate("DateParts", "The date must include a month and year"), "month");
    }
    if (day.isEmpty()) {
        return problem(QCoreApplication::translate("DateParts", "The date must include a day"), "day");
    }
    if (month.isEmpty()) {
        return problem(QCoreApplication::translate("DateParts", "The date must include a month"), "month");
    }
    if (year.isEmpty()) {
        return problem(QCoreApplication::translate("DateParts", "The date must include a year"), "year");
    }
    if (!digits(day, 2) || day.toInt() < 1 || day.toInt() > 31) {
        return problem(QCoreApplication::translate("DateParts", "The day must be a number from 1 to 31"), "day");
    }
    if (!digits(month, 2) || month.toInt() < 1 || month.toInt() > 12) {
        return problem(QCoreApplication::translate("DateParts", "The month must be a number from 1 to 12"), "month");
    }
    if (auto wrong = checkYear(year)) {
        return *wrong;
    }
    const QDate date(year.toInt(), month.toInt(), day.toInt());
    if (!date.isValid()) {
        return problem(QCoreApplication::translate("DateParts", "The date must be a real date: that month does not have %1 days").arg(day.toInt()), "day");
    }
    return DateCheck{date.toString(Qt::ISODate), {}, {}};
}

} // namespace chorus::ui
