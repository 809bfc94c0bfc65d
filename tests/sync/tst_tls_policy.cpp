// SPDX-License-Identifier: GPL-3.0-or-later
// CurlTransport's network policy against local TLS servers with certificates made here: TLS 1.2
// at least, a council's private CA, no redirect to another host, and the proxy settings honoured.
#include "ConnectProxy.h"
#include "CurlTransport.h"
#include "OpenRosaClient.h"
#include "TestCertificates.h"
#include "TestEnvelope.h"

#include <curl/curl.h>
#include <httplib.h>
#include <openssl/ssl.h>

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace chorus;
using namespace chorus::sync;

namespace {

// An OpenRosa-ish HTTPS endpoint on a free loopback port.
struct TlsServer {
    std::unique_ptr<httplib::SSLServer> server;
    std::thread thread;
    std::atomic<int> requests{0};
    int port = 0;

    bool start(const QString &cert, const QString &key, const std::function<void(SSL_CTX *)> &tweak = {})
    {
        server = std::make_unique<httplib::SSLServer>(QFile::encodeName(cert).constData(),
                                                      QFile::encodeName(key).constData());
        if (!server->is_valid()) {
            return false;
        }
        if (tweak) {
            tweak(server->ssl_context());
        }
        const auto answer = [this](const httplib::Request &, httplib::Response &res) {
            ++requests;
            res.status = 204;
            res.set_header("X-OpenRosa-Version", "1.0");
        };
        server->Get("/submission", answer);
        port = server->bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { server->listen_after_bind(); });
        for (int i = 0; i < 5000 && !server->is_running(); ++i) {
            QThread::msleep(1);
        }
        return port > 0;
    }
    ~TlsServer()
    {
        if (server) {
            server->stop();
        }
        if (thread.joinable()) {
            thread.join();
        }
    }
    QUrl url(const char *host = "127.0.0.1") const
    {
        return QUrl(QStringLiteral("https://%1:%2/submission").arg(QLatin1String(host)).arg(port));
    }
};

HttpRequest headTo(const QUrl &url)
{
    HttpRequest request;
    request.method = HttpRequest::Method::Head;
    request.url = url;
    request.headers.append({QByteArrayLiteral("X-OpenRosa-Version"), QByteArrayLiteral("1.0")});
    return request;
}

// Completes a handshake with OpenSSL directly, allowing every version down to TLS 1.0 at
// security level 0; returns the version agreed, or 0. Shows what the server really offers.
int handshakeVersion(int port)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_security_level(ctx, 0);
    SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
    SSL_CTX_set_cipher_list(ctx, "DEFAULT:@SECLEVEL=0");
    SSL *ssl = SSL_new(ctx);
    const int fd = testing::connectLoopback(port);
    int version = 0;
    if (fd >= 0 && SSL_set_fd(ssl, fd) == 1 && SSL_connect(ssl) == 1) {
        version = SSL_version(ssl);
        SSL_shutdown(ssl);
    }
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    if (fd >= 0) {
        ::close(fd);
    }
    return version;
}

// A bare libcurl HEAD allowing legacy signature algorithms (security level 0), with
// CURLOPT_SSLVERSION only when `sslVersion` is not 0: the HTTP status, or 0 when refused.
long bareCurlStatus(const QUrl &url, const QString &caFile, long sslVersion)
{
    CURL *curl = curl_easy_init();
    const QByteArray u = url.toEncoded();
    const QByteArray ca = QFile::encodeName(caFile);
    curl_easy_setopt(curl, CURLOPT_URL, u.constData());
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    curl_easy_setopt(curl, CURLOPT_CAINFO, ca.constData());
    curl_easy_setopt(curl, CURLOPT_SSL_CIPHER_LIST, "DEFAULT:@SECLEVEL=0");
    if (sslVersion != 0) {
        curl_easy_setopt(curl, CURLOPT_SSLVERSION, sslVersion);
    }
    long status = 0;
    char detail[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail);
    if (curl_easy_perform(curl) == CURLE_OK) {
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    } else {
        qInfo("bare libcurl: %s", detail);
    }
    curl_easy_cleanup(curl);
    return status;
}

// OpenSSL's process-wide defaults, loosened as far as they go (TLS 1.0, security level 0), so
// that only the transport's own settings can be what refuses an old server. Must be in place
// before OpenSSL initialises, hence the environment, first thing in the test.
bool loosenOpenSslDefaults(const QString &dir)
{
    const QString path = dir + QStringLiteral("/openssl-permissive.cnf");
    QFile conf(path);
    if (!conf.open(QIODevice::WriteOnly)) {
        return false;
    }
    conf.write("openssl_conf = openssl_init\n[openssl_init]\nssl_conf = ssl_sect\n[ssl_sect]\n"
               "system_default = system_default_sect\n[system_default_sect]\nMinProtocol = TLSv1\n"
               "CipherString = DEFAULT:@SECLEVEL=0\n");
    conf.close();
    return qputenv("OPENSSL_CONF", QFile::encodeName(path));
}

const char *const kProxyVariables[] = {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
                                       "no_proxy",   "NO_PROXY"};

} // namespace

class TestTlsPolicy : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    testing::TestCertificate m_ca;
    testing::TestCertificate m_leaf;
    QString m_caFile, m_leafFile, m_leafKey;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(loosenOpenSslDefaults(m_dir.path()));
        m_ca = testing::makeCertificate("Council Test CA", true);
        m_leaf = testing::makeCertificate("localhost", false, &m_ca);
        QVERIFY(m_ca.cert && m_leaf.cert);
        m_caFile = m_dir.filePath(QStringLiteral("ca.pem"));
        m_leafFile = m_dir.filePath(QStringLiteral("leaf.pem"));
        m_leafKey = m_dir.filePath(QStringLiteral("leaf.key"));
        QVERIFY(testing::writePem(m_ca, m_caFile, {}));
        QVERIFY(testing::writePem(m_leaf, m_leafFile, m_leafKey));
    }
    void init()
    {
        for (const char *name : kProxyVariables) {
            qunsetenv(name);
        }
    }
    void cleanup() { init(); }

    void serverOfferingOnlyTls11_isRefused_tls12Works()
    {
        TlsServer old;
        QVERIFY(old.start(m_leafFile, m_leafKey, [](SSL_CTX *ctx) {
            SSL_CTX_set_security_level(ctx, 0);
            SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
            SSL_CTX_set_max_proto_version(ctx, TLS1_1_VERSION);
            SSL_CTX_set_cipher_list(ctx, "DEFAULT:@SECLEVEL=0");
        }));
        // The server really speaks TLS 1.1 to a client that accepts it...
        QCOMPARE(handshakeVersion(old.port), TLS1_1_VERSION);
        CurlOptions options;
        options.caFile = m_caFile;
        // libcurl reaches it when nothing but the version floor is missing...
        QCOMPARE(bareCurlStatus(old.url(), m_caFile, 0), 204L);
        QCOMPARE(old.requests.load(), 1);
        old.requests = 0;
        // ...the transport's floor alone refuses it, and the transport sets that floor (libcurl
        // also restricts legacy signature algorithms by default: two locks on the same door)...
        QCOMPARE(bareCurlStatus(old.url(), m_caFile, CurlTransport::securityPolicy().sslVersion), 0L);
        QCOMPARE(CurlTransport::securityPolicy().sslVersion, long(CURL_SSLVERSION_TLSv1_2));
        QCOMPARE(CurlTransport::securityPolicy().verifyPeer, 1L);
        QCOMPARE(CurlTransport::securityPolicy().verifyHost, 2L);
        QCOMPARE(CurlTransport::securityPolicy().followLocation, 0L);
        // ...and the transport refuses it, with a reason that names the setting.
        auto reply = CurlTransport(options).send(headTo(old.url()));
        QVERIFY(!reply);
        QCOMPARE(reply.error().kind, ErrorKind::Crypto); // a setting, not a glitch: the run stops
        QVERIFY(reply.error().message.contains(QLatin1String("TLS 1.2")));
        QCOMPARE(old.requests.load(), 0);
        qInfo("TLS 1.1 server refused: %s", qPrintable(reply.error().message));

        TlsServer exact;
        QVERIFY(exact.start(m_leafFile, m_leafKey, [](SSL_CTX *ctx) {
            SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
        }));
        QCOMPARE(handshakeVersion(exact.port), TLS1_2_VERSION);
        auto ok = CurlTransport(options).send(headTo(exact.url()));
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
        QCOMPARE(ok->status, 204);
    }

    void councilCaFile_trustsTheServerItSigned_theSystemStoreAloneDoesNot()
    {
        TlsServer server;
        QVERIFY(server.start(m_leafFile, m_leafKey));
        CurlOptions withCa;
        withCa.caFile = m_caFile;
        auto ok = CurlTransport(withCa).send(headTo(server.url(("localhost"))));
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
        QCOMPARE(ok->status, 204);

        auto refused = CurlTransport(CurlOptions{}).send(headTo(server.url()));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Crypto);
        QCOMPARE(server.requests.load(), 1);
    }

    void redirectToAnotherHost_isNotFollowed()
    {
        TlsServer elsewhere;
        QVERIFY(elsewhere.start(m_leafFile, m_leafKey));
        TlsServer redirecting;
        QVERIFY(redirecting.start(m_leafFile, m_leafKey));
        const std::string target = elsewhere.url("localhost").toString().toStdString();
        redirecting.server->Get("/moved", [target](const httplib::Request &, httplib::Response &res) {
            res.set_redirect(target, 302);
        });
        redirecting.server->Post("/moved", [target](const httplib::Request &, httplib::Response &res) {
            res.set_redirect(target, 307);
        });
        QUrl moved = redirecting.url();
        moved.setPath(QStringLiteral("/moved"));
        CurlOptions options;
        options.caFile = m_caFile;
        CurlTransport transport(options);
        auto reply = transport.send(headTo(moved));
        QVERIFY(reply);
        QCOMPARE(reply->status, 302);
        OpenRosaClient client(transport, moved, "token-that-must-not-travel");
        QVERIFY(!client.head());
        const SubmitResult posted = client.submit(testing::makeEnvelope(1), ServerInfo{});
        QVERIFY(posted.outcome != SubmitOutcome::Accepted);
        QCOMPARE(posted.httpStatus, 307);
        QCOMPARE(elsewhere.requests.load(), 0);
    }

    void proxyFromTheEnvironment_carriesTheConnection_data()
    {
        QTest::addColumn<QByteArray>("variable");
        QTest::newRow("https_proxy") << QByteArray("https_proxy");
        QTest::newRow("HTTPS_PROXY") << QByteArray("HTTPS_PROXY");
    }
    void proxyFromTheEnvironment_carriesTheConnection()
    {
        QFETCH(QByteArray, variable);
        TlsServer server;
        QVERIFY(server.start(m_leafFile, m_leafKey));
        testing::ConnectProxy proxy;
        const int proxyPort = proxy.start();
        QVERIFY(proxyPort > 0);
        qputenv(variable.constData(), QByteArray("http://127.0.0.1:") + QByteArray::number(proxyPort));
        CurlOptions options;
        options.caFile = m_caFile;
        auto reply = CurlTransport(options).send(headTo(server.url()));
        QVERIFY2(reply, qPrintable(reply ? QString() : reply.error().message));
        QCOMPARE(reply->status, 204);
        QCOMPARE(proxy.targets(), QList<QByteArray>{QByteArray("127.0.0.1:") + QByteArray::number(server.port)});

        // no_proxy names the hosts reached directly.
        qputenv("no_proxy", "127.0.0.1");
        QVERIFY(CurlTransport(options).send(headTo(server.url())));
        QCOMPARE(proxy.targets().size(), 1);
        QCOMPARE(server.requests.load(), 2);
    }
    void explicitProxyOption_carriesTheConnection_andTlsIsStillChecked()
    {
        TlsServer server;
        QVERIFY(server.start(m_leafFile, m_leafKey));
        testing::ConnectProxy proxy;
        const int proxyPort = proxy.start();
        CurlOptions options;
        options.caFile = m_caFile;
        options.pins = {QString::fromLatin1(m_leaf.pin)};
        options.proxy = QStringLiteral("http://127.0.0.1:%1").arg(proxyPort);
        auto reply = CurlTransport(options).send(headTo(server.url()));
        QVERIFY2(reply, qPrintable(reply ? QString() : reply.error().message));
        QCOMPARE(proxy.targets().size(), 1);

        // The proxy cannot stand in for the server: a wrong pin is still refused through it.
        options.pins = {QString::fromLatin1(m_ca.pin)};
        auto refused = CurlTransport(options).send(headTo(server.url()));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Crypto);
        QCOMPARE(server.requests.load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTlsPolicy)
#include "tst_tls_policy.moc"
