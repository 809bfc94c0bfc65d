// SPDX-License-Identifier: GPL-3.0-or-later
// Contract test: every SurveyRepository behaves the same (fake, SQLite in memory, SQLite file).
#include "StoreBackends.h"

using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::testing;

class TestSurveyRepository : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<Store> m_store;

    static StoredSurvey survey(const QString &version, const QByteArray &package = QByteArrayLiteral("{\"id\":1}"))
    {
        return StoredSurvey{QStringLiteral("residents-2026"), version, package, QByteArrayLiteral("sig"), {}};
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

    void store_thenLatest_returnsTheBytes()
    {
        QVERIFY(m_store->surveys().store(survey(QStringLiteral("9"))).ok());
        auto latest = m_store->surveys().latest(QStringLiteral("residents-2026"));
        QCOMPARE(latest->version, QStringLiteral("9"));
        QCOMPARE(latest->package, QByteArrayLiteral("{\"id\":1}"));
        QCOMPARE(latest->signature, QByteArrayLiteral("sig"));
        QCOMPARE(latest->storedAt, *m_clock.now);
    }

    void store_higherVersion_replaces_comparedNumerically()
    {
        QVERIFY(m_store->surveys().store(survey(QStringLiteral("9"))).ok());
        QVERIFY(m_store->surveys().store(survey(QStringLiteral("10"), QByteArrayLiteral("v10"))).ok());
        QCOMPARE(m_store->surveys().latest(QStringLiteral("residents-2026"))->version, QStringLiteral("10"));
        QCOMPARE(m_store->surveys().list()->size(), 1);
    }

    void store_lowerVersion_isRefused_andKeepsTheNewer()
    {
        QVERIFY(m_store->surveys().store(survey(QStringLiteral("2026112402"))).ok());
        const Status status = m_store->surveys().store(survey(QStringLiteral("2026112401"), QByteArrayLiteral("old")));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, ErrorKind::InvalidInput);
        QVERIFY(status.error().message.contains(QLatin1String("older")));
        QCOMPARE(m_store->surveys().latest(QStringLiteral("residents-2026"))->version, QStringLiteral("2026112402"));
    }

    void store_sameVersion_sameBytesIsANoOp_differentBytesIsAConflict()
    {
        QVERIFY(m_store->surveys().store(survey(QStringLiteral("3"))).ok());
        QVERIFY(m_store->surveys().store(survey(QStringLiteral("3"))).ok());
        QCOMPARE(m_store->surveys().store(survey(QStringLiteral("3"), QByteArrayLiteral("changed"))).error().kind,
                 ErrorKind::Conflict);
    }

    void store_nonNumericVersion_isRefused()
    {
        QCOMPARE(m_store->surveys().store(survey(QStringLiteral("1.2"))).error().kind, ErrorKind::InvalidInput);
        QCOMPARE(m_store->surveys().latest(QStringLiteral("residents-2026")).error().kind, ErrorKind::NotFound);
    }

    void compareSurveyVersions_isNumeric()
    {
        QCOMPARE(compareSurveyVersions(QStringLiteral("9"), QStringLiteral("10")), std::optional<int>(-1));
        QCOMPARE(compareSurveyVersions(QStringLiteral("010"), QStringLiteral("10")), std::optional<int>(0));
        QCOMPARE(compareSurveyVersions(QStringLiteral("99999999999999999999"), QStringLiteral("1")),
                 std::optional<int>(1));
        QVERIFY(!compareSurveyVersions(QStringLiteral("1a"), QStringLiteral("1")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestSurveyRepository)
#include "tst_surveyrepository.moc"
