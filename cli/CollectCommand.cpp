// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl collect: fill and finalize one response headlessly through the same form engine
// and finalization path as the app (automation, and keying in paper forms).
#include "CliSupport.h"
#include "CollectBatch.h"
#include "CollectPackage.h"
#include "ConsentOptions.h"
#include "EventOptions.h"

#include "consent/SurveyConsent.h"
#include "response/Finalizer.h"
#include "store/SqliteStore.h"
#include "survey/AnswersJson.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace chorus::cli {

namespace {
constexpr qint64 kMaxAnswersBytes = 4 * 1024 * 1024;
}

int collectCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fill and finalize one response from an answers file with its consent record, then seal it to the council "
        "key and queue it for sync. Prints the instanceID and the receipt code; never prints answers."));
    parser.addOption({QStringLiteral("survey"), QStringLiteral("Survey package (.chorus.json)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("answers"), QStringLiteral("Answers (docs/formats/answers-json.md)."),
                      QStringLiteral("ANSWERS.json")});
    parser.addOption({QLatin1String(kAnswersJsonlOption),
                      QStringLiteral("Many responses: one answers object a line, each finalized on its own with the "
                                     "consent flags given; prints one result a line."),
                      QStringLiteral("ANSWERS.jsonl")});
    parser.addOption({QStringLiteral("db"), QStringLiteral("Device database (created if missing)."),
                      QStringLiteral("DEVICE.db")});
    parser.addOption({QStringLiteral("language"), QStringLiteral("Language the answers were given in."),
                      QStringLiteral("CODE")});
    addEventOptions(parser);
    addConsentOptions(parser);
    addPackageTrustOptions(parser);
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("survey"), QStringLiteral("db")});
        code >= 0) {
        return code;
    }
    const bool batch = parser.isSet(QLatin1String(kAnswersJsonlOption));
    if (!batch && !parser.isSet(QStringLiteral("answers"))) {
        return usage(io, QStringLiteral("missing --answers (or --answers-jsonl for one response a line)"));
    }

    // An existing database may be enrolled, and then decides which packages it accepts; a new
    // one is only created once everything has been checked.
    const QString dbPath = parser.value(QStringLiteral("db"));
    std::unique_ptr<store::SqliteStore> store;
    const auto openStore = [&]() -> Status {
        auto opened = store::SqliteStore::open(dbPath);
        if (!opened) {
            return opened.error();
        }
        store = std::move(*opened);
        return {};
    };
    if (QFileInfo::exists(dbPath)) {
        if (Status opened = openStore(); !opened) {
            return fail(io, opened.error());
        }
    }
    PackageToCollect trusted;
    if (const int code = loadPackageToCollect(parser, parser.value(QStringLiteral("survey")), store.get(), io, trusted);
        code >= 0) {
        return code;
    }
    const survey::SurveyPackage *package = &trusted.package;
    if (batch) {
        store.reset(); // the batch opens the database itself, once everything above has been checked
        return collectAnswersJsonl(parser, *package, trusted.trust, io);
    }

    auto answerBytes = readFileCapped(parser.value(QStringLiteral("answers")), kMaxAnswersBytes);
    if (!answerBytes) {
        return fail(io, answerBytes.error());
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*answerBytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return fail(io, QStringLiteral("%1: not a JSON object of answers (%2 at offset %3)")
                            .arg(parser.value(QStringLiteral("answers")),
                                 parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                              : QStringLiteral("not an object"))
                            .arg(parseError.offset));
    }

    survey::FillOptions options;
    options.language = parser.value(QStringLiteral("language"));
    auto response = survey::fillFromAnswersJson(*package, document.object(), options);
    if (!response) {
        return fail(io, QStringLiteral("%1: %2").arg(parser.value(QStringLiteral("answers")), response.error().message));
    }

    if (auto event = applyEventOptions(parser, *package, *response); !event) {
        return usage(io, event.error().message);
    }

    auto consent = captureConsentFromOptions(parser, *package, *response);
    if (!consent) {
        return usage(io, consent.error().message);
    }
    if (auto continues = consent::surveyMayContinue(*package, consent->record); !continues) {
        return fail(io, continues.error());
    }

    if (!store) {
        if (Status opened = openStore(); !opened) {
            return fail(io, opened.error());
        }
    }
    if (auto recorded = store->audit().append(QStringLiteral("collect.package"),
                                              package->id + QLatin1Char(' ') + package->version, trusted.trust);
        !recorded) {
        return fail(io, recorded.error());
    }
    response::Finalizer finalizer(*store);
    auto instanceId = finalizer.finalize(*package, *response);
    if (!instanceId) {
        return fail(io, instanceId.error());
    }
    io.out << "finalized " << *instanceId << Qt::endl;
    // The respondent's only handle for withdrawing: shown once, only its hash is kept.
    io.out << "receipt " << consent->receiptCode.formatted() << Qt::endl;
    // The response is stored: a side output that fails now must not make a retrying script
    // collect it a second time, so it is a warning and the exit code stays 0.
    if (auto written = writeReceiptQrIfAsked(parser, consent->receiptCode); !written) {
        io.err << "chorusctl: warning: the response was finalized, but its receipt QR code was not written: "
               << written.error().message << " (the receipt code printed above is the same)" << Qt::endl;
    }
    return ExitOk;
}

} // namespace chorus::cli
