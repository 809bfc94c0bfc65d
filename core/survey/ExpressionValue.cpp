// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExpressionValue.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace chorus::survey {

namespace {
const QDate kEpoch(1970, 1, 1);
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
} // namespace

Value Value::string(QString s)
{
    Value v;
    v.m_type = Type::String;
    v.m_string = std::move(s);
    return v;
}

Value Value::number(double n)
{
    Value v;
    v.m_type = Type::Number;
    v.m_number = n;
    return v;
}

Value Value::boolean(bool b)
{
    Value v;
    v.m_type = Type::Boolean;
    v.m_bool = b;
    return v;
}

Value Value::date(double days, bool withTime)
{
    Value v;
    v.m_type = Type::Date;
    v.m_number = days;
    v.m_withTime = withTime;
    return v;
}

Value Value::nodeset(QStringList values)
{
    Value v;
    v.m_type = Type::Nodeset;
    v.m_nodes = std::move(values);
    return v;
}

QString Value::formatNumber(double n)
{
    if (std::isnan(n)) {
        return QStringLiteral("NaN");
    }
    if (std::isinf(n)) {
        return n > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    }
    if (n == std::trunc(n) && std::abs(n) < 1e15) {
        return QString::number(qint64(n));
    }
    return QString::number(n, 'g', 15);
}

std::optional<double> Value::parseDays(const QString &text)
{
    const QString t = text.trimmed();
    if (t.size() == 10) {
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (d.isValid()) {
            return double(kEpoch.daysTo(d));
        }
        return std::nullopt;
    }
    if (t.size() > 10 && t.at(10) == QLatin1Char('T')) {
        QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
        if (dt.isValid()) {
            return double(dt.toMSecsSinceEpoch()) / 86400000.0;
        }
    }
    return std::nullopt;
}

QString Value::toString() const
{
    switch (m_type) {
    case Type::String:
        return m_string;
    case Type::Number:
        return formatNumber(m_number);
    case Type::Boolean:
        return m_bool ? QStringLiteral("true") : QStringLiteral("false");
    case Type::Date: {
        if (std::isnan(m_number)) {
            return {};
        }
        if (m_withTime) {
            return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(m_number * 86400000.0)), Qt::UTC).toString(Qt::ISODateWithMs);
        }
        return kEpoch.addDays(qint64(std::floor(m_number))).toString(Qt::ISODate);
    }
    case Type::Nodeset:
        return m_nodes.isEmpty() ? QString() : m_nodes.constFirst();
    }
    return {};
}

double Value::toNumber() const
{
    switch (m_type) {
    case Type::Number:
    case Type::Date:
        return m_number;
    case Type::Boolean:
        return m_bool ? 1 : 0;
    case Type::String:
    case Type::Nodeset: {
        const QString s = toString().trimmed();
        if (s.isEmpty()) {
            return kNaN;
        }
        // XPath numbers: optional minus, digits, optional fraction. No exponents, no '+'.
        for (qsizetype i = 0; i < s.size(); ++i) {
            const QChar c = s.at(i);
            if (!(c.isDigit() || c == QLatin1Char('.') || (i == 0 && c == QLatin1Char('-')))) {
                return kNaN;
            }
        }
        bool ok = false;
        const double d = QLocale::c().toDouble(s, &ok);
        return ok ? d : kNaN;
    }
    }
    return kNaN;
}

bool Value::toBool() const
{
    switch (m_type) {
    case Type::Boolean:
        return m_bool;
    case Type::Number:
        return m_number != 0 && !std::isnan(m_number);
    case Type::Date:
        return !std::isnan(m_number);
    case Type::String:
        return !m_string.isEmpty();
    case Type::Nodeset:
        return !m_nodes.isEmpty();
    }
    return false;
}

std::optional<double> Value::toDays() const
{
    if (m_type == Type::Date) {
        return m_number;
    }
    if (m_type == Type::String || m_type == Type::Nodeset) {
        return parseDays(toString());
    }
    return std::nullopt;
}

} // namespace chorus::survey
