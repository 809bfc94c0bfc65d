// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the consent suites that drive chorusctl end to end with the demo survey.

#include "CliRunner.h"
#include "crypto/CouncilKeys.h"
#include "crypto/OdkEnvelope.h"
#include "response/SubmissionXml.h"
#include "store/SqliteStore.h"
#include "survey/SurveyLoader.h"

#include <QFile>
#include <QTest>
#include <QTextStream>

namespace chorus::consent::testing {

using chorus::testing::CliResult;
using chorus::testing::runCli;

inline QString demoSurveyPath()
{
    return QStringLiteral(CHORUS_SOURCE_DIR "/tests/consent/data/consent-survey.chorus.json");
}

inline survey::SurveyPackage demoSurvey()
{
    survey::ValidationReport report;
    auto package = survey::SurveyLoader::loadFile(demoSurveyPath(), &report);
    if (!package)
        qFatal("demo survey does not load: %s", qPrintable(package.error().message));
    return *package;
}

// The value after "<label> " on a line of chorusctl's output, e.g. "receipt" -> the code.
inline QString outputValue(const QString &out, const QString &label)
{
    for (const QString &line : out.split(QLatin1Char('\n'))) {
        if (line.startsWith(label + QLatin1Char(' ')))
            return line.mid(label.size() + 1).trimmed();
    }
    return {};
}

// Opens a stored envelope with the demo survey's TEST-ONLY council key: the plaintext XML.
inline Result<QByteArray> openStoredXml(const QString &dbPath, const QString &instanceId)
{
    auto store = store::SqliteStore::open(dbPath);
    if (!store)
        return store.error();
    auto stored = (*store)->responses().load(instanceId);
    if (!stored)
        return stored.error();
    QFile pem(QStringLiteral(CHORUS_SOURCE_DIR "/tests/data/TEST-ONLY-council-private-key.pem"));
    if (!pem.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::Io, QStringLiteral("test key missing"));
    auto key = crypto::CouncilPrivateKey::fromPem(pem.readAll());
    if (!key)
        return key.error();
    auto opened = crypto::OdkEnvelope::open(*key, stored->envelope.manifest, stored->envelope.encryptedFiles);
    if (!opened)
        return opened.error();
    return opened->xml;
}

inline Result<response::Response> openStored(const QString &dbPath, const QString &instanceId)
{
    auto xml = openStoredXml(dbPath, instanceId);
    if (!xml)
        return xml.error();
    return response::SubmissionXml::parse(*xml);
}

} // namespace chorus::consent::testing
