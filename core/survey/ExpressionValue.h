// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace chorus::survey {

// A value in the expression language, with XPath 1.0 / ODK conversion rules:
//  - an unanswered reference is the empty string, which is NaN as a number and false as a
//    boolean (so `${age} > 16` is false, not an error, while age is empty);
//  - numbers print without a trailing ".0" (XPath string());
//  - dates are days since 1970-01-01 (UTC) so date arithmetic gives days, and compare with
//    date strings ("2026-01-31"); `now()` is a date with a time part;
//  - a nodeset is the values of a question across repeat instances (count, sum).
class Value
{
public:
    enum class Type { String, Number, Boolean, Date, Nodeset };

    Value() = default;
    static Value string(QString s);
    static Value number(double n);
    static Value boolean(bool b);
    static Value date(double days, bool withTime = false);
    static Value nodeset(QStringList values);

    Type type() const { return m_type; }
    bool isEmptyString() const { return m_type == Type::String && m_string.isEmpty(); }

    QString toString() const;
    double toNumber() const;
    bool toBool() const;
    // Days since epoch if this is a date or a string in ISO date / date-time form.
    std::optional<double> toDays() const;
    const QStringList &nodes() const { return m_nodes; }

    static std::optional<double> parseDays(const QString &text);
    static QString formatNumber(double n);

private:
    Type m_type = Type::String;
    QString m_string;
    double m_number = 0;
    bool m_bool = false;
    bool m_withTime = false;
    QStringList m_nodes;
};

} // namespace chorus::survey
