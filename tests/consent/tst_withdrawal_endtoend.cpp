// SPDX-License-Identifier: GPL-3.0-or-later
// Both withdrawal paths through the real chain: collect -> withdraw before sync (erased on the
// device) and withdraw after sync (request through the outbox) -> chorus-receiver over
// loopback HTTP -> pull -> export, which leaves out the withdrawn record and counts it.
#include "ConsentTestSupport.h"

#include "../sync/LiveReceiver.h"
#include "store/Retention.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::consent::testing;

class TestWithdrawalEndToEnd : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_survey;
    QString m_keys;
    QString m_passphrase;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    std::pair<QString, QString> collect(const QString &improvements, const QString &db = {})
    {
        const QString answers = path(u"answers-%1.json"_s.arg(QUuid::createUuid().toString(QUuid::Id128)));
        QFile file(answers);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write answers");
        file.write(QJsonDocument(QJsonObject{{u"satisfaction"_s, u"5"_s}, {u"sex"_s, u"female"_s}, {u"improvements"_s, improvements}}).toJson());
        file.close();
        const auto run = runCli({u"collect"_s, u"--survey"_s, m_survey, u"--unsigned-test-package"_s, u"--db"_s, db.isEmpty() ? path(u"device.db"_s) : db,
                                 u"--answers"_s, answers, u"--grant"_s, u"equality_monitoring"_s, u"--grant"_s,
                                 u"consultation"_s, u"--mode"_s, u"assisted"_s, u"--operator"_s, u"op-1"_s});
        if (run.code != 0)
            qFatal("collect failed: %s", qPrintable(run.err));
        return {outputValue(run.out, u"finalized"_s), outputValue(run.out, u"receipt"_s)};
    }

    CliResult sync(const testing::LiveReceiver &live, const QString &db = {})
    {
        return runCli({u"sync"_s, u"--db"_s, db.isEmpty() ? path(u"device.db"_s) : db, u"--endpoint"_s, live.base(),
                       u"--token-file"_s, chorus::testing::writeTokenFile(m_dir, u"device-token"_s, live.deviceToken),
                       u"--allow-http-loopback"_s});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_passphrase = path(u"passphrase"_s);
        QFile pass(m_passphrase);
        QVERIFY(pass.open(QIODevice::WriteOnly));
        pass.write("correct horse battery staple\n");
        pass.close();
        m_keys = path(u"keys"_s);
        const auto init = runCli({u"keys"_s, u"init"_s, u"--dir"_s, m_keys, u"--passphrase-file"_s, m_passphrase,
                                  u"--kdf"_s, u"interactive"_s});
        QVERIFY2(init.code == 0, qPrintable(init.err));

        // The demo survey, sealed to this council's new key.
        QFile pub(QDir(m_keys).filePath(u"council-rsa.pub"_s));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        QFile demo(demoSurveyPath());
        QVERIFY(demo.open(QIODevice::ReadOnly));
        QJsonObject package = QJsonDocument::fromJson(demo.readAll()).object();
        QJsonObject encryption = package.value(u"encryption"_s).toObject();
        encryption.insert(u"publicKey"_s, QString::fromLatin1(pub.readAll().trimmed()));
        package.insert(u"encryption"_s, encryption);
        m_survey = path(u"survey.chorus.json"_s);
        QFile out(m_survey);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(package).toJson());
    }

    void withdrawals_beforeAndAfterSync_areLeftOutOfTheExportAndCounted()
    {
        testing::LiveReceiver live;
        QVERIFY(live.start());

        const auto [erasedId, erasedCode] = collect(u"SENTINEL-erased"_s);
        const auto [requestedId, requestedCode] = collect(u"SENTINEL-requested"_s);
        const auto [keptId, keptCode] = collect(u"kept"_s);
        const auto [letterId, letterCode] = collect(u"SENTINEL-letter"_s);

        // Before sync: erased on the device, never leaves it.
        auto before = runCli({u"withdraw"_s, u"--db"_s, path(u"device.db"_s), u"--survey"_s, m_survey, u"--code"_s,
                              erasedCode, u"--by"_s, u"operator"_s});
        QVERIFY2(before.code == 0, qPrintable(before.err));
        QVERIFY(before.out.contains(u"erased_before_sync"));

        auto first = sync(live);
        QVERIFY2(first.code == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains(u"3 of 3 records accepted"), qPrintable(first.out));

        // After sync: a request goes through the same outbox.
        auto after = runCli({u"withdraw"_s, u"--db"_s, path(u"device.db"_s), u"--survey"_s, m_survey, u"--code"_s,
                             requestedCode});
        QVERIFY2(after.code == 0, qPrintable(after.err));
        QVERIFY(after.out.contains(u"request_needed"));
        auto second = sync(live);
        QVERIFY2(second.code == 0, qPrintable(second.err));
        QVERIFY2(second.out.contains(u"1 of 1 records accepted"), qPrintable(second.out));

        const QString admin = path(u"admin"_s);
        const QString tokenFile = chorus::testing::writeTokenFile(m_dir, u"admin-token"_s, live.adminToken);
        auto pulled = runCli({u"pull"_s, u"--endpoint"_s, live.base(), u"--admin-token-file"_s, tokenFile, u"--out"_s,
                              admin, u"--allow-http-loopback"_s});
        QVERIFY2(pulled.code == 0, qPrintable(pulled.err));

        // By letter: the council records the code the person sent; nobody is named.
        auto letter = runCli({u"withdrawals"_s, u"add"_s, u"--in"_s, admin, u"--survey"_s, m_survey, u"--code"_s,
                              letterCode, u"--channel"_s, u"written"_s});
        QVERIFY2(letter.code == 0, qPrintable(letter.err));

        auto listed = runCli({u"withdrawals"_s, u"list"_s, u"--in"_s, admin, u"--keys"_s, m_keys,
                              u"--passphrase-file"_s, m_passphrase});
        QVERIFY2(listed.code == 0, qPrintable(listed.err));
        QVERIFY(listed.out.contains(u"withdrawn "_s + requestedId));
        QVERIFY(listed.out.contains(u"withdrawn "_s + letterId));
        QVERIFY(!listed.out.contains(keptId));
        QVERIFY2(listed.out.contains(u"2 of 3 response(s) withdrawn; 2 request(s)"), qPrintable(listed.out));

        const QString exportDir = path(u"export"_s);
        auto exported = runCli({u"export"_s, u"--in"_s, admin, u"--keys"_s, m_keys, u"--passphrase-file"_s,
                                m_passphrase, u"--out"_s, exportDir});
        QVERIFY2(exported.code == 0, qPrintable(exported.err));
        QVERIFY2(exported.out.contains(u"exported 1 response(s)"), qPrintable(exported.out));
        QVERIFY2(exported.out.contains(u"2 withdrawn (not exported)"), qPrintable(exported.out));

        QByteArray csv;
        for (const QString &name : QDir(exportDir).entryList({u"*.csv"_s}, QDir::Files)) {
            QFile file(QDir(exportDir).filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            csv += file.readAll();
        }
        QVERIFY(csv.contains(keptId.toUtf8()));
        QVERIFY(!csv.contains(requestedId.toUtf8()));
        QVERIFY(!csv.contains("SENTINEL"));
        QVERIFY(!csv.contains(erasedId.toUtf8()));
        QVERIFY(!csv.contains(letterId.toUtf8()));

        // Apply: the receiver deletes both withdrawn envelopes (and keeps tombstones).
        const QStringList applyArgs{u"withdrawals"_s, u"apply"_s, u"--in"_s, admin, u"--keys"_s, m_keys,
                                    u"--passphrase-file"_s, m_passphrase, u"--endpoint"_s, live.base(),
                                    u"--admin-token-file"_s, tokenFile, u"--allow-http-loopback"_s};
        auto applied = runCli(applyArgs);
        QVERIFY2(applied.code == 0, qPrintable(applied.err));
        QVERIFY(applied.out.contains(requestedId + u" deleted"_s));
        QVERIFY(applied.out.contains(letterId + u" deleted"_s));
        QVERIFY2(applied.out.contains(u"2 deleted on the receiver, 0 already deleted"), qPrintable(applied.out));
        auto again = runCli(applyArgs);
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(u"0 deleted on the receiver, 2 already deleted"), qPrintable(again.out));
        QFile record(QDir(admin).filePath(u"withdrawals-applied.jsonl"_s));
        QVERIFY(record.open(QIODevice::ReadOnly));
        QCOMPARE(record.readAll().count('\n'), 4);

        // The receiver refuses the deleted envelopes' bytes from now on.
        auto repulled = runCli({u"pull"_s, u"--endpoint"_s, live.base(), u"--admin-token-file"_s, tokenFile,
                                u"--out"_s, admin, u"--allow-http-loopback"_s});
        QVERIFY2(repulled.code == 0, qPrintable(repulled.err));
        auto pulledCopy = [&admin](QString instanceId) {
            return QDir(admin).exists(u"submissions/"_s + instanceId.replace(u':', u'-'));
        };
        QVERIFY(pulledCopy(keptId));
        QVERIFY(!pulledCopy(requestedId));
        QVERIFY(!pulledCopy(letterId));
    }

    // After `chorusctl sync` against the real receiver: the ledger knows when each record was
    // accepted, the chain still verifies, and "keep 0 days" left no envelope behind.
    void sync_recordsServerReceivedAt_andAppliesRetention()
    {
        testing::LiveReceiver live;
        QVERIFY(live.start());
        const QString db = path(u"retention.db"_s);
        const auto [firstId, firstCode] = collect(u"one"_s, db);
        const auto [secondId, secondCode] = collect(u"two"_s, db);
        {
            auto store = store::SqliteStore::open(db);
            QVERIFY(store.ok());
            QVERIFY(store::setAcceptedEnvelopeRetention((*store)->settings(), std::chrono::days(0)).ok());
        }
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        auto synced = sync(live, db);
        QVERIFY2(synced.code == 0, qPrintable(synced.err));
        QVERIFY2(synced.out.contains(u"2 of 2 records accepted"), qPrintable(synced.out));
        const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);

        auto store = store::SqliteStore::open(db);
        QVERIFY(store.ok());
        for (const QString &id : {firstId, secondId}) {
            auto stored = (*store)->responses().load(id);
            QVERIFY(stored.ok());
            QVERIFY(stored->state == response::ResponseState::Accepted);
            QVERIFY2(stored->envelopeRemoved, qPrintable(id));
            auto ledger = (*store)->consent().forResponse(id);
            QVERIFY(ledger.ok() && ledger->size() == 1);
            QVERIFY(ledger->first().serverReceivedAt.has_value());
            QVERIFY(*ledger->first().serverReceivedAt >= before && *ledger->first().serverReceivedAt <= after);
        }
        auto check = (*store)->consent().verify();
        QVERIFY(check.ok());
        QVERIFY2(check->intact(), qPrintable(check->problems.join(u'\n')));

        const auto shown = runCli({u"outbox"_s, u"ledger"_s, u"--db"_s, db});
        QVERIFY2(shown.code == 0, qPrintable(shown.err));
        QCOMPARE(shown.out.count(u"\"server_received_at_utc\":\"20"_s), 2);
    }
};

QTEST_GUILESS_MAIN(TestWithdrawalEndToEnd)
#include "tst_withdrawal_endtoend.moc"
