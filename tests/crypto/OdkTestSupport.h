// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Builds an ODK envelope the *wrong* way on purpose: the AES key wrapped with OAEP-SHA-256
// but MGF1-SHA-1 (what Java's stock provider does). Everything else is right, so only the
// wrap differs; tests prove both decryptors refuse it.

#include "crypto/CouncilKeys.h"
#include "crypto/OdkCipher.h"
#include "crypto/OdkEnvelope.h"
#include "crypto/OdkManifest.h"

#include <openssl/evp.h>
#include <openssl/rsa.h>

namespace chorus::crypto::testing
{

inline QByteArray wrapWithMgf1Sha1(const CouncilPublicKey &key, const unsigned char *data, std::size_t size)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(key.handle(), nullptr);
    std::size_t outSize = 0;
    QByteArray out;
    if (ctx && EVP_PKEY_encrypt_init(ctx) == 1 && EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING) == 1
        && EVP_PKEY_CTX_set_rsa_oaep_md(ctx, EVP_sha256()) == 1 && EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha1()) == 1
        && EVP_PKEY_encrypt(ctx, nullptr, &outSize, data, size) == 1) {
        out.resize(static_cast<qsizetype>(outSize));
        if (EVP_PKEY_encrypt(ctx, reinterpret_cast<unsigned char *>(out.data()), &outSize, data, size) != 1) {
            out.clear();
        }
    }
    EVP_PKEY_CTX_free(ctx);
    return out;
}

inline QByteArray md5Hex(const QByteArray &data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(data.constData(), static_cast<std::size_t>(data.size()), digest, &size, EVP_md5(), nullptr);
    return QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(size)).toHex();
}

inline SealedSubmission sealWithMgf1Sha1(
    const CouncilPublicKey &key, const QString &formId, const QString &instanceId, const QByteArray &xml)
{
    const OdkKey aesKey = OdkKey::random();
    OdkManifest manifest;
    manifest.formId = formId;
    manifest.instanceId = instanceId;
    manifest.base64EncryptedKey = wrapWithMgf1Sha1(key, aesKey.data(), aesKey.size()).toBase64();
    manifest.encryptedXmlFile = QStringLiteral("submission.xml.enc");
    OdkIvSequence ivs(instanceId, aesKey);
    SealedSubmission sealed;
    sealed.instanceId = instanceId;
    sealed.encryptedFiles.append(
        FilePart { manifest.encryptedXmlFile, odkAesEncrypt(aesKey, ivs.next(), xml).value() });
    const QByteArray source = formId.toUtf8() + '\n' + manifest.base64EncryptedKey + '\n' + instanceId.toUtf8() + '\n'
        + "submission.xml::" + md5Hex(xml) + '\n';
    const QByteArray digest = QByteArray::fromHex(md5Hex(source));
    manifest.base64EncryptedElementSignature
        = wrapWithMgf1Sha1(key, reinterpret_cast<const unsigned char *>(digest.constData()), 16).toBase64();
    sealed.manifest = manifest.toXml();
    return sealed;
}

} // namespace chorus::crypto::testing
