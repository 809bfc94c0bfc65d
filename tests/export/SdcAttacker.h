// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An attacker for the SDC tests that shares no code or reasoning with Sdc.cpp: it writes down
// every equation the published tables give (rows, columns, totals, shared totals across linked
// tables) and searches by brute force for another non-negative integer solution in which a
// hidden cell takes a different value.

#include "export/Sdc.h"

#include <QList>

#include <algorithm>
#include <vector>

namespace chorus::exports::testing
{

class Attacker
{
public:
    explicit Attacker(const QList<ProtectedTable> &tables) : m_tables(tables)
    {
        qint64 grand = 0;
        for (const ProtectedTable &t : tables)
            grand = std::max(grand, t.at(t.rows(), t.columns()).count);
        m_cap = 2 * grand + 20; // hidden grand totals are unbounded; this is generous enough
        for (int ti = 0; ti < tables.size(); ++ti) {
            const ProtectedTable &t = tables.at(ti);
            const int R = t.rows(), C = t.columns();
            for (int r = 0; r < R; ++r) {
                QList<std::pair<Ref, int>> eq;
                for (int c = 0; c < C; ++c)
                    eq.append({ { ti, r, c }, 1 });
                eq.append({ { ti, r, C }, -1 });
                addEquation(eq);
            }
            QList<std::pair<Ref, int>> rowTotals;
            for (int r = 0; r < R; ++r)
                rowTotals.append({ { ti, r, C }, 1 });
            rowTotals.append({ { ti, R, C }, -1 });
            addEquation(rowTotals);
            if (t.publishesColumnTotals()) {
                for (int c = 0; c < C; ++c) {
                    QList<std::pair<Ref, int>> eq;
                    for (int r = 0; r < R; ++r)
                        eq.append({ { ti, r, c }, 1 });
                    eq.append({ { ti, R, c }, -1 });
                    addEquation(eq);
                }
                QList<std::pair<Ref, int>> columnTotals;
                for (int c = 0; c < C; ++c)
                    columnTotals.append({ { ti, R, c }, 1 });
                columnTotals.append({ { ti, R, C }, -1 });
                addEquation(columnTotals);
            }
            // Linked tables publish the same row totals: the attacker knows they are equal.
            for (int tj = 0; tj < ti; ++tj) {
                const ProtectedTable &o = tables.at(tj);
                if (o.rowTotalsGroup().isEmpty() || o.rowTotalsGroup() != t.rowTotalsGroup())
                    continue;
                for (int r = 0; r < R; ++r) {
                    const int orow = int(o.rowLabels().indexOf(t.rowLabels().at(r)));
                    if (orow >= 0)
                        addEquation({ { { ti, r, C }, 1 }, { { tj, orow, o.columns() }, -1 } });
                }
            }
        }
    }

    // Every hidden cell, as (table, row, column).
    QList<std::tuple<int, int, int>> hiddenCells() const
    {
        QList<std::tuple<int, int, int>> result;
        for (const auto &[ref, index] : m_unknownIndex)
            result.append({ ref.table, ref.row, ref.column });
        return result;
    }

    // True if the published figures allow the hidden cell a value other than its true one.
    bool hasSecondValue(int table, int row, int column)
    {
        const int e = m_unknownIndex.at(indexOf({ table, row, column })).second;
        const qint64 truth = m_truth.at(size_t(e));
        for (qint64 t = 0; t <= m_cap; ++t) {
            if (t == truth)
                continue;
            std::vector<qint64> x(m_truth.size(), 0);
            std::vector<char> assigned(m_truth.size(), 0);
            x[size_t(e)] = t;
            assigned[size_t(e)] = 1;
            if (search(x, assigned))
                return true;
        }
        return false;
    }

private:
    struct Ref {
        int table, row, column;
        bool operator==(const Ref &) const = default;
    };
    struct Equation {
        std::vector<std::pair<int, int>> terms; // unknown index, coefficient
        qint64 constant = 0; // sum of coefficient * published value
    };

    int indexOf(const Ref &ref) const
    {
        for (int i = 0; i < int(m_unknownIndex.size()); ++i) {
            if (m_unknownIndex.at(size_t(i)).first == ref)
                return i;
        }
        return -1;
    }

    void addEquation(const QList<std::pair<Ref, int>> &terms)
    {
        Equation eq;
        for (const auto &[ref, coef] : terms) {
            const ProtectedCell &cell = m_tables.at(ref.table).at(ref.row, ref.column);
            if (cell.status == CellStatus::Released) {
                eq.constant += coef * cell.count;
                continue;
            }
            // A cell that is not published at all (the column totals of a one-way table) is
            // as unknown to the attacker as a suppressed one.
            int i = indexOf(ref);
            if (i < 0) {
                m_unknownIndex.push_back({ ref, int(m_truth.size()) });
                m_truth.push_back(cell.count);
                i = int(m_unknownIndex.size()) - 1;
            }
            eq.terms.push_back({ m_unknownIndex.at(size_t(i)).second, coef });
        }
        m_equations.push_back(std::move(eq));
    }

    bool search(std::vector<qint64> &x, std::vector<char> &assigned)
    {
        std::vector<qint64> upper(x.size(), m_cap);
        for (const Equation &eq : m_equations) {
            qint64 partial = eq.constant;
            int open = 0, lastOpen = -1, lastCoef = 0, sign = 0;
            bool mixed = false;
            for (const auto &[i, coef] : eq.terms) {
                if (assigned[size_t(i)]) {
                    partial += coef * x[size_t(i)];
                } else {
                    ++open;
                    lastOpen = i;
                    lastCoef = coef;
                    mixed = mixed || (sign != 0 && sign != coef);
                    sign = coef;
                }
            }
            if (open == 0) {
                if (partial != 0)
                    return false;
                continue;
            }
            if (open == 1) {
                const qint64 value = -partial * lastCoef;
                if (value < 0 || value > m_cap)
                    return false;
                x[size_t(lastOpen)] = value;
                assigned[size_t(lastOpen)] = 1;
                const bool ok = search(x, assigned);
                assigned[size_t(lastOpen)] = 0;
                return ok;
            }
            if (!mixed) {
                const qint64 room = -partial * sign; // the open terms must sum to this
                if (room < 0)
                    return false;
                for (const auto &[i, coef] : eq.terms) {
                    if (!assigned[size_t(i)])
                        upper[size_t(i)] = std::min(upper[size_t(i)], room);
                }
            }
        }
        int pick = -1;
        for (size_t i = 0; i < x.size(); ++i) {
            if (!assigned[i] && (pick < 0 || upper[i] < upper[size_t(pick)]))
                pick = int(i);
        }
        if (pick < 0)
            return true;
        assigned[size_t(pick)] = 1;
        for (qint64 v = 0; v <= upper[size_t(pick)]; ++v) {
            x[size_t(pick)] = v;
            if (search(x, assigned)) {
                assigned[size_t(pick)] = 0;
                return true;
            }
        }
        assigned[size_t(pick)] = 0;
        return false;
    }

    const QList<ProtectedTable> &m_tables;
    std::vector<std::pair<Ref, int>> m_unknownIndex;
    std::vector<qint64> m_truth;
    std::vector<Equation> m_equations;
    qint64 m_cap = 0;
};

} // namespace chorus::exports::testing
