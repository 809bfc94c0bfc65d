// SPDX-License-Identifier: GPL-3.0-or-later
// Test tool: seals an XML file (and attachments) with a council public key, writing the
// manifest as DIR/submission.xml and each encrypted part as DIR/<name>. The independent
// Python decryptor (odk_decrypt.py) reads what this writes.
//
//   odk_seal_tool --pub PUBFILE --form-id ID [--form-version V] --instance-id UUID
//                 --xml FILE [--attach FILE]... --out DIR [--mgf1-sha1]
#include "OdkTestSupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

using namespace chorus;
using namespace chorus::crypto;

namespace
{
int die(const QString &message)
{
    std::fprintf(stderr, "odk_seal_tool: %s\n", qPrintable(message));
    return 1;
}

bool readFile(const QString &path, QByteArray *bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    *bytes = file.readAll();
    return true;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption pub(QStringLiteral("pub"), QString(), QStringLiteral("file"));
    const QCommandLineOption formId(QStringLiteral("form-id"), QString(), QStringLiteral("id"));
    const QCommandLineOption formVersion(QStringLiteral("form-version"), QString(), QStringLiteral("v"));
    const QCommandLineOption instanceId(QStringLiteral("instance-id"), QString(), QStringLiteral("id"));
    const QCommandLineOption xml(QStringLiteral("xml"), QString(), QStringLiteral("file"));
    const QCommandLineOption attach(QStringLiteral("attach"), QString(), QStringLiteral("file"));
    const QCommandLineOption out(QStringLiteral("out"), QString(), QStringLiteral("dir"));
    const QCommandLineOption sha1(QStringLiteral("mgf1-sha1"));
    parser.addOptions({ pub, formId, formVersion, instanceId, xml, attach, out, sha1 });
    parser.process(app);

    QByteArray pubBytes;
    if (!readFile(parser.value(pub), &pubBytes)) {
        return die(QStringLiteral("cannot read the public key file"));
    }
    auto key = CouncilPublicKey::fromBase64(pubBytes);
    if (!key) {
        return die(key.error().message);
    }
    QByteArray xmlBytes;
    if (!readFile(parser.value(xml), &xmlBytes)) {
        return die(QStringLiteral("cannot read the XML file"));
    }
    FileParts attachments;
    for (const QString &path : parser.values(attach)) {
        FilePart part { QFileInfo(path).fileName(), {} };
        if (!readFile(path, &part.bytes)) {
            return die(QStringLiteral("cannot read attachment %1").arg(path));
        }
        attachments.append(part);
    }
    SealedSubmission sealed;
    if (parser.isSet(sha1)) {
        sealed = testing::sealWithMgf1Sha1(*key, parser.value(formId), parser.value(instanceId), xmlBytes);
    } else {
        auto result = OdkEnvelope::seal(
            *key, parser.value(formId), parser.value(formVersion), parser.value(instanceId), xmlBytes, attachments);
        if (!result) {
            return die(result.error().message);
        }
        sealed = std::move(*result);
    }
    const QDir dir(parser.value(out));
    if (!QDir().mkpath(dir.path()) || !writeFile(dir.filePath(QStringLiteral("submission.xml")), sealed.manifest)) {
        return die(QStringLiteral("cannot write the manifest"));
    }
    for (const FilePart &part : sealed.encryptedFiles) {
        if (!writeFile(dir.filePath(part.name), part.bytes)) {
            return die(QStringLiteral("cannot write %1").arg(part.name));
        }
    }
    return 0;
}
