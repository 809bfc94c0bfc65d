// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl report: the publishable equality report (HTML + CSV) from decrypted records.
#include "AdminOperations.h"
#include "CliSupport.h"
#include "ProgressBar.h"

#include <QCommandLineParser>

namespace chorus::cli
{

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
        "Every report is recorded in the release register of the admin workspace (ADMIN_DIR/releases/<survey>.jsonl)\n"
        "and checked against every earlier release, whatever folder it went to: a report in which a published count\n"
        "moved by fewer than k respondents is refused (subtracting the two reports would reveal them)."));
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
    const QCommandLineOption workspace(QStringLiteral("workspace"),
        QStringLiteral("Admin folder keeping the release register (default: the --pulled folder; needed with --in)."),
        QStringLiteral("ADMIN_DIR"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("No progress bar on stderr."));
    parser.addOptions({ in, pulled, keys, passphrase, withdrawnOption, catalogue, surveyOption, census, out, k, round5,
        zeros, area, year, title, date, workspace, quiet });
    if (const int code = parseOrExit(parser, args, io, { QStringLiteral("census"), QStringLiteral("out") }); code >= 0)
        return code;
    if (parser.isSet(in) == parser.isSet(pulled))
        return usage(io, QStringLiteral("give either --in (JSON lines) or --pulled (envelopes) (see --help)"));
    if (parser.isSet(catalogue) == parser.isSet(surveyOption))
        return usage(io, QStringLiteral("give either --catalogue or --survey (see --help)"));
    if (parser.isSet(pulled) && (!parser.isSet(keys) || !parser.isSet(passphrase) || !parser.isSet(surveyOption)))
        return usage(io, QStringLiteral("--pulled needs --keys, --passphrase-file and --survey (see --help)"));
    // Refused rather than ignored: a mistyped --withdrawn file must never go unnoticed.
    if (parser.isSet(in) && (parser.isSet(keys) || parser.isSet(passphrase) || parser.isSet(withdrawnOption)))
        return usage(io, QStringLiteral("--keys, --passphrase-file and --withdrawn go with --pulled, not --in (see --help)"));
    if (parser.isSet(in) && parser.value(workspace).isEmpty())
        return usage(io,
            QStringLiteral("--in needs --workspace ADMIN_DIR, the admin folder whose release register every report is "
                           "checked against"));

    ReportRequest request;
    exports::ReportOptions &options = request.options;
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

    request.jsonInputs = parser.values(in);
    request.pulledDir = parser.value(pulled);
    request.keysDir = parser.value(keys);
    request.passphrase.file = parser.value(passphrase);
    request.withdrawnFile = parser.value(withdrawnOption);
    request.surveyPackage = parser.value(surveyOption);
    request.catalogueFile = parser.value(catalogue);
    request.censusFiles = parser.values(census);
    request.outDir = parser.value(out);
    request.workspaceDir = parser.value(workspace);

    ProgressBar bar(io, !parser.isSet(quiet));
    OperationControl control;
    control.progress = [&](OperationStage stage, qint64 done, qint64 total) { bar.update(stage, done, total); };
    control.failed = [&](const QString &id, const QString &message) {
        bar.clear();
        io.err << "chorusctl: skipped " << id << ": " << message << Qt::endl;
    };
    auto outcome = runReport(request, control);
    bar.clear();
    if (!outcome)
        return fail(io, outcome.error());
    for (const QString &w : outcome->warnings)
        io.err << "chorusctl: warning: " << w << Qt::endl;
    io.out << "Report written to " << outcome->htmlPath << " (" << outcome->records << " records, "
           << outcome->characteristics << " characteristics), recorded in " << outcome->registerPath << Qt::endl;
    return ExitOk;
}

} // namespace chorus::cli
