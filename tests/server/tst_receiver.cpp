// SPDX-License-Identifier: GPL-3.0-or-later
// chorus-receiver's HTTP semantics for devices over real loopback connections, request by
// request: OpenRosa submission, survey packages, stopping. The admin API is tst_receiver_admin.
#include "ReceiverFixture.h"

#include <QJsonArray>
#include <QTcpSocket>

#include <thread>

using namespace chorus;
using testing::bytes;
using testing::str;

class TestReceiver : public QObject, testing::ReceiverFixture
{
    Q_OBJECT

    httplib::Result postRaw(const QByteArray &body, const char *contentType)
    {
        return m_client->Post("/submission", deviceHeaders(), str(body), contentType);
    }

private Q_SLOTS:
    void initTestCase()
    {
        CHORUS_START_RECEIVER(m_live, 200'000);
        connectClient();
    }

    void head_withDeviceToken_is204WithOpenRosaHeaders()
    {
        auto res = m_client->Head("/submission", deviceHeaders());
        QVERIFY(res);
        QCOMPARE(res->status, 204);
        QCOMPARE(res->get_header_value("X-OpenRosa-Version"), std::string("1.0"));
        QCOMPARE(res->get_header_value("X-OpenRosa-Accept-Content-Length"), std::string("200000"));
    }
    void head_withoutOpenRosaHeader_is400()
    {
        auto res = m_client->Head("/submission", deviceHeaders(false));
        QVERIFY(res);
        QCOMPARE(res->status, 400);
    }
    void badOrMissingToken_is401()
    {
        auto res = post(testing::makeEnvelope(900), deviceHeaders(true, "not-a-token"));
        QVERIFY(res);
        QCOMPARE(res->status, 401);
        res = m_client->Head("/submission", httplib::Headers{{"X-OpenRosa-Version", "1.0"}});
        QCOMPARE(res->status, 401);
    }
    void newSubmission_is201_withOpenRosaResponse_andIdenticalResendStoresOnce()
    {
        const sync::OutboxItem item = testing::makeEnvelope(1, 2);
        auto res = post(item, deviceHeaders());
        QVERIFY(res);
        QCOMPARE(res->status, 201);
        QVERIFY(res->body.find("<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\">") != std::string::npos);
        res = post(item, deviceHeaders());
        QCOMPARE(res->status, 201);
        int copies = 0;
        for (const QJsonValue &v : list().value(QStringLiteral("submissions")).toArray()) {
            copies += v.toObject().value(QStringLiteral("instanceId")).toString() == item.instanceId ? 1 : 0;
        }
        QCOMPARE(copies, 1);
    }
    void sameInstanceIdDifferentXml_is409()
    {
        sync::OutboxItem item = testing::makeEnvelope(2);
        QCOMPARE(post(item, deviceHeaders())->status, 201);
        item.manifest.replace("version=\"1\"", "version=\"9\"");
        auto res = post(item, deviceHeaders());
        QCOMPARE(res->status, 409);
        QVERIFY(res->body.find("A submission already exists with this ID, but with different XML") != std::string::npos);
    }
    void centralKeyPath_acceptsTheTokenInTheUrl()
    {
        const std::string path = "/v1/key/" + str(m_live.deviceToken) + "/projects/7/submission";
        auto res = m_client->Head(path.c_str(), httplib::Headers{{"X-OpenRosa-Version", "1.0"}});
        QCOMPARE(res->status, 204);
        res = post(testing::makeEnvelope(3), httplib::Headers{{"X-OpenRosa-Version", "1.0"}}, path.c_str());
        QCOMPARE(res->status, 201);
        res = m_client->Head("/v1/key/wrong/projects/7/submission", httplib::Headers{{"X-OpenRosa-Version", "1.0"}});
        QCOMPARE(res->status, 401);
    }
    void postWithoutOpenRosaHeader_is400()
    {
        auto res = post(testing::makeEnvelope(4), deviceHeaders(false));
        QCOMPARE(res->status, 400);
    }
    void malformedRequests_are4xxNever500_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        const QByteArray manifest = testing::makeEnvelope(5).manifest;
        const auto part = [](const QByteArray &disposition, const QByteArray &content) -> QByteArray {
            return "--XyZ\r\nContent-Disposition: form-data; " + disposition + "\r\n\r\n" + content + "\r\n";
        };
        QTest::newRow("not multipart") << QByteArray("<data/>") << QByteArray("text/xml");
        QTest::newRow("xml part without filename")
            << QByteArray(part("name=\"xml_submission_file\"", manifest) + "--XyZ--\r\n")
            << QByteArray("multipart/form-data; boundary=XyZ");
        QTest::newRow("no xml part") << QByteArray(part("name=\"a.enc\"; filename=\"a.enc\"", "x") + "--XyZ--\r\n")
                                     << QByteArray("multipart/form-data; boundary=XyZ");
        QTest::newRow("xml not well-formed")
            << QByteArray(part("name=\"xml_submission_file\"; filename=\"s.xml\"", "<data><meta>") + "--XyZ--\r\n")
            << QByteArray("multipart/form-data; boundary=XyZ");
        QTest::newRow("no instanceID")
            << QByteArray(part("name=\"xml_submission_file\"; filename=\"s.xml\"", "<data id=\"f\"/>") + "--XyZ--\r\n")
            << QByteArray("multipart/form-data; boundary=XyZ");
        QTest::newRow("path in attachment name")
            << QByteArray(part("name=\"xml_submission_file\"; filename=\"s.xml\"", manifest)
                          + part("name=\"../../etc/passwd\"; filename=\"x\"", "x") + "--XyZ--\r\n")
            << QByteArray("multipart/form-data; boundary=XyZ");
        QTest::newRow("two xml parts")
            << QByteArray(part("name=\"xml_submission_file\"; filename=\"s.xml\"", manifest)
                          + part("name=\"xml_submission_file\"; filename=\"t.xml\"", manifest) + "--XyZ--\r\n")
            << QByteArray("multipart/form-data; boundary=XyZ");
        QTest::newRow("truncated multipart")
            << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; filename=\"s\"\r\n")
            << QByteArray("multipart/form-data; boundary=XyZ");
        QTest::newRow("boundary missing") << QByteArray("whatever") << QByteArray("multipart/form-data");
    }
    void malformedRequests_are4xxNever500()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        auto res = postRaw(body, contentType.constData());
        QVERIFY(res);
        QVERIFY2(res->status >= 400 && res->status < 500, qPrintable(QString::number(res->status)));
        QCOMPARE(m_client->Get("/healthz")->status, 200);
    }
    void bodyOverTheLimit_is413()
    {
        auto res = post(testing::makeEnvelope(6, 1, 250'000), deviceHeaders());
        QVERIFY(res);
        QCOMPARE(res->status, 413);
    }
    void splitUpload_isCompleteOnlyWhenEveryFileArrived()
    {
        const sync::OutboxItem item = testing::makeEnvelope(8, 2);
        const qint64 cursor = list().value(QStringLiteral("cursor")).toInteger();
        const sync::MultipartBody first = sync::buildSubmissionBody(item.manifest, {item.parts.at(0)});
        QCOMPARE(m_client->Post("/submission", deviceHeaders(), str(first.body), str(first.contentType).c_str())->status,
                 201);
        QJsonArray page = list(cursor).value(QStringLiteral("submissions")).toArray();
        QCOMPARE(page.size(), 1);
        QCOMPARE(page.at(0).toObject().value(QStringLiteral("complete")).toBool(), false);
        const qint64 afterFirst = list().value(QStringLiteral("cursor")).toInteger();
        // The rest, repeating the manifest: the change moves the submission up the feed.
        auto body = sync::buildSubmissionBody(item.manifest, item.parts.mid(1));
        QCOMPARE(m_client->Post("/submission", deviceHeaders(), str(body.body), str(body.contentType).c_str())->status,
                 201);
        page = list(afterFirst).value(QStringLiteral("submissions")).toArray();
        QCOMPARE(page.size(), 1);
        const QJsonObject entry = page.at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("complete")).toBool(), true);
        QCOMPARE(entry.value(QStringLiteral("files")).toArray().size(), 3);
    }
    void stop_finishesTheRequestInFlight()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        const sync::OutboxItem item = testing::makeEnvelope(50, 1);
        const sync::MultipartBody body = sync::buildSubmissionBody(item.manifest, item.parts);
        // Expect: 100-continue makes the server say when it is handling the request.
        const QByteArray request = "POST /submission HTTP/1.1\r\nHost: 127.0.0.1\r\nX-OpenRosa-Version: 1.0\r\n"
                                   "Authorization: Bearer " + live.deviceToken + "\r\nContent-Type: " + body.contentType
                                   + "\r\nContent-Length: " + QByteArray::number(body.body.size())
                                   + "\r\nExpect: 100-continue\r\n\r\n";
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(live.port));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(request);
        QByteArray interim;
        while (!interim.contains("\r\n\r\n") && socket.waitForReadyRead(5000)) {
            interim += socket.readAll();
        }
        QVERIFY2(interim.startsWith("HTTP/1.1 100"), interim.constData());
        std::jthread stopper([&live] { live.receiver->stop(); });
        // stop() has begun once the listening socket is gone.
        const auto refused = [&live] {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, quint16(live.port));
            return !probe.waitForConnected(200);
        };
        QTRY_VERIFY_WITH_TIMEOUT(refused(), 5000);
        socket.write(body.body);
        while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(5000)) {
        }
        QVERIFY2(socket.state() == QAbstractSocket::ConnectedState, qPrintable(socket.errorString()));
        QByteArray reply;
        while (!reply.contains("</OpenRosaResponse>") && socket.waitForReadyRead(5000)) {
            reply += socket.readAll();
        }
        stopper.join();
        QVERIFY2(reply.startsWith("HTTP/1.1 201"), reply.left(40).constData());
        QCOMPARE(live.storage->changesAfter(0, 10)->size(), 1);
    }
    void surveyPackages_areServedToEnrolledDevicesOnly()
    {
        testing::LiveReceiver live;
        QTemporaryDir packages;
        QFile package(packages.filePath(QStringLiteral("libraries-2026.chorus")));
        QVERIFY(package.open(QIODevice::WriteOnly));
        package.write("signed package bytes");
        package.close();
        live.packagesDir = packages.path();
        CHORUS_START_RECEIVER(live);
        httplib::Client client("127.0.0.1", live.port);
        const httplib::Headers device{{"Authorization", "Bearer " + str(live.deviceToken)}};
        QCOMPARE(client.Get("/v1/packages")->status, 401);
        auto res = client.Get("/v1/packages", device);
        QCOMPARE(res->status, 200);
        const QJsonArray list = QJsonDocument::fromJson(bytes(res->body)).object().value(QStringLiteral("packages")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("libraries-2026.chorus"));
        res = client.Get("/v1/packages/libraries-2026.chorus", device);
        QCOMPARE(res->status, 200);
        QCOMPARE(res->body, std::string("signed package bytes"));
        QCOMPARE(client.Get("/v1/packages/..%2Freceiver.sqlite", device)->status, 404);
        QCOMPARE(client.Get("/v1/packages/missing.chorus", device)->status, 404);
    }
    // Central's answers (issue 14 items 15-17).
    void openRosaVersionOtherThan1_0_is400()
    {
        for (const char *version : {"2.0", "banana", "1.0.1"}) {
            httplib::Headers headers = deviceHeaders(false);
            headers.emplace("X-OpenRosa-Version", version);
            QCOMPARE(m_client->Head("/submission", headers)->status, 400);
            QCOMPARE(post(testing::makeEnvelope(20), headers)->status, 400);
        }
    }
    void submissionWithoutRootId_is400()
    {
        sync::OutboxItem item = testing::makeEnvelope(21);
        item.manifest.replace("id=\"equality\" ", "");
        auto res = post(item, deviceHeaders());
        QCOMPARE(res->status, 400);
        QVERIFY(res->body.find("id attribute") != std::string::npos);
    }
    void submissionPathWithoutToken_is401()
    {
        const httplib::Headers openRosa{{"X-OpenRosa-Version", "1.0"}};
        for (const char *path : {"/v1/projects/1/submission", "/v1/key//projects/1/submission",
                                 "/v1/key/not%20a%20token/projects/1/submission"}) {
            auto res = m_client->Head(path, openRosa);
            QVERIFY(res);
            QVERIFY2(res->status == 401, path);
            QCOMPARE(res->get_header_value("WWW-Authenticate"), std::string("Bearer"));
        }
        // Central's project path with a Bearer token works like /submission.
        QCOMPARE(m_client->Head("/v1/projects/1/submission", deviceHeaders())->status, 204);
    }
    void collectSplitUpload_withIsIncompleteField_isAccepted()
    {
        const sync::OutboxItem item = testing::makeEnvelope(22, 2);
        const auto part = [](const QByteArray &disposition, const QByteArray &content) -> QByteArray {
            return "--XyZ\r\nContent-Disposition: form-data; " + disposition + "\r\n\r\n" + content + "\r\n";
        };
        const auto upload = [&](const QList<FilePart> &files, bool incomplete) {
            QByteArray body = part("name=\"xml_submission_file\"; filename=\"submission.xml\"", item.manifest);
            for (const FilePart &f : files) {
                body += part("name=\"" + f.name.toUtf8() + "\"; filename=\"" + f.name.toUtf8() + "\"", f.bytes);
            }
            if (incomplete) { // what ODK Collect adds to every POST of a split upload but the last
                body += part("name=\"*isIncomplete*\"", "yes");
            }
            return postRaw(body + "--XyZ--\r\n", "multipart/form-data; boundary=XyZ");
        };
        const qint64 cursor = list().value(QStringLiteral("cursor")).toInteger();
        auto res = upload({item.parts.at(0)}, true);
        QVERIFY2(res->status == 201, res->body.c_str());
        res = upload(item.parts.mid(1), false);
        QVERIFY2(res->status == 201, res->body.c_str());
        const QJsonArray page = list(cursor).value(QStringLiteral("submissions")).toArray();
        QCOMPARE(page.size(), 1);
        QCOMPARE(page.at(0).toObject().value(QStringLiteral("complete")).toBool(), true);
    }
    void healthz_isOk()
    {
        auto res = m_client->Get("/healthz");
        QCOMPARE(res->status, 200);
    }
    void unknownPath_is404()
    {
        QCOMPARE(m_client->Get("/nothing-here")->status, 404);
    }

    void cleanupTestCase() { stopReceiver(); }
};

QTEST_GUILESS_MAIN(TestReceiver)
#include "tst_receiver.moc"
