// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl export: decrypt pulled envelopes with the council private key and write a
// record-level export (CSV per repeat group, XLSX or JSON lines), streaming on worker threads.
#include "AdminOperations.h"
#include "CliSupport.h"
#include "ProgressBar.h"

#include <QCommandLineParser>
#include <QThread>

namespace chorus::cli
{

int exportCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Decrypt the envelopes that `chorusctl pull` wrote and write a record-level export: CSV (one file per repeat\n"
        "group, joined by KEY/PARENT_KEY), XLSX (a sheet per repeat group) or JSON lines. Each answer has a value "
        "column\n"
        "and a state column (answered, prefer_not_to_say, not_answered, not_asked); write-ins have their own. A "
        "record\n"
        "that cannot be opened (wrong key, bad signature, corrupt) is reported by instanceID and the rest continue.\n"
        "The export is written to the audit log (ADMIN_DIR/audit.jsonl). Columns: docs/report.md."));
    const QCommandLineOption in(
        QStringLiteral("in"), QStringLiteral("Directory written by chorusctl pull."), QStringLiteral("ADMIN_DIR"));
    const QCommandLineOption keys(
        QStringLiteral("keys"), QStringLiteral("Council key directory (chorusctl keys init)."), QStringLiteral("KEYS"));
    const QCommandLineOption passphrase(
        QStringLiteral("passphrase-file"), QStringLiteral("File holding the key passphrase."), QStringLiteral("P"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("csv, xlsx or json."),
        QStringLiteral("FORMAT"), QStringLiteral("csv"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output directory."), QStringLiteral("OUT"));
    const QCommandLineOption surveyOption(QStringLiteral("survey"),
        QStringLiteral("Survey package: columns in form order, labels, types."), QStringLiteral("PACKAGE"));
    const QCommandLineOption labels(QStringLiteral("labels"),
        QStringLiteral("Write choice labels in this language instead of codes."), QStringLiteral("LANG"));
    const QCommandLineOption bom(
        QStringLiteral("bom"), QStringLiteral("CSV: start with a UTF-8 byte-order mark (Excel)."));
    const QCommandLineOption noWriteIns(QStringLiteral("no-write-ins"), QStringLiteral("Leave write-in text out."));
    const QCommandLineOption withdrawnOption(QStringLiteral("withdrawn"),
        QStringLiteral("File of withdrawn instanceIDs, one per line: left out and counted."), QStringLiteral("FILE"));
    const QCommandLineOption workers(
        QStringLiteral("workers"), QStringLiteral("Decrypting threads (default: one per core)."), QStringLiteral("N"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("No progress on stderr."));
    parser.addOptions(
        { in, keys, passphrase, format, out, surveyOption, labels, bom, noWriteIns, withdrawnOption, workers, quiet });
    if (const int code = parseOrExit(parser, args, io,
            { QStringLiteral("in"), QStringLiteral("keys"), QStringLiteral("passphrase-file"), QStringLiteral("out") });
        code >= 0)
        return code;

    auto formatValue = parseExportFormat(parser.value(format));
    if (!formatValue)
        return usage(io, formatValue.error().message);
    ExportRequest request;
    request.format = *formatValue;
    request.workers = std::max(1, QThread::idealThreadCount());
    if (parser.isSet(workers)) {
        bool ok = false;
        request.workers = parser.value(workers).toInt(&ok);
        if (!ok || request.workers < 1 || request.workers > 64)
            return usage(io, QStringLiteral("--workers must be between 1 and 64"));
    }
    if (parser.isSet(labels)) {
        request.options.mode = exports::ValueMode::Labels;
        request.options.language = parser.value(labels);
    }
    request.options.utf8Bom = parser.isSet(bom);
    request.options.includeWriteIns = !parser.isSet(noWriteIns);
    request.adminDir = parser.value(in);
    request.keysDir = parser.value(keys);
    request.passphrase.file = parser.value(passphrase);
    request.outDir = parser.value(out);
    request.surveyPackage = parser.value(surveyOption);
    request.withdrawnFile = parser.value(withdrawnOption);

    ProgressBar bar(io, !parser.isSet(quiet));
    OperationControl control;
    control.progress = [&](OperationStage stage, qint64 done, qint64 total) { bar.update(stage, done, total); };
    control.failed = [&](const QString &id, const QString &message) {
        bar.clear();
        io.err << "chorusctl: skipped " << (id.isEmpty() ? QStringLiteral("a submission") : id) << ": " << message
               << Qt::endl;
    };
    auto outcome = runExport(request, control);
    bar.clear();
    if (!outcome)
        return fail(io, outcome.error());
    io.out << "exported " << outcome->written << " response(s) to " << request.outDir;
    io.out << "; " << outcome->withdrawn << " withdrawn (not exported)";
    if (outcome->failed > 0)
        io.out << "; " << outcome->failed << " could not be exported (see above)";
    io.out << Qt::endl;
    return outcome->failed > 0 ? ExitFailure : ExitOk;
}

} // namespace chorus::cli
