// SPDX-License-Identifier: GPL-3.0-or-later
// Draft serialisation and sealing: what goes in comes back exactly, a blob only opens under
// the ids it was sealed for, and unreadable content is refused rather than half-resumed.
#include "crypto/DeviceVault.h"
#include "response/DraftContent.h"
#include "response/DraftStore.h"
#include "store/InMemoryStore.h"

#include <QtTest>

using namespace chorus;
using namespace chorus::response;

namespace {
DraftContent sample()
{
    DraftContent d;
    d.response.instanceId = QStringLiteral("uuid:3f1c2a9e-8d4b-4c6e-9a7f-1b2c3d4e5f60");
    d.response.surveyId = QStringLiteral("library");
    d.response.surveyVersion = QStringLiteral("7");
    d.response.bankVersion = QStringLiteral("gss/2025.1");
    d.response.language = QStringLiteral("cy");
    d.response.started = QDateTime(QDate(2026, 11, 24), QTime(14, 5, 6, 789), Qt::UTC);
    d.response.answers.insert(QStringLiteral("frequency"), Answer::answered(QStringLiteral("weekly")));
    d.response.answers.insert(QStringLiteral("reasons"),
                              Answer::answered(QStringLiteral("books other"), QStringLiteral("Café ☕")));
    d.response.answers.insert(QStringLiteral("ethnicity"), Answer::preferNotToSay());
    d.response.answers.insert(QStringLiteral("people[2]/age"), Answer::notAnswered());
    d.response.repeatCounts.insert(QStringLiteral("people"), 2);
    d.position = QStringLiteral("people[2]/age");
    d.consent.insert(QStringLiteral("consultation"), true);
    d.consent.insert(QStringLiteral("equality_monitoring"), false);
    d.noticeLanguage = QStringLiteral("cy");
    d.mode = QStringLiteral("assisted");
    d.operatorId = QStringLiteral("op-12");
    d.eventName = QStringLiteral("Market day");
    d.eventWard = QStringLiteral("E05000001");
    return d;
}
} // namespace

class TestDraftStore : public QObject
{
    Q_OBJECT

    std::optional<crypto::DeviceVault> m_vault;

private Q_SLOTS:
    void initTestCase()
    {
        crypto::DeviceVault::Options options;
        options.kdf = crypto::KdfParams::minimum();
        auto vault = crypto::DeviceVault::create(QByteArrayLiteral("passphrase for tests"), options);
        QVERIFY(vault);
        m_vault.emplace(std::move(*vault));
    }

    void encode_decode_roundTripsEveryField()
    {
        const DraftContent d = sample();
        auto back = decodeDraft(encodeDraft(d));
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(*back, d);
    }

    void decode_garbageOrUnknownFormat_isRefused()
    {
        QVERIFY(!decodeDraft(QByteArrayLiteral("{not json")));
        QVERIFY(!decodeDraft(QByteArrayLiteral("[]")));
        QByteArray future = encodeDraft(sample());
        future.replace("\"format\":1", "\"format\":99");
        QVERIFY(!decodeDraft(future));
        QByteArray badState = encodeDraft(sample());
        badState.replace("prefer_not_to_say", "maybe");
        const auto refused = decodeDraft(badState);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("discard")));
    }

    void save_load_roundTripsThroughTheSealedBlob()
    {
        store::InMemoryStore store;
        DraftStore drafts(store.drafts(), *m_vault);
        QVERIFY(drafts.save(sample()));
        auto stored = store.drafts().load(sample().response.instanceId);
        QVERIFY(stored);
        QVERIFY(!stored->encryptedBlob.contains("Market day"));
        QVERIFY(!stored->encryptedBlob.contains("weekly"));
        auto back = drafts.load(sample().response.instanceId);
        QVERIFY(back);
        QCOMPARE(*back, sample());
    }

    void load_blobMovedToAnotherResponse_failsToOpen()
    {
        store::InMemoryStore store;
        DraftStore drafts(store.drafts(), *m_vault);
        QVERIFY(drafts.save(sample()));
        auto stored = store.drafts().load(sample().response.instanceId);
        QVERIFY(stored);
        store::Draft moved = *stored;
        moved.responseId = QStringLiteral("uuid:00000000-0000-4000-8000-000000000001");
        QVERIFY(store.drafts().save(moved));
        QVERIFY(!drafts.load(moved.responseId));
        moved = *stored;
        moved.responseId = QStringLiteral("uuid:00000000-0000-4000-8000-000000000002");
        moved.surveyVersion = QStringLiteral("8");
        QVERIFY(store.drafts().save(moved));
        QVERIFY(!drafts.load(moved.responseId));
    }

    void save_lockedVault_storesNothing()
    {
        crypto::DeviceVault::Options options;
        options.kdf = crypto::KdfParams::minimum();
        auto vault = crypto::DeviceVault::create(QByteArrayLiteral("another passphrase"), options);
        QVERIFY(vault);
        vault->lock();
        store::InMemoryStore store;
        DraftStore drafts(store.drafts(), *vault);
        QVERIFY(!drafts.save(sample()));
        auto listed = drafts.list();
        QVERIFY(listed);
        QVERIFY(listed->isEmpty());
    }

    void discard_thenLoad_isNotFound()
    {
        store::InMemoryStore store;
        DraftStore drafts(store.drafts(), *m_vault);
        QVERIFY(drafts.save(sample()));
        QVERIFY(drafts.discard(sample().response.instanceId));
        const auto gone = drafts.load(sample().response.instanceId);
        QVERIFY(!gone);
        QCOMPARE(gone.error().kind, ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestDraftStore)

#include "tst_draftstore.moc"
