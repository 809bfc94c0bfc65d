// SPDX-License-Identifier: GPL-3.0-or-later
#include "SdcAttacker.h"
#include "export/Sdc.h"

#include <QRandomGenerator>
#include <QTest>

using namespace chorus;
using namespace chorus::exports;

namespace
{

CountTable table(const QList<QList<qint64>> &cells, bool columnTotals = true)
{
    CountTable t;
    t.id = QStringLiteral("t");
    for (int r = 0; r < cells.size(); ++r)
        t.rowLabels.append(QStringLiteral("r%1").arg(r));
    for (int c = 0; c < cells.at(0).size(); ++c)
        t.columnLabels.append(QStringLiteral("c%1").arg(c));
    t.cells = cells;
    t.publishColumnTotals = columnTotals;
    return t;
}

ProtectedTable protectOne(const CountTable &t, const SdcOptions &options = {})
{
    auto result = protectTables({ t }, options);
    if (!result.ok())
        qFatal("protectTables failed");
    return result->at(0);
}

CountTable randomTable(QRandomGenerator &rng, const QString &id)
{
    const int rows = rng.bounded(1, 5);
    const int columns = rng.bounded(2, 6);
    QList<QList<qint64>> cells;
    for (int r = 0; r < rows; ++r) {
        QList<qint64> row;
        for (int c = 0; c < columns; ++c) {
            const int kind = rng.bounded(10);
            row.append(kind < 2 ? 0 : kind < 6 ? rng.bounded(1, 5) : rng.bounded(5, 18));
        }
        cells.append(row);
    }
    CountTable t = table(cells, rows > 1 || rng.bounded(2) == 0);
    t.id = id;
    return t;
}

// The two properties every protected release must have, checked against an attacker that
// shares nothing with the implementation.
void checkRelease(const QList<ProtectedTable> &tables, const SdcOptions &options)
{
    for (const ProtectedTable &t : tables) {
        for (int r = 0; r <= t.rows(); ++r) {
            for (int c = 0; c <= t.columns(); ++c) {
                const ProtectedCell &cell = t.at(r, c);
                if (cell.status != CellStatus::Released)
                    continue;
                QVERIFY2(!(cell.count >= 1 && cell.count < options.k), "a small count was released");
                QVERIFY2(!(cell.count == 0 && options.suppressZeros), "a zero was released");
            }
        }
    }
    testing::Attacker attacker(tables);
    for (const auto &[ti, r, c] : attacker.hiddenCells()) {
        if (!tables.at(ti).at(r, c).isSuppressed())
            continue;
        QVERIFY2(attacker.hasSecondValue(ti, r, c),
            qPrintable(QStringLiteral("hidden cell %1:(%2,%3) is recoverable").arg(tables.at(ti).id()).arg(r).arg(c)));
    }
}

} // namespace

class TestSdc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void primary_smallCountsHidden_zerosReleasedByDefault()
    {
        const ProtectedTable p = protectOne(table({ { 40, 3, 0, 25 } }, false));
        QCOMPARE(p.at(0, 1).status, CellStatus::PrimarySuppressed);
        QCOMPARE(p.at(0, 2).status, CellStatus::Released);
        QCOMPARE(p.released(0, 2), std::optional<qint64>(0));
    }

    void suppressZeros_hidesZerosToo()
    {
        SdcOptions options;
        options.suppressZeros = true;
        const ProtectedTable p = protectOne(table({ { 40, 3, 0, 25 } }, false), options);
        QCOMPARE(p.at(0, 2).status, CellStatus::PrimarySuppressed);
    }

    void oneWayTable_singleSmallCell_getsTheSmallestUsableComplement()
    {
        // Hiding only the 3 would let total - 40 - 25 - 12 give it away.
        const ProtectedTable p = protectOne(table({ { 40, 3, 25, 12 } }, false));
        QCOMPARE(p.at(0, 1).status, CellStatus::PrimarySuppressed);
        QCOMPARE(p.at(0, 3).status, CellStatus::SecondarySuppressed);
        QCOMPARE(p.at(0, 0).status, CellStatus::Released);
        QCOMPARE(p.at(0, 2).status, CellStatus::Released);
        QCOMPARE(p.released(0, 4), std::optional<qint64>(80));
        QVERIFY(!hasRecoverableCell(p));
    }

    void twoWayTable_singleSmallCell_hidesARectangle()
    {
        const ProtectedTable p = protectOne(table({ { 30, 4, 20 }, { 25, 15, 40 }, { 12, 30, 11 } }));
        QCOMPARE(p.suppressedCount(), 4);
        QVERIFY(!hasRecoverableCell(p));
        checkRelease({ p }, {});
    }

    void rowAndColumnRule_isNotEnough_bridgeBetweenCyclesIsDetected()
    {
        // Two hidden rectangles joined by one hidden cell: every row and column with a hidden
        // cell holds two, yet the joining cell follows from the totals.
        ProtectedTable p
            = protectOne(table({ { 20, 20, 20, 20 }, { 20, 20, 20, 20 }, { 20, 20, 20, 20 }, { 20, 20, 20, 20 } }));
        QCOMPARE(p.suppressedCount(), 0);
        for (const auto &[r, c] :
            { std::pair { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 }, { 2, 2 }, { 2, 3 }, { 3, 2 }, { 3, 3 }, { 0, 2 } })
            p.at(r, c).status = CellStatus::SecondarySuppressed;
        QVERIFY(hasRecoverableCell(p));
        testing::Attacker attacker({ p });
        QVERIFY(!attacker.hasSecondValue(0, 0, 2));
        QVERIFY(attacker.hasSecondValue(0, 0, 0));
    }

    void roundTo5_releasesMultiplesOfFive_percentagesFromRoundedFigures()
    {
        SdcOptions options;
        options.roundTo5 = true;
        const ProtectedTable p = protectOne(table({ { 12, 23, 0 } }, false), options);
        QCOMPARE(p.released(0, 0), std::optional<qint64>(10));
        QCOMPARE(p.released(0, 1), std::optional<qint64>(25));
        QCOMPARE(p.released(0, 3), std::optional<qint64>(35));
        QCOMPARE(*p.percentOfRow(0, 0), 100.0 * 10 / 35);
        QCOMPARE(roundToFive(12), qint64(10));
        QCOMPARE(roundToFive(13), qint64(15));
        QCOMPARE(roundToFive(0), qint64(0));
    }

    void percentage_neverPublishedForAHiddenCountOrTotal()
    {
        const ProtectedTable p = protectOne(table({ { 40, 3, 25, 12 }, { 6, 2, 1, 0 } }));
        QVERIFY(!p.percentOfRow(0, 1).has_value());
        QVERIFY(p.at(1, 4).isSuppressed()); // a ward with 9 respondents
        for (int c = 0; c < 4; ++c)
            QVERIFY(!p.percentOfRow(1, c).has_value());
        checkRelease({ p }, {});
    }

    void invalidInput_isRejectedWithAReason()
    {
        SdcOptions bad;
        bad.k = 0;
        QVERIFY(!protectTables({ table({ { 1, 2 } }) }, bad).ok());
        CountTable ragged = table({ { 1, 2 }, { 3, 4 } });
        ragged.cells[1].append(5);
        QCOMPARE(protectTables({ ragged }, {}).error().kind, ErrorKind::InvalidInput);
        QVERIFY(!protectTables({ table({ { 1, -2 } }) }, {}).ok());
    }

    void property_randomTables_noSmallCellReleased_noHiddenCellRecoverable_data()
    {
        QTest::addColumn<bool>("suppressZeros");
        QTest::addColumn<int>("k");
        QTest::newRow("k=5") << false << 5;
        QTest::newRow("k=5, zeros hidden") << true << 5;
        QTest::newRow("k=10") << false << 10;
    }
    void property_randomTables_noSmallCellReleased_noHiddenCellRecoverable()
    {
        QFETCH(bool, suppressZeros);
        QFETCH(int, k);
        SdcOptions options;
        options.k = k;
        options.suppressZeros = suppressZeros;
        QRandomGenerator rng(20261124u + quint32(k) + (suppressZeros ? 7u : 0u));
        for (int i = 0; i < 400; ++i) {
            const CountTable t = randomTable(rng, QStringLiteral("t%1").arg(i));
            auto result = protectTables({ t }, options);
            QVERIFY(result.ok());
            checkRelease(*result, options);
            QVERIFY(!hasRecoverableCell(result->at(0)));
            if (QTest::currentTestFailed()) {
                qWarning() << "failing table" << t.cells << "publishColumnTotals" << t.publishColumnTotals;
                return;
            }
        }
    }

    void linkedTables_sharedRowTotalHiddenInOne_isHiddenInAll()
    {
        // Two characteristics by ward, each with all answer states as columns, so both publish
        // the same respondents-per-ward totals.
        CountTable a = table({ { 30, 12, 8 }, { 2, 3, 1 }, { 25, 15, 20 } });
        CountTable b = table({ { 20, 20, 10 }, { 5, 0, 1 }, { 30, 20, 10 } });
        a.id = QStringLiteral("ethnicity");
        b.id = QStringLiteral("religion");
        a.rowTotalsGroup = b.rowTotalsGroup = QStringLiteral("ward");
        auto result = protectTables({ a, b }, {});
        QVERIFY(result.ok());
        QVERIFY(result->at(0).at(1, 3).isSuppressed());
        QVERIFY(result->at(1).at(1, 3).isSuppressed());
        checkRelease(*result, {});
    }

    void property_randomLinkedTables_noHiddenCellRecoverableFromBoth_data()
    {
        QTest::addColumn<bool>("suppressZeros");
        QTest::newRow("zeros released") << false;
        QTest::newRow("zeros hidden") << true;
    }
    void property_randomLinkedTables_noHiddenCellRecoverableFromBoth()
    {
        QFETCH(bool, suppressZeros);
        SdcOptions options;
        options.k = 5;
        options.suppressZeros = suppressZeros;
        QRandomGenerator rng(424242u + (suppressZeros ? 1u : 0u));
        for (int i = 0; i < 200; ++i) {
            CountTable a = randomTable(rng, QStringLiteral("a%1").arg(i));
            a.publishColumnTotals = true;
            // b splits each of a's row totals differently over its own columns.
            CountTable b = a;
            b.id = QStringLiteral("b%1").arg(i);
            const int columns = rng.bounded(2, 5);
            b.columnLabels.clear();
            for (int c = 0; c < columns; ++c)
                b.columnLabels.append(QStringLiteral("d%1").arg(c));
            for (int r = 0; r < a.cells.size(); ++r) {
                qint64 left = 0;
                for (qint64 n : a.cells.at(r))
                    left += n;
                QList<qint64> row(columns, 0);
                for (qint64 n = 0; n < left; ++n)
                    ++row[rng.bounded(columns)];
                b.cells[r] = row;
            }
            a.rowTotalsGroup = b.rowTotalsGroup = QStringLiteral("ward");
            auto result = protectTables({ a, b }, options);
            QVERIFY(result.ok());
            checkRelease(*result, options);
            if (QTest::currentTestFailed()) {
                qWarning() << "failing pair" << a.cells << b.cells;
                return;
            }
        }
    }

    void linkedTables_disagreeingTotals_areRejected()
    {
        CountTable a = table({ { 30, 12 } });
        CountTable b = table({ { 30, 13 } });
        a.rowTotalsGroup = b.rowTotalsGroup = QStringLiteral("ward");
        QCOMPARE(protectTables({ a, b }, {}).error().kind, ErrorKind::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestSdc)
#include "tst_sdc.moc"
