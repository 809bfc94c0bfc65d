// SPDX-License-Identifier: GPL-3.0-or-later
// Contract test: every ResponseRepository behaves the same (fake, SQLite in memory, SQLite file).
#include "StoreBackends.h"

using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::testing;
using namespace std::chrono_literals;

class TestResponseRepository : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<Store> m_store;

    ResponseRepository &repo() { return m_store->responses(); }
    QDateTime at(int minutes) const { return m_clock.now->addSecs(60 * minutes); }

    void finalizeThree()
    {
        // Finalized out of id order, to prove the queue orders by time.
        QVERIFY(repo().finalize(sampleResponse(QStringLiteral("uuid:b"), at(2))).ok());
        QVERIFY(repo().finalize(sampleResponse(QStringLiteral("uuid:a"), at(1))).ok());
        QVERIFY(repo().finalize(sampleResponse(QStringLiteral("uuid:c"), at(3))).ok());
    }

    QStringList queuedIds(int limit = -1)
    {
        auto queued = repo().queued(limit);
        if (!queued) {
            return {QStringLiteral("error: ") + queued.error().message};
        }
        QStringList ids;
        for (const StoredResponse &r : *queued) {
            ids.append(r.envelope.instanceId);
        }
        return ids;
    }

private Q_SLOTS:
    void initTestCase_data() { addBackends(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("device.db")));
        m_store = openStore(backend, m_dir, m_clock.clock());
        QVERIFY(m_store);
    }

    void cleanup() { m_store.reset(); }

    void finalize_thenLoad_returnsExactBytes()
    {
        const FinalizedResponse sent = sampleResponse(QStringLiteral("uuid:1"), at(0));
        QVERIFY(repo().finalize(sent).ok());
        auto loaded = repo().load(QStringLiteral("uuid:1"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        QCOMPARE(loaded->envelope.manifest, sent.manifest);
        QCOMPARE(loaded->envelope.encryptedFiles, sent.encryptedFiles);
        QCOMPARE(loaded->envelope.surveyId, sent.surveyId);
        QCOMPARE(loaded->envelope.surveyVersion, sent.surveyVersion);
        QCOMPARE(loaded->envelope.finalizedAt, sent.finalizedAt);
        QCOMPARE(loaded->state, ResponseState::Finalized);
        QCOMPARE(loaded->attempts, 0);
        QVERIFY(!loaded->envelopeRemoved);
    }

    void finalize_deletesTheDraftOfTheSameId()
    {
        const Draft draft{QStringLiteral("uuid:1"), QStringLiteral("residents-2026"), QStringLiteral("1"),
                          QByteArrayLiteral("cipher"), at(0)};
        QVERIFY(m_store->drafts().save(draft).ok());
        QVERIFY(m_store->drafts().save({QStringLiteral("uuid:other"), draft.surveyId, draft.surveyVersion,
                                        draft.encryptedBlob, at(0)})
                    .ok());
        QVERIFY(repo().finalize(sampleResponse(QStringLiteral("uuid:1"), at(1))).ok());
        QCOMPARE(m_store->drafts().load(QStringLiteral("uuid:1")).error().kind, ErrorKind::NotFound);
        QVERIFY(m_store->drafts().load(QStringLiteral("uuid:other")).ok());
    }

    void finalize_sameIdTwice_isConflictAndKeepsTheFirst()
    {
        QVERIFY(repo().finalize(sampleResponse(QStringLiteral("uuid:1"), at(0))).ok());
        FinalizedResponse second = sampleResponse(QStringLiteral("uuid:1"), at(5));
        second.manifest = QByteArrayLiteral("<different/>");
        const Status status = repo().finalize(second);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, ErrorKind::Conflict);
        QCOMPARE(repo().load(QStringLiteral("uuid:1"))->envelope.manifest,
                 sampleResponse(QStringLiteral("uuid:1"), at(0)).manifest);
    }

    void finalize_invalidEnvelope_isRefusedAndStoresNothing_data()
    {
        QTest::addColumn<int>("defect");
        QTest::newRow("empty id") << 0;
        QTest::newRow("empty manifest") << 1;
        QTest::newRow("no parts") << 2;
        QTest::newRow("duplicate part names") << 3;
        QTest::newRow("part name with a slash") << 4;
        QTest::newRow("no finalization time") << 5;
    }

    void finalize_invalidEnvelope_isRefusedAndStoresNothing()
    {
        QFETCH(int, defect);
        FinalizedResponse r = sampleResponse(QStringLiteral("uuid:bad"), at(0));
        switch (defect) {
        case 0: r.instanceId.clear(); break;
        case 1: r.manifest.clear(); break;
        case 2: r.encryptedFiles.clear(); break;
        case 3: r.encryptedFiles[1].name = r.encryptedFiles[0].name; break;
        case 4: r.encryptedFiles[0].name = QStringLiteral("../x.enc"); break;
        case 5: r.finalizedAt = {}; break;
        }
        const Status status = repo().finalize(r);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, ErrorKind::InvalidInput);
        QVERIFY(repo().list()->isEmpty());
    }

    void queued_isOldestFirst_andHonoursTheLimit()
    {
        finalizeThree();
        QCOMPARE(queuedIds(), (QStringList{QStringLiteral("uuid:a"), QStringLiteral("uuid:b"), QStringLiteral("uuid:c")}));
        QCOMPARE(queuedIds(2), (QStringList{QStringLiteral("uuid:a"), QStringLiteral("uuid:b")}));
        auto queued = repo().queued(1);
        QCOMPARE(queued->constFirst().envelope.encryptedFiles,
                 sampleResponse(QStringLiteral("uuid:a"), at(1)).encryptedFiles);
    }

    void queued_holdsFinalizedSendingAndTransientFailures_only()
    {
        finalizeThree();
        QVERIFY(repo().finalize(sampleResponse(QStringLiteral("uuid:d"), at(4))).ok());
        QVERIFY(repo().finalize(sampleResponse(QStringLiteral("uuid:e"), at(5))).ok());
        for (const char *id : {"uuid:a", "uuid:b", "uuid:c", "uuid:d"}) {
            QVERIFY(repo().markSending(QLatin1String(id)).ok());
        }
        QVERIFY(repo().markAccepted(QStringLiteral("uuid:a")).ok());
        QVERIFY(repo().markTransientFailure(QStringLiteral("uuid:b"), QStringLiteral("HTTP 503")).ok());
        QVERIFY(repo().markFailed(QStringLiteral("uuid:c"), QStringLiteral("HTTP 400")).ok());
        // d stays "sending" (a crash mid-upload), e stays "finalized".
        QCOMPARE(queuedIds(), (QStringList{QStringLiteral("uuid:b"), QStringLiteral("uuid:d"), QStringLiteral("uuid:e")}));
    }

    void markSending_countsAttempts_andResendsTheSameBytes()
    {
        const FinalizedResponse sent = sampleResponse(QStringLiteral("uuid:1"), at(0));
        QVERIFY(repo().finalize(sent).ok());
        QVERIFY(repo().markSending(sent.instanceId).ok());
        QVERIFY(repo().markSending(sent.instanceId).ok()); // retry after a crash mid-upload
        QVERIFY(repo().markTransientFailure(sent.instanceId, QStringLiteral("timeout")).ok());
        QVERIFY(repo().markSending(sent.instanceId).ok());
        auto loaded = repo().load(sent.instanceId);
        QCOMPARE(loaded->attempts, 3);
        QCOMPARE(loaded->state, ResponseState::Sending);
        QCOMPARE(loaded->envelope.manifest, sent.manifest);
        QCOMPARE(loaded->envelope.encryptedFiles, sent.encryptedFiles);
    }

    void markFailed_keepsReason_andPermanentFailureLeavesTheQueue()
    {
        QVERIFY(repo().finalize(sampleResponse(QStringLiteral("uuid:1"), at(0))).ok());
        QVERIFY(repo().markSending(QStringLiteral("uuid:1")).ok());
        QVERIFY(repo().markFailed(QStringLiteral("uuid:1"), QStringLiteral("HTTP 400: form not found")).ok());
        auto loaded = repo().load(QStringLiteral("uuid:1"));
        QCOMPARE(loaded->state, ResponseState::Failed);
        QVERIFY(!loaded->retryable);
        QCOMPARE(loaded->failureReason, QStringLiteral("HTTP 400: form not found"));
        QVERIFY(queuedIds().isEmpty());
    }

    void illegalTransitions_areRefused_andChangeNothing()
    {
        QVERIFY(repo().finalize(sampleResponse(QStringLiteral("uuid:1"), at(0))).ok());
        // Finalized cannot be accepted without being sent.
        Status status = repo().markAccepted(QStringLiteral("uuid:1"));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, ErrorKind::InvalidInput);
        QVERIFY(status.error().message.contains(QLatin1String("uuid:1")));
        QVERIFY(repo().markSending(QStringLiteral("uuid:1")).ok());
        QVERIFY(repo().markAccepted(QStringLiteral("uuid:1")).ok());
        // Accepted is final.
        QVERIFY(!repo().markSending(QStringLiteral("uuid:1")).ok());
        QVERIFY(!repo().markWithdrawn(QStringLiteral("uuid:1")).ok());
        QCOMPARE(repo().load(QStringLiteral("uuid:1"))->state, ResponseState::Accepted);
        QCOMPARE(repo().load(QStringLiteral("uuid:1"))->attempts, 1);
    }

    void mark_unknownId_isNotFound()
    {
        QCOMPARE(repo().markSending(QStringLiteral("uuid:missing")).error().kind, ErrorKind::NotFound);
        QCOMPARE(repo().load(QStringLiteral("uuid:missing")).error().kind, ErrorKind::NotFound);
    }

    void conflictAndDeletedOnServer_areDistinctFinalStates()
    {
        finalizeThree();
        QVERIFY(repo().markSending(QStringLiteral("uuid:a")).ok());
        QVERIFY(repo().markSending(QStringLiteral("uuid:b")).ok());
        QVERIFY(repo().markConflict(QStringLiteral("uuid:a"), QStringLiteral("409: different XML")).ok());
        QVERIFY(repo().markDeletedOnServer(QStringLiteral("uuid:b"), QStringLiteral("409: deleted")).ok());
        QCOMPARE(repo().load(QStringLiteral("uuid:a"))->state, ResponseState::Conflict);
        QCOMPARE(repo().load(QStringLiteral("uuid:b"))->state, ResponseState::DeletedOnServer);
        QCOMPARE(repo().load(QStringLiteral("uuid:b"))->failureReason, QStringLiteral("409: deleted"));
        QVERIFY(!repo().markSending(QStringLiteral("uuid:a")).ok());
        QCOMPARE(queuedIds(), QStringList{QStringLiteral("uuid:c")});
    }

    void markWithdrawn_erasesTheEnvelope_butKeepsTheRecord()
    {
        QVERIFY(repo().finalize(sampleResponse(QStringLiteral("uuid:1"), at(0))).ok());
        QVERIFY(repo().markWithdrawn(QStringLiteral("uuid:1")).ok());
        auto loaded = repo().load(QStringLiteral("uuid:1"));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->state, ResponseState::Withdrawn);
        QVERIFY(loaded->envelopeRemoved);
        QVERIFY(loaded->envelope.manifest.isEmpty());
        QVERIFY(loaded->envelope.encryptedFiles.isEmpty());
        QVERIFY(queuedIds().isEmpty());
    }

    void countsByState_perSurveyAndOverall()
    {
        finalizeThree();
        QVERIFY(repo().finalize(sampleResponse(QStringLiteral("uuid:x"), at(9), QStringLiteral("other"))).ok());
        QVERIFY(repo().markSending(QStringLiteral("uuid:a")).ok());
        QVERIFY(repo().markAccepted(QStringLiteral("uuid:a")).ok());
        const StateCounts survey = *repo().countsByState(QStringLiteral("residents-2026"));
        QCOMPARE(survey.value(ResponseState::Finalized), 2);
        QCOMPARE(survey.value(ResponseState::Accepted), 1);
        QVERIFY(!survey.contains(ResponseState::Sending));
        const StateCounts all = *repo().countsByState(QString());
        QCOMPARE(all.value(ResponseState::Finalized), 3);
        QCOMPARE(repo().countsByState(QStringLiteral("nobody"))->size(), 0);
    }

    void list_isOldestFirst_withStates()
    {
        finalizeThree();
        QVERIFY(repo().markSending(QStringLiteral("uuid:b")).ok());
        auto list = repo().list();
        QCOMPARE(list->size(), 3);
        QCOMPARE(list->at(0).instanceId, QStringLiteral("uuid:a"));
        QCOMPARE(list->at(1).state, ResponseState::Sending);
        QCOMPARE(list->at(1).attempts, 1);
        QCOMPARE(list->at(2).finalizedAt, at(3));
    }

    void stateChanges_areAudited_withoutEnvelopeBytes()
    {
        QVERIFY(repo().finalize(sampleResponse(QStringLiteral("uuid:1"), at(0))).ok());
        QVERIFY(repo().markSending(QStringLiteral("uuid:1")).ok());
        QVERIFY(repo().markAccepted(QStringLiteral("uuid:1")).ok());
        auto events = m_store->audit().list(-1);
        QStringList kinds;
        for (const AuditEvent &e : *events) {
            QCOMPARE(e.subjectId, QStringLiteral("uuid:1"));
            QVERIFY(!e.detail.contains(QLatin1String("encrypted")));
            kinds.append(e.kind);
        }
        QCOMPARE(kinds, (QStringList{QStringLiteral("response.finalized"), QStringLiteral("response.accepted")}));
    }

    void removeAcceptedEnvelopes_onlyAfterTheRetentionCutoff()
    {
        finalizeThree();
        QVERIFY(repo().markSending(QStringLiteral("uuid:a")).ok());
        QVERIFY(repo().markAccepted(QStringLiteral("uuid:a")).ok());
        m_clock.advance(48h);
        QVERIFY(repo().markSending(QStringLiteral("uuid:b")).ok());
        QVERIFY(repo().markAccepted(QStringLiteral("uuid:b")).ok());
        // Keep one day: a (accepted 2 days ago) goes, b (accepted now) and c (never sent) stay.
        auto removed = repo().removeAcceptedEnvelopes(m_clock.now->addDays(-1));
        QCOMPARE(*removed, 1);
        QVERIFY(repo().load(QStringLiteral("uuid:a"))->envelopeRemoved);
        QVERIFY(repo().load(QStringLiteral("uuid:a"))->envelope.encryptedFiles.isEmpty());
        QCOMPARE(repo().load(QStringLiteral("uuid:a"))->state, ResponseState::Accepted);
        QVERIFY(!repo().load(QStringLiteral("uuid:b"))->envelopeRemoved);
        QVERIFY(!repo().load(QStringLiteral("uuid:c"))->envelopeRemoved);
        QCOMPARE(*repo().removeAcceptedEnvelopes(*m_clock.now), 1); // now b too; a not counted twice
    }

    // A withdrawal after sync erases the local copy at once; one still to send keeps it.
    void removeEnvelope_onlyOnceTheServerHasIt()
    {
        finalizeThree();
        QVERIFY(repo().markSending(QStringLiteral("uuid:a")).ok());
        QVERIFY(repo().markAccepted(QStringLiteral("uuid:a")).ok());
        QVERIFY(repo().markSending(QStringLiteral("uuid:b")).ok());
        QVERIFY(repo().markConflict(QStringLiteral("uuid:b"), QStringLiteral("different XML")).ok());
        QVERIFY(repo().removeEnvelope(QStringLiteral("uuid:a"), QStringLiteral("withdrawn after sync")).ok());
        QVERIFY(repo().removeEnvelope(QStringLiteral("uuid:b"), QStringLiteral("withdrawn after sync")).ok());
        QVERIFY(repo().removeEnvelope(QStringLiteral("uuid:a"), QStringLiteral("again")).ok()); // nothing left
        for (const char *id : {"uuid:a", "uuid:b"}) {
            const auto r = repo().load(QLatin1String(id));
            QVERIFY(r->envelopeRemoved);
            QVERIFY(r->envelope.encryptedFiles.isEmpty());
            QVERIFY(r->envelope.manifest.isEmpty());
        }
        QCOMPARE(repo().load(QStringLiteral("uuid:a"))->state, ResponseState::Accepted);

        const Status queued = repo().removeEnvelope(QStringLiteral("uuid:c"), QStringLiteral("withdrawn after sync"));
        QVERIFY(!queued.ok());
        QCOMPARE(queued.error().kind, ErrorKind::InvalidInput);
        QVERIFY(!repo().load(QStringLiteral("uuid:c"))->envelopeRemoved);
        QCOMPARE(repo().removeEnvelope(QStringLiteral("uuid:none"), {}).error().kind, ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestResponseRepository)
#include "tst_responserepository.moc"
