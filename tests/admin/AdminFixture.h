// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A workspace as chorus-admin lays it out (keys/, pulled/submissions/<id>/, census/, surveys/)
// with generated responses to the demo survey sealed to the workspace's council key, plus on
// request one sealed to a stranger's key and one whose encrypted bytes were damaged.

#include "crypto/KeyDirectory.h"
#include "crypto/OdkEnvelope.h"
#include "response/SubmissionXml.h"
#include "survey/SurveyLoader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace chorus::admin::fixture
{

inline const QString kSurvey = QStringLiteral(CHORUS_SOURCE_DIR "/examples/demo.chorus.json");
inline const QString kCensus = QStringLiteral(CHORUS_SOURCE_DIR "/examples/census/E09000021-kingston-upon-thames.json");
inline const QByteArray kPassphrase("correct horse battery staple");

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

inline QString instanceIdOf(int i)
{
    return QStringLiteral("uuid:00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

inline response::Response responseNumber(const survey::SurveyPackage &p, int i)
{
    response::Response r;
    r.instanceId = instanceIdOf(i);
    r.surveyId = p.id;
    r.surveyVersion = p.version;
    r.bankVersion = p.bankVersion;
    r.started = QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC);
    r.finished = r.started.addSecs(60);
    for (const survey::Question *q : p.allQuestions()) {
        if (!q->isAnswerable() || !p.repeatOf(q->name).isEmpty())
            continue;
        if (q->hasChoices() && !q->choices.isEmpty())
            r.answers.insert(q->name, response::Answer::answered(q->choices.at(i % q->choices.size()).code));
        else if (q->type == survey::QuestionType::Text)
            r.answers.insert(q->name, response::Answer::answered(QStringLiteral("SECRET-TEXT")));
        else
            r.answers.insert(q->name, response::Answer::notAnswered());
    }
    return r;
}

struct Options {
    int records = 5;
    int strangerIndex = -1; // sealed to another council's key
    int damagedIndex = -1; // encrypted bytes altered after sealing
    bool createKeys = true; // otherwise responses are sealed to the keys already there, if any
};

// Fills `workspace` and returns the survey package it used.
inline survey::SurveyPackage makeWorkspace(const QString &workspace, const Options &options)
{
    auto package = survey::SurveyLoader::loadFile(kSurvey);
    if (!package)
        qFatal("demo survey: %s", qPrintable(package.error().message));
    const QDir ws(workspace);
    for (const char *sub : { "keys", "pulled", "exports", "reports", "surveys", "census" })
        ws.mkpath(QLatin1String(sub));
    QFile::copy(kSurvey, ws.filePath(QStringLiteral("surveys/demo.chorus.json")));
    QFile::copy(kCensus, ws.filePath(QStringLiteral("census/kingston.json")));
    crypto::KeyDirectory keys(ws.filePath(QStringLiteral("keys")));
    if (options.createKeys && !keys.holdsKeys() && !keys.init(kPassphrase, crypto::KdfParams::minimum()))
        qFatal("keys init failed");
    if (!keys.holdsKeys())
        return *package;
    auto council = keys.councilPublicKey();
    auto stranger = crypto::generateCouncilKeyPair();
    if (!council || !stranger)
        qFatal("keys");
    for (int i = 0; i < options.records; ++i) {
        const response::Response r = responseNumber(*package, i);
        auto sealed = crypto::OdkEnvelope::seal(i == options.strangerIndex ? stranger->publicKey : *council,
            r.surveyId, r.surveyVersion, r.instanceId, response::SubmissionXml::serialize(*package, r));
        if (!sealed)
            qFatal("seal failed");
        const QString dir = ws.filePath(QStringLiteral("pulled/submissions/%1").arg(i, 6, 10, QLatin1Char('0')));
        writeFile(dir + QLatin1String("/submission.xml"), sealed->manifest);
        for (FilePart part : sealed->encryptedFiles) {
            if (i == options.damagedIndex && part.name.startsWith(QLatin1String("submission.xml")))
                part.bytes[part.bytes.size() / 2] = char(part.bytes.at(part.bytes.size() / 2) ^ 0x5a);
            writeFile(dir + QLatin1Char('/') + part.name, part.bytes);
        }
    }
    return *package;
}

} // namespace chorus::admin::fixture
