// SPDX-License-Identifier: GPL-3.0-or-later
#include "Tokens.h"

#include <sodium.h>

#include <cstdlib>
#include <mutex>

namespace chorus::server {

namespace {
void sodiumInit()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) {
            std::abort(); // no safe randomness: never issue a token
        }
    });
}
} // namespace

QByteArray generateToken()
{
    sodiumInit();
    QByteArray raw(32, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    const QByteArray token = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    sodium_memzero(raw.data(), size_t(raw.size()));
    return token;
}

QByteArray hashToken(const QByteArray &token)
{
    sodiumInit();
    QByteArray hash(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(hash.data()),
                       reinterpret_cast<const unsigned char *>(token.constData()), size_t(token.size()));
    return hash;
}

bool tokensEqual(const QByteArray &a, const QByteArray &b)
{
    const QByteArray ha = hashToken(a);
    const QByteArray hb = hashToken(b);
    return sodium_memcmp(ha.constData(), hb.constData(), size_t(ha.size())) == 0;
}

} // namespace chorus::server
