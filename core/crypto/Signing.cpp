// SPDX-License-Identifier: GPL-3.0-or-later
#include "Signing.h"

#include "OpenSslHandles.h"

#include <sodium.h>

namespace chorus::crypto
{

static_assert(SigningKey::kPublicKeySize == crypto_sign_PUBLICKEYBYTES);
static_assert(SigningKey::kSecretKeySize == crypto_sign_SECRETKEYBYTES);
static_assert(SigningKey::kSignatureSize == crypto_sign_BYTES);

Result<SigningKey> SigningKey::generate()
{
    if (!ensureSodium()) {
        return makeError(ErrorKind::Internal, QStringLiteral("libsodium failed to initialise"));
    }
    SecretBytes secret(kSecretKeySize);
    if (!secret.isValid()) {
        return makeError(ErrorKind::Internal, QStringLiteral("cannot allocate secure memory for a signing key"));
    }
    QByteArray pub(kPublicKeySize, Qt::Uninitialized);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(pub.data()), secret.data());
    SigningKey key;
    key.m_secret = std::move(secret);
    key.m_public = pub;
    return key;
}

Result<SigningKey> SigningKey::fromSecretKey(SecretBytes secretKey)
{
    ensureSodium();
    if (secretKey.size() != kSecretKeySize) {
        return makeError(ErrorKind::InvalidInput,
            QStringLiteral("an Ed25519 secret key is %1 bytes, not %2").arg(kSecretKeySize).arg(secretKey.size()));
    }
    QByteArray pub(kPublicKeySize, Qt::Uninitialized);
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(pub.data()), secretKey.data());
    // Re-derive from the seed so a damaged secret key is caught here, not at signing time.
    SecretBytes check(kSecretKeySize);
    QByteArray checkPub(kPublicKeySize, Qt::Uninitialized);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(checkPub.data()), check.data(), secretKey.data());
    if (checkPub != pub) {
        return makeError(ErrorKind::Crypto, QStringLiteral("the Ed25519 secret key is inconsistent (damaged)"));
    }
    SigningKey key;
    key.m_secret = std::move(secretKey);
    key.m_public = pub;
    return key;
}

QString SigningKey::keyId() const
{
    return Signing::keyIdOf(m_public);
}

QByteArray SigningKey::sign(const QByteArray &message) const
{
    if (isNull()) {
        return {};
    }
    QByteArray signature(kSignatureSize, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
        reinterpret_cast<const unsigned char *>(message.constData()), static_cast<unsigned long long>(message.size()),
        m_secret.data());
    return signature;
}

namespace Signing
{

bool verify(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature)
{
    ensureSodium();
    if (publicKey.size() != static_cast<qsizetype>(SigningKey::kPublicKeySize)
        || signature.size() != static_cast<qsizetype>(SigningKey::kSignatureSize)) {
        return false;
    }
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(signature.constData()),
               reinterpret_cast<const unsigned char *>(message.constData()),
               static_cast<unsigned long long>(message.size()),
               reinterpret_cast<const unsigned char *>(publicKey.constData()))
        == 0;
}

Result<QByteArray> publicKeyFromBase64(const QByteArray &base64)
{
    auto decoded = QByteArray::fromBase64Encoding(base64.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || (*decoded).size() != static_cast<qsizetype>(SigningKey::kPublicKeySize)) {
        return makeError(ErrorKind::InvalidInput,
            QStringLiteral("not an Ed25519 public key (expected the base64 of 32 bytes on one line)"));
    }
    return *decoded;
}

QString keyIdOf(const QByteArray &publicKey)
{
    if (publicKey.isEmpty()) {
        return {};
    }
    return QString::fromLatin1(detail::sha256(publicKey).toHex().left(16));
}

} // namespace Signing

} // namespace chorus::crypto
