// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Certificates made in the test (P-256): a self-signed one, or a private CA and a server
// certificate it signed, for localhost / 127.0.0.1, written as PEM files.

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>

namespace chorus::testing {

struct KeyDeleter {
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct CertDeleter {
    void operator()(X509 *c) const { X509_free(c); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using Cert = std::unique_ptr<X509, CertDeleter>;

struct TestCertificate {
    Key key;
    Cert cert;
    QByteArray pin; // sha256//BASE64 of the DER SubjectPublicKeyInfo, as CURLOPT_PINNEDPUBLICKEY wants
};

// `issuer` null: self-signed. `ca`: may sign others.
inline TestCertificate makeCertificate(const char *commonName, bool ca, const TestCertificate *issuer = nullptr)
{
    TestCertificate out;
    // EVP_EC_gen() is a macro that casts away const; call what it expands to.
    out.key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    out.cert.reset(X509_new());
    if (!out.key || !out.cert) {
        return {};
    }
    X509 *cert = out.cert.get();
    static int serial = 1;
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), ++serial);
    X509_gmtime_adj(X509_getm_notBefore(cert), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, out.key.get());
    X509_NAME *name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0);
    X509 *issuerCert = issuer ? issuer->cert.get() : cert;
    X509_set_issuer_name(cert, X509_get_subject_name(issuerCert));
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuerCert, cert, nullptr, nullptr, 0);
    const std::pair<int, const char *> extensions[] = {
        {NID_basic_constraints, ca ? "critical,CA:TRUE" : "critical,CA:FALSE"},
        {NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1"},
    };
    for (auto [nid, value] : extensions) {
        X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
        if (!ext) {
            return {};
        }
        X509_add_ext(cert, ext, -1);
        X509_EXTENSION_free(ext);
    }
    if (X509_sign(cert, issuer ? issuer->key.get() : out.key.get(), EVP_sha256()) == 0) {
        return {};
    }
    unsigned char *der = nullptr;
    const int derLength = i2d_PUBKEY(out.key.get(), &der);
    if (derLength <= 0) {
        return {};
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    EVP_Digest(der, size_t(derLength), digest, &digestLength, EVP_sha256(), nullptr);
    OPENSSL_free(der);
    out.pin = "sha256//" + QByteArray(reinterpret_cast<const char *>(digest), int(digestLength)).toBase64();
    return out;
}

inline bool writePem(const TestCertificate &c, const QString &certPath, const QString &keyPath)
{
    FILE *certFile = fopen(QFile::encodeName(certPath).constData(), "w");
    FILE *keyFile = keyPath.isEmpty() ? nullptr : fopen(QFile::encodeName(keyPath).constData(), "w");
    bool ok = certFile && PEM_write_X509(certFile, c.cert.get());
    if (!keyPath.isEmpty()) {
        ok = ok && keyFile && PEM_write_PrivateKey(keyFile, c.key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    }
    if (certFile) {
        fclose(certFile);
    }
    if (keyFile) {
        fclose(keyFile);
    }
    return ok;
}

} // namespace chorus::testing
