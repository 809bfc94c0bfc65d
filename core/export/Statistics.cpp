// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/Statistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace chorus::exports::stats
{

namespace
{

constexpr double kZ95 = 1.959963984540054;

// Regularised lower incomplete gamma P(a, x) by its series (x < a + 1).
double lowerGammaSeries(double a, double x)
{
    double term = 1.0 / a;
    double sum = term;
    for (int n = 1; n < 1000; ++n) {
        term *= x / (a + n);
        sum += term;
        if (std::abs(term) < std::abs(sum) * 1e-15)
            break;
    }
    return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// Regularised upper incomplete gamma Q(a, x) by its continued fraction (x >= a + 1), Lentz's method.
double upperGammaFraction(double a, double x)
{
    constexpr double tiny = 1e-300;
    double b = x + 1.0 - a;
    double c = 1.0 / tiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < 1000; ++i) {
        const double an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if (std::abs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (std::abs(c) < tiny)
            c = tiny;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::abs(delta - 1.0) < 1e-15)
            break;
    }
    return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

} // namespace

Interval wilson95(double x, double n)
{
    if (n <= 0)
        return { 0, 1 };
    const double p = x / n;
    const double z2 = kZ95 * kZ95;
    const double denominator = 1.0 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denominator;
    const double half = kZ95 * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    return { std::max(0.0, centre - half), std::min(1.0, centre + half) };
}

double chiSquaredUpperTail(double statistic, int df)
{
    if (df <= 0)
        return 1.0;
    if (statistic <= 0)
        return 1.0;
    const double a = df / 2.0;
    const double x = statistic / 2.0;
    if (x < a + 1.0)
        return 1.0 - lowerGammaSeries(a, x);
    return upperGammaFraction(a, x);
}

std::optional<GoodnessOfFit> goodnessOfFit(const QList<double> &observed, const QList<double> &proportions)
{
    const double n = std::accumulate(observed.begin(), observed.end(), 0.0);
    const double totalShare = std::accumulate(proportions.begin(), proportions.end(), 0.0);
    if (n <= 0 || totalShare <= 0 || observed.size() != proportions.size())
        return std::nullopt;

    struct Group {
        QList<int> members;
        double observed = 0;
        double expected = 0;
    };
    QList<Group> groups;
    for (int i = 0; i < observed.size(); ++i)
        groups.append({ { i }, observed.at(i), n * proportions.at(i) / totalShare });
    auto byExpected = [](const Group &a, const Group &b) {
        return a.expected < b.expected || (a.expected == b.expected && a.members.front() < b.members.front());
    };
    for (;;) {
        std::sort(groups.begin(), groups.end(), byExpected);
        if (groups.size() < 2 || groups.front().expected >= 5.0)
            break;
        Group merged = groups.takeFirst();
        Group &next = groups.first();
        next.members = merged.members + next.members;
        std::sort(next.members.begin(), next.members.end());
        next.observed += merged.observed;
        next.expected += merged.expected;
    }
    if (groups.size() < 2)
        return std::nullopt;
    std::sort(groups.begin(), groups.end(),
        [](const Group &a, const Group &b) { return a.members.front() < b.members.front(); });

    GoodnessOfFit fit;
    for (const Group &g : groups) {
        fit.statistic += (g.observed - g.expected) * (g.observed - g.expected) / g.expected;
        fit.groups.append(g.members);
    }
    fit.degreesOfFreedom = int(groups.size()) - 1;
    fit.pValue = chiSquaredUpperTail(fit.statistic, fit.degreesOfFreedom);
    return fit;
}

} // namespace chorus::exports::stats
