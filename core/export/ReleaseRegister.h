// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "export/Report.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace chorus::exports
{

// The release register: every equality report published from a survey, kept in the admin
// workspace whatever folder the report itself went to, so a new report is checked against all
// of them. Two reports made from respondent sets that differ by a few people are each safe
// alone, but subtracting one from the other singles those people out (and with the margins of
// both, a linear program pins hidden cells). A release is therefore refused when any count
// published in it and in an earlier release moved by 1..k-1.

struct Release {
    QDateTime at; // UTC
    QString surveyId;
    QString outDir; // where the report was written
    QJsonObject filters; // how it was made: threshold, rounding, area, year, inputs, census files
    qint64 records = 0;
    int k = 0;
    QJsonObject cells; // "question|row|column" -> released count (reportState()'s cells)
};

// ADMIN_DIR/releases/<surveyId>.jsonl
QString releaseRegisterPath(const QString &workspace, const QString &surveyId);

// One JSON object per line. A damaged line is an error, never skipped: a register that silently
// lost a release would let the next one be subtracted from it.
Result<QList<Release>> parseReleaseRegister(const QByteArray &bytes);
QByteArray releaseLine(const Release &release);

// The release `report` would be (its released counts).
Release releaseOf(const Report &report, const QString &surveyId, const QString &outDir, const QJsonObject &filters,
    qint64 records, const QDateTime &atUtc);

// Why `candidate` may not be published beside `earlier`: each count published in both that
// differs by 1..k-1 (k the larger of the two thresholds), naming the earlier release. Empty when
// it is safe.
QStringList releaseConflicts(const Release &candidate, const QList<Release> &earlier);

struct CellDifference {
    QString question, row, column;
    qint64 difference = 0;
};
// The counts published in both cell sets that differ by 1..k-1.
QList<CellDifference> smallDifferences(const QJsonObject &current, const QJsonObject &previous, int k);

} // namespace chorus::exports
