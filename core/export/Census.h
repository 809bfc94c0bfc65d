// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QList>
#include <QMap>
#include <QString>

namespace chorus::exports
{

// Census 2021 population tables, the denominators of the representativeness comparison.
// Two layouts are read (docs/formats/census-table.md): Chorus's JSON (one area, several tables,
// with sources) and the ONS/Nomis bulk CSV (one table, many areas).

struct CensusCategory {
    QString code; // the census output code as text; for tables without codes, the 1-based column position
    QString label;
    qint64 count = 0;
    bool notAnswered = false; // "Not answered": removed from population shares
};

struct CensusTable {
    QString id; // "TS021"
    QString title;
    QString populationBase; // "All usual residents", "Usual residents aged 16 years and over"...
    QList<CensusCategory> categories;
    qint64 total = 0;

    qint64 answeredTotal() const; // total without "Not answered"
    const CensusCategory *category(const QString &code) const;
};

struct CensusArea {
    QString code; // GSS code, e.g. E09000021 or E05013938
    QString name;
    QString parentCode;
    QMap<QString, CensusTable> tables;
};

class CensusData
{
public:
    void add(const CensusArea &area); // merges tables into an area already present
    const CensusArea *area(const QString &code) const;
    const CensusTable *table(const QString &areaCode, const QString &tableId) const;
    const QList<CensusArea> &areas() const { return m_areas; }
    bool isEmpty() const { return m_areas.isEmpty(); }

private:
    QList<CensusArea> m_areas;
};

Result<CensusArea> parseCensusJson(const QByteArray &json);
// `tableId` names the table ("TS021"); the file itself does not say.
Result<QList<CensusArea>> parseNomisCsv(const QByteArray &csv, const QString &tableId);
// Reads either layout: *.json as Chorus JSON, *.csv as Nomis bulk CSV with the table id taken
// from a "tsNNN" in the file name (as in census2021-ts021-ward.csv).
Status loadCensusFile(const QString &path, CensusData &into);

} // namespace chorus::exports
