// SPDX-License-Identifier: GPL-3.0-or-later
#include "CouncilKeys.h"

#include "OpenSslHandles.h"

#include <openssl/pem.h>
#include <openssl/x509.h>

namespace chorus::crypto
{

using namespace detail;

namespace
{

constexpr int kRequiredBits = 2048;

std::shared_ptr<evp_pkey_st> share(EVP_PKEY *key)
{
    return std::shared_ptr<evp_pkey_st>(key, PkeyFree {});
}

Status checkRsa2048(EVP_PKEY *key, const QString &what)
{
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
        return makeError(ErrorKind::InvalidInput,
            QStringLiteral("%1 is not an RSA key; ODK encryption needs an RSA-2048 key").arg(what));
    }
    const int bits = EVP_PKEY_get_bits(key);
    if (bits != kRequiredBits) {
        return makeError(ErrorKind::InvalidInput,
            QStringLiteral("%1 is a %2-bit RSA key; ODK Central only decrypts RSA-2048, "
                           "so generate a 2048-bit key")
                .arg(what)
                .arg(bits));
    }
    return {};
}

QByteArray spkiDer(EVP_PKEY *key)
{
    const int size = i2d_PUBKEY(key, nullptr);
    if (size <= 0) {
        return {};
    }
    QByteArray der(size, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_PUBKEY(key, &out) != size) {
        return {};
    }
    return der;
}

} // namespace

Result<CouncilPublicKey> CouncilPublicKey::fromBase64(const QByteArray &base64Spki)
{
    const QByteArray trimmed = base64Spki.trimmed();
    auto decoded = QByteArray::fromBase64Encoding(trimmed, QByteArray::AbortOnBase64DecodingErrors);
    if (trimmed.isEmpty() || !decoded) {
        return makeError(ErrorKind::InvalidInput,
            QStringLiteral("the council public key is not valid base64 (expected the base64 of a DER "
                           "SubjectPublicKeyInfo on one line, as in an ODK form's base64RsaPublicKey)"));
    }
    return fromDer(*decoded);
}

Result<CouncilPublicKey> CouncilPublicKey::fromDer(const QByteArray &spkiDer)
{
    const auto *in = reinterpret_cast<const unsigned char *>(spkiDer.constData());
    PkeyPtr key(d2i_PUBKEY(nullptr, &in, static_cast<long>(spkiDer.size())));
    if (!key || in != reinterpret_cast<const unsigned char *>(spkiDer.constData()) + spkiDer.size()) {
        takeOpenSslError();
        return makeError(ErrorKind::InvalidInput,
            QStringLiteral("the council public key is not a DER SubjectPublicKeyInfo (a PKCS#1 "
                           "RSAPublicKey or a PEM file will not do; export the SPKI form)"));
    }
    if (auto ok = checkRsa2048(key.get(), QStringLiteral("the council public key")); !ok) {
        return ok.error();
    }
    CouncilPublicKey result;
    result.m_der = spkiDer;
    result.m_key = share(key.release());
    return result;
}

QString CouncilPublicKey::keyId() const
{
    if (m_der.isEmpty()) {
        return {};
    }
    return QString::fromLatin1(sha256(m_der).toHex().left(16));
}

Result<CouncilPrivateKey> CouncilPrivateKey::adopt(EVP_PKEY *raw)
{
    PkeyPtr key(raw);
    if (auto ok = checkRsa2048(key.get(), QStringLiteral("the council private key")); !ok) {
        return ok.error();
    }
    const QByteArray der = spkiDer(key.get());
    auto pub = CouncilPublicKey::fromDer(der);
    if (!pub) {
        return pub.error();
    }
    CouncilPrivateKey result;
    result.m_public = std::move(*pub);
    result.m_key = share(key.release());
    return result;
}

Result<CouncilPrivateKey> CouncilPrivateKey::fromPkcs8Der(const SecretBytes &der)
{
    const unsigned char *in = der.data();
    EVP_PKEY *key = d2i_AutoPrivateKey(nullptr, &in, static_cast<long>(der.size()));
    if (!key) {
        takeOpenSslError();
        return makeError(ErrorKind::Crypto, QStringLiteral("the council private key is not a valid PKCS#8 RSA key"));
    }
    return adopt(key);
}

Result<CouncilPrivateKey> CouncilPrivateKey::fromPem(const QByteArray &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
    if (!bio) {
        return makeError(ErrorKind::Internal, QStringLiteral("out of memory reading a PEM key"));
    }
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!key) {
        takeOpenSslError();
        return makeError(ErrorKind::InvalidInput,
            QStringLiteral("not an unencrypted PEM RSA private key (as `openssl genrsa` writes)"));
    }
    return adopt(key);
}

Result<SecretBytes> CouncilPrivateKey::toPkcs8Der() const
{
    if (!m_key) {
        return makeError(ErrorKind::Internal, QStringLiteral("no council private key loaded"));
    }
    PKCS8_PRIV_KEY_INFO *info = EVP_PKEY2PKCS8(m_key.get());
    if (!info) {
        return makeError(
            ErrorKind::Crypto, QStringLiteral("cannot encode the private key: %1").arg(takeOpenSslError()));
    }
    const int size = i2d_PKCS8_PRIV_KEY_INFO(info, nullptr);
    SecretBytes der(size > 0 ? static_cast<std::size_t>(size) : 0);
    unsigned char *out = der.data();
    const bool ok = size > 0 && der.isValid() && i2d_PKCS8_PRIV_KEY_INFO(info, &out) == size;
    PKCS8_PRIV_KEY_INFO_free(info);
    if (!ok) {
        return makeError(
            ErrorKind::Crypto, QStringLiteral("cannot encode the private key: %1").arg(takeOpenSslError()));
    }
    return der;
}

Result<CouncilKeyPair> generateCouncilKeyPair()
{
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY *raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), kRequiredBits) != 1
        || EVP_PKEY_generate(ctx.get(), &raw) != 1) {
        return makeError(
            ErrorKind::Crypto, QStringLiteral("RSA-2048 key generation failed: %1").arg(takeOpenSslError()));
    }
    auto priv = CouncilPrivateKey::adopt(raw);
    if (!priv) {
        return priv.error();
    }
    CouncilKeyPair pair;
    pair.publicKey = priv->publicKey();
    pair.privateKey = std::move(*priv);
    return pair;
}

} // namespace chorus::crypto
