// SPDX-License-Identifier: GPL-3.0-or-later
// The real chorus-receiver on SIGTERM: an upload already on the wire is finished, answered 201
// and stored; the log says what happened, as JSON lines without the token.
#include "LoopbackServer.h"
#include "Multipart.h"
#include "ReceiverProcess.h"
#include "SqliteStorage.h"
#include "TestEnvelope.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

using namespace chorus;

namespace {

// Reads one HTTP response (headers and Content-Length body) from a blocking socket, bounded.
QByteArray readResponse(int fd)
{
    QByteArray data;
    char buffer[4096];
    qsizetype total = -1;
    while ((total < 0 || data.size() < total) && testing::waitReadable(fd, 15000)) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) {
            break;
        }
        data.append(buffer, qsizetype(n));
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (total < 0 && end >= 0) {
            total = end + 4;
            for (const QByteArray &line : data.left(end).split('\n')) {
                if (line.toLower().startsWith("content-length:")) {
                    total += line.mid(15).trimmed().toLongLong();
                }
            }
        }
    }
    return data;
}

bool sendBytes(int fd, const QByteArray &bytes)
{
    return testing::sendAll(fd, bytes.constData(), size_t(bytes.size()));
}

// Waits until the receiver's end of the connection from `fd` has read everything sent so far
// (its receive queue in /proc/net/tcp is empty): from then on a server thread is inside the
// request, which is what "in flight" means. Bytes merely delivered to the socket are not.
bool waitUntilServerReadAll(int fd, int serverPort)
{
    sockaddr_in local {};
    socklen_t length = sizeof(local);
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &length) != 0) {
        return false;
    }
    const QByteArray server = QByteArray::number(serverPort, 16).toUpper().rightJustified(4, '0');
    const QByteArray client = QByteArray::number(ntohs(local.sin_port), 16).toUpper().rightJustified(4, '0');
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        QFile table(QStringLiteral("/proc/net/tcp"));
        if (!table.open(QIODevice::ReadOnly)) {
            return false;
        }
        for (const QByteArray &line : table.readAll().split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            // sl local_address rem_address st tx_queue:rx_queue ...
            if (fields.size() > 4 && fields[1].endsWith(QByteArray(':' + server)) && fields[2].endsWith(QByteArray(':' + client))) {
                if (fields[4].split(':').value(1).toLongLong(nullptr, 16) == 0) {
                    return true;
                }
            }
        }
        QTest::qWait(5);
    }
    return false;
}

} // namespace

class TestE2eReceiverShutdown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sigterm_withAnUploadInFlight_answers201_storesIt_andExitsCleanly()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("receiver"));
        const QByteArray token = ReceiverProcess::issueToken(data, QStringLiteral("tablet-slow"));
        QVERIFY(!token.isEmpty());
        ReceiverProcess receiver;
        QString whyNot;
        QVERIFY2(receiver.start(data, {QStringLiteral("--log-format"), QStringLiteral("json")}, &whyNot),
                 qPrintable(whyNot));

        const int fd = testing::connectLoopback(receiver.port());
        QVERIFY(fd >= 0);
        const QByteArray head = "X-OpenRosa-Version: 1.0\r\nAuthorization: Bearer " + token + "\r\n";
        // A HEAD first on the same connection: once it is answered, a server thread owns the
        // connection, so what follows is a request in flight, not one waiting to be accepted.
        QVERIFY(sendBytes(fd, "HEAD /submission HTTP/1.1\r\nHost: 127.0.0.1\r\n" + head + "\r\n"));
        const QByteArray headReply = readResponse(fd);
        QVERIFY2(headReply.startsWith("HTTP/1.1 204"), headReply.constData());

        const sync::OutboxItem item = testing::makeEnvelope(1, 1, 50000);
        const sync::MultipartBody body = sync::buildSubmissionBody(item.manifest, item.parts);
        const QByteArray request = "POST /submission HTTP/1.1\r\nHost: 127.0.0.1\r\n" + head + "Content-Type: "
                                   + body.contentType + "\r\nContent-Length: " + QByteArray::number(body.body.size())
                                   + "\r\n\r\n";
        const qsizetype half = body.body.size() / 2;
        QVERIFY(sendBytes(fd, request + body.body.left(half)));
        QVERIFY(waitUntilServerReadAll(fd, receiver.port()));

        receiver.signal(SIGTERM);
        QVERIFY2(receiver.waitForLog("\"event\":\"stopping\""), receiver.err().constData());
        // Stopped listening: a new connection is refused.
        const int late = testing::connectLoopback(receiver.port());
        QCOMPARE(late, -1);

        QVERIFY(sendBytes(fd, body.body.mid(half)));
        const QByteArray reply = readResponse(fd);
        ::close(fd);
        QVERIFY2(reply.startsWith("HTTP/1.1 201"), reply.constData());
        QCOMPARE(receiver.waitForExit(), 0);

        auto storage = server::SqliteStorage::open(data + QStringLiteral("/receiver.sqlite"));
        QVERIFY(storage);
        auto stored = (*storage)->changesAfter(0, 10);
        QVERIFY(stored);
        QCOMPARE(stored->size(), 1);
        QCOMPARE(stored->constFirst().instanceId, item.instanceId);
        QCOMPARE(*(*storage)->manifest(stored->constFirst().id), item.manifest);
        QCOMPARE(*(*storage)->file(stored->constFirst().id, item.parts.constFirst().name), item.parts.constFirst().bytes);

        // Every stderr line is a JSON object; the POST's line has its facts and no token.
        bool sawPost = false;
        for (const QByteArray &line : receiver.err().split('\n')) {
            if (line.isEmpty()) {
                continue;
            }
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY2(!o.isEmpty(), line.constData());
            if (o.value(QStringLiteral("event")) == QStringLiteral("request")
                && o.value(QStringLiteral("method")) == QStringLiteral("POST")) {
                sawPost = true;
                QCOMPARE(o.value(QStringLiteral("status")).toInt(), 201);
                QCOMPARE(o.value(QStringLiteral("instanceID")).toString(), item.instanceId);
                QCOMPARE(o.value(QStringLiteral("device")).toString(), QStringLiteral("tablet-slow"));
            }
        }
        QVERIFY(sawPost);
        QVERIFY(receiver.err().contains("\"event\":\"stopped\""));
        QVERIFY(!receiver.err().contains(token));
    }
};

QTEST_GUILESS_MAIN(TestE2eReceiverShutdown)
#include "tst_e2e_receiver_shutdown.moc"
