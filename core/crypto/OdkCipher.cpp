// SPDX-License-Identifier: GPL-3.0-or-later
#include "OdkCipher.h"

#include "OpenSslHandles.h"

#include <sodium.h>

namespace chorus::crypto
{

using namespace detail;

OdkKey::OdkKey()
{
    sodium_memzero(m_bytes, sizeof m_bytes);
}

OdkKey::~OdkKey()
{
    sodium_memzero(m_bytes, sizeof m_bytes);
}

OdkKey::OdkKey(OdkKey &&other) noexcept
{
    std::memcpy(m_bytes, other.m_bytes, sizeof m_bytes);
    sodium_memzero(other.m_bytes, sizeof other.m_bytes);
}

OdkKey OdkKey::random()
{
    ensureSodium();
    OdkKey key;
    randombytes_buf(key.m_bytes, sizeof key.m_bytes);
    return key;
}

OdkKey OdkKey::fromBytes(const unsigned char *bytes)
{
    OdkKey key;
    std::memcpy(key.m_bytes, bytes, sizeof key.m_bytes);
    return key;
}

OdkIvSequence::OdkIvSequence(const QString &instanceId, const OdkKey &key)
{
    const QByteArray id = instanceId.toUtf8();
    MdCtxPtr ctx(EVP_MD_CTX_new());
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (ctx && EVP_DigestInit_ex(ctx.get(), EVP_md5(), nullptr) == 1
        && EVP_DigestUpdate(ctx.get(), id.constData(), static_cast<std::size_t>(id.size())) == 1
        && EVP_DigestUpdate(ctx.get(), key.data(), key.size()) == 1
        && EVP_DigestFinal_ex(ctx.get(), digest, &size) == 1) {
        m_seed = QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(size));
    }
}

QByteArray OdkIvSequence::next()
{
    if (m_seed.size() != static_cast<qsizetype>(kOdkBlockSize)) {
        return {};
    }
    const qsizetype index = m_counter % static_cast<int>(kOdkBlockSize);
    m_seed[index] = static_cast<char>(static_cast<unsigned char>(m_seed.at(index)) + 1U);
    ++m_counter;
    return m_seed;
}

namespace
{

Result<CipherCtxPtr> cfbContext(const OdkKey &key, const QByteArray &iv, bool encrypt)
{
    if (iv.size() != static_cast<qsizetype>(kOdkBlockSize)) {
        return makeError(ErrorKind::Internal, QStringLiteral("AES-CFB needs a 32-byte key and a 16-byte IV"));
    }
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx
        || EVP_CipherInit_ex(ctx.get(), EVP_aes_256_cfb128(), nullptr, key.data(),
               reinterpret_cast<const unsigned char *>(iv.constData()), encrypt ? 1 : 0)
            != 1) {
        return makeError(ErrorKind::Crypto, QStringLiteral("AES-CFB setup failed: %1").arg(takeOpenSslError()));
    }
    return ctx;
}

bool update(EVP_CIPHER_CTX *ctx, unsigned char *out, const unsigned char *in, std::size_t size)
{
    // EVP_CipherUpdate takes an int length: feed large inputs in slices.
    constexpr std::size_t kSlice = 1U << 30;
    while (size > 0) {
        const std::size_t chunk = std::min(size, kSlice);
        int written = 0;
        if (EVP_CipherUpdate(ctx, out, &written, in, static_cast<int>(chunk)) != 1
            || static_cast<std::size_t>(written) != chunk) {
            return false;
        }
        out += chunk;
        in += chunk;
        size -= chunk;
    }
    return true;
}

} // namespace

Result<QByteArray> odkAesEncrypt(const OdkKey &key, const QByteArray &iv, const QByteArray &plaintext)
{
    auto ctx = cfbContext(key, iv, true);
    if (!ctx) {
        return ctx.error();
    }
    const auto size = static_cast<std::size_t>(plaintext.size());
    const std::size_t padding = kOdkBlockSize - size % kOdkBlockSize;
    QByteArray out(static_cast<qsizetype>(size + padding), Qt::Uninitialized);
    auto *dst = reinterpret_cast<unsigned char *>(out.data());
    unsigned char pad[kOdkBlockSize];
    std::fill(pad, pad + padding, static_cast<unsigned char>(padding));
    // CFB is a stream mode, so the padding can be fed as a second update.
    if (!update(ctx->get(), dst, reinterpret_cast<const unsigned char *>(plaintext.constData()), size)
        || !update(ctx->get(), dst + size, pad, padding)) {
        return makeError(ErrorKind::Crypto, QStringLiteral("AES-CFB encryption failed: %1").arg(takeOpenSslError()));
    }
    return out;
}

Result<QByteArray> odkAesDecrypt(const OdkKey &key, const QByteArray &iv, const QByteArray &ciphertext)
{
    const auto size = static_cast<std::size_t>(ciphertext.size());
    if (size == 0 || size % kOdkBlockSize != 0) {
        return makeError(ErrorKind::Crypto,
            QStringLiteral("the encrypted file is %1 bytes, not a whole number of 16-byte blocks (truncated?)")
                .arg(size));
    }
    auto ctx = cfbContext(key, iv, false);
    if (!ctx) {
        return ctx.error();
    }
    QByteArray out(static_cast<qsizetype>(size), Qt::Uninitialized);
    if (!update(ctx->get(), reinterpret_cast<unsigned char *>(out.data()),
            reinterpret_cast<const unsigned char *>(ciphertext.constData()), size)) {
        wipe(out);
        return makeError(ErrorKind::Crypto, QStringLiteral("AES-CFB decryption failed: %1").arg(takeOpenSslError()));
    }
    const auto padding = static_cast<unsigned char>(out.at(out.size() - 1));
    bool valid = padding >= 1 && padding <= kOdkBlockSize;
    for (std::size_t i = 1; valid && i <= padding; ++i) {
        valid = static_cast<unsigned char>(out.at(out.size() - static_cast<qsizetype>(i))) == padding;
    }
    if (!valid) {
        wipe(out);
        return makeError(ErrorKind::Crypto, QStringLiteral("the padding is invalid (wrong key or damaged file)"));
    }
    out.truncate(out.size() - padding);
    return out;
}

} // namespace chorus::crypto
