// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "KeyFile.h"
#include "SecretBytes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <functional>

namespace chorus::crypto
{

// What a draft blob is bound to. A blob moved to another response, survey or version fails
// to open, so nobody can swap drafts around in the database.
struct DraftBinding {
    QString responseId;
    QString surveyId;
    QString surveyVersion;

    QByteArray toAdditionalData() const;
};

// Drafts at rest. A random 32-byte device data key encrypts every draft (XChaCha20-Poly1305);
// that key is stored only wrapped under an Argon2id key from the operator's passphrase (the
// wrapped blob is a key file, docs/formats/key-file.md, content 3; the caller persists it).
// While unlocked, the data key lives in sodium_malloc'd, mlock'd memory; lock() wipes it.
//
// A platform keystore may hold a second copy of the same data key (copyDataKey), so the vault
// can open without the passphrase (unlockWithKey). A key from outside is accepted only if it
// matches the key-check value: BLAKE2b keyed by the data key over a fixed label, computed
// whenever the vault is unlocked and persisted beside the wrapped key. It tells nothing about
// the key, and a vault stored before it existed gains it at its next passphrase unlock.
//
// Wrong passphrases are answered with a growing wait: after the n-th failure in a row no
// attempt is even tried for min(base·2^(n−1), max). The vault never sleeps: it refuses until
// the clock (injectable, so tests do not wait) has passed the deadline, which keeps a UI thread
// responsive. Not thread-safe: one owner.
class DeviceVault
{
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    struct Options {
        KdfParams kdf = KdfParams::moderate();
        Clock clock = [] {
            return std::chrono::steady_clock::now();
        };
        std::chrono::milliseconds baseDelay { 1000 };
        std::chrono::milliseconds maxDelay { std::chrono::minutes(5) };
        int failedAttempts = 0; // restored from storage, so a restart does not reset the wait
        QByteArray keyCheck;    // restored from storage; empty for a vault stored before it existed
    };

    // A new vault with a fresh data key, unlocked. Persist wrappedKey().
    static Result<DeviceVault> create(const QByteArray &passphrase, Options options);
    static Result<DeviceVault> create(const QByteArray &passphrase) { return create(passphrase, Options()); }

    // A locked vault over a wrapped key read from storage.
    DeviceVault(QByteArray wrappedKey, Options options);
    explicit DeviceVault(QByteArray wrappedKey) : DeviceVault(std::move(wrappedKey), Options()) { }

    QByteArray wrappedKey() const { return m_wrapped; }
    bool isUnlocked() const { return !m_key.isEmpty(); }
    int failedAttempts() const { return m_failures; }
    // Zero when an attempt may be made now.
    std::chrono::milliseconds retryDelay() const;

    Status unlock(const QByteArray &passphrase);
    // Opens with a data key held elsewhere (a platform keystore). A key that does not match the
    // key check is refused (ErrorKind::Crypto) without counting as a wrong passphrase and
    // without a wait: a 32-byte key cannot be guessed, so there is nothing to slow down.
    Status unlockWithKey(SecretBytes key);
    // A copy of the data key for a keystore; only while unlocked.
    Result<SecretBytes> copyDataKey() const;
    // Empty until the vault has been unlocked once with a version that computes it. Persist it.
    QByteArray keyCheck() const { return m_keyCheck; }
    void lock();
    // Re-wraps the same data key (drafts stay readable); wrappedKey() changes, persist it.
    Status changePassphrase(const QByteArray &oldPassphrase, const QByteArray &newPassphrase);
    Status changePassphrase(const QByteArray &oldPassphrase, const QByteArray &newPassphrase, const KdfParams &kdf);

    Result<QByteArray> sealDraft(const QByteArray &plaintext, const DraftBinding &binding) const;
    Result<QByteArray> openDraft(const QByteArray &blob, const DraftBinding &binding) const;

    // Other small secrets at rest (the enrollment's device token), bound to `associatedData`
    // (a purpose label): a blob copied to another purpose fails to open.
    Result<QByteArray> seal(const QByteArray &plaintext, const QByteArray &associatedData) const;
    Result<QByteArray> open(const QByteArray &blob, const QByteArray &associatedData) const;

private:
    Result<SecretBytes> unwrap(const QByteArray &passphrase);
    std::chrono::milliseconds delayAfter(int failures) const;
    void takeKey(SecretBytes key);

    QByteArray m_wrapped;
    Options m_options;
    SecretBytes m_key;
    QByteArray m_keyCheck;
    int m_failures = 0;
    std::chrono::steady_clock::time_point m_notBefore {};
};

} // namespace chorus::crypto
