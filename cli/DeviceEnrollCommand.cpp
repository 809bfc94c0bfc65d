// SPDX-License-Identifier: GPL-3.0-or-later
// `chorusctl device enroll|update`: enrollment and survey fetching for headless devices.
#include "CliSupport.h"
#include "DeviceMemory.h"
#include "PackageClient.h"

#include "crypto/SecretBytes.h"
#include "enrollment/DeviceEnrollment.h"
#include "enrollment/VaultSettings.h"
#include "store/SqliteStore.h"

#include <QFileInfo>

namespace chorus::cli {

namespace {

const QCommandLineOption kDb(QStringLiteral("db"), QStringLiteral("The device database."), QStringLiteral("DEVICE.db"));
const QCommandLineOption kPassphrase(QStringLiteral("passphrase-file"),
                                     QStringLiteral("File whose first line is the operator passphrase (it protects the "
                                                    "device token and drafts)."),
                                     QStringLiteral("FILE"));

// Opens the store and unlocks (or, when enrolling a new device, creates) its vault.
struct UnlockedDevice {
    std::unique_ptr<store::SqliteStore> store;
    std::optional<crypto::DeviceVault> vault;
};

Result<UnlockedDevice> unlockDevice(const QCommandLineParser &parser, bool create, const crypto::KdfParams &kdf)
{
    const QString path = parser.value(kDb);
    if (!create && !QFileInfo::exists(path)) {
        return makeError(ErrorKind::NotFound, QStringLiteral("%1: no such device database (check --db)").arg(path));
    }
    auto passphrase = readPassphraseFile(parser.value(kPassphrase));
    if (!passphrase) {
        return passphrase.error();
    }
    auto store = store::SqliteStore::open(path);
    if (!store) {
        crypto::wipe(*passphrase);
        return store.error();
    }
    crypto::DeviceVault::Options options;
    options.kdf = kdf;
    auto vault = enrollment::unlockOrCreateVault((*store)->settings(), *passphrase, create, options);
    crypto::wipe(*passphrase);
    if (!vault) {
        return vault.error();
    }
    return UnlockedDevice{std::move(*store), std::move(*vault)};
}

int printReports(const QList<sync::PackageReport> &reports, Io &io)
{
    int refused = 0;
    for (const sync::PackageReport &r : reports) {
        io.out << r.name << ": " << sync::PackageReport::outcomeName(r.outcome);
        if (!r.surveyId.isEmpty()) {
            io.out << " (" << r.surveyId << " version " << r.version << ")";
        }
        if (!r.reason.isEmpty()) {
            io.out << ": " << r.reason;
        }
        io.out << '\n';
        refused += r.outcome == sync::PackageReport::Outcome::Refused ? 1 : 0;
    }
    io.out << reports.size() << " package(s), " << refused << " refused" << Qt::endl;
    if (refused > 0) {
        return fail(io, QStringLiteral("%1 survey package(s) refused (see above); the others are installed").arg(refused));
    }
    return ExitOk;
}

} // namespace

int deviceEnroll(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Enroll this device from a bundle file made by `chorusctl enroll`: checks the council's signature and\n"
        "expiry, keeps the device token sealed under the operator passphrase (the database is created if needed),\n"
        "and prints the council key fingerprint to compare with the admin's. Then: chorusctl device update."));
    parser.addOption(kDb);
    parser.addOption(kPassphrase);
    parser.addOption({QStringLiteral("bundle"), QStringLiteral("The enrollment bundle file."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("kdf"),
                      QStringLiteral("Argon2id cost for a new vault: auto (default: interactive on a device with "
                                     "less than 3 GiB of memory, moderate otherwise), moderate (256 MiB) or "
                                     "interactive (64 MiB)."),
                      QStringLiteral("COST"), QStringLiteral("auto")});
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("db"), QStringLiteral("passphrase-file"),
                                                        QStringLiteral("bundle")});
        code >= 0) {
        return code;
    }
    const auto kdf = crypto::KdfParams::named(parser.value(QStringLiteral("kdf")), platform::usableMemoryBytes());
    if (!kdf) {
        return usage(io, QStringLiteral("--kdf: %1").arg(kdf.error().message));
    }
    auto bundleFile = readFileCapped(parser.value(QStringLiteral("bundle")), 64 * 1024);
    if (!bundleFile) {
        return fail(io, bundleFile.error());
    }
    // A refused enrolment leaves no new device database behind: a retry would otherwise find a
    // vault sealed with whatever passphrase the failed attempt used.
    const QString dbPath = parser.value(kDb);
    const bool newDatabase = !QFileInfo::exists(dbPath);
    auto removeNewDatabase = [&] {
        if (newDatabase) {
            for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
                QFile::remove(dbPath + QLatin1String(suffix));
            }
        }
    };
    std::optional<Result<UnlockedDevice>> device(unlockDevice(parser, true, *kdf));
    if (!*device) {
        crypto::wipe(*bundleFile);
        const Error error = device->error();
        device.reset();
        removeNewDatabase();
        return fail(io, error);
    }
    auto enrolled = enrollment::enroll(*bundleFile, (*device)->store->settings(), *(*device)->vault);
    crypto::wipe(*bundleFile);
    if (!enrolled) {
        device.reset(); // closes the database before it is removed
        removeNewDatabase();
        return fail(io, enrolled.error());
    }
    const enrollment::EnrollmentBundle &b = enrolled->bundle;
    io.out << "enrolled as " << b.device << " for " << b.council << '\n'
           << "endpoint: " << b.endpoint.toString() << '\n'
           << "surveys: " << b.surveys.join(QStringLiteral(", ")) << '\n'
           << "council signing key fingerprint: " << b.fingerprint() << Qt::endl;
    enrolled->bundle.wipe();
    return ExitOk;
}

int deviceUpdate(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fetch the survey packages assigned to this device from its receiver. Each is installed only if it is\n"
        "signed by the council key the device was enrolled with and is not older than the version it holds."));
    parser.addOption(kDb);
    parser.addOption(kPassphrase);
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("db"), QStringLiteral("passphrase-file")});
        code >= 0) {
        return code;
    }
    auto device = unlockDevice(parser, false, crypto::KdfParams::moderate());
    if (!device) {
        return fail(io, device.error());
    }
    auto enrollment = enrollment::current(device->store->settings(), *device->vault);
    if (!enrollment) {
        return fail(io, enrollment.error());
    }
    if (!*enrollment) {
        return fail(io, QStringLiteral("this device is not enrolled: run chorusctl device enroll first"));
    }
    auto reports = sync::updatePackages((*enrollment)->bundle, device->store->surveys());
    (*enrollment)->bundle.wipe();
    if (!reports) {
        return fail(io, reports.error());
    }
    return printReports(*reports, io);
}

} // namespace chorus::cli
