// SPDX-License-Identifier: GPL-3.0-or-later
// The app's vault with a real GNOME Keyring (with-keyring.sh): setup with keyring unlock ticked,
// a restart that opens without the passphrase, Home turning it off, and a locked keyring that
// sends the operator back to the passphrase with the reason.
#include "KeyringTestSupport.h"
#include "SecretServiceKeyStore.h"
#include "VaultKeeper.h"

#include "enrollment/VaultSettings.h"
#include "store/InMemoryStore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace chorus;
using namespace chorus::ui;

class TestVaultKeeperKeyring : public QObject
{
    Q_OBJECT

    const QString m_passphrase = QStringLiteral("correct horse battery staple");
    platform::SecretServiceKeyStore m_keyStore;

    crypto::DeviceVault::Options options()
    {
        crypto::DeviceVault::Options o;
        o.kdf = crypto::KdfParams::minimum();
        return o;
    }

    // Waits until the keeper has finished talking to the keyring and the vault worker is idle.
    static bool settled(VaultKeeper &keeper)
    {
        return QTest::qWaitFor([&] { return !keeper.isBusy() && !keeper.keyStoreBusy(); }, 10000);
    }

    // First run: the vault made with keyring unlock ticked, as the setup page does.
    void setUpRemembered(store::InMemoryStore &device)
    {
        VaultKeeper keeper(&device.settings(), options(), &m_keyStore);
        QVERIFY(settled(keeper));
        QVERIFY(keeper.keyStoreAvailable());
        QVERIFY(!keeper.keyStoreRemembered());
        keeper.create(m_passphrase, m_passphrase, true);
        QVERIFY(QTest::qWaitFor([&] { return keeper.keyStoreRemembered(); }, 10000));
        QVERIFY2(keeper.keyStoreMessage().isEmpty(), qPrintable(keeper.keyStoreMessage()));
        QVERIFY(keeper.isUnlocked());
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString reason = test::noKeyringReason(); !reason.isEmpty()) {
            QSKIP(qPrintable(reason));
        }
        QStandardPaths::setTestModeEnabled(true);
    }

    void setupWithKeyringTicked_restart_opensWithoutThePassphrase()
    {
        store::InMemoryStore device;
        setUpRemembered(device);

        VaultKeeper restarted(&device.settings(), options(), &m_keyStore);
        QSignalSpy unlocked(&restarted, &VaultKeeper::unlockedNow);
        QVERIFY(restarted.openingWithKeyStore()); // the unlock page says "Opening with the keyring…"
        QVERIFY(!restarted.isUnlocked());
        QVERIFY(unlocked.wait(10000));
        QVERIFY(restarted.isUnlocked());
        QVERIFY(!restarted.openingWithKeyStore());
        QVERIFY(restarted.keyStoreRemembered());
        QVERIFY(restarted.vault()->sealDraft("x", { QStringLiteral("r"), QStringLiteral("s"), QStringLiteral("1") }));
    }

    void setupWithKeyringUnticked_restart_asksForThePassphrase()
    {
        store::InMemoryStore device;
        {
            VaultKeeper keeper(&device.settings(), options(), &m_keyStore);
            QVERIFY(settled(keeper));
            keeper.create(m_passphrase, m_passphrase, false);
            QVERIFY(QTest::qWaitFor([&] { return keeper.isUnlocked(); }, 10000));
            QVERIFY(settled(keeper));
            QVERIFY(!keeper.keyStoreRemembered());
        }
        VaultKeeper restarted(&device.settings(), options(), &m_keyStore);
        QVERIFY(!restarted.openingWithKeyStore());
        QVERIFY(settled(restarted));
        QVERIFY(!restarted.isUnlocked());
        QVERIFY(restarted.keyStoreMessage().isEmpty());
    }

    void home_turnsKeyringUnlockOff_thenTheNextStartAsks()
    {
        store::InMemoryStore device;
        setUpRemembered(device);
        {
            VaultKeeper keeper(&device.settings(), options(), &m_keyStore);
            QVERIFY(QTest::qWaitFor([&] { return keeper.isUnlocked(); }, 10000));
            auto entry = enrollment::keyStoreEntry(device.settings());
            QVERIFY(entry && entry->has_value());
            const QString entryId = **entry;
            keeper.setKeyStoreRemembered(false);
            QVERIFY(settled(keeper));
            QVERIFY(!keeper.keyStoreRemembered());
            auto gone = m_keyStore.load(entryId);
            QVERIFY(gone && !gone->has_value());
        }
        VaultKeeper restarted(&device.settings(), options(), &m_keyStore);
        QVERIFY(settled(restarted));
        QVERIFY(!restarted.isUnlocked());
        // And on again from Home once unlocked with the passphrase.
        restarted.unlock(m_passphrase);
        QVERIFY(QTest::qWaitFor([&] { return restarted.isUnlocked(); }, 10000));
        restarted.setKeyStoreRemembered(true);
        QVERIFY(QTest::qWaitFor([&] { return restarted.keyStoreRemembered(); }, 10000));
    }

    void keyringEntryRemoved_asksForThePassphrase_withTheReason_andPutsTheKeyBack()
    {
        store::InMemoryStore device;
        setUpRemembered(device);
        auto entry = enrollment::keyStoreEntry(device.settings());
        QVERIFY(entry && entry->has_value());
        QVERIFY(m_keyStore.remove(**entry));

        VaultKeeper restarted(&device.settings(), options(), &m_keyStore);
        QVERIFY(settled(restarted));
        QVERIFY(!restarted.isUnlocked());
        QVERIFY2(restarted.keyStoreMessage().contains(QLatin1String("no longer holds")),
                 qPrintable(restarted.keyStoreMessage()));
        restarted.unlock(m_passphrase);
        QVERIFY(QTest::qWaitFor([&] { return restarted.isUnlocked(); }, 10000));
        QVERIFY(settled(restarted));
        auto back = m_keyStore.load(**entry);
        QVERIFY(back && back->has_value());
    }

    // Last: a locked keyring stays locked for the rest of this process.
    void keyringLocked_asksForThePassphrase_withTheReason()
    {
        store::InMemoryStore device;
        setUpRemembered(device);
        QVERIFY(test::lockDefaultKeyring());

        VaultKeeper restarted(&device.settings(), options(), &m_keyStore);
        QVERIFY(settled(restarted));
        QVERIFY(!restarted.isUnlocked());
        QVERIFY(!restarted.keyStoreAvailable());
        QVERIFY2(restarted.keyStoreMessage().contains(QLatin1String("locked")), qPrintable(restarted.keyStoreMessage()));
        QCOMPARE(restarted.retrySeconds(), 0); // not counted as a wrong passphrase
        restarted.unlock(m_passphrase);
        QVERIFY(QTest::qWaitFor([&] { return restarted.isUnlocked(); }, 10000));
    }
};

QTEST_MAIN(TestVaultKeeperKeyring)
#include "tst_vaultkeeper_keyring.moc"
