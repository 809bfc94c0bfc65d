// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/Statistics.h"

#include <QTest>

#include <cmath>

using namespace chorus::exports::stats;

// Expected values are worked by hand from the closed forms: for even df the chi-squared upper
// tail is exp(-x/2) * sum_{i<df/2} (x/2)^i / i!, and the Wilson bounds from their formula.
class TestStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chiSquared_evenDegrees_matchClosedForm()
    {
        QVERIFY(std::abs(chiSquaredUpperTail(3.0, 2) - std::exp(-1.5)) < 1e-12);
        QVERIFY(std::abs(chiSquaredUpperTail(10.0, 4) - std::exp(-5.0) * (1 + 5.0)) < 1e-12);
        QVERIFY(std::abs(chiSquaredUpperTail(30.0, 6) - std::exp(-15.0) * (1 + 15.0 + 112.5)) < 1e-12);
    }

    void chiSquared_oneDegree_criticalValueGivesFivePercent()
    {
        QVERIFY(std::abs(chiSquaredUpperTail(3.841458820694124, 1) - 0.05) < 1e-9);
        QCOMPARE(chiSquaredUpperTail(0, 3), 1.0);
    }

    void wilson_knownInterval()
    {
        // x = 12, n = 192: centre (p + z²/2n)/(1 + z²/n), half-width z·sqrt(p(1-p)/n + z²/4n²)/(1 + z²/n).
        const Interval ci = wilson95(12, 192);
        QVERIFY(std::abs(ci.low - 0.036110) < 1e-5);
        QVERIFY(std::abs(ci.high - 0.106053) < 1e-5);
    }

    void wilson_zeroCount_staysInsideZeroToOne()
    {
        const Interval ci = wilson95(0, 20);
        QCOMPARE(ci.low, 0.0);
        QVERIFY(ci.high > 0.1 && ci.high < 0.2);
    }

    void goodnessOfFit_mergesSmallExpectedCountsSmallestFirst()
    {
        // Expected counts 50, 40, 4, 3, 3: the two 3s merge into 6, then the 4 (still below 5) joins them.
        const auto fit = goodnessOfFit({ 52, 38, 2, 5, 3 }, { 0.5, 0.4, 0.04, 0.03, 0.03 });
        QVERIFY(fit.has_value());
        QCOMPARE(fit->groups.size(), 3);
        QCOMPARE(fit->degreesOfFreedom, 2);
        // (52-50)²/50 + (38-40)²/40 + (10-10)²/10 = 0.08 + 0.1 + 0
        QVERIFY(std::abs(fit->statistic - 0.18) < 1e-12);
        QVERIFY(std::abs(fit->pValue - std::exp(-0.09)) < 1e-12);
    }

    void goodnessOfFit_singleGroupLeft_givesNoTest()
    {
        QVERIFY(!goodnessOfFit({ 3, 1 }, { 0.5, 0.5 }).has_value());
        QVERIFY(!goodnessOfFit({ 0, 0 }, { 0.5, 0.5 }).has_value());
    }
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
