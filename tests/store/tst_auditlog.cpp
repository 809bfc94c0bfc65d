// SPDX-License-Identifier: GPL-3.0-or-later
// Contract test: every AuditLog behaves the same (fake, SQLite in memory, SQLite file).
#include "StoreBackends.h"

using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::testing;
using namespace std::chrono_literals;

class TestAuditLog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<Store> m_store;

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

    void append_thenList_inOrder_withTimes()
    {
        AuditLog &log = m_store->audit();
        QVERIFY(log.append(QStringLiteral("survey.installed"), QStringLiteral("residents-2026"), QStringLiteral("v2")).ok());
        m_clock.advance(1500ms);
        QVERIFY(log.append(QStringLiteral("kiosk.reset"), QStringLiteral("kiosk-1")).ok());
        auto events = log.list(-1);
        QCOMPARE(events->size(), 2);
        QCOMPARE(events->at(0).kind, QStringLiteral("survey.installed"));
        QCOMPARE(events->at(0).subjectId, QStringLiteral("residents-2026"));
        QCOMPARE(events->at(0).detail, QStringLiteral("v2"));
        QCOMPARE(events->at(1).at, *m_clock.now);
        QVERIFY(events->at(0).id < events->at(1).id);
    }

    void list_withLimit_returnsTheNewest_oldestFirst()
    {
        AuditLog &log = m_store->audit();
        for (int i = 0; i < 5; ++i) {
            QVERIFY(log.append(QStringLiteral("event"), QString::number(i)).ok());
        }
        auto events = log.list(2);
        QCOMPARE(events->size(), 2);
        QCOMPARE(events->at(0).subjectId, QStringLiteral("3"));
        QCOMPARE(events->at(1).subjectId, QStringLiteral("4"));
        QCOMPARE(log.list(0)->size(), 0);
    }

    void append_withoutKind_isRefused()
    {
        QCOMPARE(m_store->audit().append(QString(), QStringLiteral("x")).error().kind, ErrorKind::InvalidInput);
        QVERIFY(m_store->audit().list(-1)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
