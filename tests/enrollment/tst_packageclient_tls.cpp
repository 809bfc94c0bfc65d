// SPDX-License-Identifier: GPL-3.0-or-later
// PackageClient with the TLS settings an enrollment carries (CA certificate as PEM text, key
// pins), against a local TLS server with a self-signed certificate made here.
#include "PackageTestSupport.h"

#include "PackageClient.h"
#include "enrollment/EnrollmentBundle.h"
#include "store/InMemoryStore.h"

#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTemporaryDir>

#include <atomic>
#include <thread>

using namespace chorus;

namespace {

// A self-signed P-256 certificate for 127.0.0.1: PEM files, and the key's pin.
bool makeCertificate(const QString &certPath, const QString &keyPath, QByteArray *pin)
{
    std::unique_ptr<EVP_PKEY, void (*)(EVP_PKEY *)> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), EVP_PKEY_free);
    std::unique_ptr<X509, void (*)(X509 *)> cert(X509_new(), X509_free);
    if (!key || !cert) {
        return false;
    }
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 7);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("chorus-test"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    for (auto [nid, value] : {std::pair{NID_subject_alt_name, "IP:127.0.0.1"}, std::pair{NID_basic_constraints, "critical,CA:TRUE"}}) {
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
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(key.get(), &der);
    if (length <= 0) {
        return false;
    }
    *pin = "sha256//" + QCryptographicHash::hash(QByteArray(reinterpret_cast<const char *>(der), length),
                                                 QCryptographicHash::Sha256).toBase64();
    OPENSSL_free(der);
    FILE *certFile = fopen(QFile::encodeName(certPath).constData(), "w");
    FILE *keyFile = fopen(QFile::encodeName(keyPath).constData(), "w");
    const bool ok = certFile && keyFile && PEM_write_X509(certFile, cert.get())
                    && PEM_write_PrivateKey(keyFile, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    if (certFile) fclose(certFile);
    if (keyFile) fclose(keyFile);
    return ok;
}

} // namespace

class TestPackageClientTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_certPem;
    QByteArray m_pin;
    crypto::SigningKey m_key;
    QByteArray m_package;
    std::unique_ptr<httplib::SSLServer> m_server;
    std::thread m_thread;
    std::atomic<int> m_requests{0};
    int m_port = 0;

    enrollment::EnrollmentBundle bundle() const
    {
        enrollment::EnrollmentBundle b;
        b.endpoint = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port));
        b.deviceToken = "device-token-0123456789abcdef";
        b.signingPublicKey = m_key.publicKey();
        b.caCertificatePem = m_certPem;
        b.pins = {QString::fromLatin1(m_pin)};
        return b;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        QVERIFY(makeCertificate(cert, key, &m_pin));
        QFile certFile(cert);
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        m_certPem = certFile.readAll();
        m_key = crypto::SigningKey::generate().value();
        m_package = testing::demoPackage(3);
        const std::string listing = QJsonDocument(QJsonObject{
            {QStringLiteral("packages"), QJsonArray{QJsonObject{{QStringLiteral("name"), testing::kDemoSurvey}}}}})
                                        .toJson(QJsonDocument::Compact)
                                        .toStdString();
        const std::string body(m_package.constData(), size_t(m_package.size()));
        const std::string signature = QByteArray(m_key.sign(m_package).toBase64() + '\n').toStdString();
        m_server = std::make_unique<httplib::SSLServer>(QFile::encodeName(cert).constData(), QFile::encodeName(key).constData());
        QVERIFY(m_server->is_valid());
        m_server->Get("/v1/packages", [this, listing](const httplib::Request &req, httplib::Response &res) {
            ++m_requests;
            const bool ok = req.get_header_value("Authorization") == "Bearer device-token-0123456789abcdef";
            res.status = ok ? 200 : 401;
            res.set_content(ok ? listing : std::string(), "application/json");
        });
        m_server->Get("/v1/packages/libraries_consultation_2026", [this, body](const httplib::Request &, httplib::Response &res) {
            ++m_requests;
            res.set_content(body, "application/octet-stream");
        });
        m_server->Get("/v1/packages/libraries_consultation_2026/signature",
                      [this, signature](const httplib::Request &, httplib::Response &res) {
                          ++m_requests;
                          res.set_content(signature, "text/plain");
                      });
        m_port = m_server->bind_to_any_port("127.0.0.1");
        QVERIFY(m_port > 0);
        m_thread = std::thread([this] { m_server->listen_after_bind(); });
        QTRY_VERIFY(m_server->is_running());
    }

    void cleanupTestCase()
    {
        m_server->stop();
        m_thread.join();
    }

    void enrolledCaAndPin_fetchAndInstall()
    {
        store::InMemoryStore device;
        auto reports = sync::updatePackages(bundle(), device.surveys());
        QVERIFY2(reports, qPrintable(reports ? QString() : reports.error().message));
        QCOMPARE(reports->size(), 1);
        QCOMPARE(reports->first().outcome, sync::PackageReport::Outcome::Installed);
        QCOMPARE(device.surveys().latest(testing::kDemoSurvey)->package, m_package);
    }

    void pinMismatch_isRefusedBeforeAnyRequest()
    {
        enrollment::EnrollmentBundle b = bundle();
        b.pins = {QStringLiteral("sha256//") + QString::fromLatin1(QByteArray(32, 'z').toBase64())};
        const int before = m_requests;
        store::InMemoryStore device;
        auto reports = sync::updatePackages(b, device.surveys());
        QVERIFY(!reports);
        QCOMPARE(reports.error().kind, ErrorKind::Crypto);
        QCOMPARE(int(m_requests), before);
    }

    void withoutTheEnrolledCa_theSelfSignedServerIsNotTrusted()
    {
        enrollment::EnrollmentBundle b = bundle();
        b.caCertificatePem.clear();
        b.pins.clear();
        store::InMemoryStore device;
        auto reports = sync::updatePackages(b, device.surveys());
        QVERIFY(!reports);
        QCOMPARE(reports.error().kind, ErrorKind::Crypto);
        QVERIFY(device.surveys().list()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPackageClientTls)
#include "tst_packageclient_tls.moc"
