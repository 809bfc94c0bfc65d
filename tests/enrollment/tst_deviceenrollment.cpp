// SPDX-License-Identifier: GPL-3.0-or-later
// A device's enrollment at rest: sealed by the vault, re-verified on read, forgotten on request.
#include "BundleTestSupport.h"

#include "crypto/DeviceVault.h"
#include "enrollment/DeviceEnrollment.h"
#include "enrollment/VaultSettings.h"
#include "store/SqliteStore.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::enrollment;

namespace {
crypto::DeviceVault::Options fastVault()
{
    crypto::DeviceVault::Options options;
    options.kdf = crypto::KdfParams::interactive();
    return options;
}
} // namespace

class TestDeviceEnrollment : public QObject
{
    Q_OBJECT

    crypto::SigningKey m_key;
    QByteArray m_file;
    QTemporaryDir m_dir;
    std::unique_ptr<store::SqliteStore> m_store;
    std::optional<crypto::DeviceVault> m_vault;

private Q_SLOTS:
    void initTestCase()
    {
        m_key = crypto::SigningKey::generate().value();
        EnrollmentBundle bundle = testing::sampleBundle(m_key);
        bundle.issuedAt = QDateTime::currentDateTimeUtc();
        bundle.expiresAt = bundle.issuedAt.addDays(1);
        m_file = *writeBundle(bundle, m_key);
    }

    void init()
    {
        m_store.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("device.db")));
        m_store = store::SqliteStore::open(m_dir.filePath(QStringLiteral("device.db"))).value();
        auto vault = unlockOrCreateVault(m_store->settings(), "operator passphrase", true, fastVault());
        QVERIFY(vault);
        m_vault.emplace(std::move(*vault));
    }

    void notEnrolled_currentIsEmpty()
    {
        auto now = current(m_store->settings(), *m_vault);
        QVERIFY(now);
        QVERIFY(!now->has_value());
        QVERIFY(!summary(m_store->settings())->has_value());
    }

    void enroll_thenCurrent_givesTheBundleBack()
    {
        auto enrolled = enroll(m_file, m_store->settings(), *m_vault);
        QVERIFY2(enrolled, qPrintable(enrolled ? QString() : enrolled.error().message));
        auto now = current(m_store->settings(), *m_vault);
        QVERIFY(now && now->has_value());
        QCOMPARE((*now)->bundle.deviceToken, QByteArrayLiteral("Wf4wcsg-I84GdYkXAzrpxVIRxZoLa-j1hsP6Q81digI"));
        QCOMPARE((*now)->bundle.signingPublicKey, m_key.publicKey());
        auto shown = summary(m_store->settings());
        QVERIFY(shown && shown->has_value());
        QCOMPARE((*shown)->council, QStringLiteral("Example Borough Council"));
        QCOMPARE((*shown)->fingerprint, keyFingerprint(m_key.publicKey()));
    }

    void sealedToken_neverInTheDatabaseFilesAsPlaintext()
    {
        QVERIFY(enroll(m_file, m_store->settings(), *m_vault));
        m_store.reset(); // close: everything on disk
        const QByteArray token = "Wf4wcsg-I84GdYkXAzrpxVIRxZoLa-j1hsP6Q81digI";
        int scanned = 0;
        QDirIterator it(m_dir.path(), QDir::Files);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray raw = file.readAll();
            QVERIFY2(!raw.contains(token), qPrintable(file.fileName()));
            QVERIFY(!raw.contains(token.toBase64()));
            QVERIFY(!raw.contains(m_file.trimmed().left(60))); // nor the bundle file itself
            scanned += raw.isEmpty() ? 0 : 1;
        }
        QVERIFY(scanned >= 1);
        // and it is really there, sealed
        m_store = store::SqliteStore::open(m_dir.filePath(QStringLiteral("device.db"))).value();
        QVERIFY(current(m_store->settings(), *m_vault)->has_value());
    }

    void lockedVault_cannotReadOrEnroll()
    {
        QVERIFY(enroll(m_file, m_store->settings(), *m_vault));
        m_vault->lock();
        auto now = current(m_store->settings(), *m_vault);
        QVERIFY(!now);
        QCOMPARE(now.error().kind, ErrorKind::Permission);
        QVERIFY(!enroll(m_file, m_store->settings(), *m_vault));
        QVERIFY(summary(m_store->settings())->has_value()); // what the unlock screen shows
    }

    void reEnroll_withAnotherCouncilKey_isRefusedUntilForgotten()
    {
        QVERIFY(enroll(m_file, m_store->settings(), *m_vault));
        const crypto::SigningKey other = crypto::SigningKey::generate().value();
        EnrollmentBundle b = testing::sampleBundle(other);
        b.issuedAt = QDateTime::currentDateTimeUtc();
        b.expiresAt = b.issuedAt.addDays(1);
        const QByteArray otherFile = *writeBundle(b, other);
        auto refused = enroll(otherFile, m_store->settings(), *m_vault);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Crypto);
        QVERIFY(forget(m_store->settings()));
        QVERIFY(!current(m_store->settings(), *m_vault)->has_value());
        QVERIFY(enroll(otherFile, m_store->settings(), *m_vault));
        QCOMPARE((*current(m_store->settings(), *m_vault))->bundle.signingPublicKey, other.publicKey());
    }

    void sealedBlob_movedOrDamaged_doesNotOpen()
    {
        QVERIFY(enroll(m_file, m_store->settings(), *m_vault));
        const QString sealed = **m_store->settings().value(QStringLiteral("enrollment.sealedBundle"));
        QByteArray blob = QByteArray::fromBase64(sealed.toLatin1());
        QVERIFY(m_vault->open(blob, "enrollment-bundle-v1"));
        QVERIFY(!m_vault->open(blob, "something-else"));
        blob[blob.size() - 1] = char(blob[blob.size() - 1] ^ 1);
        QVERIFY(m_store->settings().setValue(QStringLiteral("enrollment.sealedBundle"), QString::fromLatin1(blob.toBase64())));
        auto now = current(m_store->settings(), *m_vault);
        QVERIFY(!now);
        QCOMPARE(now.error().kind, ErrorKind::Crypto);
    }

    void vault_isReloadedFromSettings_andWrongPassphraseCounted()
    {
        auto reopened = unlockOrCreateVault(m_store->settings(), "wrong", false, fastVault());
        QVERIFY(!reopened);
        auto stored = loadVault(m_store->settings(), fastVault());
        QVERIFY(stored && stored->has_value());
        QCOMPARE((*stored)->failedAttempts(), 1);
        QVERIFY(!(*stored)->isUnlocked());
    }

    void expiredBundle_isNotEnrolled_butAnEnrolledDeviceOutlivesItsBundlesExpiry()
    {
        EnrollmentBundle b = testing::sampleBundle(m_key); // expired in 2026-12
        ReadOptions later;
        later.now = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
        QVERIFY(!enroll(*writeBundle(b, m_key), m_store->settings(), *m_vault, later));
        QVERIFY(enroll(m_file, m_store->settings(), *m_vault));
        QVERIFY(current(m_store->settings(), *m_vault)->has_value());
    }
};

QTEST_GUILESS_MAIN(TestDeviceEnrollment)
#include "tst_deviceenrollment.moc"
