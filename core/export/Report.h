// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "export/Census.h"
#include "export/ExportModel.h"
#include "export/Sdc.h"
#include "export/Statistics.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace chorus::exports
{

// The publishable equality report: for each equality item mapped to a Census 2021 table, who
// answered (counts under disclosure control) and how that compares with the population of the
// council area and of each ward with census figures. Built from counts only: no free text, no
// write-in and no record-level value ever reaches it.

struct ReportOptions {
    SdcOptions sdc;
    QString title = QStringLiteral("Equality monitoring report");
    QString areaCode; // the council area's GSS code; empty: the first census area loaded
    QString generatedOn; // shown as given; empty shows nothing (same inputs, same bytes)
    int referenceYear = 0; // turns a year of birth into an age; 0 leaves age out
    QString language = QStringLiteral("en");
};

struct CategoryResult {
    QString code; // census code
    QString label;
    std::optional<qint64> count; // released respondent count
    std::optional<double> share; // of respondents who answered, from released figures
    double populationShare = 0; // census, "Not answered" removed
    std::optional<double> ratio; // share / population share
    std::optional<double> ratioLow, ratioHigh; // from the Wilson 95 % interval on the share
};

struct AreaResult {
    QString code;
    QString name;
    int row = -1; // row of the characteristic's table; rows() = all areas
    bool hasCensus = false;
    std::optional<qint64> respondents; // everyone in this area, any answer state
    std::optional<qint64> answered; // answered with a comparable category (the share's base)
    std::optional<qint64> preferNotToSay, notAnswered, notAsked, notComparable;
    QList<CategoryResult> categories;
    std::optional<stats::GoodnessOfFit> fit;
    QStringList fitGroupLabels; // merged groups, for the note under the test
    bool ratiosSuppressed = false; // fewer than k answered
    QString note;
};

struct CharacteristicResult {
    QString question;
    QString title;
    QString censusTableId;
    QString censusTitle;
    QString populationBase;
    bool lowConfidence = false;
    ProtectedTable table;
    QList<AreaResult> areas; // the council area first, then wards
    QStringList notes;
};

struct Report {
    ReportOptions options;
    QString areaName;
    std::optional<qint64> respondents;
    QList<CharacteristicResult> characteristics;
    QStringList warnings; // differencing: comparing with the last report could single people out
    QStringList notes; // what could not be compared, and why
};

// Accumulates counts from a stream of records (constant memory), then builds the report.
class ReportBuilder
{
public:
    ReportBuilder(const Catalogue &catalogue, const CensusData &census, const ReportOptions &options);
    ~ReportBuilder();
    ReportBuilder(const ReportBuilder &) = delete;
    ReportBuilder &operator=(const ReportBuilder &) = delete;

    void add(const Record &record);
    Result<Report> build() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

Result<Report> buildReport(
    const QList<Record> &records, const Catalogue &catalogue, const CensusData &census, const ReportOptions &options);

// One self-contained HTML page (inline SVG charts with titles, descriptions and a data table
// beside each) and a long-format CSV of every published figure.
QByteArray renderReportHtml(const Report &report);
QByteArray renderReportCsv(const Report &report);

// Differencing: the released counts of a report, kept in a small state file, and the cells that
// moved by fewer than k respondents since the previous report (subtracting the two would reveal
// those few people).
QByteArray reportState(const Report &report);
Result<QStringList> differencingWarnings(const Report &report, const QByteArray &previousState);

} // namespace chorus::exports
