// SPDX-License-Identifier: GPL-3.0-or-later
// `chorusctl enroll`: issue a device token on the receiver and write the signed enrollment
// bundle (file + QR PNG); `enroll revoke` and `enroll list`.
#include "CliSupport.h"
#include "EnrollSupport.h"
#include "PackageAdmin.h"

#include "consent/QrPng.h"
#include "crypto/KeyDirectory.h"
#include "crypto/SecretBytes.h"
#include "enrollment/EnrollmentBundle.h"

#include <QFile>

namespace chorus::cli {

namespace {

const QString kDeviceOption = QStringLiteral("device");

int revoke(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Revoke a device on the receiver: from now on its submissions and "
                                                    "survey fetches get 401 and it must be enrolled again."));
    addAdminConnectionOptions(parser);
    parser.addOption({kDeviceOption, QStringLiteral("The device name."), QStringLiteral("NAME")});
    if (const int code = parseOrExit(parser, args, io, adminConnectionRequired() << kDeviceOption); code >= 0) {
        return code;
    }
    auto connection = adminConnection(parser, io);
    if (!connection) {
        return fail(io, connection.error());
    }
    sync::CurlTransport transport(connection->curl);
    sync::ReceiverAdmin admin(transport, connection->endpoint, connection->adminToken);
    crypto::wipe(connection->adminToken);
    if (Status s = admin.revokeDevice(parser.value(kDeviceOption)); !s) {
        return fail(io, s.error());
    }
    io.out << "revoked " << parser.value(kDeviceOption) << Qt::endl;
    return ExitOk;
}

int list(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the devices the receiver knows, active and revoked, with "
                                                    "the surveys assigned to each."));
    addAdminConnectionOptions(parser);
    if (const int code = parseOrExit(parser, args, io, adminConnectionRequired()); code >= 0) {
        return code;
    }
    auto connection = adminConnection(parser, io);
    if (!connection) {
        return fail(io, connection.error());
    }
    sync::CurlTransport transport(connection->curl);
    sync::ReceiverAdmin admin(transport, connection->endpoint, connection->adminToken);
    crypto::wipe(connection->adminToken);
    auto devices = admin.devices();
    if (!devices) {
        return fail(io, devices.error());
    }
    for (const sync::DeviceEntry &d : *devices) {
        io.out << d.name << '\t' << (d.revokedAt.isEmpty() ? QStringLiteral("active") : QStringLiteral("revoked ") + d.revokedAt)
               << '\t' << "since " << d.createdAt << '\t' << "surveys: " << d.surveys.join(QLatin1Char(',')) << '\n';
    }
    io.out << devices->size() << " device(s)" << Qt::endl;
    return ExitOk;
}

const Command kEnrollCommands[] = {
    {"revoke", "Revoke a device (its token stops working).", revoke},
    {"list", "List the receiver's devices.", list},
};

int create(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Enroll a device: ask the receiver for a device token and write a bundle signed with the council signing key\n"
        "(endpoint, token, TLS pins, signing public key, surveys) as a file and optionally a QR PNG. The bundle\n"
        "holds the device's token: hand it over like a password. Also: chorusctl enroll revoke|list --help."));
    addAdminConnectionOptions(parser);
    parser.addOption({kDeviceOption, QStringLiteral("Name for the device (A-Z a-z 0-9 . _ -)."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("keys"), QStringLiteral("The admin key directory (chorusctl keys init)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("passphrase-file"), QStringLiteral("File whose first line is the key passphrase."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("The bundle file to write."), QStringLiteral("BUNDLE.json")});
    parser.addOption({QStringLiteral("qr"), QStringLiteral("Also write the bundle as a QR code PNG."), QStringLiteral("BUNDLE.png")});
    parser.addOption({QStringLiteral("survey"), QStringLiteral("A survey id the device gets (repeat; default: all)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("council"), QStringLiteral("Council name shown on the device (default: the endpoint's host)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project id on the receiver (optional)."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("expires-days"), QStringLiteral("Days the bundle may be used (1-365, default 14)."),
                      QStringLiteral("N"), QStringLiteral("14")});
    parser.addOption({QStringLiteral("replace"), QStringLiteral("Re-issue for a device already enrolled (its old token stops working).")});
    const QStringList required = adminConnectionRequired()
                                 << kDeviceOption << QStringLiteral("keys") << QStringLiteral("passphrase-file") << QStringLiteral("out");
    if (const int code = parseOrExit(parser, args, io, required); code >= 0) {
        return code;
    }
    bool daysOk = false;
    const int days = parser.value(QStringLiteral("expires-days")).toInt(&daysOk);
    if (!daysOk || days < 1 || days > 365) {
        return usage(io, QStringLiteral("--expires-days must be 1-365"));
    }
    auto connection = adminConnection(parser, io);
    if (!connection) {
        return fail(io, connection.error());
    }
    // The key first: a wrong passphrase must not leave a device token issued on the receiver.
    auto passphrase = readPassphraseFile(parser.value(QStringLiteral("passphrase-file")));
    if (!passphrase) {
        return fail(io, passphrase.error());
    }
    const crypto::KeyDirectory keys(parser.value(QStringLiteral("keys")));
    auto key = keys.loadSigningKey(*passphrase);
    crypto::wipe(*passphrase);
    if (!key) {
        return fail(io, key.error());
    }
    sync::EnrollRequest request;
    request.device = parser.value(kDeviceOption);
    if (parser.isSet(QStringLiteral("survey"))) {
        request.surveys = parser.values(QStringLiteral("survey"));
    }
    request.council = parser.value(QStringLiteral("council"));
    request.projectId = parser.value(QStringLiteral("project"));
    request.pins = connection->curl.pins;
    request.caCertificatePem = connection->caPem;
    request.expiresDays = days;
    request.allowHttpLoopback = connection->curl.allowHttpLoopback;
    request.replace = parser.isSet(QStringLiteral("replace"));

    sync::CurlTransport transport(connection->curl);
    sync::ReceiverAdmin admin(transport, connection->endpoint, connection->adminToken);
    crypto::wipe(connection->adminToken);
    auto enrolled = sync::enrollDevice(admin, connection->endpoint, *key, request);
    if (!enrolled) {
        return fail(io, enrolled.error());
    }
    const QString out = parser.value(QStringLiteral("out"));
    Status written = writeFileAtomically(out, enrolled->bundleFile); // private: it holds the device token
    crypto::wipe(enrolled->bundleFile);
    if (!written) {
        return fail(io, QStringLiteral("%1 (the device token was issued: revoke %2 and enrol again)")
                            .arg(written.error().message, request.device));
    }
    io.out << "enrolled device " << request.device << " (surveys: " << enrolled->surveys.join(QStringLiteral(", "))
           << ")\nwrote " << out << '\n'
           << "council signing key fingerprint: " << enrolled->fingerprint << '\n';
    io.out.flush();
    if (parser.isSet(QStringLiteral("qr"))) {
        auto bundle = readFileCapped(out, 64 * 1024);
        auto qr = bundle ? enrollment::bundleQr(*bundle) : Result<consent::QrMatrix>(bundle.error());
        if (bundle) {
            crypto::wipe(*bundle);
        }
        if (!qr) {
            return fail(io, qr.error().message + QStringLiteral(" (no QR written; the bundle file is ready)"));
        }
        const QString png = parser.value(QStringLiteral("qr"));
        if (Status s = writeFileAtomically(png, consent::qrPng(*qr, 6)); !s) {
            return fail(io, s.error());
        }
        io.out << "wrote " << png << " (QR version " << qr->version() << ")" << Qt::endl;
    }
    return ExitOk;
}

} // namespace

int enrollCommand(const QStringList &args, Io &io)
{
    const QString word = args.value(1);
    for (const Command &command : kEnrollCommands) {
        if (word == QLatin1String(command.name)) {
            return dispatchSubcommand(args, io, kEnrollCommands);
        }
    }
    return create(args, io);
}

} // namespace chorus::cli
