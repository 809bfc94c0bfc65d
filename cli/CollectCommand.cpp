// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl collect: fill and finalize one response headlessly through the same form engine
// and finalization path as the app (automation, and keying in paper forms).
#include "CliSupport.h"
#include "CollectBatch.h"
#include "ConsentOptions.h"

#include "consent/SurveyConsent.h"
#include "response/Finalizer.h"
#include "store/SqliteStore.h"
#include "survey/AnswersJson.h"
#include "survey/SurveyLoader.h"

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
    addConsentOptions(parser);
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("survey"), QStringLiteral("db")});
        code >= 0) {
        return code;
    }
    const bool batch = parser.isSet(QLatin1String(kAnswersJsonlOption));
    if (!batch && !parser.isSet(QStringLiteral("answers"))) {
        return usage(io, QStringLiteral("missing --answers (or --answers-jsonl for one response a line)"));
    }

    survey::ValidationReport report;
    auto package = survey::SurveyLoader::loadFile(parser.value(QStringLiteral("survey")), &report);
    if (!package) {
        return fail(io, package.error());
    }
    if (batch) {
        return collectAnswersJsonl(parser, *package, io);
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

    auto consent = captureConsentFromOptions(parser, *package, *response);
    if (!consent) {
        return usage(io, consent.error().message);
    }
    if (auto continues = consent::surveyMayContinue(*package, consent->record); !continues) {
        return fail(io, continues.error());
    }

    auto store = store::SqliteStore::open(parser.value(QStringLiteral("db")));
    if (!store) {
        return fail(io, store.error());
    }
    response::Finalizer finalizer(**store);
    auto instanceId = finalizer.finalize(*package, *response);
    if (!instanceId) {
        return fail(io, instanceId.error());
    }
    io.out << "finalized " << *instanceId << Qt::endl;
    // The respondent's only handle for withdrawing: shown once, only its hash is kept.
    io.out << "receipt " << consent->receiptCode.formatted() << Qt::endl;
    if (auto written = writeReceiptQrIfAsked(parser, consent->receiptCode); !written) {
        return fail(io, written.error());
    }
    return ExitOk;
}

} // namespace chorus::cli
