// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl report: the publishable equality report (HTML + CSV) from decrypted records.
#include "CliSupport.h"
#include "ExportSupport.h"
#include "crypto/KeyDirectory.h"
#include "crypto/KeyRing.h"
#include "export/Census.h"
#include "export/DecryptPipeline.h"
#include "export/ExportJson.h"
#include "export/PulledEnvelopes.h"
#include "export/Report.h"
#include "export/ResponseRecords.h"
#include "export/SurveyCatalogue.h"
#include "survey/SurveyLoader.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QSet>

namespace chorus::cli
{

using namespace chorus::exports;

int reportCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Builds the equality report: counts under disclosure control and representativeness against Census 2021,\n"
        "as one self-contained HTML file plus CSV. Records come either from JSON lines as `chorusctl export --format "
        "json`\n"
        "writes (--in, with --catalogue or --survey) or straight from pulled envelopes (--pulled, --keys, "
        "--passphrase-file,\n"
        "--survey), decrypted in memory only.\n"
        "The released counts are kept in a state file in the output folder; the next run warns when a count moved by\n"
        "fewer than k respondents (comparing the two reports would reveal them)."));
    const QCommandLineOption in(QStringLiteral("in"), QStringLiteral("Records (JSON lines). Repeat for several files."),
        QStringLiteral("FILE"));
    const QCommandLineOption catalogue(QStringLiteral("catalogue"),
        QStringLiteral("Question catalogue (JSON, docs/report.md)."), QStringLiteral("FILE"));
    const QCommandLineOption surveyOption(QStringLiteral("survey"),
        QStringLiteral("Survey package (instead of --catalogue)."), QStringLiteral("PACKAGE"));
    const QCommandLineOption pulled(QStringLiteral("pulled"),
        QStringLiteral("Directory written by chorusctl pull (instead of --in)."), QStringLiteral("ADMIN_DIR"));
    const QCommandLineOption keys(
        QStringLiteral("keys"), QStringLiteral("Council key directory, with --pulled."), QStringLiteral("KEYS"));
    const QCommandLineOption passphrase(
        QStringLiteral("passphrase-file"), QStringLiteral("Key passphrase file, with --pulled."), QStringLiteral("P"));
    const QCommandLineOption withdrawnOption(QStringLiteral("withdrawn"),
        QStringLiteral("With --pulled: file of withdrawn instanceIDs, one per line, left out."),
        QStringLiteral("FILE"));
    const QCommandLineOption census(QStringLiteral("census"),
        QStringLiteral("Census table file (Chorus JSON or Nomis bulk CSV). Repeatable."), QStringLiteral("FILE"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("DIR"));
    const QCommandLineOption k(QStringLiteral("k"),
        QStringLiteral("Disclosure threshold: counts 1..k-1 are hidden (default 10)."), QStringLiteral("N"),
        QStringLiteral("10"));
    const QCommandLineOption round5(
        QStringLiteral("round5"), QStringLiteral("Round published counts to the nearest 5."));
    const QCommandLineOption zeros(QStringLiteral("suppress-zeros"), QStringLiteral("Hide zero counts too."));
    const QCommandLineOption area(QStringLiteral("area"),
        QStringLiteral("GSS code of the council area (default: the first census area)."), QStringLiteral("CODE"));
    const QCommandLineOption year(QStringLiteral("year"),
        QStringLiteral("Year the survey ran, to turn years of birth into ages."), QStringLiteral("YYYY"));
    const QCommandLineOption title(QStringLiteral("title"), QStringLiteral("Report title."), QStringLiteral("TEXT"));
    const QCommandLineOption date(QStringLiteral("date"),
        QStringLiteral("Date to print on the report (nothing by default, so reruns give the same bytes)."),
        QStringLiteral("TEXT"));
    parser.addOptions({ in, pulled, keys, passphrase, withdrawnOption, catalogue, surveyOption, census, out, k, round5,
        zeros, area, year, title, date });
    if (const int code = parseOrExit(parser, args, io, { QStringLiteral("census"), QStringLiteral("out") }); code >= 0)
        return code;
    if (parser.isSet(in) == parser.isSet(pulled))
        return usage(io, QStringLiteral("give either --in (JSON lines) or --pulled (envelopes) (see --help)"));
    if (parser.isSet(catalogue) == parser.isSet(surveyOption))
        return usage(io, QStringLiteral("give either --catalogue or --survey (see --help)"));
    if (parser.isSet(pulled) && (!parser.isSet(keys) || !parser.isSet(passphrase) || !parser.isSet(surveyOption)))
        return usage(io, QStringLiteral("--pulled needs --keys, --passphrase-file and --survey (see --help)"));

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

    Catalogue parsedCatalogue;
    if (parser.isSet(surveyOption)) {
        auto package = survey::SurveyLoader::loadFile(parser.value(surveyOption));
        if (!package)
            return fail(io, parser.value(surveyOption) + QLatin1String(": ") + package.error().message);
        parsedCatalogue = catalogueFromSurvey(*package);
    } else {
        auto catalogueBytes = readFileCapped(parser.value(catalogue), 16 * 1024 * 1024);
        if (!catalogueBytes)
            return fail(io, catalogueBytes.error());
        auto fromJson = parseCatalogueJson(*catalogueBytes);
        if (!fromJson)
            return fail(io, parser.value(catalogue) + QLatin1String(": ") + fromJson.error().message);
        parsedCatalogue = *fromJson;
    }
    CensusData censusData;
    for (const QString &path : parser.values(census)) {
        if (Status s = loadCensusFile(path, censusData); !s)
            return fail(io, s.error());
    }

    ReportBuilder builder(parsedCatalogue, censusData, options);
    qint64 records = 0;
    qint64 openFailures = 0;
    for (const QString &path : parser.values(in)) {
        const Status s = readRecordsJsonLines(path, [&](const Record &r) {
            builder.add(r);
            ++records;
        });
        if (!s)
            return fail(io, s.error());
    }
    if (parser.isSet(pulled)) {
        auto secret = readPassphraseFile(parser.value(passphrase));
        if (!secret)
            return fail(io, secret.error());
        auto ring = crypto::KeyRing::load(crypto::KeyDirectory(parser.value(keys)), *secret);
        secret->fill('\0');
        if (!ring)
            return fail(io, ring.error());
        QSet<QString> withdrawn;
        if (parser.isSet(withdrawnOption)) {
            auto bytes = readFileCapped(parser.value(withdrawnOption), 256 * 1024 * 1024);
            if (!bytes)
                return fail(io, bytes.error());
            for (const QByteArray &line : bytes->split('\n')) {
                if (!line.trimmed().isEmpty())
                    withdrawn.insert(QString::fromUtf8(line.trimmed()));
            }
        }
        consent::WithdrawalMatcher withdrawals;
        if (Status s
            = collectPulledWithdrawals(*ring, parser.value(pulled), DecryptPipeline::Options {}.workers, withdrawals);
            !s)
            return fail(io, s.error());
        PulledEnvelopes envelopes(parser.value(pulled));
        if (Status s = envelopes.open(); !s)
            return fail(io, s.error());
        qint64 failed = 0;
        auto counts = DecryptPipeline::run(
            *ring, [&] { return envelopes.next(); },
            [&](const response::Response &r) -> Status {
                if (r.surveyId == parsedCatalogue.surveyId) {
                    builder.add(recordFromResponse(r));
                    ++records;
                }
                return {};
            },
            [&](const QString &id, const QString &message) {
                ++failed;
                io.err << "chorusctl: skipped " << id << ": " << message << Qt::endl;
            },
            DecryptPipeline::Options {},
            [&](const response::Response &r) {
                return withdrawn.contains(r.instanceId) || (r.consent && withdrawals.isWithdrawn(*r.consent));
            });
        if (!counts)
            return fail(io, counts.error());
        openFailures = failed;
    }
    auto report = builder.build();
    if (!report)
        return fail(io, report.error());
    if (openFailures > 0)
        report->notes.prepend(QStringLiteral(
            "%1 submission(s) could not be opened (wrong key or damaged) and are not counted in this report.")
                                  .arg(openFailures));

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
