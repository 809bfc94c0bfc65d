// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SecretBytes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct evp_pkey_st;

namespace chorus::crypto
{

// The council's RSA-2048 public key in the form ODK puts in a form's `base64RsaPublicKey`:
// base64 of the DER SubjectPublicKeyInfo, one line. Devices hold only this key, so a device
// can seal a response but never read it back. Cheap to copy (the parsed key is shared and
// only ever read).
class CouncilPublicKey
{
public:
    CouncilPublicKey() = default;

    // Accepts surrounding whitespace; refuses anything but an RSA-2048 SPKI, because ODK
    // Central only decrypts 256-byte RSA blocks.
    static Result<CouncilPublicKey> fromBase64(const QByteArray &base64Spki);
    static Result<CouncilPublicKey> fromDer(const QByteArray &spkiDer);

    bool isNull() const { return !m_key; }
    QByteArray der() const { return m_der; }
    QByteArray toBase64() const { return m_der.toBase64(); }
    // First 16 hex characters of SHA-256 over the DER: names the key in keys.json, in the
    // key ring and in error messages.
    QString keyId() const;

    evp_pkey_st *handle() const { return m_key.get(); }

private:
    friend class CouncilPrivateKey;
    std::shared_ptr<evp_pkey_st> m_key;
    QByteArray m_der;
};

// The council's RSA private key, parsed once and reused (re-parsing costs more than the RSA
// operation itself). Lives only on admin machines, stored encrypted (see KeyFile).
class CouncilPrivateKey
{
public:
    CouncilPrivateKey() = default;

    // PKCS#8 PrivateKeyInfo DER (unencrypted; the caller keeps it in SecretBytes).
    static Result<CouncilPrivateKey> fromPkcs8Der(const SecretBytes &der);
    // A PEM private key as `openssl genrsa` writes it (PKCS#1 or PKCS#8, unencrypted), so
    // a council can bring an existing ODK key.
    static Result<CouncilPrivateKey> fromPem(const QByteArray &pem);

    bool isNull() const { return !m_key; }
    Result<SecretBytes> toPkcs8Der() const;
    const CouncilPublicKey &publicKey() const { return m_public; }
    QString keyId() const { return m_public.keyId(); }

    evp_pkey_st *handle() const { return m_key.get(); }
    // Takes ownership of an OpenSSL key (freed even on error).
    static Result<CouncilPrivateKey> adopt(evp_pkey_st *key);

private:
    std::shared_ptr<evp_pkey_st> m_key;
    CouncilPublicKey m_public;
};

struct CouncilKeyPair {
    CouncilPublicKey publicKey;
    CouncilPrivateKey privateKey;
};

// A fresh RSA-2048 pair (public exponent 65537).
Result<CouncilKeyPair> generateCouncilKeyPair();

} // namespace chorus::crypto
