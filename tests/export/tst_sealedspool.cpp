// SPDX-License-Identifier: GPL-3.0-or-later
// The temporary spool of export's second pass: what goes in comes back in order, nothing of it
// is readable in the file, a changed byte is refused, and the file goes with the object.
#include "export/SealedSpool.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus::exports;

class TestSealedSpool : public QObject
{
    Q_OBJECT

    // The spool as this process holds it open. On Linux QTemporaryFile makes it with O_TMPFILE:
    // it never has a name in the folder (a crash leaves nothing), so it is found through
    // /proc/self/fd; elsewhere by its .chorus-spool-XXXXXX name.
    static QString spoolFile(const QTemporaryDir &dir)
    {
        const QDir fds(QStringLiteral("/proc/self/fd"));
        for (const QString &fd : fds.entryList(QDir::Files | QDir::System)) {
            if (QFile::symLinkTarget(fds.filePath(fd)).startsWith(dir.path() + QLatin1Char('/')))
                return fds.filePath(fd);
        }
        const QStringList named
            = QDir(dir.path()).entryList({ QStringLiteral(".chorus-spool-*") }, QDir::Files | QDir::Hidden);
        return named.size() == 1 ? dir.filePath(named.constFirst()) : QString();
    }

private Q_SLOTS:
    void entries_comeBackInOrder_andTheFileHoldsNoPlaintext_andGoesAway()
    {
        QTemporaryDir dir;
        const QList<QByteArray> entries { QByteArray("<data>SECRET-ONE</data>"), QByteArray(),
            QByteArray(100000, 'S') + "SECRET-TWO" };
        {
            SealedSpool spool(dir.path());
            QVERIFY(spool.open().ok());
            for (const QByteArray &e : entries)
                QVERIFY(spool.append(e).ok());
            QVERIFY(spool.rewind().ok());
            const QString path = spoolFile(dir);
            QVERIFY(!path.isEmpty());
            QCOMPARE(QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                QFileDevice::Permissions());
            QFile raw(path);
            QVERIFY(raw.open(QIODevice::ReadOnly));
            const QByteArray bytes = raw.readAll();
            QVERIFY(!bytes.contains("SECRET"));
            QVERIFY(!bytes.contains(QByteArray(64, 'S')));
            for (const QByteArray &e : entries) {
                auto next = spool.next();
                QVERIFY(next.has_value());
                QVERIFY(next->ok());
                QCOMPARE(**next, e);
            }
            QVERIFY(!spool.next().has_value());
        }
        QVERIFY(spoolFile(dir).isEmpty());
    }

    void aChangedByte_isRefused()
    {
        QTemporaryDir dir;
        SealedSpool spool(dir.path());
        QVERIFY(spool.open().ok());
        QVERIFY(spool.append("<data>one</data>").ok());
        QVERIFY(spool.rewind().ok());
        QFile raw(spoolFile(dir));
        QVERIFY(raw.open(QIODevice::ReadWrite));
        QVERIFY(raw.seek(10));
        char c = 0;
        QVERIFY(raw.getChar(&c));
        QVERIFY(raw.seek(10));
        QVERIFY(raw.putChar(char(c ^ 0x01)));
        raw.close();
        auto next = spool.next();
        QVERIFY(next.has_value());
        QVERIFY(!next->ok());
        QVERIFY(next->error().message.contains(QLatin1String("run it again")));
    }

    void aFolderThatCannotHoldIt_failsNamingTheFolder()
    {
        const QString missing = QDir::temp().filePath(QStringLiteral("chorus-no-such-folder/deeper"));
        SealedSpool spool(missing);
        auto opened = spool.open();
        QVERIFY(!opened.ok());
        QVERIFY(opened.error().message.contains(missing));
    }
};

QTEST_GUILESS_MAIN(TestSealedSpool)
#include "tst_sealedspool.moc"
