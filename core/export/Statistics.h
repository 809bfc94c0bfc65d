// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <optional>

namespace chorus::exports::stats
{

// 95 % Wilson score interval for a proportion x / n (n > 0). Unlike the normal approximation it
// stays inside [0, 1] and behaves for small counts, which is most of what a consultation gets.
struct Interval {
    double low = 0;
    double high = 0;
};
Interval wilson95(double x, double n);

// Upper tail of the chi-squared distribution: P(X >= statistic) with `df` degrees of freedom.
double chiSquaredUpperTail(double statistic, int df);

// Pearson goodness-of-fit of observed counts against expected proportions. Categories whose
// expected count is below 5 are merged (smallest first) until every group reaches 5, the usual
// condition for the chi-squared approximation. Nothing if fewer than two groups remain.
struct GoodnessOfFit {
    double statistic = 0;
    int degreesOfFreedom = 0;
    double pValue = 1;
    QList<QList<int>> groups; // indices of the input categories in each tested group
};
std::optional<GoodnessOfFit> goodnessOfFit(const QList<double> &observed, const QList<double> &proportions);

} // namespace chorus::exports::stats
