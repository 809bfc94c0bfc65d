// SPDX-License-Identifier: GPL-3.0-or-later
// `chorusctl device keyring status|enable|disable`: keyring unlock for kiosks set up from a shell.
#include "CliSupport.h"

#include "KeyStore.h"
#include "VaultKeyring.h"
#include "crypto/SecretBytes.h"
#include "enrollment/VaultSettings.h"
#include "store/SqliteStore.h"

#include <QFileInfo>

namespace chorus::cli {

namespace {

const QCommandLineOption kDb(QStringLiteral("db"), QStringLiteral("The device database."), QStringLiteral("DEVICE.db"));
const QCommandLineOption kPassphrase(QStringLiteral("passphrase-file"),
    QStringLiteral("File whose first line is the operator passphrase."), QStringLiteral("FILE"));

const QString kAbout = QStringLiteral(
    "Keyring unlock: the device vault's key is also kept in this computer account's keyring (Secret\n"
    "Service: GNOME Keyring, KWallet), so Chorus opens without the passphrase while the account is\n"
    "signed in. Anyone who can use the account can then open Chorus's unfinished responses. The\n"
    "passphrase keeps working. Run as the account that runs Chorus, in its desktop session.");

Result<std::unique_ptr<store::SqliteStore>> openDevice(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        return makeError(ErrorKind::NotFound, QStringLiteral("%1: no such device database (check --db)").arg(path));
    }
    return store::SqliteStore::open(path);
}

Result<std::unique_ptr<platform::KeyStore>> keyStoreHere()
{
    auto keyStore = platform::systemKeyStore();
    if (!keyStore) {
        return makeError(ErrorKind::Unsupported, QStringLiteral("this chorusctl was built without keyring support"));
    }
    return keyStore;
}

int statusCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(kAbout + QStringLiteral("\n\nSay whether keyring unlock is on for this device "
                                                             "and whether the keyring would open it now."));
    parser.addOption(kDb);
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("db")}); code >= 0) {
        return code;
    }
    auto device = openDevice(parser.value(kDb));
    auto keyStore = keyStoreHere();
    if (!device || !keyStore) {
        return fail(io, !device ? device.error() : keyStore.error());
    }
    auto remembered = platform::isRememberedInKeyStore((*device)->settings());
    if (!remembered) {
        return fail(io, remembered.error());
    }
    const Status available = (*keyStore)->availability();
    io.out << "keyring: " << (*keyStore)->name() << '\n'
           << "available: " << (available ? QStringLiteral("yes") : QStringLiteral("no (%1)").arg(available.error().message))
           << '\n'
           << "keyring unlock: " << (*remembered ? "on" : "off") << '\n';
    if (*remembered && available) {
        auto vault = enrollment::loadVault((*device)->settings());
        if (!vault || !vault->has_value()) {
            return fail(io, QStringLiteral("the device database holds no vault"));
        }
        const Status opens = platform::unlockFromKeyStore(**vault, **keyStore, (*device)->settings());
        io.out << "opens the vault now: "
               << (opens ? QStringLiteral("yes") : QStringLiteral("no (%1)").arg(opens.error().message)) << '\n';
    }
    io.out.flush();
    return ExitOk;
}

int enableCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(kAbout + QStringLiteral("\n\nTurn keyring unlock on (needs the passphrase once)."));
    parser.addOption(kDb);
    parser.addOption(kPassphrase);
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("db"), QStringLiteral("passphrase-file")});
        code >= 0) {
        return code;
    }
    auto device = openDevice(parser.value(kDb));
    auto keyStore = keyStoreHere();
    if (!device || !keyStore) {
        return fail(io, !device ? device.error() : keyStore.error());
    }
    if (Status available = (*keyStore)->availability(); !available) {
        return fail(io, available.error());
    }
    auto passphrase = readPassphraseFile(parser.value(kPassphrase));
    if (!passphrase) {
        return fail(io, passphrase.error());
    }
    auto vault = enrollment::unlockOrCreateVault((*device)->settings(), *passphrase, false);
    crypto::wipe(*passphrase);
    if (!vault) {
        return fail(io, vault.error());
    }
    if (Status remembered = platform::rememberInKeyStore(*vault, **keyStore, (*device)->settings()); !remembered) {
        return fail(io, remembered.error());
    }
    io.out << "keyring unlock: on (Chorus opens without the passphrase while this account is signed in)" << Qt::endl;
    return ExitOk;
}

int disableCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        kAbout + QStringLiteral("\n\nTurn keyring unlock off: the key is removed from the keyring."));
    parser.addOption(kDb);
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("db")}); code >= 0) {
        return code;
    }
    auto device = openDevice(parser.value(kDb));
    auto keyStore = keyStoreHere();
    if (!device || !keyStore) {
        return fail(io, !device ? device.error() : keyStore.error());
    }
    if (Status forgotten = platform::forgetKeyStore(**keyStore, (*device)->settings()); !forgotten) {
        return fail(io, forgotten.error());
    }
    io.out << "keyring unlock: off (Chorus asks for the passphrase at each start)" << Qt::endl;
    return ExitOk;
}

const Command kKeyringCommands[] = {
    {"status", "Say whether keyring unlock is on and works now.", statusCommand},
    {"enable", "Keep the vault key in this account's keyring (needs the passphrase).", enableCommand},
    {"disable", "Remove the vault key from the keyring.", disableCommand},
};

} // namespace

int deviceKeyring(const QStringList &args, Io &io)
{
    return dispatchSubcommand(args, io, kKeyringCommands);
}

} // namespace chorus::cli
