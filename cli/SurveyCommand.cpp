// SPDX-License-Identifier: GPL-3.0-or-later
// `chorusctl survey lint|inspect|new|sign|verify|publish`: the admin's tools for survey packages.
#include "CliSupport.h"
#include "consent/SurveyConsent.h"
#include "Commands.h"
#include "crypto/KeyDirectory.h"
#include "crypto/SecretBytes.h"
#include "survey/PackageChecks.h"
#include "survey/PackageSignature.h"
#include "survey/SurveyLoader.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

namespace chorus::cli {

int surveyPublish(const QStringList &args, Io &io); // SurveyPublish.cpp

using namespace chorus::survey;

namespace {
constexpr qint64 kMaxPackageBytes = 4 * 1024 * 1024;

// parseOrExit() for sub-commands that take one FILE argument.
int parseWithFile(QCommandLineParser &parser, const QStringList &args, Io &io, QString &file,
                  const QStringList &requiredOptions = {})
{
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The survey package (*.chorus.json)."));
    QStringList withoutFile = args;
    // Parse once to find the positional argument, then let parseOrExit handle the rest.
    if (parser.parse(args)) {
        const QStringList positional = parser.positionalArguments();
        if (positional.size() > 1) {
            return usage(io, QStringLiteral("unexpected argument '%1' (see --help)").arg(positional.at(1)));
        }
        if (positional.size() == 1) {
            file = positional.constFirst();
            withoutFile.removeAt(withoutFile.lastIndexOf(file));
        }
    }
    const int code = parseOrExit(parser, withoutFile, io, requiredOptions);
    if (code >= 0) {
        return code;
    }
    if (file.isEmpty()) {
        return usage(io, QStringLiteral("missing FILE (see --help)"));
    }
    return -1;
}

QString signatureFileFor(const QString &file)
{
    return file + QStringLiteral(".sig");
}

int lint(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Check a survey package and list every problem with its JSON path."));
    parser.addOption({QStringLiteral("published"),
                      QStringLiteral("The last published version of this survey: its privacy notice may not change "
                                     "without a new notice version."),
                      QStringLiteral("FILE")});
    QString file;
    if (const int code = parseWithFile(parser, args, io, file); code >= 0) {
        return code;
    }
    auto bytes = readFileCapped(file, kMaxPackageBytes);
    if (!bytes) {
        return fail(io, bytes.error());
    }
    ValidationReport report;
    auto package = SurveyLoader::load(*bytes, &report);
    if (!package) {
        io.out << report.toText();
        io.out.flush();
        return fail(io, QStringLiteral("%1: %2 problem(s) found").arg(file).arg(report.size()));
    }
    if (parser.isSet(QStringLiteral("published"))) {
        auto published = SurveyLoader::loadFile(parser.value(QStringLiteral("published")));
        if (!published) {
            return fail(io, QStringLiteral("%1: %2").arg(parser.value(QStringLiteral("published")), published.error().message));
        }
        const QStringList problems = consent::lintNoticeChange(*published, *package);
        for (const QString &problem : problems) {
            io.out << "privacyNotice: " << problem << Qt::endl;
        }
        if (!problems.isEmpty()) {
            return fail(io, QStringLiteral("%1: %2 problem(s) found").arg(file).arg(problems.size()));
        }
    }
    io.out << file << ": OK (" << package->id << " version " << package->version << ", "
           << package->allQuestions().size() << " questions)" << Qt::endl;
    return ExitOk;
}

int inspect(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Summarise a survey package: identity, languages, keys and questions."));
    QString file;
    if (const int code = parseWithFile(parser, args, io, file); code >= 0) {
        return code;
    }
    auto package = survey::SurveyLoader::loadFile(file);
    if (!package) {
        return fail(io, QStringLiteral("%1: %2").arg(file, package.error().message));
    }
    const survey::SurveyPackage &p = *package;
    QStringList languages;
    for (const survey::Language &l : p.languages) {
        languages.append(l.code + (l.rtl ? QStringLiteral(" (rtl)") : QString()));
    }
    const QByteArray keyDer = QByteArray::fromBase64(p.publicKey.toLatin1());
    io.out << "survey:      " << p.id << " version " << p.version << '\n'
           << "title:       " << p.title.text(p.defaultLanguage()) << '\n'
           << "nation:      " << p.nation << '\n'
           << "languages:   " << languages.join(QStringLiteral(", ")) << '\n'
           << "controller:  " << p.controller.name << '\n'
           << "notice:      " << p.privacyNotice.id << " version " << p.privacyNotice.version << '\n'
           << "bank:        " << (p.bankVersion.isEmpty() ? QStringLiteral("(none)") : p.bankVersion) << '\n'
           << "endpoint:    " << p.submissionUrl.toString() << '\n'
           << "public key:  RSA-2048, SHA-256 " << QCryptographicHash::hash(keyDer, QCryptographicHash::Sha256).toHex() << '\n'
           << "kiosk:       idle " << p.kiosk.idleSeconds << " s, warning " << p.kiosk.warningSeconds << " s\n";
    for (const survey::Section &s : p.sections) {
        io.out << "section " << s.id << (s.relevant.isEmpty() ? QString() : QStringLiteral(" [if %1]").arg(s.relevant)) << '\n';
        std::function<void(const QList<survey::Question> &, int)> print = [&](const QList<survey::Question> &qs, int indent) {
            for (const survey::Question &q : qs) {
                io.out << QString(indent, QLatin1Char(' ')) << q.name << " (" << survey::questionTypeName(q.type)
                       << (q.required ? QStringLiteral(", required") : QString())
                       << (q.preferNotToSay ? QStringLiteral(", prefer not to say") : QString())
                       << (q.bankItem.isEmpty() ? QString() : QStringLiteral(", bank ") + q.bankItem) << ')'
                       << (q.relevant.isEmpty() ? QString() : QStringLiteral(" [if %1]").arg(q.relevant)) << '\n';
                print(q.children, indent + 2);
            }
        };
        print(s.questions, 2);
    }
    io.out.flush();
    return ExitOk;
}

Result<QString> readPublicKeyFile(const QString &path)
{
    auto text = readFileCapped(path, 16 * 1024);
    if (!text) {
        return text.error();
    }
    QString key;
    for (const QByteArray &line : text->split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith("-----")) {
            key += QString::fromLatin1(trimmed); // a PEM body is accepted as well as one line
        }
    }
    if (const QString why = survey::checkOdkPublicKey(key); !why.isEmpty()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("%1: the public key %2").arg(path, why));
    }
    return key;
}

int create(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write a copy of a survey package template with the council's RSA public key "
                                                    "(and optionally a new endpoint and version)."));
    parser.addOption({QStringLiteral("from"), QStringLiteral("The template package."), QStringLiteral("TEMPLATE")});
    parser.addOption({QStringLiteral("public-key-file"), QStringLiteral("File holding the base64 SubjectPublicKeyInfo (or PEM) of the council RSA-2048 key."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Where to write the new package."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("endpoint"), QStringLiteral("Submission URL to put in the package."), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("version"), QStringLiteral("Version to put in the package (digits)."), QStringLiteral("V")});
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("from"), QStringLiteral("public-key-file"), QStringLiteral("out")}); code >= 0) {
        return code;
    }
    auto bytes = readFileCapped(parser.value(QStringLiteral("from")), kMaxPackageBytes);
    if (!bytes) {
        return fail(io, bytes.error());
    }
    auto key = readPublicKeyFile(parser.value(QStringLiteral("public-key-file")));
    if (!key) {
        return fail(io, key.error());
    }
    QJsonObject root = QJsonDocument::fromJson(*bytes).object();
    if (root.isEmpty()) {
        return fail(io, QStringLiteral("%1: not a JSON survey package").arg(parser.value(QStringLiteral("from"))));
    }
    root.insert(QStringLiteral("encryption"), QJsonObject{{QStringLiteral("publicKey"), *key}});
    if (parser.isSet(QStringLiteral("endpoint"))) {
        root.insert(QStringLiteral("submission"), QJsonObject{{QStringLiteral("url"), parser.value(QStringLiteral("endpoint"))}});
    }
    if (parser.isSet(QStringLiteral("version"))) {
        root.insert(QStringLiteral("version"), parser.value(QStringLiteral("version")));
    }
    const QByteArray out = QJsonDocument(root).toJson(QJsonDocument::Indented);
    ValidationReport report;
    if (!SurveyLoader::load(out, &report)) {
        io.out << report.toText();
        io.out.flush();
        return fail(io, QStringLiteral("the new package would not be valid (%1 problem(s)); nothing written").arg(report.size()));
    }
    if (auto written = writeFileAtomically(parser.value(QStringLiteral("out")), out, FileAccess::Shared); !written) {
        return fail(io, written.error());
    }
    io.out << "wrote " << parser.value(QStringLiteral("out")) << Qt::endl;
    return ExitOk;
}

// The secret key from --secret-key-file, or the key ring's current signing key (--keys + --passphrase-file).
Result<QByteArray> signingSecret(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("keys"))) {
        auto passphrase = readPassphraseFile(parser.value(QStringLiteral("passphrase-file")));
        if (!passphrase) {
            return passphrase.error();
        }
        auto key = crypto::KeyDirectory(parser.value(QStringLiteral("keys"))).loadSigningKey(*passphrase);
        crypto::wipe(*passphrase);
        if (!key) {
            return key.error();
        }
        const crypto::SecretBytes &secret = key->secretKey();
        return QByteArray(reinterpret_cast<const char *>(secret.data()), qsizetype(secret.size()));
    }
    auto keyText = readFileCapped(parser.value(QStringLiteral("secret-key-file")), 4096);
    if (!keyText) {
        return keyText.error();
    }
    auto secret = decodeBase64Key(*keyText, 64, QStringLiteral("the secret key file"));
    survey::wipeSecret(*keyText);
    return secret;
}

int sign(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sign a survey package (detached Ed25519) after checking it; writes FILE.sig.\n"
                                                    "Key: the key directory's signing key (--keys, --passphrase-file) or a raw key file."));
    parser.addOption({QStringLiteral("keys"), QStringLiteral("The admin key directory (chorusctl keys init)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("passphrase-file"), QStringLiteral("File whose first line is the key passphrase."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("secret-key-file"), QStringLiteral("File holding the base64 Ed25519 secret key (64 bytes)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Signature file (default FILE.sig)."), QStringLiteral("SIG")});
    QString file;
    if (const int code = parseWithFile(parser, args, io, file); code >= 0) {
        return code;
    }
    if (parser.isSet(QStringLiteral("keys")) == parser.isSet(QStringLiteral("secret-key-file"))) {
        return usage(io, QStringLiteral("give either --keys DIR (with --passphrase-file) or --secret-key-file"));
    }
    if (parser.isSet(QStringLiteral("keys")) && !parser.isSet(QStringLiteral("passphrase-file"))) {
        return usage(io, QStringLiteral("--keys needs --passphrase-file"));
    }
    auto bytes = readFileCapped(file, kMaxPackageBytes);
    if (!bytes) {
        return fail(io, bytes.error());
    }
    if (auto package = SurveyLoader::load(*bytes); !package) {
        return fail(io, QStringLiteral("%1: refusing to sign an invalid package: %2").arg(file, package.error().message));
    }
    auto secret = signingSecret(parser);
    if (!secret) {
        return fail(io, secret.error());
    }
    auto signature = signPackage(*bytes, *secret);
    survey::wipeSecret(*secret);
    if (!signature) {
        return fail(io, signature.error());
    }
    const QString out = parser.isSet(QStringLiteral("out")) ? parser.value(QStringLiteral("out")) : signatureFileFor(file);
    if (auto written = writeFileAtomically(out, signature->toBase64() + '\n', FileAccess::Shared); !written) {
        return fail(io, written.error());
    }
    io.out << "wrote " << out << Qt::endl;
    return ExitOk;
}

int verify(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Check a survey package's signature and contents as a device would."));
    parser.addOption({QStringLiteral("public-key-file"), QStringLiteral("File holding the base64 Ed25519 signing public key (32 bytes)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("signature"), QStringLiteral("Signature file (default FILE.sig)."), QStringLiteral("SIG")});
    parser.addOption({QStringLiteral("installed-version"), QStringLiteral("Refuse the package if older than this version."), QStringLiteral("V")});
    QString file;
    if (const int code = parseWithFile(parser, args, io, file, {QStringLiteral("public-key-file")}); code >= 0) {
        return code;
    }
    auto bytes = readFileCapped(file, kMaxPackageBytes);
    const QString sigFile = parser.isSet(QStringLiteral("signature")) ? parser.value(QStringLiteral("signature")) : signatureFileFor(file);
    auto sigText = readFileCapped(sigFile, 4096);
    auto keyText = readFileCapped(parser.value(QStringLiteral("public-key-file")), 4096);
    for (const auto *r : {&bytes, &sigText, &keyText}) {
        if (!*r) {
            return fail(io, r->error());
        }
    }
    auto signature = decodeBase64Key(*sigText, 64, QStringLiteral("the signature file"));
    auto key = decodeBase64Key(*keyText, 32, QStringLiteral("the public key file"));
    if (!signature || !key) {
        return fail(io, !signature ? signature.error() : key.error());
    }
    survey::AcceptPolicy policy{*key, {}};
    ValidationReport report;
    auto probe = SurveyLoader::load(*bytes);
    if (probe && parser.isSet(QStringLiteral("installed-version"))) {
        policy.installedVersions.insert(probe->id, parser.value(QStringLiteral("installed-version")));
    }
    auto package = acceptSignedPackage(*bytes, *signature, policy, &report);
    if (!package) {
        return fail(io, QStringLiteral("%1: %2").arg(file, package.error().message));
    }
    io.out << file << ": signature OK, " << package->id << " version " << package->version << Qt::endl;
    return ExitOk;
}

const Command kSurveyCommands[] = {
    {"lint", "Check a package and list every problem.", lint},
    {"inspect", "Summarise a package.", inspect},
    {"new", "Copy a template with the council's public key.", create},
    {"sign", "Sign a package (writes FILE.sig).", sign},
    {"verify", "Check a package's signature and contents.", verify},
    {"publish", "Send a signed package (FILE + FILE.sig) to the receiver.", surveyPublish},
};
} // namespace

int surveyCommand(const QStringList &args, Io &io)
{
    return dispatchSubcommand(args, io, kSurveyCommands);
}

} // namespace chorus::cli
