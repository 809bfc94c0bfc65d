// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <algorithm>
#include <cmath>
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

// Fixed-point with at least `digits` significant figures (0.0001234 -> "0.0001234", 1.0416 ->
// "1.04167" for 6), so a reader can recompute a figure and compare; never an exponent.
inline QString significant(std::optional<double> value, int digits = 6)
{
    if (!value)
        return {};
    if (*value == 0 || !std::isfinite(*value))
        return QString::number(*value, 'f', 0);
    const int magnitude = int(std::floor(std::log10(std::abs(*value))));
    return QString::number(*value, 'f', std::clamp(digits - 1 - magnitude, 0, 17));
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
