// SPDX-License-Identifier: GPL-3.0-or-later
// Enrollment bundles arrive as files, pasted text and QR codes. Each input is read twice: as a
// whole bundle file (most die at the signature), and as the signed content of a file signed
// here, so every field rule is reached. Whatever is accepted must write back and read equal.
#include "crypto/SecretBytes.h"
#include "crypto/Signing.h"
#include "enrollment/EnrollmentBundle.h"

#include <sodium.h>

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chorus;
    // A fixed key (seed of 32 zero bytes), so the seed corpus can carry its public key:
    // 3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29.
    static const crypto::SigningKey key = [] {
        unsigned char publicKey[crypto_sign_PUBLICKEYBYTES];
        crypto::SecretBytes secret(crypto_sign_SECRETKEYBYTES);
        const unsigned char seed[crypto_sign_SEEDBYTES] = {};
        crypto_sign_seed_keypair(publicKey, secret.data(), seed);
        return crypto::SigningKey::fromSecretKey(std::move(secret)).value();
    }();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    enrollment::ReadOptions options;
    options.checkExpiry = false;
    auto asFile = enrollment::readBundle(bytes, options);
    if (!asFile && asFile.error().message.isEmpty()) {
        __builtin_trap(); // a refusal must always say why
    }

    const QByteArray file = QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("chorus-enrollment-signed")},
                                                      {QStringLiteral("version"), 1},
                                                      {QStringLiteral("bundle"), QString::fromLatin1(bytes.toBase64())},
                                                      {QStringLiteral("signature"), QString::fromLatin1(key.sign(bytes).toBase64())}})
                                .toJson(QJsonDocument::Compact);
    auto signedHere = enrollment::readBundle(file, options);
    if (!signedHere) {
        if (signedHere.error().message.isEmpty()) {
            __builtin_trap();
        }
        return 0;
    }
    if (signedHere->signingPublicKey == key.publicKey()) {
        auto rewritten = enrollment::writeBundle(*signedHere, key);
        auto reread = rewritten ? enrollment::readBundle(*rewritten, options) : Result<enrollment::EnrollmentBundle>(rewritten.error());
        if (!reread || reread->deviceToken != signedHere->deviceToken || reread->endpoint != signedHere->endpoint
            || reread->surveys != signedHere->surveys || reread->pins != signedHere->pins
            || reread->expiresAt != signedHere->expiresAt) {
            __builtin_trap(); // accepted once, so it must survive its own round trip
        }
    }
    (void)enrollment::keyFingerprint(signedHere->signingPublicKey);
    return 0;
}
