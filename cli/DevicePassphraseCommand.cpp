// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl device passphrase: change the operator passphrase of a device vault.
#include "CliSupport.h"
#include "DeviceMemory.h"

#include "crypto/DeviceVault.h"
#include "crypto/KeyFile.h"
#include "enrollment/VaultSettings.h"
#include "store/SqliteStore.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace chorus::cli {

namespace {

// The same floor the app's setup screen enforces (VaultKeeper::kMinimumLength).
constexpr int kMinimumPassphraseLength = 12;

// Both passphrases are wiped whichever way the command leaves.
struct PassphrasePair {
    QByteArray current;
    QByteArray next;
    ~PassphrasePair()
    {
        crypto::wipe(current);
        crypto::wipe(next);
    }
};

} // namespace

int devicePassphrase(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Change the operator passphrase of a device. Only the wrapped device key is rewritten: drafts, the\n"
        "enrollment and a keyring copy of the key stay valid. --kdf raises (or lowers) the Argon2id cost at\n"
        "the same time. A wrong current passphrase counts towards the growing wait, as in the app."));
    parser.addOption({QStringLiteral("db"), QStringLiteral("The device database."), QStringLiteral("DEVICE.db")});
    parser.addOption({QStringLiteral("passphrase-file"), QStringLiteral("File whose first line is the current passphrase."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("new-passphrase-file"),
                      QStringLiteral("File whose first line is the new passphrase (at least 12 characters)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("kdf"),
                      QStringLiteral("Argon2id cost for the new wrapping: keep (default), auto, moderate or interactive."),
                      QStringLiteral("COST"), QStringLiteral("keep")});
    if (const int code = parseOrExit(parser, args, io,
                                     {QStringLiteral("db"), QStringLiteral("passphrase-file"),
                                      QStringLiteral("new-passphrase-file")});
        code >= 0) {
        return code;
    }
    std::optional<crypto::KdfParams> kdf;
    if (const QString cost = parser.value(QStringLiteral("kdf")); cost != QLatin1String("keep")) {
        auto named = crypto::KdfParams::named(cost, platform::usableMemoryBytes());
        if (!named) {
            return usage(io, QStringLiteral("--kdf: %1 (or keep)").arg(named.error().message));
        }
        kdf = *named;
    }
    const QString path = parser.value(QStringLiteral("db"));
    if (!QFileInfo::exists(path)) {
        return fail(io, QStringLiteral("%1: no such device database (check --db)").arg(path));
    }
    PassphrasePair passphrases;
    auto current = readPassphraseFile(parser.value(QStringLiteral("passphrase-file")));
    if (!current) {
        return fail(io, current.error());
    }
    passphrases.current = std::move(*current);
    auto next = readPassphraseFile(parser.value(QStringLiteral("new-passphrase-file")));
    if (!next) {
        return fail(io, next.error());
    }
    passphrases.next = std::move(*next);
    if (QString::fromUtf8(passphrases.next).size() < kMinimumPassphraseLength) {
        return fail(io, QStringLiteral("the new passphrase is too short: use at least %1 characters (three or four "
                                       "unrelated words are easy to remember)")
                            .arg(kMinimumPassphraseLength));
    }
    if (passphrases.next == passphrases.current) {
        return fail(io, QStringLiteral("the new passphrase is the same as the current one; nothing was changed"));
    }
    auto store = store::SqliteStore::open(path);
    if (!store) {
        return fail(io, store.error());
    }
    auto vault = enrollment::unlockOrCreateVault((*store)->settings(), passphrases.current, false);
    if (!vault) {
        return fail(io, vault.error());
    }
    const Status changed = kdf ? vault->changePassphrase(passphrases.current, passphrases.next, *kdf)
                               : vault->changePassphrase(passphrases.current, passphrases.next);
    if (!changed) {
        return fail(io, changed.error());
    }
    if (Status saved = enrollment::saveVault((*store)->settings(), *vault); !saved) {
        return fail(io, QStringLiteral("the new passphrase could not be saved, the old one still works: %1")
                            .arg(saved.error().message));
    }
    const auto params = crypto::KeyFile::readParams(vault->wrappedKey(), QStringLiteral("the device key"));
    io.out << "passphrase changed for " << path;
    if (params) {
        io.out << " (" << params->describe() << ")";
    }
    io.out << Qt::endl;
    return ExitOk;
}

} // namespace chorus::cli
