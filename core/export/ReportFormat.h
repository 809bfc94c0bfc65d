// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

// Number formatting shared by the HTML and CSV renderers. Locale-free on purpose: the same
// inputs must give the same bytes on every machine.
namespace chorus::exports::format
{

inline QString percent(std::optional<double> fraction, int decimals = 1)
{
    return fraction ? QString::number(*fraction * 100.0, 'f', decimals) : QString();
}

inline QString number(std::optional<double> value, int decimals)
{
    return value ? QString::number(*value, 'f', decimals) : QString();
}

inline QString count(std::optional<qint64> value)
{
    return value ? QString::number(*value) : QString();
}

inline QString pValue(double p)
{
    return p < 0.001 ? QStringLiteral("< 0.001") : QString::number(p, 'f', 3);
}

inline QString html(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace chorus::exports::format
