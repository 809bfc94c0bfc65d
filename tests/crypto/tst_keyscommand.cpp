// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus::cli;

class TestKeysCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_passFile;
    QString m_wrongPassFile;

    int runCli(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        QString o, e;
        QTextStream os(&o), es(&e);
        Io io { os, es };
        const int code = run(QStringList { QStringLiteral("chorusctl"), QStringLiteral("keys") } + args, io);
        os.flush();
        es.flush();
        if (out)
            *out = o;
        if (err)
            *err = e;
        return code;
    }

    static void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_passFile = m_tmp.filePath(QStringLiteral("pass"));
        m_wrongPassFile = m_tmp.filePath(QStringLiteral("wrong"));
        writeFile(m_passFile, "the council passphrase\n");
        writeFile(m_wrongPassFile, "not it\n");
    }

    void init_thenShow_printsIdsAndPublicKeysButNoSecret()
    {
        const QString keys = m_tmp.filePath(QStringLiteral("k1"));
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("init"), QStringLiteral("--dir"), keys, QStringLiteral("--passphrase-file"),
                            m_passFile, QStringLiteral("--kdf"), QStringLiteral("interactive") },
                     &out, &err),
            int(ExitOk));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QFile pub(keys + QStringLiteral("/council-rsa.pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QByteArray base64 = pub.readAll().trimmed();

        QCOMPARE(runCli({ QStringLiteral("show"), QStringLiteral("--dir"), keys }, &out, &err), int(ExitOk));
        QVERIFY(out.contains(QString::fromLatin1(base64)));
        QVERIFY(out.contains(QLatin1String("Ed25519")));
        QVERIFY(!out.contains(QLatin1String("the council passphrase")));
    }

    void init_twice_failsWithOneLine_unlessForce()
    {
        const QString keys = m_tmp.filePath(QStringLiteral("k2"));
        const QStringList args { QStringLiteral("init"), QStringLiteral("--dir"), keys,
            QStringLiteral("--passphrase-file"), m_passFile, QStringLiteral("--kdf"), QStringLiteral("interactive") };
        QCOMPARE(runCli(args), int(ExitOk));
        QString err;
        QCOMPARE(runCli(args, nullptr, &err), int(ExitFailure));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
        QVERIFY(err.contains(QLatin1String("--force")));
        QCOMPARE(runCli(args + QStringList { QStringLiteral("--force") }), int(ExitOk));
    }

    void rotate_withWrongPassphrase_failsWithTheFileName()
    {
        const QString keys = m_tmp.filePath(QStringLiteral("k3"));
        QCOMPARE(runCli({ QStringLiteral("init"), QStringLiteral("--dir"), keys, QStringLiteral("--passphrase-file"),
                     m_passFile, QStringLiteral("--kdf"), QStringLiteral("interactive") }),
            int(ExitOk));
        QString err;
        QCOMPARE(runCli({ QStringLiteral("rotate"), QStringLiteral("--dir"), keys, QStringLiteral("--passphrase-file"),
                            m_wrongPassFile, QStringLiteral("--kdf"), QStringLiteral("interactive") },
                     nullptr, &err),
            int(ExitFailure));
        QVERIFY2(err.contains(QLatin1String("wrong passphrase for")) && err.contains(QLatin1String("council-rsa.key")),
            qPrintable(err));
        QString out;
        QCOMPARE(runCli({ QStringLiteral("rotate"), QStringLiteral("--dir"), keys, QStringLiteral("--passphrase-file"),
                            m_passFile, QStringLiteral("--kdf"), QStringLiteral("interactive") },
                     &out),
            int(ExitOk));
        QVERIFY(out.contains(QLatin1String("Retired council keys")));
    }

    void usageErrors_exitTwo()
    {
        QCOMPARE(runCli({}), int(ExitUsage));
        QCOMPARE(runCli({ QStringLiteral("init") }), int(ExitUsage));
        QCOMPARE(
            runCli({ QStringLiteral("init"), QStringLiteral("--dir"), QStringLiteral("x"),
                QStringLiteral("--passphrase-file"), m_passFile, QStringLiteral("--kdf"), QStringLiteral("weak") }),
            int(ExitUsage));
        QCOMPARE(runCli({ QStringLiteral("frob") }), int(ExitUsage));
        QString out;
        QCOMPARE(runCli({ QStringLiteral("init"), QStringLiteral("--help") }, &out), int(ExitOk));
        QVERIFY(out.contains(QLatin1String("--passphrase-file")));
    }

    void show_ofMissingDirectory_failsWithOneLine()
    {
        QString err;
        QCOMPARE(runCli({ QStringLiteral("show"), QStringLiteral("--dir"), m_tmp.filePath(QStringLiteral("none")) },
                     nullptr, &err),
            int(ExitFailure));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
    }
};

QTEST_GUILESS_MAIN(TestKeysCommand)
#include "tst_keyscommand.moc"
