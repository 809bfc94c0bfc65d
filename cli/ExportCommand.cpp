// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl export: decrypt pulled envelopes with the council private key and write a
// record-level export (CSV per repeat group, XLSX or JSON lines), streaming on worker threads.
#include "CliSupport.h"
#include "ExportSupport.h"

#include "crypto/KeyDirectory.h"
#include "crypto/KeyRing.h"
#include "export/DecryptPipeline.h"
#include "export/PulledEnvelopes.h"
#include "export/RecordWriter.h"
#include "export/ResponseRecords.h"
#include "export/SurveyCatalogue.h"
#include "survey/SurveyLoader.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QThread>

#include <map>
#include <memory>

namespace chorus::cli
{

using namespace chorus::exports;

namespace
{
// One output per survey id and version: its catalogue (from the package when it matches,
// otherwise read off the first response) and its writer.
struct Output {
    std::unique_ptr<Catalogue> catalogue;
    std::unique_ptr<RecordWriter> writer;
};

Status appendAudit(const QString &adminDir, const QJsonObject &event)
{
    // Record-level exports hold special-category data: who exported what, when, is kept beside
    // the pulled submissions. Never an answer.
    QFile log(QDir(adminDir).filePath(QStringLiteral("audit.jsonl")));
    if (!log.open(QIODevice::WriteOnly | QIODevice::Append))
        return makeError(ErrorKind::Io,
            QStringLiteral("%1: cannot append to the audit log (%2)").arg(log.fileName(), log.errorString()));
    log.write(QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n');
    if (!log.flush())
        return makeError(ErrorKind::Io, QStringLiteral("%1: cannot write the audit log").arg(log.fileName()));
    return {};
}
} // namespace

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

    const QString formatName = parser.value(format);
    if (formatName != QLatin1String("csv") && formatName != QLatin1String("xlsx")
        && formatName != QLatin1String("json"))
        return usage(io, QStringLiteral("--format must be csv, xlsx or json"));
    DecryptPipeline::Options pipelineOptions;
    pipelineOptions.workers = std::max(1, QThread::idealThreadCount());
    if (parser.isSet(workers)) {
        bool ok = false;
        pipelineOptions.workers = parser.value(workers).toInt(&ok);
        if (!ok || pipelineOptions.workers < 1 || pipelineOptions.workers > 64)
            return usage(io, QStringLiteral("--workers must be between 1 and 64"));
    }
    ExportOptions exportOptions;
    if (parser.isSet(labels)) {
        exportOptions.mode = ValueMode::Labels;
        exportOptions.language = parser.value(labels);
    }
    exportOptions.utf8Bom = parser.isSet(bom);
    exportOptions.includeWriteIns = !parser.isSet(noWriteIns);

    std::optional<Catalogue> packageCatalogue;
    QString packageVersion;
    if (parser.isSet(surveyOption)) {
        auto package = survey::SurveyLoader::loadFile(parser.value(surveyOption));
        if (!package)
            return fail(io, parser.value(surveyOption) + QLatin1String(": ") + package.error().message);
        packageCatalogue = catalogueFromSurvey(*package);
        packageVersion = package->version;
    }
    QSet<QString> withdrawnIds;
    if (parser.isSet(withdrawnOption)) {
        auto bytes = readFileCapped(parser.value(withdrawnOption), 256 * 1024 * 1024);
        if (!bytes)
            return fail(io, bytes.error());
        for (const QByteArray &line : bytes->split('\n')) {
            if (!line.trimmed().isEmpty())
                withdrawnIds.insert(QString::fromUtf8(line.trimmed()));
        }
    }

    PulledEnvelopes envelopes(parser.value(in));
    if (Status s = envelopes.open(); !s)
        return fail(io, s.error());
    auto secret = readPassphraseFile(parser.value(passphrase));
    if (!secret)
        return fail(io, secret.error());
    auto ring = crypto::KeyRing::load(crypto::KeyDirectory(parser.value(keys)), *secret);
    secret->fill('\0');
    if (!ring)
        return fail(io, ring.error());

    const QString outDir = parser.value(out);
    const qsizetype total = envelopes.count();
    auto source = [&] {
        return envelopes.next();
    };
    std::map<QString, Output> outputs;
    auto sink = [&](const response::Response &response) -> Status {
        const QString key = response.surveyId + QStringLiteral("-v") + response.surveyVersion;
        Output &output = outputs[key];
        if (!output.writer) {
            const bool usePackage = packageCatalogue && packageCatalogue->surveyId == response.surveyId
                && (packageVersion.isEmpty() || packageVersion == response.surveyVersion);
            output.catalogue
                = std::make_unique<Catalogue>(usePackage ? *packageCatalogue : catalogueFromResponse(response));
            auto writer = formatName == QLatin1String("xlsx")
                ? makeXlsxWriter(outDir, key, *output.catalogue, exportOptions)
                : formatName == QLatin1String("json")
                ? makeJsonLinesWriter(outDir, key, *output.catalogue, exportOptions)
                : makeCsvWriter(outDir, key, *output.catalogue, exportOptions);
            if (!writer)
                return writer.error();
            output.writer = std::move(*writer);
        }
        return output.writer->write(recordFromResponse(response));
    };
    auto failed = [&](const QString &id, const QString &message) {
        io.err << "\rchorusctl: skipped " << (id.isEmpty() ? QStringLiteral("a submission") : id) << ": " << message
               << Qt::endl;
    };
    const bool showProgress = !parser.isSet(quiet);
    auto progress = [&](qint64 done) {
        if (showProgress && (done % 500 == 0 || done == total))
            io.err << "\rdecrypting " << done << " / " << total << Qt::flush;
    };
    consent::WithdrawalMatcher withdrawals;
    if (Status s = collectPulledWithdrawals(*ring, parser.value(in), pipelineOptions.workers, withdrawals); !s)
        return fail(io, s.error());
    auto isWithdrawn = [&](const response::Response &r) {
        return withdrawnIds.contains(r.instanceId) || (r.consent && withdrawals.isWithdrawn(*r.consent));
    };
    auto counts = DecryptPipeline::run(*ring, source, sink, failed, pipelineOptions, isWithdrawn, progress);
    if (showProgress && total > 0)
        io.err << Qt::endl;
    if (!counts)
        return fail(io, counts.error());
    QStringList files;
    for (auto &[key, output] : outputs) {
        if (Status s = output.writer->finish(); !s)
            return fail(io, s.error());
        files += output.writer->files();
    }
    const QJsonObject event { { QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
        { QStringLiteral("kind"), QStringLiteral("export.record_level") },
        { QStringLiteral("who"), qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")) },
        { QStringLiteral("format"), formatName }, { QStringLiteral("files"), files.join(QLatin1Char(';')) },
        { QStringLiteral("records"), double(counts->written) },
        { QStringLiteral("withdrawn"), double(counts->withdrawn) },
        { QStringLiteral("failed"), double(counts->failed) } };
    if (Status s = appendAudit(parser.value(in), event); !s)
        return fail(io, s.error());
    io.out << "exported " << counts->written << " response(s) to " << outDir;
    io.out << "; " << counts->withdrawn << " withdrawn (not exported)";
    if (counts->failed > 0)
        io.out << "; " << counts->failed << " could not be exported (see above)";
    io.out << Qt::endl;
    return counts->failed > 0 ? ExitFailure : ExitOk;
}

} // namespace chorus::cli
