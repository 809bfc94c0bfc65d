// SPDX-License-Identifier: GPL-3.0-or-later
// `chorusctl survey publish FILE`: send a signed package and its FILE.sig to the receiver.
#include "CliSupport.h"
#include "EnrollSupport.h"
#include "PackageAdmin.h"

#include "crypto/KeyDirectory.h"
#include "crypto/SecretBytes.h"
#include "survey/PackageSignature.h"
#include "survey/SurveyLoader.h"

namespace chorus::cli {

namespace {
// The council's signing public key from --keys DIR or --signing-key FILE (exactly one).
Result<QByteArray> publishingKey(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("keys"))) {
        auto info = crypto::KeyDirectory(parser.value(QStringLiteral("keys"))).info();
        if (!info) {
            return info.error();
        }
        return survey::decodeBase64Key(info->signingPublicKeyBase64, 32, QStringLiteral("the key directory's signing key"));
    }
    const QString path = parser.value(QStringLiteral("signing-key"));
    auto text = readFileCapped(path, 4096);
    if (!text) {
        return text.error();
    }
    return survey::decodeBase64Key(*text, 32, QStringLiteral("the signing key file %1").arg(path));
}
} // namespace

int surveyPublish(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Publish a signed survey package (FILE and FILE.sig, from chorusctl survey sign) on the receiver. Devices\n"
        "assigned the survey fetch it and check the signature against the council key they were enrolled with.\n"
        "A higher version replaces the published one; a lower version is refused. The signature is checked here\n"
        "first (against --keys DIR or --signing-key FILE), and again by the receiver."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The survey package."));
    addAdminConnectionOptions(parser);
    parser.addOption({QStringLiteral("signature"), QStringLiteral("Signature file (default FILE.sig)."), QStringLiteral("SIG")});
    parser.addOption({QStringLiteral("keys"), QStringLiteral("The admin key directory (chorusctl keys init) whose signing key signed FILE."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("signing-key"), QStringLiteral("Or: the council's signing public key file (signing-ed25519.pub)."),
                      QStringLiteral("FILE")});
    // Find FILE first, then let parseOrExit check the rest (it refuses positional arguments).
    QString file;
    QStringList rest = args;
    if (parser.parse(args) && !parser.positionalArguments().isEmpty()) {
        if (parser.positionalArguments().size() > 1) {
            return usage(io, QStringLiteral("unexpected argument '%1' (see --help)").arg(parser.positionalArguments().at(1)));
        }
        file = parser.positionalArguments().constFirst();
        rest.removeAt(rest.lastIndexOf(file));
    }
    if (const int code = parseOrExit(parser, rest, io, adminConnectionRequired()); code >= 0) {
        return code;
    }
    if (file.isEmpty()) {
        return usage(io, QStringLiteral("missing FILE (see --help)"));
    }
    if (parser.isSet(QStringLiteral("keys")) == parser.isSet(QStringLiteral("signing-key"))) {
        return usage(io, QStringLiteral("give --keys DIR or --signing-key FILE (one of them): the package's signature "
                                        "is checked before anything is sent"));
    }
    auto bytes = readFileCapped(file, 4 * 1024 * 1024);
    const QString sigFile = parser.isSet(QStringLiteral("signature")) ? parser.value(QStringLiteral("signature"))
                                                                      : file + QStringLiteral(".sig");
    auto sigText = readFileCapped(sigFile, 4096);
    if (!bytes || !sigText) {
        return fail(io, !bytes ? bytes.error() : sigText.error());
    }
    auto signature = survey::decodeBase64Key(*sigText, 64, QStringLiteral("the signature file %1").arg(sigFile));
    if (!signature) {
        return fail(io, signature.error());
    }
    // A package that devices would refuse must never replace the published one: they would have
    // no valid package, and the real one could not be published again (its version is lower).
    auto key = publishingKey(parser);
    if (!key) {
        return fail(io, key.error());
    }
    if (!survey::verifyPackageSignature(*bytes, *signature, *key)) {
        return fail(io, QStringLiteral("%1: the signature in %2 does not verify against the council signing key: the "
                                       "package was changed after signing, or signed with another key. Nothing was "
                                       "sent; sign it again with chorusctl survey sign")
                            .arg(file, sigFile));
    }
    auto package = survey::SurveyLoader::load(*bytes);
    if (!package) {
        return fail(io, QStringLiteral("%1: not a valid package (%2); run chorusctl survey lint").arg(file, package.error().message));
    }
    auto connection = adminConnection(parser, io);
    if (!connection) {
        return fail(io, connection.error());
    }
    sync::CurlTransport transport(connection->curl);
    sync::ReceiverAdmin admin(transport, connection->endpoint, connection->adminToken);
    crypto::wipe(connection->adminToken);
    auto published = admin.publishPackage(package->id, *bytes, *signature);
    if (!published) {
        return fail(io, QStringLiteral("%1: %2").arg(file, published.error().message));
    }
    io.out << "published " << published->surveyId << " version " << published->version << " (" << published->outcome
           << ")" << Qt::endl;
    return ExitOk;
}

} // namespace chorus::cli
