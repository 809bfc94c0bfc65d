// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/DeviceVault.h"

#include <QTest>

using namespace chorus;
using namespace chorus::crypto;
using namespace std::chrono_literals;

class TestDeviceVault : public QObject
{
    Q_OBJECT

    std::chrono::steady_clock::time_point m_now { std::chrono::hours(1) };
    const QByteArray m_passphrase = QByteArrayLiteral("operator passphrase");
    const DraftBinding m_binding { QStringLiteral("r-1"), QStringLiteral("equality"), QStringLiteral("3") };

    DeviceVault::Options options()
    {
        DeviceVault::Options o;
        o.kdf = KdfParams::minimum();
        o.clock = [this] {
            return m_now;
        };
        return o;
    }

    DeviceVault lockedVault()
    {
        auto vault = DeviceVault::create(m_passphrase, options());
        if (!vault) {
            qFatal("create failed");
        }
        return DeviceVault(vault->wrappedKey(), options());
    }

private Q_SLOTS:
    void create_isUnlocked_andDraftsRoundTrip()
    {
        auto vault = DeviceVault::create(m_passphrase, options());
        QVERIFY(vault);
        QVERIFY(vault->isUnlocked());
        auto blob = vault->sealDraft("answer: SENTINEL", m_binding);
        QVERIFY(blob);
        QVERIFY(!blob->contains("SENTINEL"));
        auto plain = vault->openDraft(*blob, m_binding);
        QVERIFY(plain);
        QCOMPARE(*plain, QByteArrayLiteral("answer: SENTINEL"));
        QVERIFY(!vault->wrappedKey().contains("SENTINEL"));
    }

    void draftBlob_movedToAnotherResponseSurveyOrVersion_failsToOpen()
    {
        auto vault = DeviceVault::create(m_passphrase, options());
        QVERIFY(vault);
        auto blob = vault->sealDraft("x", m_binding);
        QVERIFY(blob);
        for (const DraftBinding &other :
            { DraftBinding { QStringLiteral("r-2"), m_binding.surveyId, m_binding.surveyVersion },
                DraftBinding { m_binding.responseId, QStringLiteral("other"), m_binding.surveyVersion },
                DraftBinding { m_binding.responseId, m_binding.surveyId, QStringLiteral("4") } }) {
            auto opened = vault->openDraft(*blob, other);
            QVERIFY(!opened);
            QCOMPARE(opened.error().kind, ErrorKind::Crypto);
        }
        const DraftBinding ab_c { QStringLiteral("ab"), QStringLiteral("c"), {} };
        const DraftBinding a_bc { QStringLiteral("a"), QStringLiteral("bc"), {} };
        QVERIFY(ab_c.toAdditionalData() != a_bc.toAdditionalData());
        QByteArray tampered = *blob;
        tampered[tampered.size() - 1] = static_cast<char>(tampered.at(tampered.size() - 1) ^ 1);
        QVERIFY(!vault->openDraft(tampered, m_binding));
    }

    void lock_wipesKey_andDraftsNeedUnlockAgain()
    {
        DeviceVault vault = lockedVault();
        QVERIFY(!vault.isUnlocked());
        auto refused = vault.sealDraft("x", m_binding);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Permission);
        QVERIFY(vault.unlock(m_passphrase));
        auto blob = vault.sealDraft("x", m_binding);
        QVERIFY(blob);
        vault.lock();
        QVERIFY(!vault.isUnlocked());
        QVERIFY(!vault.openDraft(*blob, m_binding));
        QVERIFY(vault.unlock(m_passphrase));
        QVERIFY(vault.openDraft(*blob, m_binding));
    }

    void wrongPassphrase_givesClearError_andAGrowingWait()
    {
        DeviceVault vault = lockedVault();
        auto first = vault.unlock("wrong");
        QVERIFY(!first);
        QCOMPARE(first.error().kind, ErrorKind::Crypto);
        QVERIFY(first.error().message.contains(QLatin1String("wrong passphrase")));
        QCOMPARE(vault.retryDelay(), 1000ms);

        // Even the right passphrase is refused until the wait is over.
        auto early = vault.unlock(m_passphrase);
        QVERIFY(!early);
        QVERIFY(early.error().message.contains(QLatin1String("try again in 1 s")));
        QVERIFY(!vault.isUnlocked());

        m_now += 1000ms;
        QVERIFY(!vault.unlock("wrong again"));
        QCOMPARE(vault.retryDelay(), 2000ms);
        m_now += 2000ms;
        QVERIFY(!vault.unlock("and again"));
        QCOMPARE(vault.retryDelay(), 4000ms);
        QCOMPARE(vault.failedAttempts(), 3);

        m_now += 4000ms;
        QVERIFY(vault.unlock(m_passphrase));
        QCOMPARE(vault.failedAttempts(), 0);
        QCOMPARE(vault.retryDelay(), 0ms);
    }

    void wait_isCapped_andSurvivesARestart()
    {
        auto o = options();
        o.failedAttempts = 40;
        o.maxDelay = 5min;
        auto created = DeviceVault::create(m_passphrase, options());
        QVERIFY(created);
        DeviceVault vault(created->wrappedKey(), o);
        QCOMPARE(vault.retryDelay(), std::chrono::milliseconds(5min));
        QVERIFY(!vault.unlock(m_passphrase));
        m_now += 5min;
        QVERIFY(vault.unlock(m_passphrase));
    }

    void changePassphrase_rewrapsTheSameKey_soOldDraftsStillOpen()
    {
        auto vault = DeviceVault::create(m_passphrase, options());
        QVERIFY(vault);
        auto blob = vault->sealDraft("kept", m_binding);
        QVERIFY(blob);
        const QByteArray oldWrapped = vault->wrappedKey();
        QVERIFY(!vault->changePassphrase("wrong", "new passphrase"));
        m_now += 1s;
        QVERIFY(vault->changePassphrase(m_passphrase, "new passphrase"));
        QVERIFY(vault->wrappedKey() != oldWrapped);

        DeviceVault reopened(vault->wrappedKey(), options());
        QVERIFY(!reopened.unlock(m_passphrase));
        m_now += 1s;
        QVERIFY(reopened.unlock("new passphrase"));
        auto plain = reopened.openDraft(*blob, m_binding);
        QVERIFY(plain);
        QCOMPARE(*plain, QByteArrayLiteral("kept"));
    }

    void damagedWrappedKey_isReportedAsDamaged_withoutAWait()
    {
        auto created = DeviceVault::create(m_passphrase, options());
        QVERIFY(created);
        DeviceVault vault(created->wrappedKey().left(50), options());
        auto result = vault.unlock(m_passphrase);
        QVERIFY(!result);
        QVERIFY(result.error().message.contains(QLatin1String("damaged")));
        QCOMPARE(vault.retryDelay(), 0ms);
    }
    void unlockWithKey_matchingCopy_opensDraftsSealedBefore()
    {
        auto created = DeviceVault::create(m_passphrase, options());
        QVERIFY(created);
        auto blob = created->sealDraft("before", m_binding);
        QVERIFY(blob);
        auto copy = created->copyDataKey();
        QVERIFY(copy);
        QCOMPARE(copy->size(), std::size_t(32));

        auto o = options();
        o.keyCheck = created->keyCheck();
        DeviceVault restarted(created->wrappedKey(), o);
        QVERIFY(!restarted.isUnlocked());
        QVERIFY(restarted.unlockWithKey(std::move(*copy)));
        QVERIFY(restarted.isUnlocked());
        auto plain = restarted.openDraft(*blob, m_binding);
        QVERIFY(plain);
        QCOMPARE(*plain, QByteArrayLiteral("before"));
    }

    void unlockWithKey_anotherVaultsKey_isRefused_stillLocked_andNotCountedAsAWrongPassphrase()
    {
        auto mine = DeviceVault::create(m_passphrase, options());
        auto other = DeviceVault::create(m_passphrase, options());
        QVERIFY(mine && other);
        auto o = options();
        o.keyCheck = mine->keyCheck();
        DeviceVault vault(mine->wrappedKey(), o);
        auto foreignKey = other->copyDataKey();
        QVERIFY(foreignKey);
        auto refused = vault.unlockWithKey(std::move(*foreignKey));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Crypto);
        QVERIFY(refused.error().message.contains(QLatin1String("another device vault")));
        QVERIFY(!vault.isUnlocked());
        QCOMPARE(vault.failedAttempts(), 0);
        QCOMPARE(vault.retryDelay(), 0ms);
        QVERIFY(!vault.unlockWithKey(SecretBytes::random(16))); // wrong size
        QVERIFY(vault.unlock(m_passphrase));
    }

    void unlockWithKey_vaultStoredWithoutKeyCheck_gainsItAtThePassphraseUnlockOrChange()
    {
        auto created = DeviceVault::create(m_passphrase, options());
        QVERIFY(created);
        DeviceVault old(created->wrappedKey(), options()); // as stored before key checks existed
        QVERIFY(old.keyCheck().isEmpty());
        auto key = created->copyDataKey();
        QVERIFY(key);
        auto refused = old.unlockWithKey(std::move(*key));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::NotFound);
        QVERIFY(old.unlock(m_passphrase));
        QCOMPARE(old.keyCheck(), created->keyCheck());
        QCOMPARE(old.keyCheck().size(), 32);

        DeviceVault older(created->wrappedKey(), options());
        QVERIFY(older.changePassphrase(m_passphrase, "new passphrase"));
        QCOMPARE(older.keyCheck(), created->keyCheck());
    }

    void keyCheck_survivesAPassphraseChange_andCopyNeedsUnlocked()
    {
        auto vault = DeviceVault::create(m_passphrase, options());
        QVERIFY(vault);
        const QByteArray check = vault->keyCheck();
        QVERIFY(vault->changePassphrase(m_passphrase, "new passphrase"));
        QCOMPARE(vault->keyCheck(), check);
        vault->lock();
        auto copy = vault->copyDataKey();
        QVERIFY(!copy);
        QCOMPARE(copy.error().kind, ErrorKind::Permission);
    }
};

QTEST_GUILESS_MAIN(TestDeviceVault)
#include "tst_devicevault.moc"
