// SPDX-License-Identifier: GPL-3.0-or-later
#include "CollectPackage.h"

#include "CliSupport.h"

#include "enrollment/DeviceEnrollment.h"
#include "enrollment/EnrollmentBundle.h"
#include "store/SqliteStore.h"
#include "store/SurveyRepository.h"
#include "survey/PackageSignature.h"
#include "survey/SurveyLoader.h"

namespace chorus::cli {

namespace {
const QString kSignature = QStringLiteral("signature");
const QString kSigningKey = QStringLiteral("signing-key");
const QString kUnsigned = QStringLiteral("unsigned-test-package");

// Checks the detached signature (and, on an enrolled device, that the package is not older
// than the one installed) exactly as the app and `device update` do.
int acceptSigned(const QCommandLineParser &parser, const QString &packagePath, const survey::AcceptPolicy &policy,
                 Io &io, survey::SurveyPackage &out)
{
    survey::ValidationReport report;
    auto package = survey::acceptSignedPackageFile(packagePath, parser.value(kSignature), policy, &report);
    if (!package) {
        return fail(io, package.error());
    }
    out = std::move(*package);
    return -1;
}
} // namespace

void addPackageTrustOptions(QCommandLineParser &parser)
{
    parser.addOption({kSignature, QStringLiteral("The package's signature file (default FILE.sig)."), QStringLiteral("SIG")});
    parser.addOption({kSigningKey,
                      QStringLiteral("Only for a database that is not enrolled: the council's signing public key "
                                     "(signing-ed25519.pub from chorusctl keys init) to check the package with."),
                      QStringLiteral("FILE")});
    parser.addOption({kUnsigned,
                      QStringLiteral("Only for a database that is not enrolled, in tests: collect with a package "
                                     "whose signature is not checked (recorded in the audit log).")});
}

int loadPackageToCollect(const QCommandLineParser &parser, const QString &packagePath, store::SqliteStore *existing,
                         Io &io, PackageToCollect &out)
{
    std::optional<enrollment::EnrollmentSummary> enrolled;
    if (existing) {
        auto summary = enrollment::summary(existing->settings());
        if (!summary) {
            return fail(io, summary.error());
        }
        enrolled = *summary;
    }
    if (enrolled && (parser.isSet(kSigningKey) || parser.isSet(kUnsigned))) {
        return usage(io, QStringLiteral("this device is enrolled with %1: its packages are checked against that "
                                        "council's signing key only; drop --%2")
                             .arg(enrolled->council, parser.isSet(kSigningKey) ? kSigningKey : kUnsigned));
    }
    if (!enrolled && parser.isSet(kSigningKey) && parser.isSet(kUnsigned)) {
        return usage(io, QStringLiteral("--signing-key and --unsigned-test-package contradict each other; give one"));
    }
    if (!enrolled && !parser.isSet(kSigningKey) && !parser.isSet(kUnsigned)) {
        return usage(io, QStringLiteral("the device database is not enrolled, so no council signing key is known to "
                                        "check %1 with: give --signing-key FILE (the council's signing-ed25519.pub), "
                                        "or --unsigned-test-package for a test")
                             .arg(packagePath));
    }
    survey::AcceptPolicy policy;
    if (enrolled) {
        policy.enrolledSigningKey = enrolled->signingPublicKey;
        auto installed = existing->surveys().list();
        if (!installed) {
            return fail(io, installed.error());
        }
        for (const store::StoredSurvey &s : *installed) {
            const auto held = policy.installedVersions.constFind(s.surveyId);
            if (held == policy.installedVersions.cend() || store::compareSurveyVersions(s.version, *held).value_or(0) > 0) {
                policy.installedVersions.insert(s.surveyId, s.version);
            }
        }
        out.trust = QStringLiteral("signature verified against the enrolled council signing key %1")
                        .arg(enrollment::keyFingerprint(enrolled->signingPublicKey));
        return acceptSigned(parser, packagePath, policy, io, out.package);
    }
    if (parser.isSet(kSigningKey)) {
        auto key = survey::readSigningPublicKeyFile(parser.value(kSigningKey));
        if (!key) {
            return fail(io, key.error());
        }
        policy.enrolledSigningKey = *key;
        out.trust = QStringLiteral("not enrolled; signature verified against the signing key given on the command "
                                   "line, %1")
                        .arg(enrollment::keyFingerprint(*key));
        return acceptSigned(parser, packagePath, policy, io, out.package);
    }
    survey::ValidationReport report;
    auto package = survey::SurveyLoader::loadFile(packagePath, &report);
    if (!package) {
        return fail(io, QStringLiteral("%1: %2").arg(packagePath, package.error().message));
    }
    io.err << "chorusctl: warning: " << packagePath
           << ": signature not checked (--unsigned-test-package); only for tests, never for real respondents"
           << Qt::endl;
    out.package = std::move(*package);
    out.trust = QStringLiteral("not enrolled; unsigned test package, signature not checked");
    return -1;
}

} // namespace chorus::cli
