// SPDX-License-Identifier: GPL-3.0-or-later
// `chorusctl withdraw` on the device, end to end from `chorusctl collect`: before sync the
// envelope is erased and leaves no trace in the database files; after sync a sealed
// withdrawal request is queued in the outbox.
#include "ConsentTestSupport.h"

#include "consent/SurveyConsent.h"
#include "consent/WithdrawalSubmission.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::consent::testing;

namespace {
// Every byte SQLite may have written for this database.
QByteArray databaseBytes(const QString &db)
{
    QByteArray all;
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        QFile file(db + suffix);
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

struct Collected {
    QString instanceId;
    QString code;
};
} // namespace

class TestWithdraw : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    Collected collect(const QString &db, const QString &improvements)
    {
        const QString answers = m_dir.filePath(u"answers-%1.json"_s.arg(QUuid::createUuid().toString(QUuid::Id128)));
        QFile file(answers);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write answers");
        file.write(QJsonDocument(QJsonObject{{u"satisfaction"_s, u"2"_s}, {u"sex"_s, u"male"_s}, {u"improvements"_s, improvements}}).toJson());
        file.close();
        const auto run = runCli({u"collect"_s, u"--survey"_s, demoSurveyPath(), u"--unsigned-test-package"_s, u"--db"_s, db, u"--answers"_s, answers,
                                 u"--grant"_s, u"equality_monitoring"_s, u"--grant"_s, u"consultation"_s,
                                 u"--mode"_s, u"kiosk"_s});
        if (run.code != 0)
            qFatal("collect failed: %s", qPrintable(run.err));
        return {outputValue(run.out, u"finalized"_s), outputValue(run.out, u"receipt"_s)};
    }

    CliResult withdraw(const QString &db, const QString &code)
    {
        return runCli({u"withdraw"_s, u"--db"_s, db, u"--survey"_s, demoSurveyPath(), u"--code"_s, code});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void withdraw_beforeSync_erasesTheEnvelopeAndNoTraceStaysInTheDatabaseFiles()
    {
        const QString db = m_dir.filePath(u"before.db"_s);
        const QString sentinel = u"SENTINEL-"_s + QUuid::createUuid().toString(QUuid::Id128);
        const Collected mine = collect(db, sentinel);
        const Collected other = collect(db, u"Keep me"_s);

        // What must disappear: slices of this response's ciphertext and its wrapped key.
        QByteArray ciphertext;
        QByteArray manifest;
        {
            auto store = store::SqliteStore::open(db);
            QVERIFY(store.ok());
            auto stored = (*store)->responses().load(mine.instanceId);
            QVERIFY(stored.ok());
            ciphertext = stored->envelope.encryptedFiles.constLast().bytes;
            manifest = stored->envelope.manifest;
            QVERIFY((*store)->database().checkpoint().ok());
        }
        // The ledger's receipt hash, raw (as stored) and as hex (as any text copy would be).
        const QString receiptHashHex =
            consent::receiptCodeHash(*consent::ReceiptCode::parse(mine.code), consent::receiptHashKeyFor(demoSurvey()));
        const QByteArray receiptHash = QByteArray::fromHex(receiptHashHex.toLatin1());
        QCOMPARE(receiptHash.size(), 32);
        QVERIFY(databaseBytes(db).contains(receiptHash));
        const QByteArray slice = ciphertext.mid(16, 48);
        const int keyStart = manifest.indexOf("<base64EncryptedKey>") + 20;
        const QByteArray wrappedKey = manifest.mid(keyStart, 40);
        QVERIFY(databaseBytes(db).contains(slice)); // the scan can see it while it is there
        QVERIFY(databaseBytes(db).contains(wrappedKey));

        const auto run = withdraw(db, mine.code.toLower());
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out.trimmed(), u"withdrawn %1 erased_before_sync"_s.arg(mine.instanceId));

        const QByteArray disk = databaseBytes(db);
        QVERIFY(!disk.contains(slice));
        QVERIFY(!disk.contains(wrappedKey));
        QVERIFY(!disk.contains(sentinel.toUtf8()));
        QVERIFY(!disk.contains(receiptHash));
        QVERIFY(!disk.contains(receiptHashHex.toLatin1()));
        QVERIFY(!disk.contains(receiptHashHex.toUpper().toLatin1()));

        auto store = store::SqliteStore::open(db);
        QVERIFY(store.ok());
        auto gone = (*store)->responses().load(mine.instanceId);
        QVERIFY(gone.ok());
        QVERIFY(gone->state == response::ResponseState::Withdrawn);
        QVERIFY(gone->envelopeRemoved);
        auto kept = (*store)->responses().load(other.instanceId);
        QVERIFY(kept.ok() && !kept->envelopeRemoved);
        auto ledger = (*store)->consent().forResponse(mine.instanceId);
        QVERIFY(ledger.ok() && ledger->size() == 1);
        QVERIFY(ledger->first().withdrawnAt.has_value());
        QCOMPARE(ledger->first().withdrawalChannel, u"on_device_respondent"_s);
        QVERIFY(ledger->first().receiptHash.isEmpty());
        QVERIFY(ledger->first().noticeSha256.isEmpty() && ledger->first().purposes.isEmpty());
        auto check = (*store)->consent().verify();
        QVERIFY(check.ok() && check->intact());
        auto audit = (*store)->audit().list();
        QVERIFY(audit.ok());
        bool audited = false;
        for (const store::AuditEvent &event : *audit)
            audited = audited || (event.kind == u"consent.withdrawn" && event.subjectId == ledger->first().consentId);
        QVERIFY(audited);
    }

    // The device kept no trace of the code, so it cannot tell; the request it queues names
    // only the code's hash, and the council finds nothing left to withdraw.
    void withdraw_again_findsNoTraceOfTheCodeAndAsksTheCouncil()
    {
        const QString db = m_dir.filePath(u"twice.db"_s);
        const Collected mine = collect(db, u"x"_s);
        QCOMPARE(withdraw(db, mine.code).code, 0);
        const auto again = withdraw(db, mine.code);
        QCOMPARE(again.code, 0);
        QVERIFY2(again.out.contains(u"not on this device"), qPrintable(again.out));
        QVERIFY(!again.out.contains(mine.instanceId));
    }

    void withdraw_mistypedCode_failsSayingWhy()
    {
        const QString db = m_dir.filePath(u"typo.db"_s);
        const Collected mine = collect(db, u"x"_s);
        QString typo = mine.code;
        std::swap(typo[0], typo[1]);
        if (typo == mine.code)
            typo[0] = typo[0] == u'A' ? u'B' : u'A';
        const auto run = withdraw(db, typo);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"not valid"), qPrintable(run.err));
        QVERIFY(!run.err.contains(mine.code));
    }

    void withdraw_codeFromAnotherDevice_queuesARequestForTheCouncil()
    {
        const QString db = m_dir.filePath(u"elsewhere.db"_s);
        collect(db, u"x"_s);
        const auto code = consent::ReceiptCode::generate();
        const auto run = withdraw(db, code.formatted());
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(u"not on this device"));
        const QString requestId = outputValue(run.out, u"queued withdrawal request"_s);
        auto xml = openStoredXml(db, requestId);
        QVERIFY(xml.ok());
        auto request = consent::parseWithdrawalSubmission(*xml);
        QVERIFY(request.ok());
        QCOMPARE(request->receiptCodeHash,
                 consent::receiptCodeHash(code, consent::receiptHashKeyFor(demoSurvey())));
    }

    // After sync the server has the response: the request goes to the council, and the sealed
    // copy on the device is erased now, as the before-sync path does.
    void withdraw_afterAcceptance_queuesASealedRequestAndErasesTheLocalEnvelope()
    {
        const QString db = m_dir.filePath(u"after.db"_s);
        const Collected mine = collect(db, u"x"_s);
        const Collected other = collect(db, u"Keep me"_s);
        QByteArray slice;
        QByteArray wrappedKey;
        {
            auto store = store::SqliteStore::open(db);
            QVERIFY((*store)->responses().markSending(mine.instanceId).ok());
            QVERIFY((*store)->responses().markAccepted(mine.instanceId).ok());
            auto stored = (*store)->responses().load(mine.instanceId);
            QVERIFY(stored.ok());
            slice = stored->envelope.encryptedFiles.constLast().bytes.mid(16, 48);
            const QByteArray manifest = stored->envelope.manifest;
            wrappedKey = manifest.mid(manifest.indexOf("<base64EncryptedKey>") + 20, 40);
            QVERIFY((*store)->database().checkpoint().ok());
        }
        QVERIFY(databaseBytes(db).contains(slice)); // the scan can see it while it is there
        const auto run = withdraw(db, mine.code);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(u"request_needed"));
        const QString requestId = outputValue(run.out, u"queued withdrawal request"_s);
        QVERIFY(!requestId.isEmpty());

        const QByteArray disk = databaseBytes(db);
        QVERIFY(!disk.contains(slice));
        QVERIFY(!disk.contains(wrappedKey));
        auto store = store::SqliteStore::open(db);
        auto gone = (*store)->responses().load(mine.instanceId);
        QVERIFY(gone.ok());
        QVERIFY(gone->state == response::ResponseState::Accepted); // the id and its fate stay visible
        QVERIFY(gone->envelopeRemoved);
        QVERIFY(!(*store)->responses().load(other.instanceId)->envelopeRemoved);

        auto queued = (*store)->responses().queued(10);
        QVERIFY(queued.ok());
        QStringList queuedIds;
        for (const store::StoredResponse &r : *queued)
            queuedIds.append(r.envelope.instanceId);
        QVERIFY(queuedIds.contains(requestId));

        // Only the council can read it: decrypt with the test key and check what it names.
        auto xml = openStoredXml(db, requestId);
        QVERIFY2(xml.ok(), qPrintable(xml.ok() ? QString() : xml.error().message));
        QVERIFY(consent::isWithdrawalSubmission(*xml));
        QVERIFY(!xml->contains(mine.code.toUtf8()));
        auto request = consent::parseWithdrawalSubmission(*xml);
        QVERIFY(request.ok());
        QCOMPARE(request->receiptCodeHash,
                 consent::receiptCodeHash(*consent::ReceiptCode::parse(mine.code), consent::receiptHashKeyFor(demoSurvey())));
        QCOMPARE(request->surveyId, demoSurvey().id);
        QVERIFY(request->channel == consent::WithdrawalChannel::OnDeviceRespondent);
    }
};

QTEST_GUILESS_MAIN(TestWithdraw)
#include "tst_withdraw.moc"
