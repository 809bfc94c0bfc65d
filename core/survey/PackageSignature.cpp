// SPDX-License-Identifier: GPL-3.0-or-later
#include "PackageSignature.h"

#include <QFile>

#include <sodium.h>

namespace chorus::survey {

namespace {
bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

const unsigned char *bytes(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}
// A small file read whole, or an error naming it and saying what it was for.
Result<QByteArray> readSmallFile(const QString &path, qint64 maxBytes, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorKind::Io, QStringLiteral("cannot read %1 (%2): %3").arg(path, what, file.errorString()));
    }
    if (file.size() > maxBytes) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("%1 is too large to be %2").arg(path, what));
    }
    return file.readAll();
}
} // namespace

SigningKeyPair generateSigningKeyPair()
{
    SigningKeyPair pair;
    if (!sodiumReady()) {
        return pair;
    }
    pair.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    pair.secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(pair.publicKey.data()),
                        reinterpret_cast<unsigned char *>(pair.secretKey.data()));
    return pair;
}

void wipeSecret(QByteArray &secret)
{
    if (!secret.isEmpty()) {
        sodium_memzero(secret.data(), size_t(secret.size()));
    }
    secret.clear();
}

Result<QByteArray> signPackage(const QByteArray &packageBytes, const QByteArray &secretKey)
{
    if (!sodiumReady()) {
        return makeError(ErrorKind::Internal, QStringLiteral("libsodium could not be initialised"));
    }
    if (secretKey.size() != crypto_sign_SECRETKEYBYTES) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("an Ed25519 secret key is %1 bytes, this one is %2")
                                                      .arg(crypto_sign_SECRETKEYBYTES).arg(secretKey.size()));
    }
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr, bytes(packageBytes),
                         static_cast<unsigned long long>(packageBytes.size()), bytes(secretKey));
    return signature;
}

Status verifyPackageSignature(const QByteArray &packageBytes, const QByteArray &signature, const QByteArray &publicKey)
{
    if (!sodiumReady()) {
        return makeError(ErrorKind::Internal, QStringLiteral("libsodium could not be initialised"));
    }
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("the signing public key must be %1 bytes").arg(crypto_sign_PUBLICKEYBYTES));
    }
    if (signature.size() != crypto_sign_BYTES
        || crypto_sign_verify_detached(bytes(signature), bytes(packageBytes), static_cast<unsigned long long>(packageBytes.size()),
                                       bytes(publicKey)) != 0) {
        return makeError(ErrorKind::Crypto,
                         QStringLiteral("the survey package is not signed by this device's council signing key: it may have been changed "
                                        "after signing or come from elsewhere. Do not use it; ask the council's survey admin for a signed copy"));
    }
    return {};
}

Result<QByteArray> decodeBase64Key(const QByteArray &text, qsizetype size, const QString &what)
{
    const QByteArray line = text.trimmed();
    const auto decoded = QByteArray::fromBase64Encoding(line, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != size || line.contains('\n')) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("%1 must be base64 of %2 bytes on one line").arg(what).arg(size));
    }
    return decoded.decoded;
}

Result<SurveyPackage> acceptSignedPackage(const QByteArray &packageBytes, const QByteArray &signature,
                                          const AcceptPolicy &policy, ValidationReport *report)
{
    if (auto verified = verifyPackageSignature(packageBytes, signature, policy.enrolledSigningKey); !verified) {
        return verified.error();
    }
    auto package = SurveyLoader::load(packageBytes, report);
    if (!package) {
        return package.error();
    }
    const auto installed = policy.installedVersions.constFind(package->id);
    if (installed != policy.installedVersions.cend() && compareVersions(package->version, *installed) < 0) {
        return makeError(ErrorKind::Conflict,
                         QStringLiteral("survey %1 version %2 is older than the version %3 already on this device; it was refused "
                                        "(a replayed old package could change questions or keys). Ask for the current version")
                             .arg(package->id, package->version, *installed));
    }
    return package;
}

Result<SurveyPackage> acceptSignedPackageFile(const QString &packagePath, const QString &signaturePath,
                                              const AcceptPolicy &policy, ValidationReport *report)
{
    const QString sigPath = signaturePath.isEmpty() ? packagePath + QStringLiteral(".sig") : signaturePath;
    auto packageBytes = readSmallFile(packagePath, LoadLimits().maxBytes, QStringLiteral("a survey package"));
    if (!packageBytes) {
        return packageBytes.error();
    }
    auto sigText = readSmallFile(sigPath, 4096, QStringLiteral("the package's signature, from chorusctl survey sign"));
    if (!sigText) {
        return sigText.error();
    }
    auto signature = decodeBase64Key(*sigText, crypto_sign_BYTES, QStringLiteral("the signature file %1").arg(sigPath));
    if (!signature) {
        return signature.error();
    }
    auto package = acceptSignedPackage(*packageBytes, *signature, policy, report);
    if (!package) {
        return makeError(package.error().kind, QStringLiteral("%1: %2").arg(packagePath, package.error().message));
    }
    return package;
}

Result<QByteArray> readSigningPublicKeyFile(const QString &path)
{
    auto text = readSmallFile(path, 4096, QStringLiteral("a signing public key"));
    if (!text) {
        return text.error();
    }
    return decodeBase64Key(*text, crypto_sign_PUBLICKEYBYTES, QStringLiteral("the signing key file %1").arg(path));
}

} // namespace chorus::survey
