// SPDX-License-Identifier: GPL-3.0-or-later
// `chorusctl device keyring status|enable|disable` against a real GNOME Keyring (with-keyring.sh).
#include "CliRunner.h"
#include "KeyringTestSupport.h"

#include "enrollment/VaultSettings.h"
#include "store/SqliteStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

using chorus::testing::runChorusctl;

namespace {

} // namespace

class TestKeyringCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_passphraseFile;

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString reason = test::noKeyringReason(); !reason.isEmpty()) {
            QSKIP(qPrintable(reason));
        }
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("device.db"));
        m_passphraseFile = m_dir.filePath(QStringLiteral("passphrase"));
        QFile file(m_passphraseFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("operator passphrase\n");
        file.close();
        auto device = store::SqliteStore::open(m_db);
        QVERIFY(device);
        crypto::DeviceVault::Options options;
        options.kdf = crypto::KdfParams::minimum();
        QVERIFY(enrollment::unlockOrCreateVault((*device)->settings(), "operator passphrase", true, options));
    }

    void enable_status_disable_roundTrip()
    {
        QString out;
        QCOMPARE(runChorusctl({ QStringLiteral("device"), QStringLiteral("keyring"), QStringLiteral("status"),
                            QStringLiteral("--db"), m_db },
                     &out),
            int(cli::ExitOk));
        QVERIFY2(out.contains(QLatin1String("available: yes")), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("keyring unlock: off")));

        QCOMPARE(runChorusctl({ QStringLiteral("device"), QStringLiteral("keyring"), QStringLiteral("enable"),
                            QStringLiteral("--db"), m_db, QStringLiteral("--passphrase-file"), m_passphraseFile },
                     &out),
            int(cli::ExitOk));
        QVERIFY(!out.contains(QLatin1String("operator passphrase")));
        QCOMPARE(runChorusctl({ QStringLiteral("device"), QStringLiteral("keyring"), QStringLiteral("status"),
                            QStringLiteral("--db"), m_db },
                     &out),
            int(cli::ExitOk));
        QVERIFY2(out.contains(QLatin1String("keyring unlock: on")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("opens the vault now: yes")), qPrintable(out));

        QCOMPARE(runChorusctl({ QStringLiteral("device"), QStringLiteral("keyring"), QStringLiteral("disable"),
                            QStringLiteral("--db"), m_db }),
            int(cli::ExitOk));
        QCOMPARE(runChorusctl({ QStringLiteral("device"), QStringLiteral("keyring"), QStringLiteral("status"),
                            QStringLiteral("--db"), m_db },
                     &out),
            int(cli::ExitOk));
        QVERIFY2(out.contains(QLatin1String("keyring unlock: off")), qPrintable(out));
    }

    void enable_wrongPassphrase_failsWithOneLine_andStaysOff()
    {
        const QString wrong = m_dir.filePath(QStringLiteral("wrong"));
        QFile file(wrong);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not the passphrase\n");
        file.close();
        QString err;
        QCOMPARE(runChorusctl({ QStringLiteral("device"), QStringLiteral("keyring"), QStringLiteral("enable"),
                            QStringLiteral("--db"), m_db, QStringLiteral("--passphrase-file"), wrong },
                     nullptr, &err),
            int(cli::ExitFailure));
        QVERIFY2(err.contains(QLatin1String("wrong passphrase")), qPrintable(err));
        QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY(!err.contains(QLatin1String("not the passphrase")));
        QString out;
        QCOMPARE(runChorusctl({ QStringLiteral("device"), QStringLiteral("keyring"), QStringLiteral("status"),
                            QStringLiteral("--db"), m_db },
                     &out),
            int(cli::ExitOk));
        QVERIFY2(out.contains(QLatin1String("keyring unlock: off")), qPrintable(out));
    }

    void usageErrors_exitTwo()
    {
        QCOMPARE(runChorusctl({ QStringLiteral("device"), QStringLiteral("keyring"), QStringLiteral("enable"),
                            QStringLiteral("--db"), m_db }),
            int(cli::ExitUsage));
        QCOMPARE(runChorusctl({ QStringLiteral("device"), QStringLiteral("keyring"), QStringLiteral("status") }),
            int(cli::ExitUsage));
        QCOMPARE(runChorusctl({ QStringLiteral("device"), QStringLiteral("keyring"), QStringLiteral("sideways") }),
            int(cli::ExitUsage));
    }
};

QTEST_GUILESS_MAIN(TestKeyringCommand)
#include "tst_keyringcommand.moc"
