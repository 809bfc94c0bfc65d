// SPDX-License-Identifier: GPL-3.0-or-later
// Test tool: opens an envelope directory (submission.xml manifest + *.enc parts) with a PEM
// private key and writes the decrypted files to an output directory. Prints one line,
// "<instanceID> signature=valid|INVALID", or the error on stderr (exit 1). The Python side
// uses it to check that Chorus opens envelopes made by an independent encryptor.
//
//   odk_open_tool --key PRIVATE.pem --dir ENVELOPE_DIR --out DIR
#include "crypto/OdkEnvelope.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>

using namespace chorus;
using namespace chorus::crypto;

namespace
{
QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int die(const QString &message)
{
    std::fprintf(stderr, "odk_open_tool: %s\n", qPrintable(message));
    return 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption keyOption(QStringLiteral("key"), QString(), QStringLiteral("pem"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QString(), QStringLiteral("dir"));
    const QCommandLineOption outOption(QStringLiteral("out"), QString(), QStringLiteral("dir"));
    parser.addOptions({ keyOption, dirOption, outOption });
    parser.process(app);

    auto key = CouncilPrivateKey::fromPem(readFile(parser.value(keyOption)));
    if (!key) {
        return die(key.error().message);
    }
    const QDir dir(parser.value(dirOption));
    FileParts files;
    for (const QString &name : dir.entryList({ QStringLiteral("*.enc") }, QDir::Files)) {
        files.append(FilePart { name, readFile(dir.filePath(name)) });
    }
    auto opened = OdkEnvelope::open(*key, readFile(dir.filePath(QStringLiteral("submission.xml"))), files);
    if (!opened) {
        return die(opened.error().message);
    }
    const QDir out(parser.value(outOption));
    QDir().mkpath(out.path());
    FileParts plain = opened->attachments;
    plain.append(FilePart { QStringLiteral("submission.xml"), opened->xml });
    for (const FilePart &part : plain) {
        QFile file(out.filePath(part.name));
        if (!file.open(QIODevice::WriteOnly) || file.write(part.bytes) != part.bytes.size()) {
            return die(QStringLiteral("cannot write %1").arg(part.name));
        }
    }
    std::printf("%s signature=%s\n", qPrintable(opened->instanceId), opened->signatureValid ? "valid" : "INVALID");
    return 0;
}
