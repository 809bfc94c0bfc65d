// SPDX-License-Identifier: GPL-3.0-or-later
#include "Multipart.h"
#include "OpenRosaClient.h"
#include "RecordingTransport.h"
#include "TestEnvelope.h"

#include <QTest>

using namespace chorus;
using namespace chorus::sync;

namespace {
const QUrl kUrl(QStringLiteral("https://receiver.example/submission"));

QByteArray headerOf(const HttpRequest &request, const QByteArray &name)
{
    for (const auto &[n, v] : request.headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0) {
            return v;
        }
    }
    return {};
}
} // namespace

class TestOpenRosaClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void head_204WithOpenRosaHeaders_readsAcceptedLength()
    {
        RecordingTransport transport;
        HttpResponse reply = RecordingTransport::openRosaReply(204);
        reply.headers = {{"x-openrosa-version", "1.0"}, {"x-openrosa-accept-content-length", "12345"}};
        transport.setHeadReply(reply);
        OpenRosaClient client(transport, kUrl, "tok");
        auto info = client.head();
        QVERIFY(info);
        QCOMPARE(info->acceptContentLength, 12345);
        const HttpRequest sent = transport.requests().constFirst();
        QCOMPARE(sent.method, HttpRequest::Method::Head);
        QCOMPARE(headerOf(sent, "X-OpenRosa-Version"), QByteArray("1.0"));
        QVERIFY(headerOf(sent, "Date").endsWith(" GMT"));
        QCOMPARE(headerOf(sent, "Authorization"), QByteArray("Bearer tok"));
    }
    void head_missingSizeHeader_assumesTenMillion()
    {
        RecordingTransport transport;
        transport.setHeadReply(RecordingTransport::reply(204, {}, {{"x-openrosa-version", "1.0"}}));
        auto info = OpenRosaClient(transport, kUrl, "tok").head();
        QVERIFY(info);
        QCOMPARE(info->acceptContentLength, 10'000'000);
    }
    void head_otherThan204_isNotAnOpenRosaServer_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("withHeader");
        QTest::addColumn<int>("kind");
        QTest::newRow("200 portal") << 200 << false << int(ErrorKind::Network);
        QTest::newRow("204 without OpenRosa header") << 204 << false << int(ErrorKind::Network);
        QTest::newRow("302 login redirect") << 302 << false << int(ErrorKind::Network);
        QTest::newRow("401") << 401 << false << int(ErrorKind::Permission);
        QTest::newRow("403") << 403 << false << int(ErrorKind::Permission);
        QTest::newRow("404") << 404 << false << int(ErrorKind::InvalidInput);
        QTest::newRow("503") << 503 << true << int(ErrorKind::Network);
    }
    void head_otherThan204_isNotAnOpenRosaServer()
    {
        QFETCH(int, status);
        QFETCH(bool, withHeader);
        QFETCH(int, kind);
        RecordingTransport transport;
        HttpHeaders headers;
        if (withHeader) {
            headers.emplaceBack(QByteArrayLiteral("x-openrosa-version"), QByteArrayLiteral("1.0"));
        }
        transport.setHeadReply(RecordingTransport::reply(status, "<html>login</html>", headers));
        auto info = OpenRosaClient(transport, kUrl, "tok").head();
        QVERIFY(!info);
        QCOMPARE(int(info.error().kind), kind);
    }

    void post_status_isClassified_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("outcome");
        QTest::newRow("201") << 201 << QByteArray("ok") << int(SubmitOutcome::Accepted);
        QTest::newRow("202 duplicate") << 202 << QByteArray("Duplicate Instance") << int(SubmitOutcome::Accepted);
        QTest::newRow("200 captive portal") << 200 << QByteArray("<html>Welcome to wifi</html>")
                                            << int(SubmitOutcome::Transient);
        QTest::newRow("204 on POST") << 204 << QByteArray() << int(SubmitOutcome::Transient);
        QTest::newRow("302") << 302 << QByteArray() << int(SubmitOutcome::Transient);
        QTest::newRow("400") << 400 << QByteArray("bad") << int(SubmitOutcome::Rejected);
        QTest::newRow("401") << 401 << QByteArray() << int(SubmitOutcome::AuthRejected);
        QTest::newRow("403") << 403 << QByteArray() << int(SubmitOutcome::AuthRejected);
        QTest::newRow("404") << 404 << QByteArray() << int(SubmitOutcome::Rejected);
        QTest::newRow("408") << 408 << QByteArray() << int(SubmitOutcome::Transient);
        QTest::newRow("409 different") << 409
                                       << QByteArray("A submission already exists with this ID, but with different XML.")
                                       << int(SubmitOutcome::Conflict);
        QTest::newRow("409 deleted") << 409 << QByteArray("This submission has been deleted. You may not resubmit it.")
                                     << int(SubmitOutcome::DeletedOnServer);
        QTest::newRow("409 form closed") << 409 << QByteArray("This form is not accepting submissions.")
                                         << int(SubmitOutcome::Rejected);
        QTest::newRow("423 processing") << 423 << QByteArray() << int(SubmitOutcome::Transient);
        QTest::newRow("429") << 429 << QByteArray() << int(SubmitOutcome::Transient);
        QTest::newRow("500") << 500 << QByteArray() << int(SubmitOutcome::Transient);
        QTest::newRow("502") << 502 << QByteArray() << int(SubmitOutcome::Transient);
        QTest::newRow("503") << 503 << QByteArray() << int(SubmitOutcome::Transient);
    }
    void post_status_isClassified()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, outcome);
        RecordingTransport transport;
        transport.queuePostReply(RecordingTransport::openRosaReply(status, body));
        OpenRosaClient client(transport, kUrl, "tok");
        const SubmitResult result = client.submit(testing::makeEnvelope(1), ServerInfo{});
        QCOMPARE(int(result.outcome), outcome);
        QCOMPARE(result.httpStatus, status);
        if (outcome != int(SubmitOutcome::Accepted)) {
            QVERIFY(!result.reason.isEmpty());
        }
    }
    void post_transportErrors_areTransientOrRefused()
    {
        RecordingTransport transport;
        transport.queuePostReply(makeError(ErrorKind::Network, QStringLiteral("connection reset")));
        transport.queuePostReply(makeError(ErrorKind::Crypto, QStringLiteral("pin mismatch")));
        OpenRosaClient client(transport, kUrl, "tok");
        QCOMPARE(client.submit(testing::makeEnvelope(1), {}).outcome, SubmitOutcome::Transient);
        QCOMPARE(client.submit(testing::makeEnvelope(1), {}).outcome, SubmitOutcome::Refused);
    }
    void post_body_carriesTheStoredBytesExactly()
    {
        RecordingTransport transport;
        const OutboxItem item = testing::makeEnvelope(7, 2);
        OpenRosaClient client(transport, kUrl, "tok");
        QCOMPARE(client.submit(item, {}).outcome, SubmitOutcome::Accepted);
        const HttpRequest sent = transport.requests().constLast();
        QCOMPARE(sent.method, HttpRequest::Method::Post);
        QCOMPARE(headerOf(sent, "X-OpenRosa-Version"), QByteArray("1.0"));
        QVERIFY(!headerOf(sent, "Date").isEmpty());
        QVERIFY(headerOf(sent, "Content-Type").startsWith("multipart/form-data; boundary="));
        QVERIFY(sent.body.contains("name=\"xml_submission_file\"; filename=\"submission.xml\""));
        QVERIFY(sent.body.contains(item.manifest));
        for (const FilePart &part : item.parts) {
            QVERIFY(sent.body.contains(part.bytes));
            QVERIFY(sent.body.contains(QByteArray("name=\"" + part.name.toUtf8() + "\"")));
        }
    }
    void resend_sendsIdenticalPartBytes()
    {
        RecordingTransport transport;
        const OutboxItem item = testing::makeEnvelope(3, 1);
        OpenRosaClient client(transport, kUrl, "tok");
        (void)client.submit(item, {});
        (void)client.submit(item, {});
        const auto requests = transport.requests();
        // Boundaries differ per request; the content between them must not.
        const auto strip = [](const HttpRequest &r) {
            QByteArray boundary = headerOf(r, "Content-Type").mid(qsizetype(qstrlen("multipart/form-data; boundary=")));
            QByteArray body = r.body;
            return body.replace(boundary, "B");
        };
        QCOMPARE(strip(requests.at(0)), strip(requests.at(1)));
    }
    void sizeAboveAcceptedLength_splitsRepeatingTheManifest()
    {
        RecordingTransport transport;
        const OutboxItem item = testing::makeEnvelope(4, 3, 4000);
        OpenRosaClient client(transport, kUrl, "tok");
        QCOMPARE(client.submit(item, ServerInfo{9000}).outcome, SubmitOutcome::Accepted);
        const auto posts = transport.requests();
        QVERIFY2(posts.size() >= 3, "4 parts of ~4 kB in 9 kB uploads need at least 3 POSTs");
        for (const HttpRequest &post : posts) {
            QVERIFY(post.body.contains(item.manifest));
            QVERIFY(post.body.size() <= 9000);
        }
        for (const FilePart &part : item.parts) {
            int carried = 0;
            for (const HttpRequest &post : posts) {
                carried += post.body.contains(part.bytes) ? 1 : 0;
            }
            QCOMPARE(carried, 1);
        }
    }
    void reply413_resendsSplitThenSucceeds()
    {
        RecordingTransport transport;
        transport.queuePostReply(RecordingTransport::reply(413, "<html>Request Entity Too Large</html>"));
        const OutboxItem item = testing::makeEnvelope(5, 3, 2000);
        OpenRosaClient client(transport, kUrl, "tok");
        const SubmitResult result = client.submit(item, ServerInfo{});
        QCOMPARE(result.outcome, SubmitOutcome::Accepted);
        QVERIFY(transport.requests().size() >= 3);
    }
    void reply413_forASinglePart_isRejectedWithAReason()
    {
        RecordingTransport transport;
        transport.setResponder([](const HttpRequest &) -> Result<HttpResponse> {
            return RecordingTransport::reply(413);
        });
        OutboxItem item = testing::makeEnvelope(6, 0, 2000);
        const SubmitResult result = OpenRosaClient(transport, kUrl, "tok").submit(item, ServerInfo{});
        QCOMPARE(result.outcome, SubmitOutcome::Rejected);
        QCOMPARE(result.httpStatus, 413);
        QVERIFY(result.reason.contains(QLatin1String("limit")));
    }
};

QTEST_GUILESS_MAIN(TestOpenRosaClient)
#include "tst_openrosaclient.moc"
