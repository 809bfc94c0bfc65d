// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl enroll / survey publish|sign / device enroll|update: help, usage errors (exit 2)
// and failures (exit 1, one line) that need no receiver.
#include "BundleTestSupport.h"
#include "CliRunner.h"

#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

using chorus::testing::runChorusctl;

namespace {

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

class TestEnrollCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void help_isPrintedForEveryNewCommand_data()
    {
        QTest::addColumn<QString>("command");
        for (const char *c : {"enroll --help", "enroll revoke --help", "enroll list --help", "survey publish --help",
                              "survey sign --help", "device enroll --help", "device update --help"}) {
            QTest::newRow(c) << QString::fromLatin1(c);
        }
    }

    void help_isPrintedForEveryNewCommand()
    {
        QFETCH(QString, command);
        QString out;
        QCOMPARE(runChorusctl(command.split(QLatin1Char(' ')), &out), int(cli::ExitOk));
        QVERIFY2(out.contains(QStringLiteral("--")), qPrintable(out));
    }

    void usageErrors_exitTwoWithOneLine_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("enroll bare") << "enroll";
        QTest::newRow("enroll no keys") << "enroll --device t --endpoint https://x.example --admin-token-file f --out b";
        QTest::newRow("enroll days") << "enroll --device t --endpoint https://x.example --admin-token-file f --keys k "
                                        "--passphrase-file p --out b --expires-days 0";
        QTest::newRow("revoke no device") << "enroll revoke --endpoint https://x.example --admin-token-file f";
        QTest::newRow("publish no file") << "survey publish --endpoint https://x.example --admin-token-file f";
        QTest::newRow("publish two files") << "survey publish a b --endpoint https://x.example --admin-token-file f";
        QTest::newRow("sign both keys") << "survey sign s.json --keys k --passphrase-file p --secret-key-file s";
        QTest::newRow("sign no key") << "survey sign s.json";
        QTest::newRow("sign keys no pass") << "survey sign s.json --keys k";
        QTest::newRow("device enroll no bundle") << "device enroll --db d --passphrase-file p";
        QTest::newRow("device enroll kdf") << "device enroll --db d --passphrase-file p --bundle b --kdf huge";
        QTest::newRow("device update no db") << "device update --passphrase-file p";
    }

    void usageErrors_exitTwoWithOneLine()
    {
        QFETCH(QString, command);
        QString err;
        QCOMPARE(runChorusctl(words(command.toLatin1().constData()), nullptr, &err), int(cli::ExitUsage));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
        QVERIFY(err.startsWith(QStringLiteral("chorusctl: ")));
    }

    void plainHttpToAnotherHost_isRefused()
    {
        QFile token(m_dir.filePath(QStringLiteral("admin-token")));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("admin-token-0123456789\n");
        token.close();
        QString err;
        QCOMPARE(runChorusctl({QStringLiteral("enroll"), QStringLiteral("list"), QStringLiteral("--endpoint"),
                         QStringLiteral("http://receiver.example.org"), QStringLiteral("--admin-token-file"), token.fileName(),
                         QStringLiteral("--allow-http-loopback")},
                        nullptr, &err),
                 int(cli::ExitFailure));
        QVERIFY2(err.contains(QStringLiteral("https")), qPrintable(err));
    }

    void deviceUpdate_missingDatabase_isNotCreated()
    {
        QFile pass(m_dir.filePath(QStringLiteral("pass")));
        QVERIFY(pass.open(QIODevice::WriteOnly));
        pass.write("operator passphrase\n");
        pass.close();
        const QString db = m_dir.filePath(QStringLiteral("missing.db"));
        QString err;
        QCOMPARE(runChorusctl({QStringLiteral("device"), QStringLiteral("update"), QStringLiteral("--db"), db,
                         QStringLiteral("--passphrase-file"), pass.fileName()},
                        nullptr, &err),
                 int(cli::ExitFailure));
        QVERIFY(err.contains(QStringLiteral("no such device database")));
        QVERIFY(!QFile::exists(db));
    }

    void deviceEnroll_damagedBundle_saysWhatIsWrong()
    {
        QFile pass(m_dir.filePath(QStringLiteral("pass")));
        QVERIFY(pass.open(QIODevice::WriteOnly));
        pass.write("operator passphrase\n");
        pass.close();
        QFile bundle(m_dir.filePath(QStringLiteral("bundle")));
        QVERIFY(bundle.open(QIODevice::WriteOnly));
        bundle.write("{\"format\":\"chorus-enrollment-signed\",\"version\":1,\"bundle\":\"!!\",\"signature\":\"\"}");
        bundle.close();
        QString err;
        QCOMPARE(runChorusctl({QStringLiteral("device"), QStringLiteral("enroll"), QStringLiteral("--db"),
                         m_dir.filePath(QStringLiteral("d.db")), QStringLiteral("--passphrase-file"), pass.fileName(),
                         QStringLiteral("--bundle"), bundle.fileName(), QStringLiteral("--kdf"), QStringLiteral("interactive")},
                        nullptr, &err),
                 int(cli::ExitFailure));
        QVERIFY2(err.contains(QStringLiteral("enrollment bundle")), qPrintable(err));
    }

    void syncWithEnrollment_wrongPassphraseOrNotEnrolled_saysSo()
    {
        const crypto::SigningKey key = crypto::SigningKey::generate().value();
        enrollment::EnrollmentBundle b = testing::sampleBundle(key);
        b.issuedAt = QDateTime::currentDateTimeUtc();
        b.expiresAt = b.issuedAt.addDays(1);
        QFile bundle(m_dir.filePath(QStringLiteral("good.bundle")));
        QVERIFY(bundle.open(QIODevice::WriteOnly));
        bundle.write(*enrollment::writeBundle(b, key));
        bundle.close();
        QFile pass(m_dir.filePath(QStringLiteral("op")));
        QVERIFY(pass.open(QIODevice::WriteOnly));
        pass.write("operator passphrase\n");
        pass.close();
        QFile wrong(m_dir.filePath(QStringLiteral("wrong")));
        QVERIFY(wrong.open(QIODevice::WriteOnly));
        wrong.write("not it\n");
        wrong.close();
        const QString db = m_dir.filePath(QStringLiteral("sync.db"));
        QString out, err;
        QCOMPARE(runChorusctl({QStringLiteral("device"), QStringLiteral("enroll"), QStringLiteral("--db"), db,
                         QStringLiteral("--passphrase-file"), pass.fileName(), QStringLiteral("--bundle"), bundle.fileName(),
                         QStringLiteral("--kdf"), QStringLiteral("interactive")},
                        &out, &err),
                 int(cli::ExitOk));
        QVERIFY(out.contains(enrollment::keyFingerprint(key.publicKey())));
        QVERIFY(!out.contains(QString::fromLatin1(b.deviceToken)));
        QCOMPARE(runChorusctl({QStringLiteral("sync"), QStringLiteral("--db"), db, QStringLiteral("--passphrase-file"),
                         wrong.fileName()},
                        nullptr, &err),
                 int(cli::ExitFailure));
        QVERIFY2(err.contains(QStringLiteral("wrong passphrase")), qPrintable(err));

        const QString other = m_dir.filePath(QStringLiteral("other.db"));
        QCOMPARE(runChorusctl({QStringLiteral("device"), QStringLiteral("enroll"), QStringLiteral("--db"), other,
                         QStringLiteral("--passphrase-file"), pass.fileName(), QStringLiteral("--bundle"),
                         m_dir.filePath(QStringLiteral("missing.bundle"))},
                        nullptr, &err),
                 int(cli::ExitFailure));
        QVERIFY(!QFile::exists(other)); // nothing created for a bundle that is not there
    }
};

QTEST_GUILESS_MAIN(TestEnrollCli)
#include "tst_enroll_cli.moc"
