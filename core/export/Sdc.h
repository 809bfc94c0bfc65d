// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::exports
{

// Statistical disclosure control for published count tables (reference/sdc.md §2.2):
// primary suppression of small counts, secondary suppression so no hidden count can be worked
// back out of what is published, optional rounding to 5, and percentages only where both
// numerator and denominator are published. Pure functions: counts in, protected tables out.

struct SdcOptions {
    int k = 10; // cells with 1 <= n < k are suppressed
    bool suppressZeros = false; // UK LLC practice: zeros count as small too
    bool roundTo5 = false; // released counts rounded to the nearest 5
};

// A two-way table of counts with its margins: every row total, every column total and the
// grand total are published with it. A one-way table (one characteristic for one area) is a
// single row with publishColumnTotals = false, since its column totals would repeat its cells.
struct CountTable {
    QString id;
    QStringList rowLabels;
    QStringList columnLabels;
    QList<QList<qint64>> cells; // [row][column]
    bool publishColumnTotals = true;
    // Tables with the same non-empty group publish the same row totals (e.g. respondents per
    // ward in every characteristic's ward table). A total hidden in one is hidden in all.
    QString rowTotalsGroup;
    // Optional, per column: a group number. Secondary suppression prefers complements in the
    // exposed cell's own group (hiding elsewhere costs 1000 times the count), so that, say, the
    // answer-state columns and the category columns of a report each stay whole where they can.
    QList<int> columnGroups;
};

enum class CellStatus { Released, PrimarySuppressed, SecondarySuppressed, NotPublished };

struct ProtectedCell {
    qint64 count = 0; // the true count: never publish it unless status is Released
    CellStatus status = CellStatus::Released;
    qint64 released = 0; // the published figure (rounded if asked); meaningful only if Released

    bool isSuppressed() const
    {
        return status == CellStatus::PrimarySuppressed || status == CellStatus::SecondarySuppressed;
    }
};

// The table with its margins as one (rows + 1) x (columns + 1) grid: row `rows()` holds the
// column totals, column `columns()` the row totals, and the corner the grand total.
class ProtectedTable
{
public:
    ProtectedTable() = default;
    ProtectedTable(const CountTable &table);

    const QString &id() const { return m_id; }
    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    const QStringList &rowLabels() const { return m_rowLabels; }
    const QStringList &columnLabels() const { return m_columnLabels; }
    const QString &rowTotalsGroup() const { return m_rowTotalsGroup; }
    bool publishesColumnTotals() const { return m_publishColumnTotals; }
    int columnGroup(int column) const { return m_columnGroups.value(column, column < m_columns ? 0 : -1); }

    const ProtectedCell &at(int row, int column) const { return m_grid.at(index(row, column)); }
    ProtectedCell &at(int row, int column) { return m_grid[index(row, column)]; }

    // The published figure, or nothing if suppressed or not published.
    std::optional<qint64> released(int row, int column) const;
    // Share of the row total, in percent, from the published (rounded) figures; nothing if
    // either figure is suppressed or the total is zero.
    std::optional<double> percentOfRow(int row, int column) const;

    int suppressedCount() const;

private:
    int index(int row, int column) const { return row * (m_columns + 1) + column; }

    QString m_id;
    QStringList m_rowLabels;
    QStringList m_columnLabels;
    QString m_rowTotalsGroup;
    bool m_publishColumnTotals = true;
    QList<int> m_columnGroups;
    int m_rows = 0;
    int m_columns = 0;
    QList<ProtectedCell> m_grid;
};

// Protects a set of tables published together. Fails on malformed input (ragged rows,
// negative counts, k < 1, linked tables whose shared row totals differ).
Result<QList<ProtectedTable>> protectTables(const QList<CountTable> &tables, const SdcOptions &options);

// True if some suppressed cell could be worked out exactly from the published figures (the
// check secondary suppression enforces; exposed for tests and for tables edited by hand).
bool hasRecoverableCell(const ProtectedTable &table);

qint64 roundToFive(qint64 count);

} // namespace chorus::exports
