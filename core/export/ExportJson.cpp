// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ExportJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chorus::exports
{

namespace
{

const std::pair<QuestionType, const char *> kTypes[] = { { QuestionType::Text, "text" },
    { QuestionType::Integer, "integer" }, { QuestionType::Decimal, "decimal" }, { QuestionType::Date, "date" },
    { QuestionType::SingleChoice, "single_choice" }, { QuestionType::MultipleChoice, "multiple_choice" },
    { QuestionType::Rating, "rating" }, { QuestionType::Ranking, "ranking" }, { QuestionType::Note, "note" },
    { QuestionType::Geopoint, "geopoint" } };

const std::pair<AnswerState, const char *> kStates[]
    = { { AnswerState::Answered, "answered" }, { AnswerState::PreferNotToSay, "prefer_not_to_say" },
          { AnswerState::NotAnswered, "not_answered" }, { AnswerState::NotAsked, "not_asked" } };

QHash<QString, QString> labels(const QJsonValue &value)
{
    QHash<QString, QString> result;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        result.insert(it.key(), it.value().toString());
    return result;
}

QJsonObject labelsJson(const QHash<QString, QString> &labels)
{
    QJsonObject o;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

Result<Answers> parseAnswers(const QJsonObject &object)
{
    Answers answers;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonObject a = it.value().toObject();
        const QString state = a.value(QLatin1String("state")).toString();
        Answer answer;
        bool known = false;
        for (const auto &[s, name] : kStates) {
            if (state == QLatin1String(name)) {
                answer.state = s;
                known = true;
            }
        }
        if (!known)
            return makeError(
                ErrorKind::InvalidInput, QStringLiteral("answer %1 has an unknown state \"%2\"").arg(it.key(), state));
        answer.value = a.value(QLatin1String("value")).toString();
        answer.writeIn = a.value(QLatin1String("write_in")).toString();
        answers.insert(it.key(), answer);
    }
    return answers;
}

} // namespace

Result<Catalogue> parseCatalogueJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return makeError(
            ErrorKind::InvalidInput, QStringLiteral("The catalogue is not valid JSON (%1).").arg(error.errorString()));
    const QJsonObject root = doc.object();
    Catalogue c;
    c.surveyId = root.value(QLatin1String("survey_id")).toString();
    c.defaultLanguage = root.value(QLatin1String("default_language")).toString(QStringLiteral("en"));
    for (const QJsonValue &v : root.value(QLatin1String("questions")).toArray()) {
        const QJsonObject o = v.toObject();
        Question q;
        q.name = o.value(QLatin1String("name")).toString();
        if (q.name.isEmpty())
            return makeError(ErrorKind::InvalidInput, QStringLiteral("A catalogue question has no name."));
        const QString type = o.value(QLatin1String("type")).toString();
        bool known = false;
        for (const auto &[t, name] : kTypes) {
            if (type == QLatin1String(name)) {
                q.type = t;
                known = true;
            }
        }
        if (!known)
            return makeError(
                ErrorKind::InvalidInput, QStringLiteral("Question %1 has an unknown type \"%2\".").arg(q.name, type));
        q.labels = labels(o.value(QLatin1String("labels")));
        for (const QJsonValue &cv : o.value(QLatin1String("choices")).toArray()) {
            const QJsonObject co = cv.toObject();
            q.choices.append({ co.value(QLatin1String("code")).toString(), labels(co.value(QLatin1String("labels"))),
                co.value(QLatin1String("census_code")).toString() });
        }
        q.allowsWriteIn = o.value(QLatin1String("write_in")).toBool();
        q.repeatGroup = o.value(QLatin1String("repeat")).toString();
        q.censusTable = o.value(QLatin1String("census_table")).toString();
        const QString base = o.value(QLatin1String("population_base")).toString();
        q.base = base == QLatin1String("16+") ? PopulationBase::Aged16Plus
            : base == QLatin1String("5+")     ? PopulationBase::Aged5Plus
                                              : PopulationBase::AllUsualResidents;
        q.lowConfidence = o.value(QLatin1String("low_confidence")).toBool();
        for (const QJsonValue &step : o.value(QLatin1String("steps")).toArray())
            q.steps.append(step.toString());
        c.questions.append(q);
    }
    return c;
}

QByteArray catalogueToJson(const Catalogue &catalogue)
{
    QJsonArray questions;
    for (const Question &q : catalogue.questions) {
        QJsonObject o { { QStringLiteral("name"), q.name } };
        for (const auto &[t, name] : kTypes) {
            if (t == q.type)
                o.insert(QStringLiteral("type"), QString::fromLatin1(name));
        }
        if (!q.labels.isEmpty())
            o.insert(QStringLiteral("labels"), labelsJson(q.labels));
        QJsonArray choices;
        for (const Choice &c : q.choices) {
            QJsonObject co { { QStringLiteral("code"), c.code }, { QStringLiteral("labels"), labelsJson(c.labels) } };
            if (!c.censusCode.isEmpty())
                co.insert(QStringLiteral("census_code"), c.censusCode);
            choices.append(co);
        }
        if (!choices.isEmpty())
            o.insert(QStringLiteral("choices"), choices);
        if (q.allowsWriteIn)
            o.insert(QStringLiteral("write_in"), true);
        if (!q.repeatGroup.isEmpty())
            o.insert(QStringLiteral("repeat"), q.repeatGroup);
        if (!q.censusTable.isEmpty())
            o.insert(QStringLiteral("census_table"), q.censusTable);
        if (q.base != PopulationBase::AllUsualResidents)
            o.insert(QStringLiteral("population_base"),
                q.base == PopulationBase::Aged16Plus ? QStringLiteral("16+") : QStringLiteral("5+"));
        if (q.lowConfidence)
            o.insert(QStringLiteral("low_confidence"), true);
        if (!q.steps.isEmpty())
            o.insert(QStringLiteral("steps"), QJsonArray::fromStringList(q.steps));
        questions.append(o);
    }
    const QJsonObject root { { QStringLiteral("survey_id"), catalogue.surveyId },
        { QStringLiteral("default_language"), catalogue.defaultLanguage }, { QStringLiteral("questions"), questions } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<Record> parseRecordJson(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (!doc.isObject())
        return makeError(ErrorKind::InvalidInput, QStringLiteral("not a JSON object (%1)").arg(error.errorString()));
    const QJsonObject o = doc.object();
    Record r;
    r.instanceId = o.value(QLatin1String("key")).toString();
    r.surveyId = o.value(QLatin1String("survey_id")).toString();
    r.surveyVersion = o.value(QLatin1String("survey_version")).toString();
    r.bankVersion = o.value(QLatin1String("bank_version")).toString();
    if (o.value(QLatin1String("ward")).isString())
        r.ward = o.value(QLatin1String("ward")).toString();
    auto answers = parseAnswers(o.value(QLatin1String("answers")).toObject());
    if (!answers)
        return answers.error();
    r.answers = *answers;
    const QJsonObject repeats = o.value(QLatin1String("repeats")).toObject();
    for (auto it = repeats.begin(); it != repeats.end(); ++it) {
        QList<Answers> instances;
        for (const QJsonValue &v : it.value().toArray()) {
            auto a = parseAnswers(v.toObject());
            if (!a)
                return a.error();
            instances.append(*a);
        }
        r.repeats.insert(it.key(), instances);
    }
    return r;
}

Status readRecordsJsonLines(const QString &path, const std::function<void(const Record &)> &sink)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::Io, QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    qint64 lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        auto record = parseRecordJson(line);
        if (!record)
            return makeError(ErrorKind::InvalidInput,
                QStringLiteral("%1 line %2: %3").arg(path).arg(lineNumber).arg(record.error().message));
        sink(*record);
    }
    return {};
}

} // namespace chorus::exports
