// SPDX-License-Identifier: GPL-3.0-or-later
// The real client (libcurl) against the real receiver over loopback, then the admin pull.
// chorusctl sync and pull over the same path are tst_sync_endtoend_cli.
#include "MemoryOutbox.h"
#include "OpenRosaClient.h"
#include "SyncEndToEnd.h"
#include "Withdrawal.h"

#include <QElapsedTimer>
#include <QSet>
#include <QStandardPaths>

#include <thread>

using namespace chorus;
using namespace chorus::sync;
using State = MemoryOutbox::State;
using testing::engineFor;
using testing::readAll;
using testing::verifyPulled;

class TestSyncEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void hundredsOfRecords_arriveOnce_andPullHasTheSameBytes()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        MemoryOutbox outbox;
        QList<OutboxItem> items;
        for (int i = 0; i < 300; ++i) {
            items.append(testing::makeEnvelope(i, i % 3, 200 + i));
            outbox.add(items.constLast());
        }
        QElapsedTimer timer;
        timer.start();
        auto engine = engineFor(live);
        const SyncReport report = engine.run(outbox);
        qInfo("300 records sent in %lld ms", timer.restart());
        QVERIFY2(report.allAccepted(), qPrintable(report.stopped ? report.stopped->message : QString()));
        QCOMPARE(outbox.pending()->size(), 0);

        QTemporaryDir admin;
        CurlOptions curl;
        curl.allowHttpLoopback = true;
        CurlTransport transport(curl);
        PullClient pull(transport, QUrl(live.base()), live.adminToken);
        auto summary = pull.pull(admin.path());
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));
        qInfo("300 records pulled in %lld ms", timer.elapsed());
        QCOMPARE(summary->written, 300);
        verifyPulled(admin.path(), items);

        // Incremental: nothing new, nothing rewritten.
        auto again = pull.pull(admin.path());
        QVERIFY(again);
        QCOMPARE(again->written, 0);
        QCOMPARE(again->cursor, summary->cursor);
    }

    void oneTransport_reusesOneConnection()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        CurlOptions curl;
        curl.allowHttpLoopback = true;
        CurlTransport transport(curl);
        OpenRosaClient client(transport, QUrl(live.base() + QStringLiteral("/submission")), live.deviceToken);
        auto info = client.head();
        QVERIFY(info);
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(client.submit(testing::makeEnvelope(i), *info).outcome, SubmitOutcome::Accepted);
        }
        QCOMPARE(transport.connectionsOpened(), 1L);
    }

    void recordLargerThanTheServerAccepts_isSplit_andArrivesComplete()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live, 20'000);
        MemoryOutbox outbox;
        const OutboxItem big = testing::makeEnvelope(1, 4, 6000); // ~30 kB in 5 parts
        outbox.add(big);
        QVERIFY(engineFor(live).run(outbox).allAccepted());
        auto stored = live.storage->changesAfter(0, 10);
        QVERIFY(stored);
        QCOMPARE(stored->size(), 1);
        QVERIFY(stored->constFirst().complete);
        for (const FilePart &part : big.parts) {
            QCOMPARE(*live.storage->file(stored->constFirst().id, part.name), part.bytes);
        }
    }

    void resend_afterCrashMidUpload_sendsIdenticalBytes_storedOnce()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        MemoryOutbox first;
        QList<OutboxItem> items;
        for (int i = 0; i < 20; ++i) {
            items.append(testing::makeEnvelope(i, 1));
            first.add(items.constLast());
        }
        QVERIFY(engineFor(live).run(first).allAccepted());
        // The device died after the server stored them but before it noted it: every record is
        // still `sending` in the store, and the next run sends the same bytes again.
        MemoryOutbox afterCrash;
        for (const OutboxItem &item : std::as_const(items)) {
            afterCrash.add(item);
            QVERIFY(afterCrash.markSending(item.instanceId));
        }
        QVERIFY(engineFor(live).run(afterCrash).allAccepted());
        auto stored = live.storage->changesAfter(0, 1000);
        QVERIFY(stored);
        QCOMPARE(stored->size(), 20);
    }

    void sameIdDifferentXml_endsInConflict_otherRecordsStillGo()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        MemoryOutbox outbox;
        OutboxItem original = testing::makeEnvelope(1);
        outbox.add(original);
        QVERIFY(engineFor(live).run(outbox).allAccepted());

        MemoryOutbox edited;
        OutboxItem changed = original;
        changed.manifest.replace("version=\"1\"", "version=\"2\"");
        edited.add(changed);
        edited.add(testing::makeEnvelope(2));
        const SyncReport report = engineFor(live, 1).run(edited);
        QCOMPARE(edited.state(original.instanceId), State::Conflict);
        QVERIFY(edited.reason(original.instanceId).contains(QLatin1String("different")));
        QCOMPARE(edited.state(testing::makeEnvelope(2).instanceId), State::Accepted);
        QCOMPARE(report.count(SubmitOutcome::Conflict), 1);
    }

    void withdrawal_travelsTheOutbox_andErasesThePulledCopy()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        const OutboxItem response = testing::makeEnvelope(1, 1);
        const OutboxItem kept = testing::makeEnvelope(2, 1);
        MemoryOutbox outbox;
        outbox.add(response);
        outbox.add(kept);
        QVERIFY(engineFor(live).run(outbox).allAccepted());

        QTemporaryDir admin;
        CurlOptions curl;
        curl.allowHttpLoopback = true;
        CurlTransport transport(curl);
        PullClient pull(transport, QUrl(live.base()), live.adminToken);
        QVERIFY(pull.pull(admin.path()));
        const QString pulled = admin.filePath(QStringLiteral("submissions/") + PullClient::directoryName(response.instanceId));
        QVERIFY(QFile::exists(pulled + QStringLiteral("/submission.xml")));

        const OutboxItem request = makeWithdrawalRequest(QStringLiteral("uuid:withdraw-1"), response.instanceId,
                                                         QDateTime::currentDateTimeUtc());
        MemoryOutbox withdrawals;
        withdrawals.add(request);
        QVERIFY(engineFor(live).run(withdrawals).allAccepted());
        QCOMPARE(withdrawals.state(request.instanceId), State::Accepted);

        auto summary = pull.pull(admin.path());
        QVERIFY(summary);
        QCOMPARE(summary->withdrawals, 1);
        QVERIFY(!QFile::exists(pulled));
        QCOMPARE(readAll(admin.filePath(QStringLiteral("withdrawals/uuid-withdraw-1.xml"))), request.manifest);
        QVERIFY(QFile::exists(admin.filePath(QStringLiteral("submissions/")
                                             + PullClient::directoryName(kept.instanceId) + QStringLiteral("/submission.xml"))));

        // A device that still had the response queued learns it is gone, and stops.
        MemoryOutbox stale;
        stale.add(response);
        engineFor(live).run(stale);
        QCOMPARE(stale.state(response.instanceId), State::DeletedOnServer);
    }

    void twoReceivers_sharingOnePostgres_storeEachRecordOnce()
    {
        if (!testing::usePostgres()) {
            QSKIP("PostgreSQL only (CHORUS_TEST_BACKEND=postgres)");
        }
        const QString uri = qEnvironmentVariable("CHORUS_TEST_POSTGRES");
        if (uri.isEmpty()) {
            QSKIP("CHORUS_TEST_POSTGRES is not set");
        }
        const QString schema = QStringLiteral("chorus_shared%1").arg(QCoreApplication::applicationPid());
        auto first = server::PostgresStorage::open(uri, schema);
        auto second = server::PostgresStorage::open(uri, schema);
        if (!first || !second) {
            QSKIP("PostgreSQL at CHORUS_TEST_POSTGRES is not reachable");
        }
        const QByteArray token = server::generateToken();
        QVERIFY((*first)->addDevice(QStringLiteral("tablet"), server::hashToken(token)));
        server::Receiver a(**first, {});
        server::Receiver b(**second, {});
        const int portA = *a.start();
        const int portB = *b.start();

        // The same 60 records sent through both receivers at once, as after a load balancer
        // retried every request on the other node.
        QList<OutboxItem> items;
        MemoryOutbox viaA, viaB;
        for (int i = 0; i < 60; ++i) {
            items.append(testing::makeEnvelope(i, 1));
            viaA.add(items.constLast());
            viaB.add(items.constLast());
        }
        auto engineAt = [&token](int port) {
            CurlOptions curl;
            curl.allowHttpLoopback = true;
            return SyncEngine([curl] { return std::make_unique<CurlTransport>(curl); },
                              QUrl(QStringLiteral("http://127.0.0.1:%1/submission").arg(port)), token, SyncOptions{});
        };
        SyncReport reportB;
        std::thread other([&] { reportB = engineAt(portB).run(viaB); });
        const SyncReport reportA = engineAt(portA).run(viaA);
        other.join();
        QVERIFY(reportA.allAccepted());
        QVERIFY(reportB.allAccepted());
        auto stored = (*first)->changesAfter(0, 1000);
        QVERIFY(stored);
        QCOMPARE(stored->size(), 60);
        QList<qint64> changes;
        for (const server::SubmissionSummary &s : std::as_const(*stored)) {
            QVERIFY(s.complete);
            changes.append(s.change);
        }
        QVERIFY(std::is_sorted(changes.cbegin(), changes.cend()));
        QCOMPARE(QSet<qint64>(changes.cbegin(), changes.cend()).size(), changes.size());
    }

    void revokedToken_stopsTheRun_withAReason()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        QVERIFY(live.storage->revokeDevice(QStringLiteral("tablet-1")));
        MemoryOutbox outbox;
        outbox.add(testing::makeEnvelope(1));
        const SyncReport report = engineFor(live).run(outbox);
        QVERIFY(report.stopped);
        QCOMPARE(report.stopped->kind, ErrorKind::Permission);
        QCOMPARE(outbox.state(testing::makeEnvelope(1).instanceId), State::TransientFailure);
    }
};

QTEST_GUILESS_MAIN(TestSyncEndToEnd)
#include "tst_sync_endtoend.moc"
