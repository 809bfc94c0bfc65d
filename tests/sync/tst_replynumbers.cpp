// SPDX-License-Identifier: GPL-3.0-or-later
// Numbers in server replies are range-checked before they become integers: a listing with
// "size": 1e300 or a pull page with "cursor": 1e300 is refused with a clear message instead of
// overflowing a cast (undefined behaviour; in a release build a huge negative size that slips
// past the size check). Each reply parser is driven over a recording transport.
#include "AdminClient.h"
#include "PackageAdmin.h"
#include "PackageClient.h"
#include "PullClient.h"
#include "RecordingTransport.h"
#include "ReplyNumbers.h"

#include "store/InMemoryStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::sync;

namespace {

const QUrl kBase(QStringLiteral("http://127.0.0.1:9"));

// Answers every GET whose path ends with `path` with `body` (JSON), everything else 404.
void answer(RecordingTransport &transport, QList<std::pair<QString, QByteArray>> replies)
{
    transport.setResponder([replies](const HttpRequest &request) -> Result<HttpResponse> {
        for (const auto &[path, body] : replies) {
            if (request.url.path() == path)
                return RecordingTransport::reply(200, body, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")}});
        }
        return RecordingTransport::reply(404, "no such thing");
    });
}

} // namespace

class TestReplyNumbers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replyInteger_acceptsWholeNumbersInRange_andRefusesTheRest_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<qint64>("value");
        QTest::newRow("42") << QByteArray("42") << true << qint64(42);
        QTest::newRow("0") << QByteArray("0") << true << qint64(0);
        QTest::newRow("2^53") << QByteArray("9007199254740992") << true << (qint64(1) << 53);
        QTest::newRow("1e300") << QByteArray("1e300") << false << qint64(0);
        QTest::newRow("-1e300") << QByteArray("-1e300") << false << qint64(0);
        QTest::newRow("2^63") << QByteArray("9223372036854775808") << false << qint64(0);
        QTest::newRow("2^53+2") << QByteArray("9007199254740994") << false << qint64(0);
        QTest::newRow("negative") << QByteArray("-1") << false << qint64(0);
        QTest::newRow("fraction") << QByteArray("1.5") << false << qint64(0);
        QTest::newRow("string") << QByteArray("\"7\"") << false << qint64(0);
        QTest::newRow("null") << QByteArray("null") << false << qint64(0);
    }

    void replyInteger_acceptsWholeNumbersInRange_andRefusesTheRest()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, accepted);
        QFETCH(qint64, value);
        const QJsonObject o = QJsonDocument::fromJson("{\"n\": " + json + "}").object();
        const Result<qint64> n = replyInteger(o, QStringLiteral("n"), 0, kMaxReplyInteger, QStringLiteral("test number"));
        QCOMPARE(n.ok(), accepted);
        if (accepted)
            QCOMPARE(*n, value);
        else
            QVERIFY2(n.error().message.contains(QStringLiteral("impossible test number")), qPrintable(n.error().message));
    }

    void packageListing_hugeSize_isRefused_notFetched()
    {
        RecordingTransport transport;
        answer(transport, {{QStringLiteral("/v1/packages"),
                            R"({"packages": [{"name": "big", "surveyId": "big", "version": "1", "size": 1e300,
                                "sha256": "00"}]})"}});
        store::InMemoryStore device;
        auto reports = PackageClient(transport, kBase, "device-token").update(device.surveys(), QByteArray(32, 'k'));
        QVERIFY(reports);
        QCOMPARE(reports->size(), 1);
        QCOMPARE(reports->first().outcome, PackageReport::Outcome::Refused);
        QVERIFY2(reports->first().reason.contains(QStringLiteral("impossible size")), qPrintable(reports->first().reason));
        QCOMPARE(transport.requests().size(), 1); // the listing only: nothing was downloaded
    }

    void adminPackageListing_hugeSize_isAnError()
    {
        RecordingTransport transport;
        answer(transport, {{QStringLiteral("/v1/admin/packages"),
                            R"({"packages": [{"surveyId": "s", "version": "1", "size": -1e300}]})"}});
        auto listed = ReceiverAdmin(transport, kBase, "admin-token-0123456789").packages();
        QVERIFY(!listed);
        QVERIFY2(listed.error().message.contains(QStringLiteral("impossible size")), qPrintable(listed.error().message));
    }

    void pullPage_hugeCursor_isAnError_andNothingIsSaved()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        RecordingTransport transport;
        answer(transport, {{QStringLiteral("/v1/admin/submissions"), R"({"submissions": [], "cursor": 1e300, "more": false})"},
                           {QStringLiteral("/v1/admin/withdrawals"), R"({"withdrawals": [], "cursor": 0, "more": false})"}});
        auto pulled = PullClient(transport, kBase, "admin-token-0123456789").pull(dir.path());
        QVERIFY(!pulled);
        QVERIFY2(pulled.error().message.contains(QStringLiteral("impossible pull cursor")), qPrintable(pulled.error().message));
    }

    void pullPage_hugeIdOrFileSize_isAnError()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        RecordingTransport transport;
        answer(transport,
               {{QStringLiteral("/v1/admin/submissions"),
                 R"({"submissions": [{"id": 1, "instanceId": "uuid:1", "complete": true,
                     "files": [{"name": "a.enc", "size": 1e300, "sha256": "00"}]}], "cursor": 1, "more": false})"},
                {QStringLiteral("/v1/admin/submissions/1/manifest"), "<data/>"}});
        auto pulled = PullClient(transport, kBase, "admin-token-0123456789").pull(dir.path());
        QVERIFY(!pulled);
        QVERIFY2(pulled.error().message.contains(QStringLiteral("impossible size of a.enc")), qPrintable(pulled.error().message));

        RecordingTransport second;
        answer(second, {{QStringLiteral("/v1/admin/submissions"),
                         R"({"submissions": [{"id": 1e300, "instanceId": "uuid:2", "complete": true}], "more": false})"}});
        auto again = PullClient(second, kBase, "admin-token-0123456789").pull(dir.path());
        QVERIFY(!again);
        QVERIFY2(again.error().message.contains(QStringLiteral("impossible submission id")), qPrintable(again.error().message));
    }

    void adminSubmissionList_hugeNumbers_areAnError()
    {
        RecordingTransport transport;
        answer(transport, {{QStringLiteral("/v1/admin/submissions"),
                            R"({"submissions": [{"id": 1, "change": 1e300, "instanceId": "uuid:1"}], "more": false})"}});
        AdminClient client(transport, kBase, "admin-token-0123456789");
        auto listed = client.list();
        QVERIFY(!listed);
        QVERIFY2(listed.error().message.contains(QStringLiteral("impossible submission change number")),
                 qPrintable(listed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestReplyNumbers)
#include "tst_replynumbers.moc"
