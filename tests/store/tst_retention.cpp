// SPDX-License-Identifier: GPL-3.0-or-later
// Retention of accepted envelopes, as a setting plus an operation, on every backend.
#include "StoreBackends.h"
#include "store/Retention.h"

using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::testing;
using namespace std::chrono_literals;

class TestRetention : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<Store> m_store;

    void acceptOne(const QString &id)
    {
        QVERIFY(m_store->responses().finalize(sampleResponse(id, *m_clock.now)).ok());
        QVERIFY(m_store->responses().markSending(id).ok());
        QVERIFY(m_store->responses().markAccepted(id).ok());
    }

private Q_SLOTS:
    void initTestCase_data() { addBackends(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QFile::remove(m_dir.filePath(QStringLiteral("device.db")));
        m_store = openStore(backend, m_dir, m_clock.clock());
        QVERIFY(m_store);
    }

    void cleanup() { m_store.reset(); }

    void unset_defaultsToSevenDays()
    {
        QCOMPARE(*acceptedEnvelopeRetention(m_store->settings()), kDefaultAcceptedEnvelopeRetention);
        acceptOne(QStringLiteral("uuid:1"));
        m_clock.advance(6 * 24h);
        QCOMPARE(*applyRetention(*m_store, *m_clock.now), 0);
        m_clock.advance(24h);
        QCOMPARE(*applyRetention(*m_store, *m_clock.now), 1);
        QVERIFY(m_store->responses().load(QStringLiteral("uuid:1"))->envelopeRemoved);
    }

    void zeroDays_removesAtTheNextApply_butNeverAQueuedEnvelope()
    {
        QVERIFY(setAcceptedEnvelopeRetention(m_store->settings(), std::chrono::days(0)).ok());
        acceptOne(QStringLiteral("uuid:1"));
        QVERIFY(m_store->responses().finalize(sampleResponse(QStringLiteral("uuid:queued"), *m_clock.now)).ok());
        QCOMPARE(*applyRetention(*m_store, *m_clock.now), 1);
        QVERIFY(!m_store->responses().load(QStringLiteral("uuid:queued"))->envelopeRemoved);
        QCOMPARE(m_store->responses().queued(-1)->size(), 1);
    }

    void invalidSetting_isAClearError()
    {
        QVERIFY(m_store->settings().setValue(QString::fromLatin1(kAcceptedEnvelopeRetentionKey), QStringLiteral("soon")).ok());
        auto days = acceptedEnvelopeRetention(m_store->settings());
        QVERIFY(!days.ok());
        QVERIFY(days.error().message.contains(QLatin1String("whole number of days")));
        QVERIFY(!applyRetention(*m_store, *m_clock.now).ok());
        QVERIFY(!setAcceptedEnvelopeRetention(m_store->settings(), std::chrono::days(-1)).ok());
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
