// SPDX-License-Identifier: GPL-3.0-or-later
// Contract test: every DraftRepository behaves the same (fake, SQLite in memory, SQLite file).
#include "StoreBackends.h"

using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::testing;

class TestDraftRepository : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<Store> m_store;

    DraftRepository &repo() { return m_store->drafts(); }
    Draft draft(const QString &id, int minute, const QByteArray &blob = QByteArrayLiteral("\x00\x01cipher\xff"))
    {
        return Draft{id, QStringLiteral("residents-2026"), QStringLiteral("2026112401"), blob,
                     m_clock.now->addSecs(60 * minute)};
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

    void save_thenLoad_returnsTheSameBlob()
    {
        const Draft saved = draft(QStringLiteral("uuid:1"), 0);
        QVERIFY(repo().save(saved).ok());
        auto loaded = repo().load(QStringLiteral("uuid:1"));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->encryptedBlob, saved.encryptedBlob);
        QCOMPARE(loaded->surveyId, saved.surveyId);
        QCOMPARE(loaded->surveyVersion, saved.surveyVersion);
        QCOMPARE(loaded->updatedAt, saved.updatedAt);
    }

    void save_again_replacesTheDraft()
    {
        QVERIFY(repo().save(draft(QStringLiteral("uuid:1"), 0, QByteArrayLiteral("first"))).ok());
        QVERIFY(repo().save(draft(QStringLiteral("uuid:1"), 1, QByteArrayLiteral("second"))).ok());
        QCOMPARE(repo().load(QStringLiteral("uuid:1"))->encryptedBlob, QByteArrayLiteral("second"));
        QCOMPARE(repo().list()->size(), 1);
    }

    void list_isNewestFirst_withoutBlobs()
    {
        QVERIFY(repo().save(draft(QStringLiteral("uuid:old"), 0)).ok());
        QVERIFY(repo().save(draft(QStringLiteral("uuid:new"), 5)).ok());
        auto list = repo().list();
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).responseId, QStringLiteral("uuid:new"));
        QCOMPARE(list->at(1).responseId, QStringLiteral("uuid:old"));
    }

    void discard_removesIt_andIsIdempotent()
    {
        QVERIFY(repo().save(draft(QStringLiteral("uuid:1"), 0)).ok());
        QVERIFY(repo().discard(QStringLiteral("uuid:1")).ok());
        QCOMPARE(repo().load(QStringLiteral("uuid:1")).error().kind, ErrorKind::NotFound);
        QVERIFY(repo().discard(QStringLiteral("uuid:1")).ok());
        QVERIFY(repo().list()->isEmpty());
    }

    void save_afterFinalize_isRefused_soADraftIsNeverResurrected()
    {
        QVERIFY(repo().save(draft(QStringLiteral("uuid:1"), 0)).ok());
        QVERIFY(m_store->responses().finalize(sampleResponse(QStringLiteral("uuid:1"), *m_clock.now)).ok());
        const Status late = repo().save(draft(QStringLiteral("uuid:1"), 1));
        QVERIFY(!late.ok());
        QCOMPARE(late.error().kind, ErrorKind::Conflict);
        QCOMPARE(repo().load(QStringLiteral("uuid:1")).error().kind, ErrorKind::NotFound);
    }

    void save_invalidDraft_isRefused_data()
    {
        QTest::addColumn<int>("defect");
        QTest::newRow("no response id") << 0;
        QTest::newRow("no survey id") << 1;
        QTest::newRow("empty blob") << 2;
        QTest::newRow("no time") << 3;
    }

    void save_invalidDraft_isRefused()
    {
        QFETCH(int, defect);
        Draft d = draft(QStringLiteral("uuid:1"), 0);
        switch (defect) {
        case 0: d.responseId.clear(); break;
        case 1: d.surveyId.clear(); break;
        case 2: d.encryptedBlob.clear(); break;
        case 3: d.updatedAt = {}; break;
        }
        const Status status = repo().save(d);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, ErrorKind::InvalidInput);
        QVERIFY(repo().list()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDraftRepository)
#include "tst_draftrepository.moc"
