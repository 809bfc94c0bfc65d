// SPDX-License-Identifier: GPL-3.0-or-later
#include "DraftContent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chorus::response {

namespace {
constexpr int kFormat = 1;

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

Error corrupt(const QString &what)
{
    return makeError(ErrorKind::InvalidInput,
                     QStringLiteral("the saved draft cannot be read (%1); discard it and start again").arg(what));
}
} // namespace

QByteArray encodeDraft(const DraftContent &draft)
{
    const Response &r = draft.response;
    QJsonObject answers;
    for (auto it = r.answers.cbegin(); it != r.answers.cend(); ++it) {
        QJsonObject a{{QStringLiteral("s"), answerStateName(it->state)}};
        if (!it->value.isEmpty()) {
            a.insert(QStringLiteral("v"), it->value);
        }
        if (!it->writeIn.isEmpty()) {
            a.insert(QStringLiteral("w"), it->writeIn);
        }
        answers.insert(it.key(), a);
    }
    QJsonObject repeats;
    for (auto it = r.repeatCounts.cbegin(); it != r.repeatCounts.cend(); ++it) {
        repeats.insert(it.key(), it.value());
    }
    QJsonObject consent;
    for (auto it = draft.consent.cbegin(); it != draft.consent.cend(); ++it) {
        consent.insert(it.key(), it.value());
    }
    const QJsonObject root{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("instanceId"), r.instanceId},
        {QStringLiteral("surveyId"), r.surveyId},
        {QStringLiteral("surveyVersion"), r.surveyVersion},
        {QStringLiteral("bankVersion"), r.bankVersion},
        {QStringLiteral("language"), r.language},
        {QStringLiteral("started"), iso(r.started)},
        {QStringLiteral("answers"), answers},
        {QStringLiteral("repeats"), repeats},
        {QStringLiteral("position"), draft.position},
        {QStringLiteral("atReview"), draft.atReview},
        {QStringLiteral("consent"), consent},
        {QStringLiteral("noticeLanguage"), draft.noticeLanguage},
        {QStringLiteral("mode"), draft.mode},
        {QStringLiteral("operatorId"), draft.operatorId},
        {QStringLiteral("eventName"), draft.eventName},
        {QStringLiteral("eventWard"), draft.eventWard},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

Result<DraftContent> decodeDraft(const QByteArray &json)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return corrupt(QStringLiteral("not a JSON object"));
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toInt() != kFormat) {
        return corrupt(QStringLiteral("unknown format %1").arg(root.value(QStringLiteral("format")).toInt()));
    }
    DraftContent draft;
    Response &r = draft.response;
    r.instanceId = root.value(QStringLiteral("instanceId")).toString();
    if (!isValidInstanceId(r.instanceId)) {
        return corrupt(QStringLiteral("no valid instance id"));
    }
    r.surveyId = root.value(QStringLiteral("surveyId")).toString();
    r.surveyVersion = root.value(QStringLiteral("surveyVersion")).toString();
    r.bankVersion = root.value(QStringLiteral("bankVersion")).toString();
    r.language = root.value(QStringLiteral("language")).toString();
    const QString started = root.value(QStringLiteral("started")).toString();
    if (!started.isEmpty()) {
        r.started = QDateTime::fromString(started, Qt::ISODateWithMs);
        if (!r.started.isValid()) {
            return corrupt(QStringLiteral("bad start time"));
        }
    }
    const QJsonObject answers = root.value(QStringLiteral("answers")).toObject();
    for (auto it = answers.constBegin(); it != answers.constEnd(); ++it) {
        const QJsonObject a = it.value().toObject();
        const auto state = answerStateFromName(a.value(QStringLiteral("s")).toString());
        if (!state) {
            return corrupt(QStringLiteral("bad answer state for %1").arg(it.key()));
        }
        r.answers.insert(it.key(), Answer{*state, a.value(QStringLiteral("v")).toString(),
                                          a.value(QStringLiteral("w")).toString()});
    }
    const QJsonObject repeats = root.value(QStringLiteral("repeats")).toObject();
    for (auto it = repeats.constBegin(); it != repeats.constEnd(); ++it) {
        const int count = it.value().toInt(-1);
        if (count < 0) {
            return corrupt(QStringLiteral("bad repeat count for %1").arg(it.key()));
        }
        r.repeatCounts.insert(it.key(), count);
    }
    const QJsonObject consent = root.value(QStringLiteral("consent")).toObject();
    for (auto it = consent.constBegin(); it != consent.constEnd(); ++it) {
        draft.consent.insert(it.key(), it.value().toBool());
    }
    draft.position = root.value(QStringLiteral("position")).toString();
    draft.atReview = root.value(QStringLiteral("atReview")).toBool();
    draft.noticeLanguage = root.value(QStringLiteral("noticeLanguage")).toString();
    draft.mode = root.value(QStringLiteral("mode")).toString();
    draft.operatorId = root.value(QStringLiteral("operatorId")).toString();
    draft.eventName = root.value(QStringLiteral("eventName")).toString();
    draft.eventWard = root.value(QStringLiteral("eventWard")).toString();
    return draft;
}

} // namespace chorus::response
