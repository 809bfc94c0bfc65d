// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// RAII owners for the OpenSSL handles crypto uses. Internal to core/crypto.

#include <openssl/evp.h>

#include <QByteArray>
#include <QString>

#include <memory>

namespace chorus::crypto::detail
{

struct PkeyFree {
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
};
struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX *p) const { EVP_CIPHER_CTX_free(p); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
};

using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

// The most recent OpenSSL error as text (and clears the queue), for messages and logs.
QString takeOpenSslError();

// One-shot digests over bytes.
QByteArray md5(const QByteArray &data);
QByteArray md5(const unsigned char *data, std::size_t size);
QByteArray sha256(const QByteArray &data);

} // namespace chorus::crypto::detail
