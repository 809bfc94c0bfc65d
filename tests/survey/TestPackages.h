// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// Fixtures shared by the survey, response and bank tests: a small valid package
// (tests/data/minimal.chorus.json: one rating, one text, one bank item) and helpers to bend it
// into the case a test needs. examples/demo.chorus.json is the full council survey.
namespace chorus::testing {

inline QJsonObject minimalPackageJson()
{
    QFile file(QStringLiteral(CHORUS_SOURCE_DIR "/tests/data/minimal.chorus.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read tests/data/minimal.chorus.json");
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

inline QByteArray toBytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The minimal package with its sections replaced by one section holding `questions`.
inline QJsonObject packageWithQuestions(const QJsonArray &questions, const QJsonObject &choiceLists = {})
{
    QJsonObject o = minimalPackageJson();
    QJsonObject section{{QStringLiteral("id"), QStringLiteral("s")},
                        {QStringLiteral("title"), QStringLiteral("Section")},
                        {QStringLiteral("questions"), questions}};
    o.insert(QStringLiteral("sections"), QJsonArray{section});
    o.insert(QStringLiteral("choiceLists"), choiceLists);
    return o;
}

inline QJsonObject parseJson(const char *json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (!doc.isObject() && !doc.isArray()) {
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    }
    return doc.object();
}

inline QJsonArray parseArray(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).array();
}

} // namespace chorus::testing
