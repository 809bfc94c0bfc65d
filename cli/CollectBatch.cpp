// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl collect --answers-jsonl: a box of keyed-in paper forms or a file of answers in one run.
#include "CollectBatch.h"

#include "CliSupport.h"
#include "ConsentOptions.h"
#include "EventOptions.h"

#include "consent/SurveyConsent.h"
#include "response/Finalizer.h"
#include "store/SqliteStore.h"
#include "survey/AnswersJson.h"
#include "survey/SurveyPackage.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace chorus::cli {

namespace {

// The single-response limit of `collect --answers`, per line.
constexpr qint64 kMaxLineBytes = 4 * 1024 * 1024;

// One line to a finalized response: its instanceID and receipt code, or why not.
Result<QPair<QString, QString>> collectLine(const QCommandLineParser &parser, const survey::SurveyPackage &package,
                                            response::Finalizer &finalizer, const QByteArray &line)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorKind::InvalidInput, u"not JSON (%1 at offset %2)"_s.arg(parseError.errorString())
                                                      .arg(parseError.offset));
    if (!document.isObject())
        return makeError(ErrorKind::InvalidInput, u"not a JSON object of answers"_s);
    survey::FillOptions options;
    options.language = parser.value(u"language"_s);
    auto response = survey::fillFromAnswersJson(package, document.object(), options);
    if (!response)
        return response.error();
    if (Status event = applyEventOptions(parser, package, *response); !event)
        return event.error();
    auto consent = captureConsentFromOptions(parser, package, *response);
    if (!consent)
        return consent.error();
    if (Status continues = consent::surveyMayContinue(package, consent->record); !continues)
        return continues.error();
    auto instanceId = finalizer.finalize(package, *response);
    if (!instanceId)
        return instanceId.error();
    return qMakePair(*instanceId, consent->receiptCode.formatted());
}

// Reads one line (without its '\n') in chunks: readLine(max) would reserve the whole cap for
// every line. False in `*fits` when the line is longer than `cap` (the rest of it is skipped).
QByteArray readLineCapped(QFile &file, qint64 cap, bool *fits)
{
    QByteArray line;
    *fits = true;
    char chunk[64 * 1024];
    while (!file.atEnd()) {
        const qint64 n = file.readLine(chunk, sizeof chunk);
        if (n <= 0)
            break;
        const bool ended = chunk[n - 1] == '\n';
        if (*fits && line.size() + n - (ended ? 1 : 0) > cap) {
            *fits = false;
            line.fill('\0');
            line.clear();
        }
        if (*fits)
            line.append(chunk, ended ? n - 1 : n);
        if (ended)
            break;
    }
    return line;
}

} // namespace

int collectAnswersJsonl(const QCommandLineParser &parser, const survey::SurveyPackage &package, const QString &trust,
                        Io &io)
{
    const QString path = parser.value(QLatin1String(kAnswersJsonlOption));
    if (parser.isSet(u"answers"_s))
        return usage(io, u"give --answers (one response) or --answers-jsonl (one a line), not both"_s);
    // A receipt code is one person's: a flag cannot give one to every line.
    for (const QString &single : {u"receipt-code"_s, u"receipt-qr"_s}) {
        if (parser.isSet(single))
            return usage(io, u"--answers-jsonl makes a new receipt code for each line; leave out --%1"_s.arg(single));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(io, u"%1: cannot read (%2)"_s.arg(path, file.errorString()));
    auto store = store::SqliteStore::open(parser.value(u"db"_s));
    if (!store)
        return fail(io, store.error());
    if (auto recorded = (*store)->audit().append(u"collect.package"_s, package.id + u' ' + package.version, trust);
        !recorded)
        return fail(io, recorded.error());
    response::Finalizer finalizer(**store);

    qint64 lineNumber = 0;
    qint64 finalized = 0;
    qint64 failed = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        bool fits = true;
        QByteArray line = readLineCapped(file, kMaxLineBytes, &fits);
        if (!fits) {
            io.err << "chorusctl: " << path << ':' << lineNumber
                   << ": longer than 4 MB; not collected, the other lines go on" << Qt::endl;
            io.out << "line " << lineNumber << " failed" << Qt::endl;
            ++failed;
            continue;
        }
        if (line.trimmed().isEmpty())
            continue;
        auto outcome = collectLine(parser, package, finalizer, line);
        line.fill('\0'); // answers
        if (!outcome) {
            io.err << "chorusctl: " << path << ':' << lineNumber << ": " << outcome.error().message
                   << "; not collected, the other lines go on" << Qt::endl;
            io.out << "line " << lineNumber << " failed" << Qt::endl;
            ++failed;
            continue;
        }
        io.out << "line " << lineNumber << " finalized " << outcome->first << " receipt " << outcome->second
               << Qt::endl;
        ++finalized;
    }
    if (file.error() != QFileDevice::NoError)
        return fail(io, u"%1: read failed after line %2 (%3)"_s.arg(path).arg(lineNumber).arg(file.errorString()));
    io.out << finalized << " finalized, " << failed << " failed" << Qt::endl;
    return failed == 0 ? ExitOk : ExitFailure;
}

} // namespace chorus::cli
