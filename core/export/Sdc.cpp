// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/Sdc.h"

#include <QHash>
#include <QSet>

#include <limits>
#include <vector>

namespace chorus::exports
{

// How recoverability is decided. Publishing a table with its margins publishes linear
// equations: each row of cells sums to its row total, each column to its column total, and
// both sets of totals to the grand total. Negate the totals and every equation says "this row
// (or column) of the extended grid sums to zero", so each grid entry joins exactly two
// equations: a network. Hidden entries are arcs between their two equations; an equation that is
// not published (the column totals of a one-way table) is a free node. Another solution that
// agrees with everything published differs from the true one by a circulation, and
// circulations decompose into simple cycles: a hidden count can take a second value exactly when
// it lies on a cycle of hidden entries along which every count can move by one in the cycle's
// direction without going negative. That is a reachability question on a small graph.

namespace
{

class Network
{
public:
    explicit Network(const ProtectedTable &table) : m_table(table), m_rows(table.rows()), m_columns(table.columns()) { }

    int nodeCount() const { return m_rows + m_columns + 3; }

    bool exists(int r, int c) const { return m_table.at(r, c).status != CellStatus::NotPublished; }

    // Hidden grid entries, as a mask over the grid, start from the table's current statuses.
    std::vector<char> suppressedMask() const
    {
        std::vector<char> mask(size_t((m_rows + 1) * (m_columns + 1)), 0);
        for (int r = 0; r <= m_rows; ++r) {
            for (int c = 0; c <= m_columns; ++c)
                mask[size_t(slot(r, c))] = m_table.at(r, c).isSuppressed();
        }
        return mask;
    }

    int slot(int r, int c) const { return r * (m_columns + 1) + c; }

    // True if the hidden entry (r, c) can take at least two values given everything published.
    bool isProtected(const std::vector<char> &mask, int r, int c) const
    {
        std::vector<std::vector<int>> adjacency(static_cast<size_t>(nodeCount()));
        for (int rr = 0; rr <= m_rows; ++rr) {
            for (int cc = 0; cc <= m_columns; ++cc) {
                if (!mask[size_t(slot(rr, cc))] || (rr == r && cc == c))
                    continue;
                const int u = rowNode(rr), w = columnNode(cc);
                if (canIncrease(rr, cc))
                    adjacency[size_t(u)].push_back(w);
                if (canDecrease(rr, cc))
                    adjacency[size_t(w)].push_back(u);
            }
        }
        const int u = rowNode(r), w = columnNode(c);
        return (canIncrease(r, c) && reaches(adjacency, w, u)) || (canDecrease(r, c) && reaches(adjacency, u, w));
    }

private:
    int freeNode() const { return m_rows + m_columns + 2; }
    int rowNode(int r) const
    {
        if (r < m_rows)
            return r;
        return m_table.publishesColumnTotals() ? m_rows : freeNode();
    }
    int columnNode(int c) const
    {
        if (c < m_columns)
            return m_table.publishesColumnTotals() ? m_rows + 1 + c : freeNode();
        return m_rows + 1 + m_columns;
    }
    // Grid entries are +count inside and at the corner, -count on the margins.
    bool isMargin(int r, int c) const { return (r == m_rows) != (c == m_columns); }
    // Moving the signed grid entry up by one: a count grows, a total shrinks (needs one to give).
    bool canIncrease(int r, int c) const { return !isMargin(r, c) || m_table.at(r, c).count >= 1; }
    bool canDecrease(int r, int c) const { return isMargin(r, c) || m_table.at(r, c).count >= 1; }

    static bool reaches(const std::vector<std::vector<int>> &adjacency, int from, int to)
    {
        std::vector<char> seen(adjacency.size(), 0);
        std::vector<int> stack { from };
        seen[size_t(from)] = 1;
        while (!stack.empty()) {
            const int n = stack.back();
            stack.pop_back();
            if (n == to)
                return true;
            for (int next : adjacency[size_t(n)]) {
                if (!seen[size_t(next)]) {
                    seen[size_t(next)] = 1;
                    stack.push_back(next);
                }
            }
        }
        return false;
    }

    const ProtectedTable &m_table;
    int m_rows;
    int m_columns;
};

bool isSmall(qint64 count, const SdcOptions &options)
{
    return (count >= 1 && count < options.k) || (count == 0 && options.suppressZeros);
}

// Hiding totals costs readers most, so a margin is chosen only when no inner cell will do.
constexpr qint64 kMarginCost = qint64(1) << 40;
constexpr qint64 kOtherGroupFactor = 1000;

// Adds secondary suppressions until every hidden entry is protected. Greedy: for the first
// exposed entry, hide the cheapest set of published cells (one cell in its row or column, or the
// three other corners of a rectangle) that protects it, cost being the counts hidden.
void protectOne(ProtectedTable &table)
{
    const int rows = table.rows(), columns = table.columns();
    const Network network(table);
    auto cost = [&](int r, int c, int exposedColumn) {
        const qint64 factor = table.columnGroup(c) == table.columnGroup(exposedColumn) ? 1 : kOtherGroupFactor;
        return table.at(r, c).count * factor
            + ((r == rows) != (c == columns) || (r == rows && c == columns) ? kMarginCost : 0);
    };
    auto usable = [&](int r, int c) {
        return network.exists(r, c) && !table.at(r, c).isSuppressed() && table.at(r, c).count >= 1;
    };
    for (;;) {
        std::vector<char> mask = network.suppressedMask();
        int er = -1, ec = -1;
        for (int r = 0; r <= rows && er < 0; ++r) {
            for (int c = 0; c <= columns; ++c) {
                if (mask[size_t(network.slot(r, c))] && !network.isProtected(mask, r, c)) {
                    er = r;
                    ec = c;
                    break;
                }
            }
        }
        if (er < 0)
            return;

        qint64 bestCost = std::numeric_limits<qint64>::max();
        QList<std::pair<int, int>> best;
        auto consider = [&](const QList<std::pair<int, int>> &cells) {
            qint64 total = 0;
            for (const auto &[r, c] : cells) {
                if (!usable(r, c))
                    return;
                total += cost(r, c, ec);
            }
            if (cells.isEmpty() || total >= bestCost)
                return;
            for (const auto &[r, c] : cells)
                mask[size_t(network.slot(r, c))] = 1;
            if (network.isProtected(mask, er, ec)) {
                bestCost = total;
                best = cells;
            }
            for (const auto &[r, c] : cells)
                mask[size_t(network.slot(r, c))] = 0;
        };
        for (int c = 0; c <= columns; ++c) {
            if (c != ec)
                consider({ { er, c } });
        }
        for (int r = 0; r <= rows; ++r) {
            if (r != er)
                consider({ { r, ec } });
        }
        for (int r = 0; r <= rows; ++r) {
            for (int c = 0; c <= columns; ++c) {
                if (r == er || c == ec)
                    continue;
                QList<std::pair<int, int>> cells;
                for (const auto &cell : { std::pair { er, c }, std::pair { r, ec }, std::pair { r, c } }) {
                    if (!mask[size_t(network.slot(cell.first, cell.second))])
                        cells.append(cell);
                }
                consider(cells);
            }
        }

        if (best.isEmpty()) {
            // Nothing cheap protects it (zeros all round): hide its whole row and column, then
            // everything, which always ends the loop.
            bool changed = false;
            for (int r = 0; r <= rows; ++r) {
                for (int c = 0; c <= columns; ++c) {
                    if ((r == er || c == ec) && network.exists(r, c) && !table.at(r, c).isSuppressed()) {
                        table.at(r, c).status = CellStatus::SecondarySuppressed;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                for (int r = 0; r <= rows; ++r) {
                    for (int c = 0; c <= columns; ++c) {
                        if (network.exists(r, c) && !table.at(r, c).isSuppressed()) {
                            table.at(r, c).status = CellStatus::SecondarySuppressed;
                            changed = true;
                        }
                    }
                }
            }
            if (!changed)
                return; // nothing published at all: nothing to recover from
            continue;
        }
        for (const auto &[r, c] : best)
            table.at(r, c).status = CellStatus::SecondarySuppressed;
    }
}

Status validate(const CountTable &table, const SdcOptions &options)
{
    if (options.k < 1)
        return makeError(ErrorKind::InvalidInput, QStringLiteral("The threshold k must be at least 1."));
    if (table.cells.size() != table.rowLabels.size())
        return makeError(ErrorKind::InvalidInput,
            QStringLiteral("Table %1 has %2 rows but %3 row labels.")
                .arg(table.id)
                .arg(table.cells.size())
                .arg(table.rowLabels.size()));
    if (table.rowLabels.isEmpty() || table.columnLabels.isEmpty())
        return makeError(ErrorKind::InvalidInput, QStringLiteral("Table %1 is empty.").arg(table.id));
    for (const QList<qint64> &row : table.cells) {
        if (row.size() != table.columnLabels.size())
            return makeError(ErrorKind::InvalidInput,
                QStringLiteral("Table %1 has a row whose length does not match its columns.").arg(table.id));
        for (qint64 n : row) {
            if (n < 0)
                return makeError(
                    ErrorKind::InvalidInput, QStringLiteral("Table %1 has a negative count.").arg(table.id));
        }
    }
    return {};
}

} // namespace

qint64 roundToFive(qint64 count)
{
    return ((count + 2) / 5) * 5;
}

ProtectedTable::ProtectedTable(const CountTable &table)
    : m_id(table.id)
    , m_rowLabels(table.rowLabels)
    , m_columnLabels(table.columnLabels)
    , m_rowTotalsGroup(table.rowTotalsGroup)
    , m_publishColumnTotals(table.publishColumnTotals)
    , m_columnGroups(table.columnGroups)
    , m_rows(int(table.rowLabels.size()))
    , m_columns(int(table.columnLabels.size()))
    , m_grid((m_rows + 1) * (m_columns + 1))
{
    for (int r = 0; r < m_rows; ++r) {
        for (int c = 0; c < m_columns; ++c) {
            const qint64 n = table.cells.at(r).at(c);
            at(r, c).count = n;
            at(r, m_columns).count += n;
            at(m_rows, c).count += n;
            at(m_rows, m_columns).count += n;
        }
    }
    if (!m_publishColumnTotals) {
        for (int c = 0; c < m_columns; ++c)
            at(m_rows, c).status = CellStatus::NotPublished;
    }
}

std::optional<qint64> ProtectedTable::released(int row, int column) const
{
    const ProtectedCell &cell = at(row, column);
    if (cell.status != CellStatus::Released)
        return std::nullopt;
    return cell.released;
}

std::optional<double> ProtectedTable::percentOfRow(int row, int column) const
{
    const auto part = released(row, column);
    const auto whole = released(row, m_columns);
    if (!part || !whole || *whole == 0)
        return std::nullopt;
    return 100.0 * double(*part) / double(*whole);
}

int ProtectedTable::suppressedCount() const
{
    int n = 0;
    for (const ProtectedCell &cell : m_grid)
        n += cell.isSuppressed();
    return n;
}

bool hasRecoverableCell(const ProtectedTable &table)
{
    const Network network(table);
    const std::vector<char> mask = network.suppressedMask();
    for (int r = 0; r <= table.rows(); ++r) {
        for (int c = 0; c <= table.columns(); ++c) {
            if (mask[size_t(network.slot(r, c))] && !network.isProtected(mask, r, c))
                return true;
        }
    }
    return false;
}

Result<QList<ProtectedTable>> protectTables(const QList<CountTable> &tables, const SdcOptions &options)
{
    QList<ProtectedTable> result;
    for (const CountTable &table : tables) {
        if (Status s = validate(table, options); !s)
            return s.error();
        ProtectedTable p(table);
        for (int r = 0; r <= p.rows(); ++r) {
            for (int c = 0; c <= p.columns(); ++c) {
                ProtectedCell &cell = p.at(r, c);
                if (cell.status != CellStatus::NotPublished && isSmall(cell.count, options))
                    cell.status = CellStatus::PrimarySuppressed;
            }
        }
        result.append(std::move(p));
    }

    // Linked tables: shared row totals must agree, and one hidden anywhere is hidden everywhere.
    QHash<QString, QHash<QString, qint64>> shared;
    for (const ProtectedTable &t : result) {
        if (t.rowTotalsGroup().isEmpty())
            continue;
        auto &totals = shared[t.rowTotalsGroup()];
        for (int r = 0; r < t.rows(); ++r) {
            const qint64 n = t.at(r, t.columns()).count;
            const auto it = totals.constFind(t.rowLabels().at(r));
            if (it != totals.constEnd() && *it != n)
                return makeError(ErrorKind::InvalidInput,
                    QStringLiteral("Tables in group %1 disagree on the total for %2.")
                        .arg(t.rowTotalsGroup(), t.rowLabels().at(r)));
            totals.insert(t.rowLabels().at(r), n);
        }
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (ProtectedTable &t : result)
            protectOne(t);
        QHash<QString, QSet<QString>> hidden;
        for (const ProtectedTable &t : result) {
            for (int r = 0; r < t.rows() && !t.rowTotalsGroup().isEmpty(); ++r) {
                if (t.at(r, t.columns()).isSuppressed())
                    hidden[t.rowTotalsGroup()].insert(t.rowLabels().at(r));
            }
        }
        for (ProtectedTable &t : result) {
            for (int r = 0; r < t.rows() && !t.rowTotalsGroup().isEmpty(); ++r) {
                ProtectedCell &cell = t.at(r, t.columns());
                if (!cell.isSuppressed() && hidden.value(t.rowTotalsGroup()).contains(t.rowLabels().at(r))) {
                    cell.status = CellStatus::SecondarySuppressed;
                    changed = true;
                }
            }
        }
    }

    for (ProtectedTable &t : result) {
        for (int r = 0; r <= t.rows(); ++r) {
            for (int c = 0; c <= t.columns(); ++c) {
                ProtectedCell &cell = t.at(r, c);
                if (cell.status == CellStatus::Released)
                    cell.released = options.roundTo5 ? roundToFive(cell.count) : cell.count;
            }
        }
    }
    return result;
}

} // namespace chorus::exports
