// SPDX-License-Identifier: GPL-3.0-or-later
// `chorusctl keys init|show|rotate`: the council's ODK key pair and the Ed25519 signing key.
#include "CliSupport.h"
#include "DeviceMemory.h"
#include "crypto/KeyDirectory.h"
#include "crypto/SecretBytes.h"
#include "enrollment/EnrollmentBundle.h"

#include <QCommandLineParser>

namespace chorus::cli
{

namespace
{

using crypto::KdfParams;
using crypto::KeyDirectory;
using crypto::KeyDirectoryInfo;

const QCommandLineOption kDirOption(
    QStringLiteral("dir"), QStringLiteral("The key directory."), QStringLiteral("KEYS"));
const QCommandLineOption kPassphraseOption(QStringLiteral("passphrase-file"),
    QStringLiteral("File whose first line is the passphrase protecting the private keys."), QStringLiteral("FILE"));
const QCommandLineOption kKdfOption(QStringLiteral("kdf"),
    QStringLiteral("Argon2id cost: moderate (default, 256 MiB), interactive (64 MiB) or auto (from this machine's "
                   "memory)."),
    QStringLiteral("COST"),
    QStringLiteral("moderate"));

// Reads the passphrase; wipes it when it goes out of scope.
class Passphrase
{
public:
    ~Passphrase() { crypto::wipe(m_bytes); }
    Status read(const QString &path)
    {
        auto bytes = readPassphraseFile(path);
        if (!bytes) {
            return bytes.error();
        }
        m_bytes = std::move(*bytes);
        return {};
    }
    const QByteArray &bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

void printInfo(QTextStream &out, const QString &dir, const KeyDirectoryInfo &info)
{
    out << "Key directory: " << dir << '\n'
        << "Council key (RSA-2048, ODK encryption)\n"
        << "  key id:             " << info.councilKeyId << '\n'
        << "  created:            " << info.councilCreatedAt.toString(Qt::ISODate) << '\n'
        << "  base64RsaPublicKey: " << QString::fromLatin1(info.councilPublicKeyBase64) << '\n'
        << "Signing key (Ed25519)\n"
        << "  key id:             " << info.signingKeyId << '\n'
        << "  created:            " << info.signingCreatedAt.toString(Qt::ISODate) << '\n'
        << "  public key:         " << QString::fromLatin1(info.signingPublicKeyBase64) << '\n'
        // The form devices show on their enrollment check screen, for comparing by eye.
        << "  fingerprint:        "
        << enrollment::keyFingerprint(QByteArray::fromBase64(info.signingPublicKeyBase64)) << '\n';
    if (!info.retired.isEmpty()) {
        out << "Retired council keys (kept to decrypt older responses)\n";
        for (const crypto::RetiredKeyInfo &key : info.retired) {
            out << "  " << key.keyId << "  retired " << key.retiredAt.toString(Qt::ISODate) << '\n';
        }
    }
    out.flush();
}

int keysInit(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Create a key directory: the council RSA-2048 pair (its public key goes into every form) and "
                       "the Ed25519 key that signs survey packages and enrollment bundles. Private keys are stored "
                       "only encrypted under the passphrase."));
    parser.addOption(kDirOption);
    parser.addOption(kPassphraseOption);
    parser.addOption(kKdfOption);
    const QCommandLineOption force(QStringLiteral("force"),
        QStringLiteral("Replace existing keys (anything encrypted to them becomes unreadable)."));
    parser.addOption(force);
    if (const int code
        = parseOrExit(parser, args, io, { kDirOption.names().constFirst(), kPassphraseOption.names().constFirst() });
        code >= 0) {
        return code;
    }
    const auto kdf = KdfParams::named(parser.value(kKdfOption), platform::usableMemoryBytes());
    if (!kdf) {
        return usage(io, QStringLiteral("--kdf: %1").arg(kdf.error().message));
    }
    Passphrase passphrase;
    if (auto ok = passphrase.read(parser.value(kPassphraseOption)); !ok) {
        return fail(io, ok.error());
    }
    KeyDirectory dir(parser.value(kDirOption));
    auto info = dir.init(passphrase.bytes(), *kdf, parser.isSet(force));
    if (!info) {
        return fail(io, info.error());
    }
    printInfo(io.out, dir.path(), *info);
    return ExitOk;
}

int keysShow(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print the key ids and public keys of a key directory (never a secret)."));
    parser.addOption(kDirOption);
    if (const int code = parseOrExit(parser, args, io, { kDirOption.names().constFirst() }); code >= 0) {
        return code;
    }
    KeyDirectory dir(parser.value(kDirOption));
    auto info = dir.info();
    if (!info) {
        return fail(io, info.error());
    }
    printInfo(io.out, dir.path(), *info);
    return ExitOk;
}

int keysRotate(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Replace the council key pair with a new one. The old private key is kept, encrypted, under "
                       "retired/<keyid>.key so older responses stay decryptable. Re-publish surveys afterwards."));
    parser.addOption(kDirOption);
    parser.addOption(kPassphraseOption);
    parser.addOption(kKdfOption);
    if (const int code
        = parseOrExit(parser, args, io, { kDirOption.names().constFirst(), kPassphraseOption.names().constFirst() });
        code >= 0) {
        return code;
    }
    const auto kdf = KdfParams::named(parser.value(kKdfOption), platform::usableMemoryBytes());
    if (!kdf) {
        return usage(io, QStringLiteral("--kdf: %1").arg(kdf.error().message));
    }
    Passphrase passphrase;
    if (auto ok = passphrase.read(parser.value(kPassphraseOption)); !ok) {
        return fail(io, ok.error());
    }
    KeyDirectory dir(parser.value(kDirOption));
    auto info = dir.rotate(passphrase.bytes(), *kdf);
    if (!info) {
        return fail(io, info.error());
    }
    printInfo(io.out, dir.path(), *info);
    return ExitOk;
}

const Command kKeysSubcommands[] = {
    { "init", "Create the council key pair and the signing key.", keysInit },
    { "show", "Print key ids and public keys.", keysShow },
    { "rotate", "Replace the council key pair, keeping the old one for decryption.", keysRotate },
};

} // namespace

int keysCommand(const QStringList &args, Io &io)
{
    return dispatchSubcommand(args, io, kKeysSubcommands);
}

} // namespace chorus::cli
