// SPDX-License-Identifier: GPL-3.0-or-later
// CurlTransport's TLS rules against a local TLS server with a certificate made here.
#include "CurlTransport.h"
#include "OpenRosaClient.h"

#include "TestCertificates.h"

#include <httplib.h>

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace chorus;
using namespace chorus::sync;

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
        const testing::TestCertificate certificate = testing::makeCertificate("localhost", true);
        QVERIFY(certificate.cert);
        QVERIFY(testing::writePem(certificate, m_cert, key));
        m_pin = certificate.pin;
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
