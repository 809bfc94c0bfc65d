// SPDX-License-Identifier: GPL-3.0-or-later
// The device vault remembered in a real GNOME Keyring (with-keyring.sh) and in the device database.
#include "KeyringTestSupport.h"
#include "SecretServiceKeyStore.h"
#include "VaultKeyring.h"

#include "enrollment/VaultSettings.h"
#include "store/SqliteStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::platform;

class TestVaultKeyring : public QObject
{
    Q_OBJECT

    const QByteArray m_passphrase = QByteArrayLiteral("operator passphrase");
    const crypto::DraftBinding m_binding { QStringLiteral("r-1"), QStringLiteral("equality"), QStringLiteral("3") };
    SecretServiceKeyStore m_keyStore;
    QTemporaryDir m_dir;

    crypto::DeviceVault::Options options()
    {
        crypto::DeviceVault::Options o;
        o.kdf = crypto::KdfParams::minimum();
        return o;
    }

    std::unique_ptr<store::SqliteStore> openDevice(const QString &name)
    {
        auto opened = store::SqliteStore::open(m_dir.filePath(name));
        if (!opened) {
            qFatal("cannot open the device database: %s", qPrintable(opened.error().message));
        }
        return std::move(*opened);
    }

    // A device that made its vault and remembered the key, as setup does.
    std::unique_ptr<store::SqliteStore> rememberedDevice(const QString &name, QByteArray *draft = nullptr)
    {
        auto device = openDevice(name);
        auto vault = enrollment::unlockOrCreateVault(device->settings(), m_passphrase, true, options());
        if (!vault) {
            qFatal("vault: %s", qPrintable(vault.error().message));
        }
        if (draft) {
            auto sealed = vault->sealDraft("sealed before the restart", m_binding);
            *draft = sealed ? *sealed : QByteArray();
        }
        if (Status s = rememberInKeyStore(*vault, m_keyStore, device->settings()); !s) {
            qFatal("remember: %s", qPrintable(s.error().message));
        }
        return device;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString reason = test::noKeyringReason(); !reason.isEmpty()) {
            QSKIP(qPrintable(reason));
        }
        QVERIFY(m_dir.isValid());
        const Status available = m_keyStore.availability();
        QVERIFY2(available, qPrintable(available ? QString() : available.error().message));
    }

    void remembered_restart_unlocksFromTheKeyring_andOpensDraftsSealedBefore()
    {
        QByteArray draft;
        auto device = rememberedDevice(QStringLiteral("a.db"), &draft);
        QVERIFY(!draft.isEmpty());
        auto remembered = isRememberedInKeyStore(device->settings());
        QVERIFY(remembered && *remembered);
        device.reset();

        auto restarted = openDevice(QStringLiteral("a.db"));
        auto stored = enrollment::loadVault(restarted->settings(), options());
        QVERIFY(stored && stored->has_value());
        crypto::DeviceVault vault = std::move(**stored);
        QVERIFY(!vault.isUnlocked());
        const Status unlocked = unlockFromKeyStore(vault, m_keyStore, restarted->settings());
        QVERIFY2(unlocked, qPrintable(unlocked ? QString() : unlocked.error().message));
        auto plain = vault.openDraft(draft, m_binding);
        QVERIFY(plain);
        QCOMPARE(*plain, QByteArrayLiteral("sealed before the restart"));
    }

    void passphraseChange_keepsTheKeyringCopyValid()
    {
        auto device = rememberedDevice(QStringLiteral("b.db"));
        auto vault = enrollment::unlockOrCreateVault(device->settings(), m_passphrase, false, options());
        QVERIFY(vault);
        QVERIFY(vault->changePassphrase(m_passphrase, "a new operator passphrase"));
        QVERIFY(enrollment::saveVault(device->settings(), *vault));

        auto stored = enrollment::loadVault(device->settings(), options());
        QVERIFY(stored && stored->has_value());
        QVERIFY(unlockFromKeyStore(**stored, m_keyStore, device->settings()));
    }

    void anotherVaultsKeyInTheKeyring_isRefused_andTheVaultStaysLocked()
    {
        auto mine = rememberedDevice(QStringLiteral("c.db"));
        auto other = rememberedDevice(QStringLiteral("d.db"));
        // The other device's key placed under my entry (a keyring restored from another machine).
        auto otherVault = enrollment::unlockOrCreateVault(other->settings(), m_passphrase, false, options());
        QVERIFY(otherVault);
        auto otherKey = otherVault->copyDataKey();
        QVERIFY(otherKey);
        auto myEntry = enrollment::keyStoreEntry(mine->settings());
        QVERIFY(myEntry && myEntry->has_value());
        QVERIFY(m_keyStore.store(**myEntry, QStringLiteral("swapped"), *otherKey));

        auto stored = enrollment::loadVault(mine->settings(), options());
        QVERIFY(stored && stored->has_value());
        const Status refused = unlockFromKeyStore(**stored, m_keyStore, mine->settings());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Crypto);
        QVERIFY(!(*stored)->isUnlocked());
        QCOMPARE((*stored)->failedAttempts(), 0);
    }

    void forget_removesTheEntryAndTheRecord()
    {
        auto device = rememberedDevice(QStringLiteral("e.db"));
        auto entry = enrollment::keyStoreEntry(device->settings());
        QVERIFY(entry && entry->has_value());
        const QString entryId = **entry;
        QVERIFY(forgetKeyStore(m_keyStore, device->settings()));
        auto loaded = m_keyStore.load(entryId);
        QVERIFY(loaded);
        QVERIFY(!loaded->has_value());
        auto remembered = isRememberedInKeyStore(device->settings());
        QVERIFY(remembered && !*remembered);

        auto stored = enrollment::loadVault(device->settings(), options());
        QVERIFY(stored && stored->has_value());
        const Status refused = unlockFromKeyStore(**stored, m_keyStore, device->settings());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::NotFound);

        // Remembered again: a fresh entry, never the forgotten one.
        auto vault = enrollment::unlockOrCreateVault(device->settings(), m_passphrase, false, options());
        QVERIFY(vault);
        QVERIFY(rememberInKeyStore(*vault, m_keyStore, device->settings()));
        auto again = enrollment::keyStoreEntry(device->settings());
        QVERIFY(again && again->has_value());
        QVERIFY(**again != entryId);
    }

    void entryRemovedBehindChorusesBack_saysSo()
    {
        auto device = rememberedDevice(QStringLiteral("f.db"));
        auto entry = enrollment::keyStoreEntry(device->settings());
        QVERIFY(entry && entry->has_value());
        QVERIFY(m_keyStore.remove(**entry));
        auto stored = enrollment::loadVault(device->settings(), options());
        QVERIFY(stored && stored->has_value());
        const Status refused = unlockFromKeyStore(**stored, m_keyStore, device->settings());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::NotFound);
        QVERIFY(refused.error().message.contains(QLatin1String("no longer holds")));
    }

    // Last: a locked keyring stays locked for the rest of this process.
    void lockedKeyring_refusesWithTheReason_vaultStaysLocked()
    {
        auto device = rememberedDevice(QStringLiteral("g.db"));
        QVERIFY(test::lockDefaultKeyring());
        auto stored = enrollment::loadVault(device->settings(), options());
        QVERIFY(stored && stored->has_value());
        const Status refused = unlockFromKeyStore(**stored, m_keyStore, device->settings());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Permission);
        QVERIFY(refused.error().message.contains(QLatin1String("locked")));
        QVERIFY(!(*stored)->isUnlocked());
        // Forgetting needs the keyring open: the record stays so nothing is left behind unseen.
        QVERIFY(!forgetKeyStore(m_keyStore, device->settings()));
        auto remembered = isRememberedInKeyStore(device->settings());
        QVERIFY(remembered && *remembered);
    }
};

QTEST_GUILESS_MAIN(TestVaultKeyring)
#include "tst_vaultkeyring.moc"
