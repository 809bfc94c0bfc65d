// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl device passphrase: re-wraps the same device key under a new passphrase (and cost),
// so drafts stay readable; a wrong current passphrase changes nothing and counts as a failure.
#include "CliRunner.h"
#include "crypto/DeviceVault.h"
#include "crypto/KeyFile.h"
#include "enrollment/VaultSettings.h"
#include "store/SqliteStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

namespace {
const QByteArray kOld = "old operator passphrase";
const QByteArray kNew = "brand new operator passphrase";
const crypto::DraftBinding kBinding{QStringLiteral("uuid:1"), QStringLiteral("survey"), QStringLiteral("1")};
} // namespace

class TestDevicePassphrase : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QByteArray m_draft;

    QString file(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content + '\n') != content.size() + 1) {
            qFatal("cannot write %s", qPrintable(path));
        }
        return path;
    }

    int run(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        return testing::runChorusctl(QStringList{QStringLiteral("device"), QStringLiteral("passphrase")} + args, out,
                                     err);
    }

    QStringList args(const QByteArray &current, const QByteArray &next)
    {
        return {QStringLiteral("--db"), m_db, QStringLiteral("--passphrase-file"), file(QStringLiteral("cur"), current),
                QStringLiteral("--new-passphrase-file"), file(QStringLiteral("new"), next)};
    }

    crypto::DeviceVault storedVault()
    {
        auto store = store::SqliteStore::open(m_db);
        if (!store) {
            qFatal("cannot open the device db");
        }
        auto vault = enrollment::loadVault((*store)->settings());
        if (!vault || !*vault) {
            qFatal("no vault stored");
        }
        return std::move(**vault);
    }

private Q_SLOTS:
    void init()
    {
        m_db = m_dir.filePath(QStringLiteral("device-%1.db").arg(QLatin1String(QTest::currentTestFunction())));
        auto store = store::SqliteStore::open(m_db);
        QVERIFY(store);
        crypto::DeviceVault::Options options;
        options.kdf = crypto::KdfParams::minimum();
        auto vault = enrollment::unlockOrCreateVault((*store)->settings(), kOld, true, options);
        QVERIFY(vault);
        auto draft = vault->sealDraft("a draft answer", kBinding);
        QVERIFY(draft);
        m_draft = *draft;
    }

    void change_rewrapsTheSameKey_oldFailsNewOpensOldDrafts()
    {
        QString out, err;
        QCOMPARE(run(args(kOld, kNew) << QStringLiteral("--kdf") << QStringLiteral("interactive"), &out, &err), 0);
        QVERIFY2(out.contains(QLatin1String("64 MiB")), qPrintable(out));
        crypto::DeviceVault vault = storedVault();
        QVERIFY(!vault.unlock(kOld));
        crypto::DeviceVault fresh = storedVault();
        QVERIFY(fresh.unlock(kNew));
        QCOMPARE(*fresh.openDraft(m_draft, kBinding), QByteArray("a draft answer"));
        const auto params = crypto::KeyFile::readParams(fresh.wrappedKey(), QStringLiteral("key"));
        QVERIFY(params);
        QCOMPARE(params->memLimit, crypto::KdfParams::interactive().memLimit);
    }

    void keep_leavesTheCostAsItWas()
    {
        QCOMPARE(run(args(kOld, kNew)), 0);
        const auto params = crypto::KeyFile::readParams(storedVault().wrappedKey(), QStringLiteral("key"));
        QVERIFY(params);
        QCOMPARE(params->memLimit, crypto::KdfParams::minimum().memLimit);
    }

    void wrongCurrentPassphrase_changesNothing_andCountsAsAFailure()
    {
        const QByteArray before = storedVault().wrappedKey();
        QString err;
        QCOMPARE(run(args("not the passphrase", kNew), nullptr, &err), 1);
        QVERIFY2(err.contains(QLatin1String("wrong passphrase")), qPrintable(err));
        crypto::DeviceVault after = storedVault();
        QCOMPARE(after.wrappedKey(), before);
        QCOMPARE(after.failedAttempts(), 1);
    }

    void afterAWrongPassphrase_theNextRunWaitsOutTheDelay_insteadOfFailing()
    {
        // A headless kiosk's scripts run chorusctl again later: the growing wait must make that
        // run slower, not fail it for ever (every new process restarts the wait).
        QCOMPARE(run(args("not the passphrase", kNew)), 1);
        QElapsedTimer timer;
        timer.start();
        QString err;
        QCOMPARE(run(args(kOld, kNew), nullptr, &err), 0);
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed()))); // the 1 s wait was kept
        crypto::DeviceVault fresh = storedVault();
        QVERIFY(fresh.unlock(kNew));
        QCOMPARE(fresh.failedAttempts(), 0);
    }

    void shortOrSameNewPassphrase_isRefused_withTheReason()
    {
        const QByteArray before = storedVault().wrappedKey();
        QString err;
        QCOMPARE(run(args(kOld, "short"), nullptr, &err), 1);
        QVERIFY2(err.contains(QLatin1String("at least 12")), qPrintable(err));
        QCOMPARE(run(args(kOld, kOld), nullptr, &err), 1);
        QVERIFY2(err.contains(QLatin1String("same")), qPrintable(err));
        QCOMPARE(storedVault().wrappedKey(), before);
    }

    void badArguments_areUsageErrorsOrOneLineFailures()
    {
        QString err;
        QCOMPARE(run(args(kOld, kNew) << QStringLiteral("--kdf") << QStringLiteral("huge"), nullptr, &err), 2);
        QVERIFY2(err.contains(QLatin1String("'huge'")), qPrintable(err));
        QCOMPARE(run({QStringLiteral("--db"), m_db}, nullptr, &err), 2);
        QStringList missing = args(kOld, kNew);
        missing[1] = m_dir.filePath(QStringLiteral("nowhere.db"));
        QCOMPARE(run(missing, nullptr, &err), 1);
        QVERIFY2(err.contains(QLatin1String("no such device database")), qPrintable(err));
        QVERIFY(!QFile::exists(missing[1]));
    }
};

QTEST_GUILESS_MAIN(TestDevicePassphrase)
#include "tst_devicepassphrase.moc"
