// SPDX-License-Identifier: GPL-3.0-or-later
#include "OpenSslHandles.h"

#include <openssl/err.h>

namespace chorus::crypto::detail
{

QString takeOpenSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) {
        return QStringLiteral("unknown OpenSSL error");
    }
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

namespace
{
QByteArray digest(const EVP_MD *md, const unsigned char *data, std::size_t size)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int outSize = 0;
    if (EVP_Digest(data, size, out, &outSize, md, nullptr) != 1) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char *>(out), static_cast<qsizetype>(outSize));
}
} // namespace

QByteArray md5(const unsigned char *data, std::size_t size)
{
    return digest(EVP_md5(), data, size);
}

QByteArray md5(const QByteArray &data)
{
    return md5(reinterpret_cast<const unsigned char *>(data.constData()), static_cast<std::size_t>(data.size()));
}

QByteArray sha256(const QByteArray &data)
{
    return digest(
        EVP_sha256(), reinterpret_cast<const unsigned char *>(data.constData()), static_cast<std::size_t>(data.size()));
}

} // namespace chorus::crypto::detail
