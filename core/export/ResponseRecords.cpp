// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ResponseRecords.h"

#include <QRegularExpression>

namespace chorus::exports
{

namespace
{

struct Path {
    QString repeat;
    int instance = 0; // 1-based; 0 for a top-level answer
    QString name;
};

Path splitPath(const QString &path)
{
    static const QRegularExpression pattern(QStringLiteral("^([^/\\[]+)\\[(\\d+)\\]/(.+)$"));
    const QRegularExpressionMatch m = pattern.match(path);
    if (!m.hasMatch())
        return { QString(), 0, path };
    return { m.captured(1), m.captured(2).toInt(), m.captured(3) };
}

} // namespace

Record recordFromResponse(const response::Response &response)
{
    Record record;
    record.instanceId = response.instanceId;
    record.surveyId = response.surveyId;
    record.surveyVersion = response.surveyVersion;
    record.bankVersion = response.bankVersion;
    // The event's ward as the device sealed it. Anything that is not a ward code (a damaged or
    // foreign submission) counts as "ward not recorded" rather than inventing a ward table row.
    if (response::isValidWardCode(response.eventWard))
        record.ward = response.eventWard;
    for (auto it = response.repeatCounts.cbegin(); it != response.repeatCounts.cend(); ++it)
        record.repeats.insert(it.key(), QList<Answers>(std::max(0, it.value())));
    for (auto it = response.answers.cbegin(); it != response.answers.cend(); ++it) {
        const Path path = splitPath(it.key());
        if (path.instance == 0) {
            record.answers.insert(path.name, it.value());
            continue;
        }
        QList<Answers> &instances = record.repeats[path.repeat];
        if (instances.size() < path.instance)
            instances.resize(path.instance);
        instances[path.instance - 1].insert(path.name, it.value());
    }
    return record;
}

Catalogue catalogueFromResponse(const response::Response &response)
{
    Catalogue catalogue;
    catalogue.surveyId = response.surveyId;
    QStringList seen;
    for (auto it = response.answers.cbegin(); it != response.answers.cend(); ++it) {
        const Path path = splitPath(it.key());
        const QString key = path.repeat + QLatin1Char('/') + path.name;
        if (seen.contains(key))
            continue;
        seen.append(key);
        Question q;
        q.name = path.name;
        q.type = QuestionType::Text;
        q.repeatGroup = path.repeat;
        q.allowsWriteIn = true; // unknown without the package: keep any write-in
        catalogue.questions.append(q);
    }
    return catalogue;
}

} // namespace chorus::exports
