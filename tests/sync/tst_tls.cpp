// SPDX-License-Identifier: GPL-3.0-or-later
// CurlTransport's TLS rules against a local TLS server with a certificate made here.
#include "CurlTransport.h"
#include "OpenRosaClient.h"

#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace chorus;
using namespace chorus::sync;

namespace {

struct KeyDeleter {
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct CertDeleter {
    void operator()(X509 *c) const { X509_free(c); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using Cert = std::unique_ptr<X509, CertDeleter>;

// A self-signed P-256 certificate for localhost / 127.0.0.1, written as PEM files.
bool makeCertificate(const QString &certPath, const QString &keyPath, QByteArray *pin)
{
    // EVP_EC_gen() is a macro that casts away const; call what it expands to.
    Key key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    Cert cert(X509_new());
    if (!key || !cert) {
        return false;
    }
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    for (auto [nid, value] : {std::pair{NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1"},
                              std::pair{NID_basic_constraints, "critical,CA:TRUE"}}) {
        X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
        if (!ext) {
            return false;
        }
        X509_add_ext(cert.get(), ext, -1);
        X509_EXTENSION_free(ext);
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
        return false;
    }
    // The pin: base64 of SHA-256 over the DER SubjectPublicKeyInfo, as CURLOPT_PINNEDPUBLICKEY wants.
    unsigned char *der = nullptr;
    const int derLength = i2d_PUBKEY(key.get(), &der);
    if (derLength <= 0) {
        return false;
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    EVP_Digest(der, size_t(derLength), digest, &digestLength, EVP_sha256(), nullptr);
    OPENSSL_free(der);
    *pin = "sha256//" + QByteArray(reinterpret_cast<const char *>(digest), int(digestLength)).toBase64();

    FILE *certFile = fopen(QFile::encodeName(certPath).constData(), "w");
    FILE *keyFile = fopen(QFile::encodeName(keyPath).constData(), "w");
    const bool ok = certFile && keyFile && PEM_write_X509(certFile, cert.get())
                    && PEM_write_PrivateKey(keyFile, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    if (certFile) fclose(certFile);
    if (keyFile) fclose(keyFile);
    return ok;
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cert;
    QByteArray m_pin;
    std::unique_ptr<httplib::SSLServer> m_server;
    std::thread m_thread;
    std::atomic<int> m_requests{0};
    int m_port = 0;

    HttpRequest head() const
    {
        HttpRequest request;
        request.method = HttpRequest::Method::Head;
        request.url = QUrl(QStringLiteral("https://127.0.0.1:%1/submission").arg(m_port));
        request.headers.append({QByteArrayLiteral("X-OpenRosa-Version"), QByteArrayLiteral("1.0")});
        return request;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        QVERIFY(makeCertificate(m_cert, key, &m_pin));
        m_server = std::make_unique<httplib::SSLServer>(QFile::encodeName(m_cert).constData(),
                                                        QFile::encodeName(key).constData());
        QVERIFY(m_server->is_valid());
        m_server->Get("/submission", [this](const httplib::Request &, httplib::Response &res) {
            ++m_requests;
            res.status = 204;
            res.set_header("X-OpenRosa-Version", "1.0");
        });
        m_port = m_server->bind_to_any_port("127.0.0.1");
        QVERIFY(m_port > 0);
        m_thread = std::thread([this] { m_server->listen_after_bind(); });
        for (int i = 0; i < 5000 && !m_server->is_running(); ++i) {
            QThread::msleep(1);
        }
    }
    void cleanupTestCase()
    {
        m_server->stop();
        m_thread.join();
    }
    void init() { m_requests = 0; }

    void trustedCertificate_withMatchingPin_works()
    {
        CurlOptions options;
        options.caFile = m_cert;
        options.pins = {QStringLiteral("sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), QString::fromLatin1(m_pin)};
        CurlTransport transport(options);
        auto reply = transport.send(head());
        QVERIFY2(reply, qPrintable(reply ? QString() : reply.error().message));
        QCOMPARE(reply->status, 204);
        QCOMPARE(m_requests.load(), 1);
        // Through the OpenRosa client as well (backup pin first, primary second: either matches).
        QVERIFY(OpenRosaClient(transport, head().url, "t").head());
    }
    void pinMismatch_isRefusedBeforeAnyRequestByteIsSent()
    {
        CurlOptions options;
        options.caFile = m_cert;
        options.pins = {QStringLiteral("sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")};
        CurlTransport transport(options);
        auto reply = transport.send(head());
        QVERIFY(!reply);
        QCOMPARE(reply.error().kind, ErrorKind::Crypto);
        QVERIFY(reply.error().message.contains(QLatin1String("pinned")));
        QCOMPARE(m_requests.load(), 0);
    }
    void untrustedCertificate_isRefused_verificationCannotBeTurnedOff()
    {
        CurlTransport transport(CurlOptions{});
        auto reply = transport.send(head());
        QVERIFY(!reply);
        QCOMPARE(reply.error().kind, ErrorKind::Crypto);
        QCOMPARE(m_requests.load(), 0);
    }
    void plainHttp_toNonLoopback_isRefusedWithoutConnecting()
    {
        CurlOptions options;
        options.allowHttpLoopback = true;
        CurlTransport transport(options);
        HttpRequest request = head();
        request.url = QUrl(QStringLiteral("http://192.0.2.1/submission")); // TEST-NET-1: never routed
        auto reply = transport.send(request);
        QVERIFY(!reply);
        QCOMPARE(reply.error().kind, ErrorKind::InvalidInput);
    }
    void plainHttp_toLoopback_withoutTheFlag_isRefused()
    {
        CurlTransport transport(CurlOptions{});
        HttpRequest request = head();
        request.url.setScheme(QStringLiteral("http"));
        auto reply = transport.send(request);
        QVERIFY(!reply);
        QCOMPARE(reply.error().kind, ErrorKind::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
