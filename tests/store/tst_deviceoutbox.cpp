// SPDX-License-Identifier: GPL-3.0-or-later
// The device outbox that `chorusctl sync` and the app sync through applies the retention rule
// for accepted envelopes: when a run starts and after every acceptance.
#include "StoreBackends.h"

#include "DeviceOutbox.h"
#include "store/Retention.h"

using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::testing;

class TestDeviceOutbox : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString dbPath() const { return m_dir.filePath(QStringLiteral("device.db")); }

    static bool envelopeRemoved(const QString &path, const QString &id)
    {
        auto store = SqliteStore::open(path);
        return store.ok() && (*store)->responses().load(id)->envelopeRemoved;
    }

private Q_SLOTS:
    void init()
    {
        for (const char *suffix : {"", "-wal", "-shm"}) {
            QFile::remove(dbPath() + QLatin1String(suffix));
        }
        // Three responses; r1 was accepted three days ago.
        ManualClock threeDaysAgo;
        *threeDaysAgo.now = QDateTime::currentDateTimeUtc().addDays(-3);
        auto store = SqliteStore::open(dbPath(), {}, threeDaysAgo.clock());
        QVERIFY(store.ok());
        for (int i = 1; i <= 3; ++i) {
            QVERIFY((*store)->responses().finalize(sampleResponse(QStringLiteral("uuid:r%1").arg(i), *threeDaysAgo.now)).ok());
        }
        QVERIFY((*store)->responses().markSending(QStringLiteral("uuid:r1")).ok());
        QVERIFY((*store)->responses().markAccepted(QStringLiteral("uuid:r1")).ok());
        QVERIFY(setAcceptedEnvelopeRetention((*store)->settings(), std::chrono::days(1)).ok());
    }

    void openingForASyncRun_removesEnvelopesPastTheirRetention()
    {
        QVERIFY(!envelopeRemoved(dbPath(), QStringLiteral("uuid:r1")));
        Error error;
        auto outbox = cli::openDeviceOutbox(dbPath(), &error);
        QVERIFY2(outbox, qPrintable(error.message));
        QVERIFY(envelopeRemoved(dbPath(), QStringLiteral("uuid:r1")));
        QVERIFY(!envelopeRemoved(dbPath(), QStringLiteral("uuid:r2"))); // queued: never touched
        QCOMPARE(outbox->pending()->size(), 2);
    }

    void acceptance_withOneDayRetention_keepsTheEnvelope_withZeroDays_removesItAtOnce()
    {
        Error error;
        auto outbox = cli::openDeviceOutbox(dbPath(), &error);
        QVERIFY(outbox);
        QVERIFY(outbox->markSending(QStringLiteral("uuid:r2")).ok());
        QVERIFY(outbox->markAccepted(QStringLiteral("uuid:r2")).ok());
        QVERIFY(!envelopeRemoved(dbPath(), QStringLiteral("uuid:r2")));

        {
            auto store = SqliteStore::open(dbPath());
            QVERIFY(setAcceptedEnvelopeRetention((*store)->settings(), std::chrono::days(0)).ok());
        }
        QVERIFY(outbox->markSending(QStringLiteral("uuid:r3")).ok());
        QVERIFY(outbox->markAccepted(QStringLiteral("uuid:r3")).ok());
        QVERIFY(envelopeRemoved(dbPath(), QStringLiteral("uuid:r3")));
        QVERIFY(envelopeRemoved(dbPath(), QStringLiteral("uuid:r2")));
        auto store = SqliteStore::open(dbPath());
        QCOMPARE((*store)->responses().load(QStringLiteral("uuid:r3"))->state, response::ResponseState::Accepted);
    }

    void invalidRetentionSetting_doesNotStopTheSync()
    {
        {
            auto store = SqliteStore::open(dbPath());
            QVERIFY((*store)->settings().setValue(QString::fromLatin1(kAcceptedEnvelopeRetentionKey),
                                                  QStringLiteral("soon")).ok());
        }
        Error error;
        auto outbox = cli::openDeviceOutbox(dbPath(), &error);
        QVERIFY(outbox);
        QVERIFY(outbox->markSending(QStringLiteral("uuid:r2")).ok());
        QVERIFY(outbox->markAccepted(QStringLiteral("uuid:r2")).ok());
        QVERIFY(!envelopeRemoved(dbPath(), QStringLiteral("uuid:r1")));
    }
};

QTEST_GUILESS_MAIN(TestDeviceOutbox)
#include "tst_deviceoutbox.moc"
