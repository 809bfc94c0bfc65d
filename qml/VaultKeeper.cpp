// SPDX-License-Identifier: GPL-3.0-or-later
#include "VaultKeeper.h"

#include "enrollment/VaultSettings.h"
#include "store/SettingsRepository.h"

#include <QMetaObject>
#include <QSet>

#include <sodium.h>

namespace chorus::ui {

namespace {

// Best effort: the QString copies QML holds cannot be wiped, the bytes we derive from them can.
struct Utf8Secret {
    explicit Utf8Secret(const QString &text) : bytes(text.toUtf8()) {}
    ~Utf8Secret() { sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size())); }
    Utf8Secret(const Utf8Secret &) = delete;
    Utf8Secret &operator=(const Utf8Secret &) = delete;
    QByteArray bytes;
};

} // namespace

VaultKeeper::VaultKeeper(store::SettingsRepository *settings, crypto::DeviceVault::Options options,
                         platform::KeyStore *keyStore, QObject *parent)
    : QObject(parent), m_settings(settings), m_options(std::move(options)), m_keyStore(settings ? keyStore : nullptr)
{
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        if (retrySeconds() == 0) {
            m_countdown.stop();
        }
        Q_EMIT retrySecondsChanged();
    });
    if (!m_settings) {
        return;
    }
    auto loaded = enrollment::loadVault(*m_settings, m_options);
    if (!loaded) {
        m_error = tr("The device database cannot be read: %1").arg(loaded.error().message);
        return;
    }
    if (!loaded->has_value()) {
        if (m_keyStore) {
            probeKeyStore(); // setup offers the keyring only when it answers
        }
        return;
    }
    m_vault = std::make_shared<crypto::DeviceVault>(std::move(**loaded));
    if (retrySeconds() > 0) {
        m_countdown.start();
    }
    if (!m_keyStore) {
        return;
    }
    auto entry = enrollment::keyStoreEntry(*m_settings);
    if (entry && entry->has_value()) {
        m_keyStoreRemembered = true;
        startKeyStoreUnlock(**entry); // also tells whether the keyring is available
    } else {
        probeKeyStore();
    }
}

VaultKeeper::~VaultKeeper()
{
    joinWorker();
    joinKeyStoreWorker();
}

void VaultKeeper::joinKeyStoreWorker()
{
    if (m_keyStoreWorker.joinable()) {
        m_keyStoreWorker.join();
    }
}

void VaultKeeper::joinWorker()
{
    if (m_worker.joinable()) {
        m_worker.join();
    }
}

bool VaultKeeper::exists() const
{
    return m_vault != nullptr;
}

bool VaultKeeper::isUnlocked() const
{
    return m_vault && !m_busy && m_vault->isUnlocked();
}

int VaultKeeper::retrySeconds() const
{
    if (!m_vault || m_busy) {
        return 0;
    }
    return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(m_vault->retryDelay()).count());
}

crypto::DeviceVault *VaultKeeper::vault()
{
    return isUnlocked() ? m_vault.get() : nullptr;
}

QVariantMap VaultKeeper::passphraseStrength(const QString &passphrase)
{
    const auto result = [](int score, const QString &text) {
        return QVariantMap{{QStringLiteral("score"), score},
                           {QStringLiteral("text"), text},
                           {QStringLiteral("acceptable"), score >= 2}};
    };
    if (passphrase.isEmpty()) {
        return result(0, tr("Use at least %1 characters. Three or four unrelated words are easy to remember "
                            "and hard to guess.").arg(kMinimumLength));
    }
    const auto length = passphrase.size();
    if (length < kMinimumLength) {
        return result(1, tr("Too short: use at least %1 characters.").arg(kMinimumLength));
    }
    QSet<QChar> distinct;
    bool lower = false, upper = false, digit = false, other = false;
    for (const QChar c : passphrase) {
        distinct.insert(c);
        lower |= c.isLower();
        upper |= c.isUpper();
        digit |= c.isDigit();
        other |= !c.isLetterOrNumber();
    }
    if (distinct.size() < 5) {
        return result(1, tr("Too easy to guess: it repeats the same few characters."));
    }
    const int classes = int(lower) + int(upper) + int(digit) + int(other);
    const auto words = passphrase.split(QLatin1Char(' '), Qt::SkipEmptyParts).size();
    if (length >= 20 || words >= 4 || (length >= 16 && classes >= 2)) {
        return result(4, tr("Strong."));
    }
    if (length >= 16 || classes >= 3) {
        return result(3, tr("Good. A longer passphrase is stronger still."));
    }
    return result(2, tr("Acceptable, but longer is safer: try three or four unrelated words."));
}

void VaultKeeper::create(const QString &passphrase, const QString &again, bool rememberInKeyStore)
{
    if (m_busy) {
        return;
    }
    if (!m_settings) {
        setError(tr("There is no device database to keep the vault in."));
        return;
    }
    if (passphrase != again) {
        setError(tr("The two passphrases are different. Type the same passphrase in both boxes."));
        return;
    }
    const QVariantMap strength = passphraseStrength(passphrase);
    if (!strength.value(QStringLiteral("acceptable")).toBool()) {
        setError(strength.value(QStringLiteral("text")).toString());
        return;
    }
    setError({});
    m_rememberAfterCreate = rememberInKeyStore && m_keyStore && m_keyStoreAvailable;
    setBusy(true);
    joinWorker();
    m_worker = std::thread([this, secret = std::make_shared<Utf8Secret>(passphrase), options = m_options] {
        auto made = crypto::DeviceVault::create(secret->bytes, options);
        std::shared_ptr<crypto::DeviceVault> vault;
        QString failure;
        if (made) {
            vault = std::make_shared<crypto::DeviceVault>(std::move(*made));
        } else {
            failure = made.error().message;
        }
        QMetaObject::invokeMethod(
            this, [this, vault, failure] { finishCreate(vault, failure); }, Qt::QueuedConnection);
    });
}

void VaultKeeper::finishCreate(std::shared_ptr<crypto::DeviceVault> vault, const QString &failure)
{
    joinWorker();
    if (!vault) {
        setBusy(false);
        setError(tr("The vault could not be created: %1").arg(failure));
        return;
    }
    if (const Status stored = enrollment::saveVault(*m_settings, *vault); !stored) {
        setBusy(false);
        setError(tr("The vault could not be saved: %1").arg(stored.error().message));
        return;
    }
    m_vault = std::move(vault);
    setBusy(false);
    if (m_rememberAfterCreate) {
        remember();
    }
    Q_EMIT created();
    Q_EMIT unlockedNow();
}

void VaultKeeper::unlock(const QString &passphrase)
{
    if (m_busy || !m_vault) {
        return;
    }
    if (m_vault->isUnlocked()) {
        Q_EMIT unlockedNow();
        return;
    }
    if (const int wait = retrySeconds(); wait > 0) {
        setError(tr("Wait %n second(s) before trying again.", "", wait));
        return;
    }
    if (passphrase.isEmpty()) {
        setError(tr("Enter the operator passphrase."));
        return;
    }
    setError({});
    setBusy(true);
    joinWorker();
    m_worker = std::thread([this, vault = m_vault, secret = std::make_shared<Utf8Secret>(passphrase)] {
        const Status status = vault->unlock(secret->bytes);
        QMetaObject::invokeMethod(this, [this, status] { finishUnlock(status); }, Qt::QueuedConnection);
    });
}

void VaultKeeper::finishUnlock(const Status &status)
{
    joinWorker();
    setBusy(false);
    (void)enrollment::saveVault(*m_settings, *m_vault); // the failure count survives a restart
    if (status) {
        // The keyring's copy was gone or wrong and the keyring is open: put the right one back.
        if (m_keyStoreRemembered && m_keyStoreAvailable && !m_keyStoreMessage.isEmpty()) {
            remember();
        }
        Q_EMIT unlockedNow();
        return;
    }
    if (status.error().kind != ErrorKind::Crypto) {
        setError(tr("The vault cannot be opened: %1").arg(status.error().message));
        return;
    }
    // The wait itself is counted down on the Unlock button; the message stays true meanwhile.
    setError(tr("That passphrase is not right. Check it and try again: each wrong passphrase makes the next "
                "wait longer."));
    m_countdown.start();
    Q_EMIT retrySecondsChanged();
}

void VaultKeeper::setError(const QString &message)
{
    if (m_error != message) {
        m_error = message;
        Q_EMIT errorChanged();
    }
}

void VaultKeeper::setBusy(bool busy)
{
    m_busy = busy;
    Q_EMIT stateChanged();
}

} // namespace chorus::ui
