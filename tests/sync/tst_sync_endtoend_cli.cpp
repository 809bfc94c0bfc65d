// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl sync and pull against the real receiver over loopback: the records sent, the sync
// log, the admin layout written, and the plain-http rule. The engine itself is tst_sync_endtoend.
#include "CliRunner.h"
#include "DeviceOutbox.h"
#include "MemoryOutbox.h"
#include "SyncEndToEnd.h"
#include "SyncLog.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

using namespace chorus;
using namespace chorus::sync;
using testing::readAll;
using testing::verifyPulled;

using chorus::testing::runChorusctl;
using chorus::testing::writeTokenFile;

namespace {

// Lets a test keep its MemoryOutbox while `chorusctl sync` owns the pointer it was given.
class BorrowedOutbox : public Outbox
{
public:
    explicit BorrowedOutbox(Outbox &target) : m_t(target) {}
    Result<QList<OutboxItem>> pending() override { return m_t.pending(); }
    Status markSending(const QString &id) override { return m_t.markSending(id); }
    Status markAccepted(const QString &id) override { return m_t.markAccepted(id); }
    Status markConflict(const QString &id, const QString &r) override { return m_t.markConflict(id, r); }
    Status markDeletedOnServer(const QString &id, const QString &r) override { return m_t.markDeletedOnServer(id, r); }
    Status markFailed(const QString &id, const QString &r) override { return m_t.markFailed(id, r); }
    Status markTransientFailure(const QString &id, const QString &r) override
    {
        return m_t.markTransientFailure(id, r);
    }

private:
    Outbox &m_t;
};

} // namespace

class TestSyncEndToEndCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void chorusctl_syncThenPull_writesTheAdminLayout()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        MemoryOutbox outbox;
        QList<OutboxItem> items;
        for (int i = 0; i < 5; ++i) {
            items.append(testing::makeEnvelope(i, 2));
            outbox.add(items.constLast());
        }
        cli::setOutboxOpenerForTests([&outbox](const QString &, Error *) {
            return std::make_unique<BorrowedOutbox>(outbox);
        });
        QTemporaryDir device;
        const QString dbPath = device.filePath(QStringLiteral("device.db"));
        const QString tokenFile = writeTokenFile(device, QStringLiteral("device-token"), live.deviceToken);
        QString out, err;
        const int code = runChorusctl({QStringLiteral("sync"), QStringLiteral("--db"), dbPath,
                                 QStringLiteral("--endpoint"), live.base(), QStringLiteral("--token-file"),
                                 tokenFile, QStringLiteral("--allow-http-loopback")},
                                &out, &err);
        cli::setOutboxOpenerForTests({});
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY(out.contains(QLatin1String("5 of 5 records accepted")));
        QVERIFY(!out.contains(QString::fromLatin1(live.deviceToken)));

        // The run is in the persisted log, which --status shows without sending anything.
        QVERIFY2(runChorusctl({QStringLiteral("sync"), QStringLiteral("--db"), dbPath, QStringLiteral("--status")}, &out, &err)
                     == 0,
                 qPrintable(err));
        QVERIFY(out.contains(QLatin1String("last run")));
        QVERIFY(out.contains(QLatin1String("5 of 5 accepted")));
        for (const OutboxItem &item : std::as_const(items)) {
            QVERIFY(out.contains(item.instanceId + QStringLiteral("\taccepted")));
        }
        const QString logText = QString::fromUtf8(readAll(sync::FileSyncLog::pathFor(dbPath)));
        QVERIFY(!logText.contains(QString::fromLatin1(live.deviceToken)));

        QTemporaryDir admin;
        QVERIFY2(runChorusctl({QStringLiteral("pull"), QStringLiteral("--endpoint"), live.base(),
                         QStringLiteral("--admin-token-file"),
                         writeTokenFile(device, QStringLiteral("admin-token"), live.adminToken), QStringLiteral("--out"),
                         admin.path(), QStringLiteral("--allow-http-loopback")},
                        &out, &err)
                     == 0,
                 qPrintable(err));
        verifyPulled(admin.path(), items);
        QVERIFY(QFile::exists(admin.filePath(QStringLiteral("pull-state.json"))));
    }

    void chorusctl_sync_allowsPlainHttpOnlyToLoopback()
    {
        QString err;
        QTemporaryDir dir;
        const QString tokenFile = writeTokenFile(dir, QStringLiteral("token"), "t");
        // An http endpoint on this machine is taken as explicit (with a note); the run then
        // fails only because there is no such device database.
        QCOMPARE(runChorusctl({QStringLiteral("sync"), QStringLiteral("--db"), QStringLiteral("no-such-device.db"),
                         QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--token-file"),
                         tokenFile},
                        nullptr, &err),
                 1);
        QVERIFY(err.contains(QLatin1String("plain http to a receiver on this machine")));
        QVERIFY(err.contains(QLatin1String("no such device database")));
        QVERIFY(!QFile::exists(QStringLiteral("no-such-device.db")));
        QCOMPARE(runChorusctl({QStringLiteral("sync"), QStringLiteral("--db"), QStringLiteral("d.db"),
                         QStringLiteral("--endpoint"), QStringLiteral("http://survey.example.org"),
                         QStringLiteral("--token-file"), tokenFile, QStringLiteral("--allow-http-loopback")},
                        nullptr, &err),
                 1);
        QVERIFY(err.contains(QLatin1String("https")));
        QCOMPARE(runChorusctl({QStringLiteral("sync"), QStringLiteral("--endpoint"), QStringLiteral("https://x")}, nullptr,
                        &err),
                 2);
    }
};

QTEST_GUILESS_MAIN(TestSyncEndToEndCli)
#include "tst_sync_endtoend_cli.moc"
