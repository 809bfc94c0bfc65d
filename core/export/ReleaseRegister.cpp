// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ReleaseRegister.h"

#include <QDir>
#include <QJsonDocument>

#include <algorithm>

namespace chorus::exports
{

namespace
{
// The conflicts listed per earlier release; the rest are counted, so the message stays readable.
constexpr int kCellsNamed = 5;
} // namespace

QString releaseRegisterPath(const QString &workspace, const QString &surveyId)
{
    return QDir(workspace).filePath(QStringLiteral("releases/%1.jsonl").arg(surveyId));
}

Result<QList<Release>> parseReleaseRegister(const QByteArray &bytes)
{
    QList<Release> releases;
    int lineNumber = 0;
    for (const QByteArray &line : bytes.split('\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        const QJsonObject o = doc.object();
        Release r;
        r.at = QDateTime::fromString(o.value(QLatin1String("at")).toString(), Qt::ISODate);
        r.surveyId = o.value(QLatin1String("survey_id")).toString();
        r.outDir = o.value(QLatin1String("out")).toString();
        r.filters = o.value(QLatin1String("filters")).toObject();
        r.records = o.value(QLatin1String("records")).toInteger();
        r.k = o.value(QLatin1String("k")).toInt();
        r.cells = o.value(QLatin1String("cells")).toObject();
        if (!doc.isObject() || !r.at.isValid() || r.surveyId.isEmpty() || r.k < 1)
            return makeError(ErrorKind::InvalidInput,
                QStringLiteral("line %1 of the release register is damaged: restore it from a backup; without it a "
                               "new report cannot be checked against what was already published")
                    .arg(lineNumber));
        releases.append(r);
    }
    return releases;
}

QByteArray releaseLine(const Release &release)
{
    const QJsonObject o { { QStringLiteral("at"), release.at.toUTC().toString(Qt::ISODate) },
        { QStringLiteral("survey_id"), release.surveyId }, { QStringLiteral("out"), release.outDir },
        { QStringLiteral("filters"), release.filters }, { QStringLiteral("records"), release.records },
        { QStringLiteral("k"), release.k }, { QStringLiteral("cells"), release.cells } };
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

Release releaseOf(const Report &report, const QString &surveyId, const QString &outDir, const QJsonObject &filters,
    qint64 records, const QDateTime &atUtc)
{
    Release r;
    r.at = atUtc.toUTC();
    r.surveyId = surveyId;
    r.outDir = outDir;
    r.filters = filters;
    r.records = records;
    r.k = report.options.sdc.k;
    r.cells = QJsonDocument::fromJson(reportState(report)).object().value(QLatin1String("cells")).toObject();
    return r;
}

QList<CellDifference> smallDifferences(const QJsonObject &current, const QJsonObject &previous, int k)
{
    QList<CellDifference> found;
    for (auto it = current.begin(); it != current.end(); ++it) {
        const auto before = previous.constFind(it.key());
        if (before == previous.constEnd())
            continue;
        const qint64 difference = qAbs(it.value().toInteger() - before.value().toInteger());
        if (difference > 0 && difference < k) {
            const QStringList parts = it.key().split(QLatin1Char('|'));
            found.append({ parts.value(0), parts.value(1), parts.value(2), difference });
        }
    }
    return found;
}

QStringList releaseConflicts(const Release &candidate, const QList<Release> &earlier)
{
    QStringList reasons;
    for (const Release &e : earlier) {
        const int k = std::max(candidate.k, e.k);
        const QList<CellDifference> cells = smallDifferences(candidate.cells, e.cells, k);
        if (cells.isEmpty())
            continue;
        QStringList named;
        for (qsizetype i = 0; i < std::min<qsizetype>(cells.size(), kCellsNamed); ++i) {
            const CellDifference &c = cells.at(i);
            named.append(QStringLiteral("%1 row %2 column %3 by %4").arg(c.question, c.row, c.column).arg(c.difference));
        }
        if (cells.size() > kCellsNamed)
            named.append(QStringLiteral("%1 more").arg(cells.size() - kCellsNamed));
        reasons.append(QStringLiteral("the report released %1 to %2 (%3 records) differs from this one by fewer than %4 "
                                      "respondents in %5 published count(s): %6. Subtracting the two would single those "
                                      "respondents out. Wait until at least %4 more responses have arrived, or publish "
                                      "from the same responses as before.")
                           .arg(e.at.toString(Qt::ISODate), e.outDir)
                           .arg(e.records)
                           .arg(k)
                           .arg(cells.size())
                           .arg(named.join(QStringLiteral("; "))));
    }
    return reasons;
}

} // namespace chorus::exports
