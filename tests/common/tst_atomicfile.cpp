// SPDX-License-Identifier: GPL-3.0-or-later
// The one file-writing mechanism (core/common/AtomicFile) on a real, full tmpfs: a failed write
// says so, leaves the previous file as it was and leaves no temporary file behind; and what it
// creates is private whatever the umask.
#include "common/AtomicFile.h"

#include "SmallTmpfs.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

#include <sys/stat.h>

using namespace chorus;
using chorus::testing::SmallTmpfs;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

mode_t modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

// Sets the umask for one scope.
struct Umask {
    mode_t previous;
    explicit Umask(mode_t mask) : previous(::umask(mask)) {}
    ~Umask() { ::umask(previous); }
};

} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT

    static std::unique_ptr<SmallTmpfs> mountSmall(QString *why)
    {
        auto fs = std::make_unique<SmallTmpfs>();
        return fs->mount(1024 * 1024, why) ? std::move(fs) : nullptr;
    }

private Q_SLOTS:
    void writeFile_onAFullDisk_failsAndKeepsThePreviousFile_data()
    {
        QTest::addColumn<int>("size");
        // A few bytes sit in Qt's buffer until close: QSaveFile in Qt 6.4 reported those as written.
        QTest::newRow("small") << 100;
        QTest::newRow("large") << 300 * 1024;
    }

    void writeFile_onAFullDisk_failsAndKeepsThePreviousFile()
    {
        QFETCH(int, size);
        QString why;
        auto fs = mountSmall(&why);
        if (!fs) {
            QSKIP(qPrintable(why));
        }
        const QString target = fs->filePath(QStringLiteral("council-rsa.key"));
        QVERIFY(writeFileAtomically(target, "previous key\n").ok());
        QVERIFY(fs->fill());

        const Status written = writeFileAtomically(target, QByteArray(size, 'k'));
        QVERIFY(!written.ok());
        QCOMPARE(written.error().kind, ErrorKind::Io);
        QVERIFY2(written.error().message.contains(target), qPrintable(written.error().message));
        QVERIFY2(written.error().message.contains(QLatin1String("the disk is full")), qPrintable(written.error().message));
        QCOMPARE(readAll(target), QByteArray("previous key\n"));
        QCOMPARE(fs->leftovers(), QStringList{QStringLiteral("council-rsa.key")});

        fs->unfill();
        QVERIFY(writeFileAtomically(target, QByteArray(size, 'k')).ok());
        QCOMPARE(readAll(target), QByteArray(size, 'k'));
    }

    void streamedFile_thatOutgrowsTheDisk_failsAndLeavesNothing()
    {
        QString why;
        auto fs = mountSmall(&why);
        if (!fs) {
            QSKIP(qPrintable(why));
        }
        QVERIFY(fs->fill(200 * 1024));
        const QString target = fs->filePath(QStringLiteral("export.csv"));
        AtomicFile file(target);
        QVERIFY(file.open().ok());
        Status status;
        for (int row = 0; row < 1000 && status.ok(); ++row) {
            status = file.write(QByteArray(1024, 'r'));
        }
        if (status.ok()) {
            status = file.commit();
        }
        QVERIFY(!status.ok());
        QVERIFY2(status.error().message.contains(QLatin1String("the disk is full")), qPrintable(status.error().message));
        QVERIFY(!file.commit().ok()); // a failed file stays failed
        QVERIFY(!QFileInfo::exists(target));
        QCOMPARE(fs->leftovers(), QStringList());
    }

    void externalWriter_isSyncedAndRenamed_andADiscardLeavesNothing()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out/export.xlsx"));
        {
            AtomicFile file(target);
            QVERIFY(file.open().ok());
            QVERIFY(file.releaseForExternalWriter().ok());
            // As libxlsxwriter does: its own fopen of the name it was given.
            FILE *out = std::fopen(QFile::encodeName(file.temporaryPath()).constData(), "wb");
            QVERIFY(out);
            std::fputs("PK-bytes", out);
            QCOMPARE(std::fclose(out), 0);
            QVERIFY(!QFileInfo::exists(target));
            QVERIFY(file.commit().ok());
        }
        QCOMPARE(readAll(target), QByteArray("PK-bytes"));
        QCOMPARE(modeOf(target), mode_t(0600));
        {
            AtomicFile abandoned(dir.filePath(QStringLiteral("out/other.xlsx")));
            QVERIFY(abandoned.open().ok());
        }
        QCOMPARE(QDir(dir.filePath(QStringLiteral("out"))).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("export.xlsx")});
    }

    void createdFilesAndFolders_arePrivate_underTheDefaultUmask()
    {
        const Umask mask(022);
        QTemporaryDir dir;
        const mode_t parentBefore = modeOf(dir.path());
        const QString target = dir.filePath(QStringLiteral("exports/2026/records.csv"));
        QVERIFY(writeFileAtomically(target, "a,b\r\n").ok());
        QCOMPARE(modeOf(target), mode_t(0600));
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("exports"))), mode_t(0700));
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("exports/2026"))), mode_t(0700));
        QCOMPARE(modeOf(dir.path()), parentBefore); // a folder it did not create is left alone

        // A file meant for publishing (a signed survey package) follows the umask.
        const QString package = dir.filePath(QStringLiteral("survey.chorus.json"));
        QVERIFY(writeFileAtomically(package, "{}", FileAccess::Shared).ok());
        QCOMPARE(modeOf(package), mode_t(0644));
        // Replacing a file does not keep its old, wider mode.
        QVERIFY(::chmod(QFile::encodeName(target).constData(), 0644) == 0);
        QVERIFY(writeFileAtomically(target, "c,d\r\n").ok());
        QCOMPARE(modeOf(target), mode_t(0600));
    }

    void append_isPrivate_andAllOrNothingOnAFullDisk()
    {
        const Umask mask(022);
        QString why;
        auto fs = mountSmall(&why);
        if (!fs) {
            QSKIP(qPrintable(why));
        }
        const QString log = fs->filePath(QStringLiteral("audit.jsonl"));
        QVERIFY(appendToFile(log, "{\"event\":\"one\"}\n").ok());
        QCOMPARE(modeOf(log), mode_t(0600));
        // A log an older Chorus created under the umask becomes private on the next append.
        QVERIFY(::chmod(QFile::encodeName(log).constData(), 0644) == 0);
        QVERIFY(appendToFile(log, "{\"event\":\"two\"}\n").ok());
        QCOMPARE(modeOf(log), mode_t(0600));
        const QByteArray before = readAll(log);

        QVERIFY(fs->fill(8 * 1024)); // room for part of the next append, not all of it
        const Status appended = appendToFile(log, QByteArray(64 * 1024, 'x'));
        QVERIFY(!appended.ok());
        QVERIFY2(appended.error().message.contains(QLatin1String("the disk is full")), qPrintable(appended.error().message));
        QCOMPARE(readAll(log), before);

        const QString fresh = fs->filePath(QStringLiteral("sync-log.jsonl"));
        QVERIFY(!appendToFile(fresh, QByteArray(64 * 1024, 'x')).ok());
        QVERIFY(!QFileInfo::exists(fresh)); // no empty log left behind
    }

    void emptyPath_isRefusedWithAReason()
    {
        const Status written = writeFileAtomically(QString(), "x");
        QVERIFY(!written.ok());
        QCOMPARE(written.error().kind, ErrorKind::InvalidInput);
        QVERIFY(!appendToFile(QString(), "x").ok());
        QVERIFY(!makeDirectory(QString()).ok());
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
