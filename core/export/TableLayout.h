// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/ExportModel.h"
#include "export/RecordWriter.h"

#include <QList>
#include <QString>

namespace chorus::exports
{

// The column layout shared by the tabular writers (CSV, XLSX), so both name and fill columns
// identically. A table is the main table (repeat group "") or one repeat group.
//
// Per question `q`: `q` (value: codes or labels, empty unless answered), `q__state` (one of the
// four states, never merged), `q__write_in` when the question invites one and write-ins are
// included, and for multiple choice `q/<code>` (1 selected, 0 not, empty unless answered).
struct Column {
    enum class Kind { Key, ParentKey, SurveyId, SurveyVersion, BankVersion, Ward, Value, State, WriteIn, Option };
    Column(Kind k, QString h, const Question *q = nullptr, QString option = {})
        : kind(k), header(std::move(h)), question(q), optionCode(std::move(option))
    {
    }
    Kind kind = Kind::Value;
    QString header;
    const Question *question = nullptr;
    QString optionCode;
};

struct CellValue {
    CellValue(QString t = {}, bool isNumeric = false, bool isFreeText = false)
        : text(std::move(t)), numeric(isNumeric), freeText(isFreeText)
    {
    }
    QString text;
    bool numeric = false; // integer/decimal answers, so XLSX can store numbers
    bool freeText = false; // text a resident typed: CSV neutralises formula prefixes
};

class TableLayout
{
public:
    TableLayout(const Catalogue &catalogue, const QString &repeatGroup, const ExportOptions &options);

    const QString &group() const { return m_group; }
    const QList<Column> &columns() const { return m_columns; }
    QStringList headers() const;

    // Cells for the main table.
    QList<CellValue> mainRow(const Record &record) const;
    // Cells for instance `index` (0-based) of this repeat group in `record`.
    QList<CellValue> repeatRow(const Record &record, const Answers &answers, qsizetype index) const;

    static QString repeatKey(const QString &instanceId, const QString &group, qsizetype index);

private:
    CellValue answerCell(const Column &column, const Answers &answers) const;

    const Catalogue &m_catalogue;
    QString m_group;
    ExportOptions m_options;
    QString m_language;
    QList<Column> m_columns;
};

} // namespace chorus::exports
