// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl export: decrypt pulled envelopes with the council private key and write the answers.
//
// First version (walking skeleton): CSV, one file per survey id and version, columns in the
// order of the submission XML's answers (alphabetical without --survey). The streaming,
// two-core pipeline with XLSX/JSON and withdrawals replaces the body of this command.
#include "CliSupport.h"
#include "WithdrawalScan.h"

#include "consent/WithdrawalMatcher.h"
#include "consent/WithdrawalSubmission.h"
#include "crypto/KeyDirectory.h"
#include "crypto/KeyRing.h"
#include "response/SubmissionXml.h"

#include <QDir>
#include <QFile>
#include <map>
#include <QSaveFile>

#include <memory>

namespace chorus::cli {

namespace {
constexpr qint64 kMaxEnvelopePartBytes = 64 * 1024 * 1024;

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n'))
        && !value.contains(QLatin1Char('\r'))) {
        return value;
    }
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString stateName(response::AnswerState state)
{
    switch (state) {
    case response::AnswerState::Answered:
        return QStringLiteral("answered");
    case response::AnswerState::PreferNotToSay:
        return QStringLiteral("prefer_not_to_say");
    case response::AnswerState::NotAnswered:
        return QStringLiteral("not_answered");
    case response::AnswerState::NotAsked:
        return QStringLiteral("not_asked");
    }
    return {};
}

// One open CSV file per survey id and version; its columns are fixed by the first record.
struct CsvTable {
    std::unique_ptr<QSaveFile> file;
    QStringList columns;
};

Result<FileParts> readEnvelopeFiles(const QDir &dir, QByteArray *manifest)
{
    auto manifestBytes = readFileCapped(dir.filePath(QStringLiteral("submission.xml")), kMaxEnvelopePartBytes);
    if (!manifestBytes) {
        return manifestBytes.error();
    }
    *manifest = *manifestBytes;
    FileParts parts;
    const QStringList names = dir.entryList({QStringLiteral("*.enc")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        auto bytes = readFileCapped(dir.filePath(name), kMaxEnvelopePartBytes);
        if (!bytes) {
            return bytes.error();
        }
        parts.append(FilePart{name, *bytes});
    }
    return parts;
}
} // namespace

int exportCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Decrypt the envelopes that `chorusctl pull` wrote and export the answers. Each answer has a value "
        "column and a state column (answered, prefer_not_to_say, not_answered, not_asked) and write-ins their own."));
    parser.addOption({QStringLiteral("in"), QStringLiteral("Directory written by chorusctl pull."), QStringLiteral("ADMIN_DIR")});
    parser.addOption({QStringLiteral("keys"), QStringLiteral("Council key directory (chorusctl keys init)."), QStringLiteral("KEYS")});
    parser.addOption({QStringLiteral("passphrase-file"), QStringLiteral("File holding the key passphrase."), QStringLiteral("P")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("Output format: csv."), QStringLiteral("FORMAT"), QStringLiteral("csv")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Output directory."), QStringLiteral("OUT")});
    if (const int code = parseOrExit(parser, args, io,
                                     {QStringLiteral("in"), QStringLiteral("keys"), QStringLiteral("passphrase-file"),
                                      QStringLiteral("out")});
        code >= 0) {
        return code;
    }
    if (parser.value(QStringLiteral("format")) != QLatin1String("csv")) {
        return usage(io, QStringLiteral("--format %1 is not supported yet; use csv").arg(parser.value(QStringLiteral("format"))));
    }
    const QDir submissions(QDir(parser.value(QStringLiteral("in"))).filePath(QStringLiteral("submissions")));
    if (!submissions.exists()) {
        return fail(io, QStringLiteral("%1: no submissions directory; run `chorusctl pull --out %2` first")
                            .arg(submissions.path(), parser.value(QStringLiteral("in"))));
    }

    auto passphrase = readPassphraseFile(parser.value(QStringLiteral("passphrase-file")));
    if (!passphrase) {
        return fail(io, passphrase.error());
    }
    const crypto::KeyDirectory keyDirectory(parser.value(QStringLiteral("keys")));
    auto ring = crypto::KeyRing::load(keyDirectory, *passphrase);
    passphrase->fill('\0');
    if (!ring) {
        return fail(io, ring.error());
    }

    const QDir out(parser.value(QStringLiteral("out")));
    if (!QDir().mkpath(out.path())) {
        return fail(io, QStringLiteral("%1: cannot create the output directory").arg(out.path()));
    }

    std::map<QString, CsvTable> tables;
    int exported = 0;
    int failed = 0;
    int withdrawn = 0;
    consent::WithdrawalMatcher withdrawals;
    QList<response::Response> responses;
    const QStringList entries = submissions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &entry : entries) {
        const QDir dir(submissions.filePath(entry));
        QByteArray manifest;
        auto parts = readEnvelopeFiles(dir, &manifest);
        if (!parts) {
            io.err << "chorusctl: skipped " << entry << ": " << parts.error().message << Qt::endl;
            ++failed;
            continue;
        }
        auto opened = ring->open(manifest, *parts);
        if (!opened) {
            io.err << "chorusctl: skipped " << entry << ": " << opened.error().message << Qt::endl;
            ++failed;
            continue;
        }
        if (!opened->signatureValid) {
            io.err << "chorusctl: skipped " << opened->instanceId << ": its signature does not match its contents"
                   << Qt::endl;
            ++failed;
            continue;
        }
        // A withdrawal request is sealed like a response; it withdraws records wherever they are.
        if (consent::isWithdrawalSubmission(opened->xml)) {
            auto request = consent::parseWithdrawalSubmission(opened->xml);
            if (!request) {
                io.err << "chorusctl: skipped " << opened->instanceId << ": " << request.error().message << Qt::endl;
                ++failed;
                continue;
            }
            withdrawals.add(*request);
            continue;
        }
        auto response = response::SubmissionXml::parse(opened->xml);
        opened->xml.fill('\0');
        if (!response) {
            io.err << "chorusctl: skipped " << opened->instanceId << ": " << response.error().message << Qt::endl;
            ++failed;
            continue;
        }
        // Held until every request is known: a request may come after the response it withdraws.
        responses.append(std::move(*response));
    }
    if (Status recorded = loadRecordedWithdrawals(parser.value(QStringLiteral("in")), withdrawals); !recorded) {
        return fail(io, recorded.error());
    }
    for (const response::Response &r : std::as_const(responses)) {
        if (r.consent && withdrawals.isWithdrawn(*r.consent)) {
            ++withdrawn;
            continue;
        }
        const response::Response *response = &r;
        const QString key = response->surveyId + QStringLiteral("-v") + response->surveyVersion;
        CsvTable &table = tables[key];
        if (!table.file) {
            table.columns = response->answers.keys();
            table.file = std::make_unique<QSaveFile>(out.filePath(key + QStringLiteral(".csv")));
            if (!table.file->open(QIODevice::WriteOnly)) {
                return fail(io, QStringLiteral("%1: cannot write (%2)").arg(table.file->fileName(), table.file->errorString()));
            }
            QStringList header{QStringLiteral("instanceID"), QStringLiteral("survey_id"), QStringLiteral("survey_version"),
                               QStringLiteral("bank_version"), QStringLiteral("language"), QStringLiteral("time_start"),
                               QStringLiteral("time_end")};
            for (const QString &column : std::as_const(table.columns)) {
                header << column << column + QStringLiteral("__state") << column + QStringLiteral("__write_in");
            }
            table.file->write(header.join(QLatin1Char(',')).toUtf8() + "\r\n");
        }
        QStringList row{response->instanceId, response->surveyId, response->surveyVersion, response->bankVersion,
                        response->language, response->started.toString(Qt::ISODateWithMs),
                        response->finished.toString(Qt::ISODateWithMs)};
        for (const QString &column : std::as_const(table.columns)) {
            const response::Answer answer = response->answer(column);
            row << csvField(answer.value) << stateName(answer.state) << csvField(answer.writeIn);
        }
        table.file->write(row.join(QLatin1Char(',')).toUtf8() + "\r\n");
        ++exported;
    }
    for (auto &[name, table] : tables) {
        if (!table.file->commit()) {
            return fail(io, QStringLiteral("%1: cannot write (%2)").arg(table.file->fileName(), table.file->errorString()));
        }
    }
    io.out << "exported " << exported << " response(s) to " << out.path();
    io.out << "; " << withdrawn << " withdrawn (not exported)";
    if (failed > 0) {
        io.out << "; " << failed << " could not be exported (see above)";
    }
    io.out << Qt::endl;
    return failed > 0 ? ExitFailure : ExitOk;
}

} // namespace chorus::cli
