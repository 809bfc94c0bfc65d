// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnswersJson.h"

#include "survey/FormEngine.h"

#include <QJsonArray>

namespace chorus::survey {

using response::Answer;

namespace {
Result<Answer> answerFromJson(const QJsonValue &v)
{
    auto wrong = [] {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("must be a string, a number, a list of codes, {\"state\": ...} or {\"value\": ..., \"writeIn\": ...}"));
    };
    if (v.isString()) {
        return Answer::answered(v.toString());
    }
    if (v.isDouble()) {
        return Answer::answered(QString::number(v.toDouble(), 'g', 15));
    }
    if (v.isArray()) {
        QStringList codes;
        for (const QJsonValue &c : v.toArray()) {
            if (!c.isString()) {
                return wrong();
            }
            codes.append(c.toString());
        }
        return Answer::answered(codes.join(QLatin1Char(' ')));
    }
    if (!v.isObject()) {
        return wrong();
    }
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != QLatin1String("state") && it.key() != QLatin1String("value") && it.key() != QLatin1String("writeIn")) {
            return makeError(ErrorKind::InvalidInput, QStringLiteral("unknown field \"%1\" (use state, value, writeIn)").arg(it.key()));
        }
    }
    if (o.contains(QLatin1String("state"))) {
        const auto state = response::answerStateFromName(o.value(QLatin1String("state")).toString());
        if (!state || *state == response::AnswerState::NotAsked || *state == response::AnswerState::Answered
            || o.contains(QLatin1String("value"))) {
            return makeError(ErrorKind::InvalidInput, QStringLiteral("state must be \"prefer_not_to_say\" or \"not_answered\" (give an answer as a value)"));
        }
        return Answer{*state, {}, {}};
    }
    auto value = answerFromJson(o.value(QLatin1String("value")));
    if (!value || o.value(QLatin1String("value")).isObject()) {
        return wrong();
    }
    value->writeIn = o.value(QLatin1String("writeIn")).toString();
    return value;
}
} // namespace

Result<response::Response> fillFromAnswersJson(const SurveyPackage &package, const QJsonObject &answers,
                                               const FillOptions &options)
{
    FormEngine engine(package, options.language);
    QStringList problems;
    QStringList given;
    auto set = [&](const QString &path, const QJsonValue &v) {
        auto a = answerFromJson(v);
        if (!a) {
            problems.append(QStringLiteral("%1: %2").arg(path, a.error().message));
            return;
        }
        if (auto s = engine.setAnswer(path, *a); !s) {
            problems.append(QStringLiteral("%1: %2").arg(path, s.error().message));
            return;
        }
        given.append(path);
    };
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        const Question *q = package.question(it.key());
        if (!q || !package.repeatOf(it.key()).isEmpty()) {
            problems.append(QStringLiteral("%1: there is no such question at the top level of survey %2").arg(it.key(), package.id));
            continue;
        }
        if (q->type != QuestionType::Repeat) {
            set(it.key(), it.value());
            continue;
        }
        if (!it.value().isArray()) {
            problems.append(QStringLiteral("%1: a repeat takes a list of objects, one per instance").arg(it.key()));
            continue;
        }
        const QJsonArray instances = it.value().toArray();
        while (engine.repeatCount(q->name) < instances.size()) {
            if (auto s = engine.addRepeatInstance(q->name); !s) {
                problems.append(QStringLiteral("%1: %2").arg(it.key(), s.error().message));
                break;
            }
        }
        for (qsizetype i = 0; i < instances.size() && i < engine.repeatCount(q->name); ++i) {
            const QJsonObject inst = instances.at(i).toObject();
            for (auto c = inst.begin(); c != inst.end(); ++c) {
                if (package.repeatOf(c.key()) != q->name) {
                    problems.append(QStringLiteral("%1[%2]: \"%3\" is not a question of this repeat").arg(it.key()).arg(i + 1).arg(c.key()));
                    continue;
                }
                set(response::repeatAnswerPath(q->name, int(i + 1), c.key()), c.value());
            }
        }
    }
    const QStringList shown = engine.pages();
    for (const QString &path : given) {
        if (!shown.contains(path)) {
            problems.append(QStringLiteral("%1: this respondent is not asked this question (routing), so it cannot be answered").arg(path));
        }
    }
    if (problems.isEmpty()) {
        for (const auto &[path, message] : engine.allProblems()) {
            problems.append(QStringLiteral("%1: %2").arg(path, message));
        }
    }
    if (!problems.isEmpty()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("answers do not fit survey %1: %2").arg(package.id, problems.join(QStringLiteral("; "))));
    }
    auto response = engine.finalizeResponse(options.finished.isValid() ? options.finished : QDateTime::currentDateTimeUtc());
    if (response && options.started.isValid()) {
        response->started = options.started.toUTC();
    }
    return response;
}

} // namespace chorus::survey
