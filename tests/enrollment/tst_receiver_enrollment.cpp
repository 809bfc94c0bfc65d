// SPDX-License-Identifier: GPL-3.0-or-later
// The receiver's device and package admin API, per-device assignment, and the device's
// PackageClient against it: real loopback connections, SQLite or PostgreSQL.
#include "LiveReceiver.h"
#include "PackageTestSupport.h"

#include "CurlTransport.h"
#include "PackageAdmin.h"
#include "PackageClient.h"
#include "enrollment/EnrollmentBundle.h"
#include "store/InMemoryStore.h"

#include <httplib.h>

#include <QJsonArray>
#include <QTest>

using namespace chorus;

namespace {

std::string str(const QByteArray &b)
{
    return std::string(b.constData(), size_t(b.size()));
}

QByteArray bytes(const std::string &s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace

class TestReceiverEnrollment : public QObject
{
    Q_OBJECT

    testing::LiveReceiver m_live;
    std::unique_ptr<httplib::Client> m_client;
    crypto::SigningKey m_key;
    std::unique_ptr<sync::CurlTransport> m_transport;

    httplib::Headers admin() const { return {{"Authorization", "Bearer " + str(m_live.adminToken)}}; }
    static httplib::Headers bearer(const QByteArray &token) { return {{"Authorization", "Bearer " + str(token)}}; }

    sync::ReceiverAdmin adminApi() { return sync::ReceiverAdmin(*m_transport, QUrl(m_live.base()), m_live.adminToken); }

    QByteArray issue(const QString &name, const QStringList &surveys)
    {
        auto issued = adminApi().issueDevice(name, surveys);
        return issued ? issued->token : QByteArray();
    }

    int publish(const QByteArray &package, const QByteArray &signature, const QString &name = testing::kDemoSurvey)
    {
        httplib::Headers headers = admin();
        headers.emplace("X-Chorus-Signature", str(signature.toBase64()));
        auto res = m_client->Put(("/v1/admin/packages/" + name.toStdString()).c_str(), headers, str(package),
                                 "application/json");
        return res ? res->status : -1;
    }

    QJsonArray listed(const QByteArray &deviceToken)
    {
        auto res = m_client->Get("/v1/packages", bearer(deviceToken));
        return res && res->status == 200
                   ? QJsonDocument::fromJson(bytes(res->body)).object().value(QStringLiteral("packages")).toArray()
                   : QJsonArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_key = crypto::SigningKey::generate().value();
        m_live.signingPublicKey = m_key.publicKey();
        CHORUS_START_RECEIVER(m_live);
        m_client = std::make_unique<httplib::Client>("127.0.0.1", m_live.port);
        sync::CurlOptions options;
        options.allowHttpLoopback = true;
        m_transport = std::make_unique<sync::CurlTransport>(options);
    }

    void devices_issueListRevoke()
    {
        auto issued = adminApi().issueDevice(QStringLiteral("tab-a"), {QStringLiteral("*")});
        QVERIFY2(issued, qPrintable(issued ? QString() : issued.error().message));
        QVERIFY(issued->token.size() >= 40);
        QCOMPARE(m_client->Get("/v1/packages", bearer(issued->token))->status, 200);
        QCOMPARE(m_client->Head("/submission", {{"Authorization", "Bearer " + str(issued->token)},
                                                 {"X-OpenRosa-Version", "1.0"}})->status, 204);

        auto devices = adminApi().devices();
        QVERIFY(devices);
        const auto it = std::find_if(devices->cbegin(), devices->cend(), [](const sync::DeviceEntry &d) {
            return d.name == QLatin1String("tab-a");
        });
        QVERIFY(it != devices->cend());
        QVERIFY(it->revokedAt.isEmpty());
        QCOMPARE(it->surveys, QStringList{QStringLiteral("*")});

        auto again = adminApi().issueDevice(QStringLiteral("tab-a"), {QStringLiteral("*")});
        QVERIFY(!again);
        QCOMPARE(again.error().kind, ErrorKind::Conflict);

        QVERIFY(adminApi().revokeDevice(QStringLiteral("tab-a")));
        QCOMPARE(m_client->Get("/v1/packages", bearer(issued->token))->status, 401);
        QCOMPARE(m_client->Head("/submission", {{"Authorization", "Bearer " + str(issued->token)},
                                                 {"X-OpenRosa-Version", "1.0"}})->status, 401);
        auto twice = adminApi().revokeDevice(QStringLiteral("tab-a"));
        QVERIFY(!twice);
        QCOMPARE(twice.error().kind, ErrorKind::NotFound);
        // A revoked name may be enrolled again, with a new token.
        const QByteArray second = issue(QStringLiteral("tab-a"), {QStringLiteral("*")});
        QVERIFY(!second.isEmpty());
        // Re-issuing for an active device on purpose replaces its token.
        auto replaced = adminApi().issueDevice(QStringLiteral("tab-a"), {QStringLiteral("*")}, true);
        QVERIFY(replaced);
        QCOMPARE(m_client->Get("/v1/packages", bearer(second))->status, 401);
        QCOMPARE(m_client->Get("/v1/packages", bearer(replaced->token))->status, 200);
    }

    void devices_badRequests_areRefused()
    {
        QCOMPARE(m_client->Get("/v1/admin/devices")->status, 401);
        QCOMPARE(m_client->Post("/v1/admin/devices", bearer("wrong-admin-token-0123456789"), "{\"name\":\"x\"}",
                                "application/json")->status, 401);
        for (const char *body : {"{\"name\":\".hidden\"}", "{\"name\":\"a/b\"}", "not json",
                                 "{\"name\":\"ok\",\"surveys\":[]}", "{\"name\":\"ok\",\"surveys\":[\"a b\"]}",
                                 "{\"name\":\"ok\",\"surveys\":\"*\"}"}) {
            QCOMPARE(m_client->Post("/v1/admin/devices", admin(), body, "application/json")->status, 400);
        }
        QCOMPARE(m_client->Delete("/v1/admin/devices/nobody", admin())->status, 404);
    }

    void publish_versionsAndValidation()
    {
        const QByteArray v5 = testing::demoPackage(5);
        QCOMPARE(publish(v5, m_key.sign(v5)), 201);
        QCOMPARE(publish(v5, m_key.sign(v5)), 200); // unchanged
        const QByteArray v4 = testing::demoPackage(4);
        QCOMPARE(publish(v4, m_key.sign(v4)), 409); // lower
        const QByteArray v5b = testing::demoPackage(5, QStringLiteral("Changed title"));
        QCOMPARE(publish(v5b, m_key.sign(v5b)), 409); // same version, other bytes
        QCOMPARE(publish("{\"id\": \"x\"}", m_key.sign("{}"), QStringLiteral("x")), 400);
        QCOMPARE(publish(v5, m_key.sign(v5), QStringLiteral("another_survey")), 400);
        QCOMPARE(publish(v5, QByteArray("short")), 400);
        httplib::Headers noAdmin{{"X-Chorus-Signature", str(m_key.sign(v5).toBase64())}};
        QCOMPARE(m_client->Put("/v1/admin/packages/libraries_consultation_2026", noAdmin, str(v5), "application/json")->status,
                 401);
        const QByteArray v6 = testing::demoPackage(6);
        auto replaced = adminApi().publishPackage(testing::kDemoSurvey, v6, m_key.sign(v6));
        QVERIFY(replaced);
        QCOMPARE(replaced->outcome, QStringLiteral("replaced"));
        auto list = adminApi().packages();
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().version, QStringLiteral("6"));
        auto lower = adminApi().publishPackage(testing::kDemoSurvey, v5, m_key.sign(v5));
        QVERIFY(!lower);
        QCOMPARE(lower.error().kind, ErrorKind::Conflict);
        QVERIFY(lower.error().message.contains(QStringLiteral("older")));
    }

    void publish_signatureThatDoesNotVerify_isRefused_andReplacesNothing()
    {
        testing::LiveReceiver live; // its own, so the versions published here touch no other test
        live.signingPublicKey = m_key.publicKey();
        CHORUS_START_RECEIVER(live);
        sync::CurlOptions options;
        options.allowHttpLoopback = true;
        sync::CurlTransport transport(options);
        sync::ReceiverAdmin admin(transport, QUrl(live.base()), live.adminToken);
        const QByteArray v7 = testing::demoPackage(7);
        QVERIFY(admin.publishPackage(testing::kDemoSurvey, v7, m_key.sign(v7)));

        // One changed byte of the version: every device would refuse it, and the real v8 could
        // then never be published over a "v80".
        const QByteArray v8 = testing::demoPackage(8);
        QByteArray changed = v8;
        QVERIFY(changed.contains("\"version\": \"8\""));
        changed.replace("\"version\": \"8\"", "\"version\": \"80\"");
        auto refused = admin.publishPackage(testing::kDemoSurvey, changed, m_key.sign(v8));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(refused.error().message.contains(QStringLiteral("does not verify")), qPrintable(refused.error().message));
        const crypto::SigningKey other = crypto::SigningKey::generate().value();
        QVERIFY(!admin.publishPackage(testing::kDemoSurvey, v8, other.sign(v8)));
        auto list = admin.packages();
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().version, QStringLiteral("7"));

        auto real = admin.publishPackage(testing::kDemoSurvey, v8, m_key.sign(v8));
        QVERIFY2(real, qPrintable(real ? QString() : real.error().message));
        QCOMPARE(real->outcome, QStringLiteral("replaced"));
    }

    void publish_receiverWithoutASigningKey_refusesEveryPackage()
    {
        testing::LiveReceiver live; // no signing key given
        CHORUS_START_RECEIVER(live);
        const QByteArray v7 = testing::demoPackage(7);
        sync::CurlOptions options;
        options.allowHttpLoopback = true;
        sync::CurlTransport transport(options);
        auto refused = sync::ReceiverAdmin(transport, QUrl(live.base()), live.adminToken)
                           .publishPackage(testing::kDemoSurvey, v7, m_key.sign(v7));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("signing public key")), qPrintable(refused.error().message));
        QVERIFY(live.storage->packages()->isEmpty());
    }

    void assignment_devicesSeeOnlyTheirSurveys()
    {
        const QByteArray v6 = testing::demoPackage(6);
        QVERIFY(publish(v6, m_key.sign(v6)) == 201 || publish(v6, m_key.sign(v6)) == 200);
        const QByteArray assigned = issue(QStringLiteral("tab-assigned"), {testing::kDemoSurvey});
        const QByteArray other = issue(QStringLiteral("tab-other"), {QStringLiteral("parks_2026")});
        const QByteArray all = issue(QStringLiteral("tab-all"), {QStringLiteral("*")});
        QCOMPARE(listed(assigned).size(), 1);
        QCOMPARE(listed(all).size(), 1);
        QCOMPARE(listed(other).size(), 0);
        QCOMPARE(m_client->Get("/v1/packages/libraries_consultation_2026", bearer(other))->status, 404);
        QCOMPARE(m_client->Get("/v1/packages/libraries_consultation_2026/signature", bearer(other))->status, 404);
        auto fetched = m_client->Get("/v1/packages/libraries_consultation_2026", bearer(assigned));
        QCOMPARE(fetched->status, 200);
        QCOMPARE(bytes(fetched->body), v6);
        auto signature = m_client->Get("/v1/packages/libraries_consultation_2026/signature", bearer(assigned));
        QCOMPARE(QByteArray::fromBase64(bytes(signature->body).trimmed()), m_key.sign(v6));

        QVERIFY(adminApi().assignSurveys(QStringLiteral("tab-other"), {QStringLiteral("parks_2026"), testing::kDemoSurvey}));
        QCOMPARE(listed(other).size(), 1);
        QCOMPARE(adminApi().assignSurveys(QStringLiteral("nobody"), {QStringLiteral("*")}).error().kind, ErrorKind::NotFound);
    }

    void packageClient_installsThenAlreadyCurrent()
    {
        const QByteArray v6 = testing::demoPackage(6);
        (void)publish(v6, m_key.sign(v6));
        const QByteArray token = issue(QStringLiteral("tab-client"), {testing::kDemoSurvey});
        store::InMemoryStore device;
        sync::PackageClient client(*m_transport, QUrl(m_live.base()), token);
        auto first = client.update(device.surveys(), m_key.publicKey());
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QCOMPARE(first->size(), 1);
        QCOMPARE(first->first().outcome, sync::PackageReport::Outcome::Installed);
        QCOMPARE(device.surveys().latest(testing::kDemoSurvey)->package, v6);
        auto second = client.update(device.surveys(), m_key.publicKey());
        QVERIFY(second);
        QCOMPARE(second->first().outcome, sync::PackageReport::Outcome::AlreadyCurrent);
    }

    void packageClient_otherCouncilsKey_isRefusedWithAClearMessage()
    {
        const QByteArray v6 = testing::demoPackage(6);
        (void)publish(v6, m_key.sign(v6));
        const QByteArray token = issue(QStringLiteral("tab-wrongkey"), {testing::kDemoSurvey});
        store::InMemoryStore device;
        const crypto::SigningKey enrolledWith = crypto::SigningKey::generate().value();
        auto reports = sync::PackageClient(*m_transport, QUrl(m_live.base()), token).update(device.surveys(),
                                                                                            enrolledWith.publicKey());
        QVERIFY(reports);
        QCOMPARE(reports->first().outcome, sync::PackageReport::Outcome::Refused);
        QVERIFY2(reports->first().reason.contains(QStringLiteral("not signed")), qPrintable(reports->first().reason));
        QVERIFY(device.surveys().list()->isEmpty());
    }

    void packageClient_tamperedOnTheReceiver_isRefused()
    {
        // Someone with database access swaps the bytes but cannot sign them.
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        const QByteArray v7 = testing::demoPackage(7);
        QByteArray tampered = v7;
        tampered.replace("Libraries and community hubs", "Libraries and community hubz");
        const server::PublishedPackage swapped{{testing::kDemoSurvey, QStringLiteral("7"), tampered.size(), {}, {}},
                                               tampered, m_key.sign(v7)};
        QVERIFY(live.storage->publishPackage(swapped));
        store::InMemoryStore device;
        // Its own connection, closed before `live` stops (a kept-alive one would hold the stop).
        sync::CurlOptions options;
        options.allowHttpLoopback = true;
        sync::CurlTransport transport(options);
        auto reports = sync::PackageClient(transport, QUrl(live.base()), live.deviceToken)
                           .update(device.surveys(), m_key.publicKey());
        QVERIFY(reports);
        QCOMPARE(reports->size(), 1);
        QCOMPARE(reports->first().outcome, sync::PackageReport::Outcome::Refused);
        QVERIFY2(reports->first().reason.contains(QStringLiteral("not signed")), qPrintable(reports->first().reason));
        QVERIFY(device.surveys().list()->isEmpty());
    }

    void packageClient_olderThanInstalled_isRefused()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        const QByteArray v3 = testing::demoPackage(3);
        QVERIFY(live.storage->publishPackage({{testing::kDemoSurvey, QStringLiteral("3"), v3.size(), {}, {}}, v3, m_key.sign(v3)}));
        store::InMemoryStore device;
        const QByteArray v9 = testing::demoPackage(9);
        QVERIFY(device.surveys().store({testing::kDemoSurvey, QStringLiteral("9"), v9, m_key.sign(v9), QDateTime::currentDateTimeUtc()}));
        // Its own connection, closed before `live` stops (a kept-alive one would hold the stop).
        sync::CurlOptions options;
        options.allowHttpLoopback = true;
        sync::CurlTransport transport(options);
        auto reports = sync::PackageClient(transport, QUrl(live.base()), live.deviceToken)
                           .update(device.surveys(), m_key.publicKey());
        QVERIFY(reports);
        QCOMPARE(reports->first().outcome, sync::PackageReport::Outcome::Refused);
        QVERIFY2(reports->first().reason.contains(QStringLiteral("older")), qPrintable(reports->first().reason));
        QCOMPARE(device.surveys().latest(testing::kDemoSurvey)->version, QStringLiteral("9"));
    }

    void packageClient_revokedDevice_failsTheRunAskingToReEnrol()
    {
        const QByteArray token = issue(QStringLiteral("tab-revoked"), {QStringLiteral("*")});
        QVERIFY(adminApi().revokeDevice(QStringLiteral("tab-revoked")));
        store::InMemoryStore device;
        auto reports = sync::PackageClient(*m_transport, QUrl(m_live.base()), token).update(device.surveys(),
                                                                                            m_key.publicKey());
        QVERIFY(!reports);
        QCOMPARE(reports.error().kind, ErrorKind::Permission);
        QVERIFY(reports.error().message.contains(QStringLiteral("re-enrol")));
    }

    void enrollDevice_writesABundleTheDeviceReads()
    {
        sync::ReceiverAdmin api = adminApi();
        sync::EnrollRequest request;
        request.device = QStringLiteral("tab-bundle");
        request.surveys = {testing::kDemoSurvey};
        request.council = QStringLiteral("Example Borough Council");
        request.allowHttpLoopback = true;
        auto enrolled = sync::enrollDevice(api, QUrl(m_live.base()), m_key, request);
        QVERIFY2(enrolled, qPrintable(enrolled ? QString() : enrolled.error().message));
        auto bundle = enrollment::readBundle(enrolled->bundleFile);
        QVERIFY(bundle);
        QCOMPARE(bundle->device, QStringLiteral("tab-bundle"));
        QCOMPARE(m_client->Get("/v1/packages", bearer(bundle->deviceToken))->status, 200);
        QCOMPARE(enrolled->fingerprint, enrollment::keyFingerprint(m_key.publicKey()));
    }

    void enrollDevice_badBundleSettings_issueNoToken()
    {
        sync::ReceiverAdmin api = adminApi();
        sync::EnrollRequest request;
        request.device = QStringLiteral("tab-nopin");
        request.pins = {QStringLiteral("not-a-pin")};
        request.allowHttpLoopback = true;
        QVERIFY(!sync::enrollDevice(api, QUrl(m_live.base()), m_key, request));
        auto devices = api.devices();
        QVERIFY(devices);
        for (const sync::DeviceEntry &d : *devices) {
            QVERIFY(d.name != QLatin1String("tab-nopin"));
        }
    }
};

QTEST_GUILESS_MAIN(TestReceiverEnrollment)
#include "tst_receiver_enrollment.moc"
