// SPDX-License-Identifier: GPL-3.0-or-later
// chorus-receiver's admin API over real loopback connections: the token, the change feed and its
// cursor, exact bytes, the delete tombstone, and withdrawal requests. Device requests are
// tst_receiver.
#include "ReceiverFixture.h"
#include "Withdrawal.h"

#include <QJsonArray>

using namespace chorus;
using testing::bytes;
using testing::str;

class TestReceiverAdmin : public QObject, testing::ReceiverFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        CHORUS_START_RECEIVER(m_live, 200'000);
        connectClient();
    }

    void admin_requiresTheAdminToken_andServesExactBytes()
    {
        auto res = m_client->Get("/v1/admin/submissions");
        QCOMPARE(res->status, 401);
        res = m_client->Get("/v1/admin/submissions", deviceHeaders());
        QCOMPARE(res->status, 401);

        const sync::OutboxItem item = testing::makeEnvelope(10, 1);
        QCOMPARE(post(item, deviceHeaders())->status, 201);
        QJsonObject found;
        for (const QJsonValue &v : list().value(QStringLiteral("submissions")).toArray()) {
            if (v.toObject().value(QStringLiteral("instanceId")).toString() == item.instanceId) {
                found = v.toObject();
            }
        }
        QVERIFY(!found.isEmpty());
        const std::string base = "/v1/admin/submissions/" + std::to_string(found.value(QStringLiteral("id")).toInteger());
        const httplib::Headers admin{{"Authorization", "Bearer " + str(m_live.adminToken)}};
        res = m_client->Get((base + "/manifest").c_str(), admin);
        QCOMPARE(res->status, 200);
        QCOMPARE(bytes(res->body), item.manifest);
        for (const FilePart &part : item.parts) {
            res = m_client->Get((base + "/files/" + part.name.toStdString()).c_str(), admin);
            QCOMPARE(res->status, 200);
            QCOMPARE(bytes(res->body), part.bytes);
        }
        QCOMPARE(m_client->Get((base + "/files/nope.enc").c_str(), admin)->status, 404);
    }
    void admin_listing_pagesWithACursor()
    {
        for (int i = 20; i < 25; ++i) {
            QCOMPARE(post(testing::makeEnvelope(i), deviceHeaders())->status, 201);
        }
        const httplib::Headers admin{{"Authorization", "Bearer " + str(m_live.adminToken)}};
        qint64 cursor = 0;
        int seen = 0;
        for (int pages = 0; pages < 100; ++pages) {
            auto res = m_client->Get(("/v1/admin/submissions?limit=2&cursor=" + std::to_string(cursor)).c_str(), admin);
            QCOMPARE(res->status, 200);
            const QJsonObject page = QJsonDocument::fromJson(bytes(res->body)).object();
            seen += int(page.value(QStringLiteral("submissions")).toArray().size());
            QVERIFY(page.value(QStringLiteral("cursor")).toInteger() >= cursor);
            cursor = page.value(QStringLiteral("cursor")).toInteger();
            if (!page.value(QStringLiteral("more")).toBool()) {
                break;
            }
        }
        // Paging two at a time sees exactly what one big page sees.
        QCOMPARE(seen, int(list().value(QStringLiteral("submissions")).toArray().size()));
        QVERIFY(seen >= 5);
        QCOMPARE(m_client->Get("/v1/admin/submissions?limit=0", admin)->status, 400);
        QCOMPARE(m_client->Get("/v1/admin/submissions?cursor=abc", admin)->status, 400);
    }
    void adminDelete_tombstones_laterPostIs409Deleted()
    {
        const sync::OutboxItem item = testing::makeEnvelope(30, 1);
        QCOMPARE(post(item, deviceHeaders())->status, 201);
        qint64 id = 0;
        for (const QJsonValue &v : list().value(QStringLiteral("submissions")).toArray()) {
            if (v.toObject().value(QStringLiteral("instanceId")).toString() == item.instanceId) {
                id = v.toObject().value(QStringLiteral("id")).toInteger();
            }
        }
        QVERIFY(id > 0);
        const httplib::Headers admin{{"Authorization", "Bearer " + str(m_live.adminToken)}};
        const std::string path = "/v1/admin/submissions/" + std::to_string(id);
        QCOMPARE(m_client->Delete(path.c_str(), deviceHeaders())->status, 401);
        QCOMPARE(m_client->Delete(path.c_str(), admin)->status, 204);
        QCOMPARE(m_client->Delete(path.c_str(), admin)->status, 204);
        QCOMPARE(m_client->Delete("/v1/admin/submissions/999999", admin)->status, 404);
        QCOMPARE(m_client->Get((path + "/manifest").c_str(), admin)->status, 404);
        auto res = post(item, deviceHeaders());
        QCOMPARE(res->status, 409);
        QVERIFY(res->body.find("This submission has been deleted") != std::string::npos);
    }
    void withdrawalRequest_erasesTheTarget_andIsListed()
    {
        const sync::OutboxItem target = testing::makeEnvelope(40, 1);
        QCOMPARE(post(target, deviceHeaders())->status, 201);
        const sync::OutboxItem request = sync::makeWithdrawalRequest(
            QStringLiteral("uuid:w-40"), target.instanceId, QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC));
        QCOMPARE(post(request, deviceHeaders())->status, 201);
        QCOMPARE(post(request, deviceHeaders())->status, 201); // idempotent resend
        QCOMPARE(post(target, deviceHeaders())->status, 409);   // erased, and blocked

        // A withdrawal can arrive before its target: the target is then refused when it comes.
        const sync::OutboxItem late = testing::makeEnvelope(41, 1);
        QCOMPARE(post(sync::makeWithdrawalRequest(QStringLiteral("uuid:w-41"), late.instanceId, QDateTime::currentDateTimeUtc()),
                      deviceHeaders())->status,
                 201);
        QCOMPARE(post(late, deviceHeaders())->status, 409);

        const httplib::Headers admin{{"Authorization", "Bearer " + str(m_live.adminToken)}};
        auto res = m_client->Get("/v1/admin/withdrawals?cursor=0", admin);
        QCOMPARE(res->status, 200);
        const QJsonArray items =
            QJsonDocument::fromJson(bytes(res->body)).object().value(QStringLiteral("withdrawals")).toArray();
        QCOMPARE(items.size(), 2);
        const QJsonObject first = items.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("targetId")).toString(), target.instanceId);
        res = m_client->Get(("/v1/admin/withdrawals/" + std::to_string(first.value(QStringLiteral("id")).toInteger())
                             + "/manifest").c_str(),
                            admin);
        QCOMPARE(bytes(res->body), request.manifest);
        bool targetListedDeleted = false;
        for (const QJsonValue &v : list().value(QStringLiteral("submissions")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("instanceId")).toString() == target.instanceId) {
                targetListedDeleted = o.value(QStringLiteral("deleted")).toBool()
                                      && o.value(QStringLiteral("files")).toArray().isEmpty();
            }
        }
        QVERIFY(targetListedDeleted);
    }
    void cleanupTestCase() { stopReceiver(); }
};

QTEST_GUILESS_MAIN(TestReceiverAdmin)
#include "tst_receiver_admin.moc"
