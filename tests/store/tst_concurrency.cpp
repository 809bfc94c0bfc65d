// SPDX-License-Identifier: GPL-3.0-or-later
// The app finalizes on one thread while sync marks states on another, each with its own
// connection: WAL lets them overlap, the busy timeout and BEGIN IMMEDIATE serialise the
// writes, and nothing fails or is lost.
#include "StoreBackends.h"
#include "store/Migrations.h"

#include <QMutex>
#include <QThread>

#include <atomic>

using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::testing;

class TestConcurrency : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void newDatabase_openedByManyAtOnce_isUpgradedOnce_andEveryOpenSucceeds()
    {
        // Two processes starting on a device with no database yet (the app and chorusctl, or two
        // screenshot runs) both see schema 0: the one that waits for the write lock must find
        // the upgrade done, not run it again ("duplicate column name").
        constexpr int kRounds = 20;
        constexpr int kOpeners = 4;
        for (int round = 0; round < kRounds; ++round) {
            const QString path = m_dir.filePath(QStringLiteral("race-%1.db").arg(round));
            std::atomic<int> waiting{kOpeners};
            QStringList errors;
            QMutex errorsLock;
            QList<QThread *> threads;
            for (int i = 0; i < kOpeners; ++i) {
                threads.append(QThread::create([&] {
                    for (--waiting; waiting.load() > 0;) {
                        QThread::yieldCurrentThread();
                    }
                    auto store = SqliteStore::open(path);
                    if (!store) {
                        QMutexLocker locker(&errorsLock);
                        errors.append(store.error().message);
                    }
                }));
            }
            for (QThread *t : std::as_const(threads)) {
                t->start();
            }
            for (QThread *t : std::as_const(threads)) {
                QVERIFY(t->wait(60000));
                delete t;
            }
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
            auto reopened = Database::open(path, OpenOptions{});
            QVERIFY(reopened);
            QCOMPARE(*reopened->userVersion(), migrations().back().version);
        }
    }

    void finalizeAndSync_onTwoConnections_neverFailsOrLoses()
    {
        const QString path = m_dir.filePath(QStringLiteral("device.db"));
        QVERIFY(SqliteStore::open(path).ok()); // create the schema first
        constexpr int kResponses = 150;
        std::atomic<bool> producerDone{false};
        QStringList producerErrors;
        QStringList syncErrors;
        int accepted = 0;

        QThread *producer = QThread::create([&] {
            auto store = SqliteStore::open(path);
            if (!store) {
                producerErrors.append(store.error().message);
                producerDone = true;
                return;
            }
            for (int i = 0; i < kResponses; ++i) {
                const QString id = QStringLiteral("uuid:c%1").arg(i);
                const QDateTime now = QDateTime::currentDateTimeUtc();
                Status saved = (*store)->drafts().save({id, QStringLiteral("s"), QStringLiteral("1"), "blob", now});
                Status done = saved ? (*store)->responses().finalize(sampleResponse(id, now)) : saved;
                if (!done) {
                    producerErrors.append(done.error().message);
                }
            }
            producerDone = true;
        });
        QThread *sync = QThread::create([&] {
            auto store = SqliteStore::open(path);
            if (!store) {
                syncErrors.append(store.error().message);
                return;
            }
            QDeadlineTimer deadline(120000);
            while (!deadline.hasExpired()) {
                const bool last = producerDone.load();
                auto queued = (*store)->responses().queued(10);
                if (!queued) {
                    syncErrors.append(queued.error().message);
                    return;
                }
                for (const StoredResponse &r : *queued) {
                    for (const Status &s : {(*store)->responses().markSending(r.envelope.instanceId),
                                            (*store)->responses().markAccepted(r.envelope.instanceId)}) {
                        if (!s) {
                            syncErrors.append(s.error().message);
                        }
                    }
                    ++accepted;
                }
                if (last && queued->isEmpty()) {
                    return;
                }
            }
            syncErrors.append(QStringLiteral("timed out"));
        });
        producer->start();
        sync->start();
        QVERIFY(producer->wait(QDeadlineTimer(180000)));
        QVERIFY(sync->wait(QDeadlineTimer(180000)));
        delete producer;
        delete sync;

        QVERIFY2(producerErrors.isEmpty(), qPrintable(producerErrors.join(QLatin1Char('\n'))));
        QVERIFY2(syncErrors.isEmpty(), qPrintable(syncErrors.join(QLatin1Char('\n'))));
        QCOMPARE(accepted, kResponses);
        auto store = SqliteStore::open(path);
        QVERIFY((*store)->database().integrityCheck().ok());
        QCOMPARE((*store)->responses().countsByState().value().value(ResponseState::Accepted), kResponses);
        QVERIFY((*store)->drafts().list()->isEmpty());
    }

    void readOnlyStore_onAnOlderSchema_saysToUpgradeFirst()
    {
        const QString path = m_dir.filePath(QStringLiteral("old.db"));
        OpenOptions noMigrate;
        noMigrate.migrate = false;
        {
            auto db = Database::open(path, noMigrate);
            QVERIFY(db.ok());
            QVERIFY(migrate(*db, migrations().first(1)).ok());
        }
        OpenOptions readOnly;
        readOnly.mode = OpenMode::ReadOnly;
        auto store = SqliteStore::open(path, readOnly);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().kind, ErrorKind::Unsupported);
        QVERIFY(store.error().message.contains(QLatin1String("older Chorus")));
        QVERIFY(Database::open(path, readOnly).ok()); // a raw read-only connection (backup) still works
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
