// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl report: the publishable equality report (HTML + CSV) from decrypted records.
#include "CliSupport.h"
#include "export/Census.h"
#include "export/ExportJson.h"
#include "export/Report.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>

namespace chorus::cli {

using namespace chorus::exports;

int reportCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Builds the equality report: counts under disclosure control and representativeness against Census 2021,\n"
        "as one self-contained HTML file plus CSV. Record input is JSON lines as `chorusctl export --format json` writes.\n"
        "The released counts are kept in a state file in the output folder; the next run warns when a count moved by\n"
        "fewer than k respondents (comparing the two reports would reveal them)."));
    const QCommandLineOption in(QStringLiteral("in"), QStringLiteral("Records (JSON lines). Repeat for several files."), QStringLiteral("FILE"));
    const QCommandLineOption catalogue(QStringLiteral("catalogue"), QStringLiteral("Question catalogue (JSON, docs/report.md)."), QStringLiteral("FILE"));
    const QCommandLineOption census(QStringLiteral("census"), QStringLiteral("Census table file (Chorus JSON or Nomis bulk CSV). Repeatable."), QStringLiteral("FILE"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("DIR"));
    const QCommandLineOption k(QStringLiteral("k"), QStringLiteral("Disclosure threshold: counts 1..k-1 are hidden (default 10)."), QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption round5(QStringLiteral("round5"), QStringLiteral("Round published counts to the nearest 5."));
    const QCommandLineOption zeros(QStringLiteral("suppress-zeros"), QStringLiteral("Hide zero counts too."));
    const QCommandLineOption area(QStringLiteral("area"), QStringLiteral("GSS code of the council area (default: the first census area)."), QStringLiteral("CODE"));
    const QCommandLineOption year(QStringLiteral("year"), QStringLiteral("Year the survey ran, to turn years of birth into ages."), QStringLiteral("YYYY"));
    const QCommandLineOption title(QStringLiteral("title"), QStringLiteral("Report title."), QStringLiteral("TEXT"));
    const QCommandLineOption date(QStringLiteral("date"), QStringLiteral("Date to print on the report (nothing by default, so reruns give the same bytes)."), QStringLiteral("TEXT"));
    parser.addOptions({in, catalogue, census, out, k, round5, zeros, area, year, title, date});
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("in"), QStringLiteral("catalogue"), QStringLiteral("census"), QStringLiteral("out")}); code >= 0)
        return code;

    ReportOptions options;
    bool ok = false;
    options.sdc.k = parser.value(k).toInt(&ok);
    if (!ok || options.sdc.k < 1)
        return usage(io, QStringLiteral("--k must be a whole number of at least 1"));
    options.sdc.roundTo5 = parser.isSet(round5);
    options.sdc.suppressZeros = parser.isSet(zeros);
    options.areaCode = parser.value(area);
    if (parser.isSet(year)) {
        options.referenceYear = parser.value(year).toInt(&ok);
        if (!ok || options.referenceYear < 1900)
            return usage(io, QStringLiteral("--year must be a four-digit year"));
    }
    if (parser.isSet(title))
        options.title = parser.value(title);
    options.generatedOn = parser.value(date);

    auto catalogueBytes = readFileCapped(parser.value(catalogue), 16 * 1024 * 1024);
    if (!catalogueBytes)
        return fail(io, catalogueBytes.error());
    auto parsedCatalogue = parseCatalogueJson(*catalogueBytes);
    if (!parsedCatalogue)
        return fail(io, parser.value(catalogue) + QLatin1String(": ") + parsedCatalogue.error().message);
    CensusData censusData;
    for (const QString &path : parser.values(census)) {
        if (Status s = loadCensusFile(path, censusData); !s)
            return fail(io, s.error());
    }

    ReportBuilder builder(*parsedCatalogue, censusData, options);
    qint64 records = 0;
    for (const QString &path : parser.values(in)) {
        const Status s = readRecordsJsonLines(path, [&](const Record &r) {
            builder.add(r);
            ++records;
        });
        if (!s)
            return fail(io, s.error());
    }
    auto report = builder.build();
    if (!report)
        return fail(io, report.error());

    const QDir dir(parser.value(out));
    const QString statePath = dir.filePath(QStringLiteral("report-state.json"));
    if (QFile::exists(statePath)) {
        auto previous = readFileCapped(statePath, 64 * 1024 * 1024);
        if (!previous)
            return fail(io, previous.error());
        auto warnings = differencingWarnings(*report, *previous);
        if (!warnings)
            return fail(io, warnings.error());
        for (const QString &w : *warnings)
            io.err << "chorusctl: warning: " << w << Qt::endl;
        report->warnings += *warnings;
    }
    if (Status s = writeFileAtomically(dir.filePath(QStringLiteral("report.html")), renderReportHtml(*report)); !s)
        return fail(io, s.error());
    if (Status s = writeFileAtomically(dir.filePath(QStringLiteral("report.csv")), renderReportCsv(*report)); !s)
        return fail(io, s.error());
    if (Status s = writeFileAtomically(statePath, reportState(*report)); !s)
        return fail(io, s.error());
    io.out << "Report written to " << dir.filePath(QStringLiteral("report.html")) << " (" << records << " records, "
           << report->characteristics.size() << " characteristics)" << Qt::endl;
    return ExitOk;
}

} // namespace chorus::cli
