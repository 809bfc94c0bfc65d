// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety: a child finalizes responses in a loop and is SIGKILLed at random points; after
// each kill the database must pass integrity_check, every response must be wholly present or
// wholly absent, and nothing the child reported as committed may be lost.
// CHORUS_CRASH_KILLS sets the number of kills (the "soak" ctest configuration runs 1000).
#include "CrashPayload.h"
#include "store/SqliteStore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <random>
#include <thread>

using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::testing;

class TestCrashSafety : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QSet<QString> m_finalized; // reported by a child as committed
    QSet<QString> m_accepted;

    QString dbPath() const { return m_dir.filePath(QStringLiteral("crash.db")); }

    // Reads the child's complete lines; returns how many "F" lines this call saw.
    int collect(QProcess &child, QByteArray &pending)
    {
        pending += child.readAllStandardOutput();
        int finalized = 0;
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline);
            pending.remove(0, newline + 1);
            const QString id = QString::fromUtf8(line.mid(2));
            if (line.startsWith("F ")) {
                m_finalized.insert(id);
                ++finalized;
            } else if (line.startsWith("A ")) {
                m_accepted.insert(id);
            }
        }
        return finalized;
    }

    void verifyDatabase(int run)
    {
        auto store = SqliteStore::open(dbPath());
        QVERIFY2(store.ok(), qPrintable(QStringLiteral("after kill %1: %2").arg(run).arg(store.ok() ? QString() : store.error().message)));
        QVERIFY2((*store)->database().integrityCheck().ok(), qPrintable(QStringLiteral("after kill %1").arg(run)));
        auto list = (*store)->responses().list();
        QVERIFY(list.ok());
        QSet<QString> present;
        // Earlier runs were checked byte for byte after their own kill; this kill can only have
        // touched the current run's responses (and the earlier ones it marked accepted).
        const QString thisRun = QStringLiteral("uuid:run%1-").arg(run);
        for (const ResponseSummary &summary : *list) {
            present.insert(summary.instanceId);
            if (m_accepted.contains(summary.instanceId)) {
                QCOMPARE(summary.state, ResponseState::Accepted);
            }
            if (!summary.instanceId.startsWith(thisRun) && !m_accepted.contains(summary.instanceId)) {
                continue;
            }
            auto loaded = (*store)->responses().load(summary.instanceId);
            QVERIFY(loaded.ok());
            const FinalizedResponse expected = crashResponse(summary.instanceId);
            QCOMPARE(loaded->envelope.manifest, expected.manifest);
            QCOMPARE(loaded->envelope.encryptedFiles, expected.encryptedFiles);
            QCOMPARE((*store)->consent().forResponse(summary.instanceId)->size(), 1);
            QCOMPARE((*store)->drafts().load(summary.instanceId).error().kind, ErrorKind::NotFound);
        }
        for (const QString &id : std::as_const(m_finalized)) {
            QVERIFY2(present.contains(id), qPrintable(QStringLiteral("kill %1 lost committed response %2").arg(run).arg(id)));
        }
        // A consent entry never exists without its response, nor a draft half-written.
        const auto consents = (*store)->consent().list();
        QVERIFY(consents.ok());
        for (const ConsentEntry &e : consents.value()) {
            QVERIFY(present.contains(e.responseId));
        }
        // The ledger's MAC chain and its head move in the same transaction as the entry: a kill
        // never leaves them disagreeing (acceptances rewrite state MACs too).
        const auto chain = (*store)->consent().verify();
        QVERIFY(chain.ok());
        QVERIFY2(chain->intact(), qPrintable(QStringLiteral("kill %1: %2").arg(run).arg(chain->problems.join(QStringLiteral("; ")))));
        QCOMPARE(chain->entries, int(consents->size()));
        const auto drafts = (*store)->drafts().list();
        QVERIFY(drafts.ok());
        for (const DraftInfo &d : drafts.value()) {
            QCOMPARE((*store)->drafts().load(d.responseId)->encryptedBlob, crashDraft(d.responseId).encryptedBlob);
        }
    }

private Q_SLOTS:
    void killedAtRandomPoints_neverLosesOrTearsAResponse()
    {
        const int kills = qEnvironmentVariableIsSet("CHORUS_CRASH_KILLS") ? qEnvironmentVariableIntValue("CHORUS_CRASH_KILLS")
                                                                         : 30;
        const QString childPath = QCoreApplication::applicationDirPath() + QStringLiteral("/store_crash_child");
        QVERIFY(QFile::exists(childPath));
        std::mt19937 gen(20261124);
        int totalFinalized = 0;
        for (int run = 0; run < kills; ++run) {
            QProcess child;
            child.setProcessChannelMode(QProcess::SeparateChannels);
            child.start(childPath, {dbPath(), QString::number(run)});
            QVERIFY(child.waitForStarted(10000));
            // Let it commit a random number of responses, then kill it after a random extra
            // delay, so kills land before, during and after commits and in migrations.
            const int commits = std::uniform_int_distribution<int>(0, 6)(gen);
            QByteArray pending;
            int seen = 0;
            QDeadlineTimer deadline(20000);
            while (seen < commits && !deadline.hasExpired() && child.state() == QProcess::Running) {
                child.waitForReadyRead(200);
                seen += collect(child, pending);
            }
            QVERIFY2(child.state() == QProcess::Running,
                     qPrintable(QStringLiteral("child stopped by itself: %1").arg(QString::fromLocal8Bit(child.readAllStandardError()))));
            std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 20000)(gen)));
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished(10000));
            collect(child, pending);
            totalFinalized = int(m_finalized.size());
            verifyDatabase(run);
            if (QTest::currentTestFailed()) {
                return;
            }
        }
        qInfo("%d kills, %d responses reported committed, %d accepted; none lost or torn", kills, totalFinalized,
              int(m_accepted.size()));
        QVERIFY(totalFinalized > kills / 2); // the harness really did commit under the kills
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
