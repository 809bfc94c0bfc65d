// SPDX-License-Identifier: GPL-3.0-or-later
#include "RsaOaep.h"

#include "OpenSslHandles.h"

#include <openssl/rsa.h>

#include <atomic>

namespace chorus::crypto
{

using namespace detail;

namespace
{
bool configureOaep(EVP_PKEY_CTX *ctx)
{
    return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING) == 1
        && EVP_PKEY_CTX_set_rsa_oaep_md(ctx, EVP_sha256()) == 1 && EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha256()) == 1;
}

std::atomic<quint64> g_privateOperations { 0 };

// Called just before each EVP_PKEY_decrypt that does the RSA work (not the size queries).
void countPrivateOperation()
{
    g_privateOperations.fetch_add(1, std::memory_order_relaxed);
}
} // namespace

quint64 rsaPrivateOperations()
{
    return g_privateOperations.load(std::memory_order_relaxed);
}

Result<QByteArray> rsaOaepEncrypt(const CouncilPublicKey &key, const unsigned char *data, std::size_t size)
{
    if (key.isNull()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("no council public key configured"));
    }
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new(key.handle(), nullptr));
    std::size_t outSize = 0;
    if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) != 1 || !configureOaep(ctx.get())
        || EVP_PKEY_encrypt(ctx.get(), nullptr, &outSize, data, size) != 1) {
        return makeError(ErrorKind::Crypto, QStringLiteral("RSA-OAEP setup failed: %1").arg(takeOpenSslError()));
    }
    QByteArray out(static_cast<qsizetype>(outSize), Qt::Uninitialized);
    if (EVP_PKEY_encrypt(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outSize, data, size) != 1) {
        return makeError(ErrorKind::Crypto, QStringLiteral("RSA-OAEP encryption failed: %1").arg(takeOpenSslError()));
    }
    out.truncate(static_cast<qsizetype>(outSize));
    return out;
}

Result<std::size_t> rsaOaepDecryptInto(
    const CouncilPrivateKey &key, const QByteArray &ciphertext, unsigned char *out, std::size_t capacity)
{
    if (key.isNull()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("no council private key loaded"));
    }
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new(key.handle(), nullptr));
    std::size_t outSize = capacity;
    countPrivateOperation();
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) != 1 || !configureOaep(ctx.get())
        || EVP_PKEY_decrypt(ctx.get(), out, &outSize, reinterpret_cast<const unsigned char *>(ciphertext.constData()),
               static_cast<std::size_t>(ciphertext.size()))
            != 1) {
        takeOpenSslError();
        return makeError(ErrorKind::Crypto, QStringLiteral("RSA-OAEP decryption failed"));
    }
    return outSize;
}

Result<SecretBytes> rsaOaepDecrypt(const CouncilPrivateKey &key, const QByteArray &ciphertext)
{
    if (key.isNull()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("no council private key loaded"));
    }
    const auto *in = reinterpret_cast<const unsigned char *>(ciphertext.constData());
    const auto inSize = static_cast<std::size_t>(ciphertext.size());
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new(key.handle(), nullptr));
    std::size_t outSize = 0;
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) != 1 || !configureOaep(ctx.get())
        || EVP_PKEY_decrypt(ctx.get(), nullptr, &outSize, in, inSize) != 1) {
        takeOpenSslError();
        return makeError(ErrorKind::Crypto, QStringLiteral("RSA-OAEP setup failed"));
    }
    SecretBytes out(outSize);
    countPrivateOperation();
    if (!out.isValid() || EVP_PKEY_decrypt(ctx.get(), out.data(), &outSize, in, inSize) != 1) {
        takeOpenSslError();
        return makeError(ErrorKind::Crypto, QStringLiteral("RSA-OAEP decryption failed"));
    }
    out.truncate(outSize);
    return out;
}

} // namespace chorus::crypto
