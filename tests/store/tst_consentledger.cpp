// SPDX-License-Identifier: GPL-3.0-or-later
// Contract test: every ConsentLedger behaves the same (fake, SQLite in memory, SQLite file).
#include "StoreBackends.h"

using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::testing;

class TestConsentLedger : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<Store> m_store;

    ConsentEntry entry(const QString &consentId, const QString &responseId, const QByteArray &hash, int minute) const
    {
        return ConsentEntry{consentId,        responseId, hash, QStringLiteral("residents-2026"),
                            QStringLiteral("2026112401"), m_clock.now->addSecs(60 * minute), std::nullopt};
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

    void record_thenLoad_returnsTheEntry()
    {
        const ConsentEntry e = entry(QStringLiteral("c1"), QStringLiteral("uuid:1"), QByteArray(32, '\x07'), 0);
        QVERIFY(m_store->consent().record(e).ok());
        QCOMPARE(*m_store->consent().load(QStringLiteral("c1")), e);
    }

    void record_sameIdTwice_isConflict()
    {
        const ConsentEntry e = entry(QStringLiteral("c1"), QStringLiteral("uuid:1"), "h", 0);
        QVERIFY(m_store->consent().record(e).ok());
        QCOMPARE(m_store->consent().record(entry(QStringLiteral("c1"), QStringLiteral("uuid:2"), "x", 1)).error().kind,
                 ErrorKind::Conflict);
        QCOMPARE(m_store->consent().load(QStringLiteral("c1"))->responseId, QStringLiteral("uuid:1"));
    }

    void findByReceiptHash_andForResponse()
    {
        QVERIFY(m_store->consent().record(entry(QStringLiteral("c2"), QStringLiteral("uuid:2"), "receipt-A", 2)).ok());
        QVERIFY(m_store->consent().record(entry(QStringLiteral("c1"), QStringLiteral("uuid:1"), "receipt-A", 1)).ok());
        QVERIFY(m_store->consent().record(entry(QStringLiteral("c3"), QStringLiteral("uuid:3"), "receipt-B", 3)).ok());
        auto found = m_store->consent().findByReceiptHash("receipt-A");
        QCOMPARE(found->size(), 2);
        QCOMPARE(found->at(0).consentId, QStringLiteral("c1")); // oldest first
        QCOMPARE(m_store->consent().forResponse(QStringLiteral("uuid:3"))->constFirst().consentId, QStringLiteral("c3"));
        QVERIFY(m_store->consent().findByReceiptHash("nothing")->isEmpty());
        QCOMPARE(m_store->consent().list()->size(), 3);
    }

    void markWithdrawn_keepsTheFirstTime_andUnknownIsNotFound()
    {
        QVERIFY(m_store->consent().record(entry(QStringLiteral("c1"), QStringLiteral("uuid:1"), "h", 0)).ok());
        const QDateTime first = m_clock.now->addDays(1);
        QVERIFY(m_store->consent().markWithdrawn(QStringLiteral("c1"), first).ok());
        QVERIFY(m_store->consent().markWithdrawn(QStringLiteral("c1"), first.addDays(1)).ok());
        QCOMPARE(m_store->consent().load(QStringLiteral("c1"))->withdrawnAt, std::optional<QDateTime>(first));
        QCOMPARE(m_store->consent().markWithdrawn(QStringLiteral("nope"), first).error().kind, ErrorKind::NotFound);
    }

    void markWithdrawn_keepsOnlyTheLinkAndTheWithdrawal()
    {
        ConsentEntry e = entry(QStringLiteral("c1"), QStringLiteral("uuid:1"), QByteArray(32, '\x42'), 0);
        e.noticeId = QStringLiteral("privacy-2026");
        e.noticeVersion = QStringLiteral("3");
        e.noticeLocale = QStringLiteral("cy");
        e.noticeSha256 = QString(64, QLatin1Char('a'));
        e.purposes = {{QStringLiteral("equality_monitoring"), true}, {QStringLiteral("consultation"), false}};
        e.mode = QStringLiteral("kiosk");
        QVERIFY(m_store->consent().record(e).ok());
        QCOMPARE(*m_store->consent().load(QStringLiteral("c1")), e);

        const QDateTime at = m_clock.now->addDays(2);
        QVERIFY(m_store->consent()
                    .markWithdrawn(QStringLiteral("c1"), {at, QStringLiteral("on_device_operator"), {}})
                    .ok());
        const ConsentEntry kept = *m_store->consent().load(QStringLiteral("c1"));
        ConsentEntry expected{e.consentId, e.responseId, {}, e.surveyId, e.surveyVersion, e.capturedAt, at};
        expected.withdrawalChannel = QStringLiteral("on_device_operator");
        QCOMPARE(kept, expected);
        QVERIFY(m_store->consent().findByReceiptHash(QByteArray(32, '\x42'))->isEmpty());
        QVERIFY(m_store->consent().findByReceiptHash({})->isEmpty());
        auto check = m_store->consent().verify();
        QVERIFY(check.ok());
        QVERIFY2(check->intact(), qPrintable(check->problems.join(u'\n')));
        QCOMPARE(check->entries, 1);
        QCOMPARE(check->withdrawn, 1);
    }

    void markAccepted_recordsWhenTheServerReceivedTheResponse()
    {
        FinalizedResponse r = sampleResponse(QStringLiteral("uuid:1"), *m_clock.now);
        r.consent = entry(QStringLiteral("c1"), QStringLiteral("uuid:1"), "h", 0);
        QVERIFY(m_store->responses().finalize(r).ok());
        QVERIFY(!m_store->consent().load(QStringLiteral("c1"))->serverReceivedAt);
        QVERIFY(m_store->responses().markSending(QStringLiteral("uuid:1")).ok());
        m_clock.advance(std::chrono::minutes(5));
        const QDateTime acceptedAt = *m_clock.now;
        QVERIFY(m_store->responses().markAccepted(QStringLiteral("uuid:1")).ok());
        QCOMPARE(m_store->consent().load(QStringLiteral("c1"))->serverReceivedAt, std::optional<QDateTime>(acceptedAt));
        auto check = m_store->consent().verify();
        QVERIFY(check.ok() && check->intact());
    }

    void record_invalid_isRefused()
    {
        ConsentEntry e = entry(QStringLiteral("c1"), QStringLiteral("uuid:1"), "h", 0);
        e.receiptHash.clear();
        QCOMPARE(m_store->consent().record(e).error().kind, ErrorKind::InvalidInput);
        QVERIFY(m_store->consent().list()->isEmpty());
    }

    void finalize_withConsent_recordsBothOrNeither()
    {
        FinalizedResponse r = sampleResponse(QStringLiteral("uuid:1"), *m_clock.now);
        r.consent = entry(QStringLiteral("c1"), QStringLiteral("uuid:1"), "h", 0);
        QVERIFY(m_store->responses().finalize(r).ok());
        QCOMPARE(m_store->consent().forResponse(QStringLiteral("uuid:1"))->size(), 1);

        // A consent id already used: the whole finalize is refused, the response is not stored.
        FinalizedResponse second = sampleResponse(QStringLiteral("uuid:2"), *m_clock.now);
        second.consent = entry(QStringLiteral("c1"), QStringLiteral("uuid:2"), "h2", 0);
        QCOMPARE(m_store->responses().finalize(second).error().kind, ErrorKind::Conflict);
        QCOMPARE(m_store->responses().load(QStringLiteral("uuid:2")).error().kind, ErrorKind::NotFound);
        QVERIFY(m_store->consent().forResponse(QStringLiteral("uuid:2"))->isEmpty());
    }

    void finalize_withConsentOfAnotherResponse_isRefused()
    {
        FinalizedResponse r = sampleResponse(QStringLiteral("uuid:1"), *m_clock.now);
        r.consent = entry(QStringLiteral("c1"), QStringLiteral("uuid:other"), "h", 0);
        QCOMPARE(m_store->responses().finalize(r).error().kind, ErrorKind::InvalidInput);
        QVERIFY(m_store->consent().list()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConsentLedger)
#include "tst_consentledger.moc"
