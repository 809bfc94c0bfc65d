// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl device backup|check|enroll|update|passphrase|keyring: looking after the device database.
#include "CliSupport.h"

#include "store/SqliteStore.h"

#include <QCommandLineParser>

namespace chorus::cli {

int deviceEnroll(const QStringList &args, Io &io); // DeviceEnrollCommand.cpp
int deviceUpdate(const QStringList &args, Io &io);
int devicePassphrase(const QStringList &args, Io &io); // DevicePassphraseCommand.cpp
int deviceKeyring(const QStringList &args, Io &io); // DeviceKeyringCommand.cpp

namespace {

const QCommandLineOption kDb(QStringLiteral("db"), QStringLiteral("The device database."), QStringLiteral("DEVICE.db"));

int backupCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Copy the device database with SQLite's online backup API: consistent even while Chorus\n"
                       "is running. The copy is owner-only (0600), is checked after writing, and an existing\n"
                       "file is never overwritten. Envelopes and drafts stay encrypted in the copy."));
    parser.addOption(kDb);
    parser.addOption({QStringLiteral("out"), QStringLiteral("The backup file to create."), QStringLiteral("FILE")});
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("db"), QStringLiteral("out")}); code >= 0) {
        return code;
    }
    store::OpenOptions options;
    options.mode = store::OpenMode::ReadOnly;
    auto source = store::Database::open(parser.value(kDb), options);
    if (!source) {
        return fail(io, source.error());
    }
    const QString out = parser.value(QStringLiteral("out"));
    if (auto status = source->backupTo(out); !status) {
        return fail(io, status.error());
    }
    auto copy = store::Database::open(out, options);
    if (!copy) {
        return fail(io, QStringLiteral("the backup %1 was written but cannot be opened: %2").arg(out, copy.error().message));
    }
    if (auto status = copy->integrityCheck(); !status) {
        return fail(io, status.error());
    }
    io.out << "backed up " << parser.value(kDb) << " to " << out << Qt::endl;
    return ExitOk;
}

int checkCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Run SQLite's full integrity check on a device database (read-only) and print its\n"
                       "schema version, the consent ledger's tamper check and the number of responses in each state."));
    parser.addOption(kDb);
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("db")}); code >= 0) {
        return code;
    }
    store::OpenOptions options;
    options.mode = store::OpenMode::ReadOnly;
    auto store = store::SqliteStore::open(parser.value(kDb), options);
    if (!store) {
        return fail(io, store.error());
    }
    if (auto status = (*store)->database().integrityCheck(); !status) {
        return fail(io, status.error());
    }
    auto version = (*store)->database().userVersion();
    auto counts = (*store)->responses().countsByState();
    if (!version || !counts) {
        return fail(io, !version ? version.error() : counts.error());
    }
    io.out << "integrity: ok\nschema: " << *version << '\n';
    // The consent ledger's MAC chain: an entry edited, deleted or cut outside Chorus.
    auto ledger = (*store)->consent().verify();
    if (!ledger) {
        return fail(io, ledger.error());
    }
    if (!ledger->intact()) {
        for (const QString &problem : ledger->problems) {
            io.out << "consent ledger: " << problem << '\n';
        }
        io.out.flush();
        return fail(io, QStringLiteral("the consent ledger was tampered with (%1 problem(s) above); keep this "
                                       "database file as evidence and tell the council's data protection officer")
                            .arg(ledger->problems.size()));
    }
    io.out << "consent ledger: ok (" << ledger->entries << " entries, " << ledger->withdrawn << " withdrawn)\n";
    for (auto it = counts->cbegin(); it != counts->cend(); ++it) {
        io.out << response::stateName(it.key()) << ": " << it.value() << '\n';
    }
    io.out.flush();
    return ExitOk;
}

const Command kDeviceCommands[] = {
    {"backup", "Copy the device database safely (online backup).", backupCommand},
    {"check", "Check the device database's integrity.", checkCommand},
    {"enroll", "Enroll this device from a bundle file (headless devices).", deviceEnroll},
    {"update", "Fetch the survey packages assigned to this device.", deviceUpdate},
    {"passphrase", "Change the operator passphrase (and optionally the Argon2id cost).", devicePassphrase},
    {"keyring", "Open Chorus from this account's keyring without the passphrase: status, enable, disable.", deviceKeyring},
};

} // namespace

int deviceCommand(const QStringList &args, Io &io)
{
    return dispatchSubcommand(args, io, kDeviceCommands);
}

} // namespace chorus::cli
