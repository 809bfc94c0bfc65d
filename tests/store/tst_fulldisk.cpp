// SPDX-License-Identifier: GPL-3.0-or-later
// A full disk: finalization fails with a clear error, nothing already finalized is lost, the
// failed response is wholly absent, and the store works again once space is freed. Simulated
// with a VFS shim that fails writes once a budget is spent (runs everywhere) and, when the test
// may mount (root), for real on a 512 KiB tmpfs.
#include "FullDiskVfs.h"

#include <QDir>

#include <sys/mount.h>
#include <unistd.h>
#include "StoreBackends.h"
#include "store/Migrations.h"

using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::testing;

class TestFullDisk : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString dbPath() const { return m_dir.filePath(QStringLiteral("device.db")); }

    static FinalizedResponse big(const QString &id)
    {
        FinalizedResponse r = sampleResponse(id, QDateTime::currentDateTimeUtc());
        r.encryptedFiles.append(FilePart{QStringLiteral("photo2.jpg.enc"), QByteArray(256 * 1024, 'p')});
        return r;
    }

    static FinalizedResponse medium(const QString &id)
    {
        FinalizedResponse r = sampleResponse(id, QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC));
        r.encryptedFiles.append(FilePart{QStringLiteral("photo2.jpg.enc"), QByteArray(40 * 1024, 'm')});
        return r;
    }

    static OpenOptions onShim()
    {
        OpenOptions options;
        options.vfs = fulldisk::kVfsName;
        return options;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(fulldisk::install()); }
    void cleanup() { fulldisk::setBudget(-1); }

    void finalize_onAFullDisk_failsClearly_andLosesNothing()
    {
        auto opened = SqliteStore::open(dbPath(), onShim());
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        ResponseRepository &responses = (*opened)->responses();
        for (int i = 0; i < 5; ++i) {
            QVERIFY(responses.finalize(big(QStringLiteral("uuid:before-%1").arg(i))).ok());
        }

        fulldisk::setBudget(64 * 1024); // less than one response
        const Status failed = responses.finalize(big(QStringLiteral("uuid:on-full-disk")));
        QVERIFY(!failed.ok());
        QVERIFY(fulldisk::failedWrites() > 0);
        QCOMPARE(failed.error().kind, ErrorKind::Io);
        QVERIFY2(failed.error().message.contains(QLatin1String("disk is full")), qPrintable(failed.error().message));
        QVERIFY(failed.error().message.contains(QLatin1String("free some space")));
        QCOMPARE(responses.load(QStringLiteral("uuid:on-full-disk")).error().kind, ErrorKind::NotFound);
        QCOMPARE(responses.list()->size(), 5);

        fulldisk::setBudget(-1); // space freed: the same connection carries on
        QVERIFY(responses.finalize(big(QStringLiteral("uuid:after"))).ok());
        opened->reset();

        auto reopened = SqliteStore::open(dbPath());
        QVERIFY(reopened.ok());
        QVERIFY((*reopened)->database().integrityCheck().ok());
        auto list = (*reopened)->responses().list();
        QCOMPARE(list->size(), 6);
        for (int i = 0; i < 5; ++i) {
            const QString id = QStringLiteral("uuid:before-%1").arg(i);
            QCOMPARE((*reopened)->responses().load(id)->envelope.encryptedFiles, big(id).encryptedFiles);
        }
        QCOMPARE((*reopened)->responses().load(QStringLiteral("uuid:on-full-disk")).error().kind, ErrorKind::NotFound);
    }

    void draftSave_onAFullDisk_keepsThePreviousDraft()
    {
        auto opened = SqliteStore::open(dbPath(), onShim());
        QVERIFY(opened.ok());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Draft first{QStringLiteral("uuid:draft"), QStringLiteral("s"), QStringLiteral("1"), QByteArray(1000, 'a'), now};
        QVERIFY((*opened)->drafts().save(first).ok());
        fulldisk::setBudget(1024);
        Draft second = first;
        second.encryptedBlob = QByteArray(200 * 1024, 'b');
        const Status status = (*opened)->drafts().save(second);
        QVERIFY(!status.ok());
        QVERIFY(status.error().message.contains(QLatin1String("disk is full")));
        fulldisk::setBudget(-1);
        QCOMPARE((*opened)->drafts().load(QStringLiteral("uuid:draft"))->encryptedBlob, first.encryptedBlob);
    }

    void creatingADatabase_onAFullDisk_failsClearly_andLeavesNoHalfSchema()
    {
        const QString path = m_dir.filePath(QStringLiteral("new.db"));
        fulldisk::setBudget(2048);
        auto opened = SqliteStore::open(path, onShim());
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QLatin1String("disk is full")), qPrintable(opened.error().message));
        fulldisk::setBudget(-1);
        OpenOptions noMigrate;
        noMigrate.migrate = false;
        auto db = Database::open(path, noMigrate);
        QVERIFY(db.ok());
        QVERIFY(db->integrityCheck().ok());
        const int version = *db->userVersion();
        QVERIFY(version >= 0 && version <= kSchemaVersion);
        auto upgraded = SqliteStore::open(path);
        QVERIFY(upgraded.ok()); // a later open completes the schema
    }

    void finalize_onARealFullTmpfs_failsClearly_andLosesNothing()
    {
        const QString mountPoint = m_dir.filePath(QStringLiteral("small-disk"));
        QVERIFY(QDir().mkpath(mountPoint));
        if (::geteuid() != 0
            || ::mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                       "size=512k,mode=0700") != 0) {
            QSKIP("cannot mount a tmpfs here (needs root); the VFS shim cases above cover a full disk");
        }
        struct Unmount {
            QByteArray path;
            ~Unmount() { ::umount2(path.constData(), MNT_DETACH); }
        } unmount{QFile::encodeName(mountPoint)};

        const QString path = QDir(mountPoint).filePath(QStringLiteral("device.db"));
        const QString filler = QDir(mountPoint).filePath(QStringLiteral("filler.bin"));
        {
            QFile file(filler);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(160 * 1024, 'f'));
        }
        QStringList stored;
        Status failure;
        {
            auto opened = SqliteStore::open(path);
            QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
            for (int i = 0; i < 100 && failure.ok(); ++i) {
                const QString id = QStringLiteral("uuid:tmpfs-%1").arg(i);
                failure = (*opened)->responses().finalize(medium(id));
                if (failure.ok()) {
                    stored.append(id);
                }
            }
            QVERIFY2(!failure.ok(), "the small disk never filled up");
            QCOMPARE(failure.error().kind, ErrorKind::Io);
            QVERIFY2(failure.error().message.contains(QLatin1String("disk is full")), qPrintable(failure.error().message));
            QVERIFY(!stored.isEmpty());
            qInfo("%d responses stored before the tmpfs filled; then: %s", int(stored.size()),
                  qPrintable(failure.error().message));
            QCOMPARE((*opened)->responses().list()->size(), stored.size());

            QVERIFY(QFile::remove(filler)); // space freed: the same connection carries on
            QVERIFY((*opened)->responses().finalize(medium(QStringLiteral("uuid:tmpfs-after"))).ok());
            stored.append(QStringLiteral("uuid:tmpfs-after"));
        }
        auto reopened = SqliteStore::open(path);
        QVERIFY(reopened.ok());
        QVERIFY((*reopened)->database().integrityCheck().ok());
        QCOMPARE((*reopened)->responses().list()->size(), stored.size());
        for (const QString &id : std::as_const(stored)) {
            QCOMPARE((*reopened)->responses().load(id)->envelope.encryptedFiles, medium(id).encryptedFiles);
        }
    }
};

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
