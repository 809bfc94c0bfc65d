// SPDX-License-Identifier: GPL-3.0-or-later
// The consent ledger's MAC chain on SQLite: anything changed, deleted or cut outside Chorus is
// reported by verify() (and so by `chorusctl device check`); a withdrawal is not.
#include "StoreBackends.h"

#include "store/Migrations.h"
#include "store/Sqlite.h"

using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::testing;

class TestLedgerChain : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<SqliteStore> m_store;

    ConsentEntry entry(int n) const
    {
        ConsentEntry e{QStringLiteral("c%1").arg(n), QStringLiteral("uuid:%1").arg(n), QByteArray(32, char('A' + n)),
                       QStringLiteral("residents-2026"), QStringLiteral("2026112401"),
                       m_clock.now->addSecs(60 * n), std::nullopt};
        e.noticeId = QStringLiteral("privacy");
        e.noticeVersion = QStringLiteral("1");
        e.purposes = {{QStringLiteral("equality_monitoring"), true}};
        e.mode = QStringLiteral("kiosk");
        return e;
    }

    void recordFive()
    {
        for (int n = 1; n <= 5; ++n) {
            QVERIFY(m_store->consent().record(entry(n)).ok());
        }
    }

    void sql(const char *statement) { QVERIFY2(m_store->database().exec(statement).ok(), statement); }

    LedgerCheck check()
    {
        auto result = m_store->consent().verify();
        if (!result) {
            qFatal("verify failed: %s", qPrintable(result.error().message));
        }
        return *result;
    }

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("device.db")));
        auto store = SqliteStore::open(m_dir.filePath(QStringLiteral("device.db")), {}, m_clock.clock());
        QVERIFY(store.ok());
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void untouched_withWithdrawalsAndAcceptance_isIntact()
    {
        QCOMPARE(check().entries, 0);
        QVERIFY(check().intact());
        recordFive();
        QVERIFY(m_store->consent().markWithdrawn(QStringLiteral("c2"), {m_clock.now->addDays(1), {}, {}}).ok());
        QVERIFY(m_store->consent().markWithdrawn(QStringLiteral("c5"), {m_clock.now->addDays(1), {}, {}}).ok());
        const LedgerCheck result = check();
        QVERIFY2(result.intact(), qPrintable(result.problems.join(u'\n')));
        QCOMPARE(result.entries, 5);
        QCOMPARE(result.withdrawn, 2);
    }

    void alteredCaptureTime_isReportedForThatEntryOnly()
    {
        recordFive();
        sql("UPDATE consent_ledger SET captured_at = captured_at + 1000 WHERE consent_id = 'c3'");
        const LedgerCheck result = check();
        QCOMPARE(result.problems.size(), 1);
        QVERIFY2(result.problems.first().contains(QLatin1String("consent c3")), qPrintable(result.problems.first()));
    }

    void alteredReceiptHashOrPurposes_isReported()
    {
        recordFive();
        sql("UPDATE consent_ledger SET receipt_hash = X'00' WHERE consent_id = 'c1'");
        sql("UPDATE consent_ledger SET purposes = 'equality_monitoring=0' WHERE consent_id = 'c4'");
        const LedgerCheck result = check();
        QCOMPARE(result.problems.size(), 2);
        QVERIFY(result.problems.at(0).contains(QLatin1String("consent c1")));
        QVERIFY(result.problems.at(1).contains(QLatin1String("consent c4")));
    }

    void withdrawalFakedBySql_isReported()
    {
        recordFive();
        // Someone hides a record by making it look withdrawn, without the ledger key.
        sql("UPDATE consent_ledger SET withdrawn_at = 1, receipt_hash = X'' WHERE consent_id = 'c2'");
        const LedgerCheck result = check();
        QCOMPARE(result.problems.size(), 1);
        QVERIFY(result.problems.first().contains(QLatin1String("consent c2")));
    }

    void deletedEntry_isReported()
    {
        recordFive();
        sql("DELETE FROM consent_ledger WHERE consent_id = 'c3'");
        const LedgerCheck result = check();
        QCOMPARE(result.problems.size(), 1);
        QVERIFY2(result.problems.first().contains(QLatin1String("entries 3 to 3 are missing")),
                 qPrintable(result.problems.first()));
    }

    void deletedLastEntry_isReported()
    {
        recordFive();
        sql("DELETE FROM consent_ledger WHERE consent_id = 'c5'");
        const LedgerCheck result = check();
        QCOMPARE(result.problems.size(), 1);
        QVERIFY2(result.problems.first().contains(QLatin1String("should end at entry 5")),
                 qPrintable(result.problems.first()));
    }

    void swappedEntries_areReported()
    {
        recordFive();
        sql("UPDATE consent_ledger SET seq = -seq WHERE consent_id IN ('c2', 'c3')");
        sql("UPDATE consent_ledger SET seq = seq + 5 WHERE seq < 0"); // 2 <-> 3
        const LedgerCheck result = check();
        QVERIFY(!result.intact());
    }

    void entryInsertedOutsideChorus_isReported()
    {
        recordFive();
        sql("INSERT INTO consent_ledger(consent_id, response_id, receipt_hash, survey_id, survey_version, captured_at) "
            "VALUES ('forged', 'uuid:f', X'01', 'residents-2026', '1', 0)");
        const LedgerCheck result = check();
        QCOMPARE(result.problems.size(), 1);
        QVERIFY(result.problems.first().contains(QLatin1String("consent forged")));
    }

    void entriesFromSchema2_areChainedAtTheNextOpen()
    {
        m_store.reset();
        const QString path = m_dir.filePath(QStringLiteral("old.db"));
        QFile::remove(path);
        {
            OpenOptions options;
            options.migrate = false;
            auto db = Database::open(path, options);
            QVERIFY(db.ok());
            QVERIFY(migrate(*db, migrations().first(2)).ok());
            QVERIFY(db->exec("INSERT INTO consent_ledger(consent_id, response_id, receipt_hash, survey_id, "
                             "survey_version, captured_at) VALUES ('old1', 'uuid:o1', X'0102', 's', '1', 1000), "
                             "('old2', 'uuid:o2', X'0304', 's', '1', 2000)")
                        .ok());
        }
        auto store = SqliteStore::open(path, {}, m_clock.clock());
        QVERIFY(store.ok());
        QVERIFY((*store)->consent().record(entry(1)).ok());
        auto result = (*store)->consent().verify();
        QVERIFY(result.ok());
        QVERIFY2(result->intact(), qPrintable(result->problems.join(u'\n')));
        QCOMPARE(result->entries, 3);
    }
};

QTEST_GUILESS_MAIN(TestLedgerChain)
#include "tst_ledgerchain.moc"
