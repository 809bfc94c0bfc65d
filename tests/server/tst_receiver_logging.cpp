// SPDX-License-Identifier: GPL-3.0-or-later
// The receiver's structured log: one JSON object per request, with the facts an operator needs
// (route, status, record id, device, size, time) and never a token, a body or an answer.
#include "LiveReceiver.h"
#include "Multipart.h"
#include "ServerLogging.h"
#include "TestEnvelope.h"

#include <httplib.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <mutex>

using namespace chorus;

namespace {

std::string str(const QByteArray &b)
{
    return std::string(b.constData(), size_t(b.size()));
}

struct CapturedLog {
    std::mutex mutex;
    QList<QByteArray> lines;

    QList<QJsonObject> events(const QString &event)
    {
        std::lock_guard lock(mutex);
        QList<QJsonObject> found;
        for (const QByteArray &line : std::as_const(lines)) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("event")).toString() == event) {
                found.append(o);
            }
        }
        return found;
    }
    QByteArray all()
    {
        std::lock_guard lock(mutex);
        return lines.join();
    }
};

} // namespace

class TestReceiverLogging : public QObject
{
    Q_OBJECT

    CapturedLog m_log;

private Q_SLOTS:
    void init()
    {
        {
            std::lock_guard lock(m_log.mutex);
            m_log.lines.clear();
        }
        server::setLogSink([this](const QByteArray &line) {
            std::lock_guard lock(m_log.mutex);
            m_log.lines.append(line);
        });
        server::setLogFormat(server::LogFormat::Json);
    }
    void cleanup()
    {
        server::setLogFormat(server::LogFormat::Text);
        server::setLogSink({});
    }

    void submission_logsOneJsonLine_withItsFacts_andNoTokenOrBody()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        httplib::Client client("127.0.0.1", live.port);
        const sync::OutboxItem item = testing::makeEnvelope(7, 1, 4000);
        const sync::MultipartBody body = sync::buildSubmissionBody(item.manifest, item.parts);
        // The token in the path, as ODK Central's /v1/key/{token}/ URLs carry it.
        const std::string path = "/v1/key/" + str(live.deviceToken) + "/projects/3/submission";
        auto reply = client.Post(path, httplib::Headers{{"X-OpenRosa-Version", "1.0"}}, str(body.body),
                                 str(body.contentType).c_str());
        QVERIFY(reply);
        QCOMPARE(reply->status, 201);
        live.receiver->stop(); // the log line is written after the reply: stopping waits for it

        const QList<QJsonObject> requests = m_log.events(QStringLiteral("request"));
        QCOMPARE(requests.size(), 1);
        const QJsonObject line = requests.constFirst();
        QCOMPARE(line.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(line.value(QStringLiteral("route")).toString(), QStringLiteral("/v1/key/***/projects/3/submission"));
        QCOMPARE(line.value(QStringLiteral("status")).toInt(), 201);
        QCOMPARE(line.value(QStringLiteral("instanceID")).toString(), item.instanceId);
        QCOMPARE(line.value(QStringLiteral("device")).toString(), QStringLiteral("tablet-1"));
        QCOMPARE(line.value(QStringLiteral("outcome")).toString(), QStringLiteral("stored"));
        QCOMPARE(line.value(QStringLiteral("bytes")).toInteger(), body.body.size());
        QCOMPARE(line.value(QStringLiteral("level")).toString(), QStringLiteral("info"));
        QVERIFY(line.value(QStringLiteral("duration_ms")).toDouble() >= 0);
        QVERIFY(QDateTime::fromString(line.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs).isValid());

        const QByteArray everything = m_log.all();
        QVERIFY(!everything.contains(live.deviceToken));
        QVERIFY(!everything.contains("base64EncryptedKey"));
        QVERIFY(!everything.contains(item.parts.constFirst().bytes.left(32)));
        for (const QByteArray &l : m_log.lines) {
            QVERIFY2(!QJsonDocument::fromJson(l).isNull(), l.constData());
        }
    }

    void refusedToken_isLoggedAs401_withoutTheToken()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        httplib::Client client("127.0.0.1", live.port);
        const std::string wrong = "wrong-token-value-0123456789abcdef";
        auto reply = client.Head("/submission",
                                 httplib::Headers{{"X-OpenRosa-Version", "1.0"}, {"Authorization", "Bearer " + wrong}});
        QVERIFY(reply);
        QCOMPARE(reply->status, 401);
        live.receiver->stop();
        const QList<QJsonObject> requests = m_log.events(QStringLiteral("request"));
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.constFirst().value(QStringLiteral("status")).toInt(), 401);
        QVERIFY(!requests.constFirst().contains(QStringLiteral("device")));
        QVERIFY(!m_log.all().contains(QByteArray::fromStdString(wrong)));
    }

    void otherMessages_becomeJsonToo()
    {
        qCWarning(lcReceiver) << "a warning from somewhere";
        const QList<QJsonObject> messages = m_log.events(QStringLiteral("message"));
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.constFirst().value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
        QCOMPARE(messages.constFirst().value(QStringLiteral("category")).toString(), QStringLiteral("chorus.receiver"));
    }
};

QTEST_GUILESS_MAIN(TestReceiverLogging)
#include "tst_receiver_logging.moc"
