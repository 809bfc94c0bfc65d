// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SecretBytes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace chorus::crypto
{

// Ed25519 (libsodium crypto_sign) for survey packages and enrollment bundles: the admin signs,
// devices verify with the public key they were enrolled with.
class SigningKey
{
public:
    static constexpr std::size_t kPublicKeySize = 32;
    static constexpr std::size_t kSecretKeySize = 64; // libsodium's seed ‖ public key form
    static constexpr std::size_t kSignatureSize = 64;

    SigningKey() = default;
    static Result<SigningKey> generate();
    // From libsodium's 64-byte secret key (as stored in signing-ed25519.key).
    static Result<SigningKey> fromSecretKey(SecretBytes secretKey);

    bool isNull() const { return m_secret.isEmpty(); }
    QByteArray publicKey() const { return m_public; }
    const SecretBytes &secretKey() const { return m_secret; }
    QString keyId() const;

    // A detached 64-byte signature.
    QByteArray sign(const QByteArray &message) const;

private:
    SecretBytes m_secret;
    QByteArray m_public;
};

namespace Signing
{
// Checks a detached Ed25519 signature. False for a malformed key or signature too.
bool verify(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature);
// Parses the base64 one-line form used in signing-ed25519.pub and in bundles.
Result<QByteArray> publicKeyFromBase64(const QByteArray &base64);
// First 16 hex characters of SHA-256 over the raw 32-byte public key.
QString keyIdOf(const QByteArray &publicKey);
} // namespace Signing

} // namespace chorus::crypto
