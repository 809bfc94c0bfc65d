// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceVault.h"

#include <sodium.h>

#include <QtEndian>

#include <cstring>
#include <optional>

namespace chorus::crypto
{

namespace
{

const QString kVaultName = QStringLiteral("the device vault key");
// Draft blob: magic "CHDR" | version 1 | nonce 24 | ciphertext ‖ tag 16.
constexpr char kDraftMagic[4] = { 'C', 'H', 'D', 'R' };
constexpr quint8 kDraftVersion = 1;
constexpr qsizetype kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr qsizetype kDraftHeader = 4 + 1 + kNonceSize;
// Sealed secret blob: the same layout under its own magic, so a draft never opens as a secret.
constexpr char kSealMagic[4] = { 'C', 'H', 'S', 'V' };
constexpr char kKeyCheckLabel[] = "chorus-vault-key-check-v1";
constexpr qsizetype kKeyCheckSize = 32;

QByteArray keyCheckOf(const SecretBytes &key)
{
    QByteArray check(kKeyCheckSize, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<uchar *>(check.data()), static_cast<size_t>(check.size()),
        reinterpret_cast<const uchar *>(kKeyCheckLabel), sizeof(kKeyCheckLabel) - 1, key.data(), key.size());
    return check;
}

void appendField(QByteArray &out, const QString &field)
{
    const QByteArray utf8 = field.toUtf8();
    uchar length[4];
    qToBigEndian<quint32>(static_cast<quint32>(utf8.size()), length);
    out.append(reinterpret_cast<const char *>(length), 4);
    out.append(utf8);
}

// Both blob kinds: magic 4 | version 1 | nonce 24 | ciphertext ‖ tag 16, with AD = header ‖ context.
QByteArray sealBlob(const char (&magic)[4], const QByteArray &plaintext, const QByteArray &context, const uchar *key)
{
    QByteArray blob(kDraftHeader + plaintext.size() + kTagSize, Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(blob.data());
    std::memcpy(p, magic, 4);
    p[4] = kDraftVersion;
    randombytes_buf(p + 5, kNonceSize);
    const QByteArray ad = blob.left(kDraftHeader) + context;
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(p + kDraftHeader, &written,
        reinterpret_cast<const uchar *>(plaintext.constData()), static_cast<unsigned long long>(plaintext.size()),
        reinterpret_cast<const uchar *>(ad.constData()), static_cast<unsigned long long>(ad.size()), nullptr, p + 5, key);
    return blob;
}

// The plaintext, or nullopt when the blob does not authenticate. The caller checked the header.
std::optional<QByteArray> openBlob(const QByteArray &blob, const QByteArray &context, const uchar *key)
{
    const auto *p = reinterpret_cast<const uchar *>(blob.constData());
    const QByteArray ad = blob.left(kDraftHeader) + context;
    QByteArray plain(blob.size() - kDraftHeader - kTagSize, Qt::Uninitialized);
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<uchar *>(plain.data()), &written, nullptr,
            p + kDraftHeader, static_cast<unsigned long long>(blob.size() - kDraftHeader),
            reinterpret_cast<const uchar *>(ad.constData()), static_cast<unsigned long long>(ad.size()), p + 5, key)
        != 0) {
        return std::nullopt;
    }
    return plain;
}

} // namespace

QByteArray DraftBinding::toAdditionalData() const
{
    // Length-prefixed so ("ab","c") and ("a","bc") differ.
    QByteArray out("chorus-draft");
    appendField(out, responseId);
    appendField(out, surveyId);
    appendField(out, surveyVersion);
    return out;
}

Result<DeviceVault> DeviceVault::create(const QByteArray &passphrase, Options options)
{
    if (!ensureSodium()) {
        return makeError(ErrorKind::Internal, QStringLiteral("libsodium failed to initialise"));
    }
    SecretBytes key = SecretBytes::random(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (!key.isValid()) {
        return makeError(ErrorKind::Internal, QStringLiteral("cannot allocate secure memory for the device key"));
    }
    auto wrapped = KeyFile::encrypt(key, KeyFileContent::DeviceDataKey, passphrase, options.kdf);
    if (!wrapped) {
        return wrapped.error();
    }
    DeviceVault vault(std::move(*wrapped), std::move(options));
    vault.takeKey(std::move(key));
    return vault;
}

DeviceVault::DeviceVault(QByteArray wrappedKey, Options options)
    : m_wrapped(std::move(wrappedKey))
    , m_options(std::move(options))
    , m_keyCheck(m_options.keyCheck)
    , m_failures(m_options.failedAttempts)
{
    ensureSodium();
    if (m_failures > 0) {
        m_notBefore = m_options.clock() + delayAfter(m_failures); // restored failures: wait from now
    }
}

std::chrono::milliseconds DeviceVault::delayAfter(int failures) const
{
    auto delay = m_options.baseDelay;
    for (int i = 1; i < failures && delay < m_options.maxDelay; ++i) {
        delay *= 2;
    }
    return std::min(delay, m_options.maxDelay);
}

std::chrono::milliseconds DeviceVault::retryDelay() const
{
    const auto now = m_options.clock();
    if (now >= m_notBefore) {
        return std::chrono::milliseconds(0);
    }
    return std::chrono::ceil<std::chrono::milliseconds>(m_notBefore - now);
}

Result<SecretBytes> DeviceVault::unwrap(const QByteArray &passphrase)
{
    if (const auto wait = retryDelay(); wait.count() > 0) {
        return makeError(ErrorKind::Crypto,
            QStringLiteral("too many wrong passphrases; try again in %1 s")
                .arg(std::chrono::ceil<std::chrono::seconds>(wait).count()));
    }
    auto key = KeyFile::decrypt(m_wrapped, KeyFileContent::DeviceDataKey, passphrase, kVaultName);
    if (key) {
        m_failures = 0;
        m_notBefore = {};
        return key;
    }
    if (key.error().kind != ErrorKind::Crypto) {
        return key.error(); // damaged blob: no point in a delay
    }
    ++m_failures;
    const auto delay = delayAfter(m_failures);
    m_notBefore = m_options.clock() + delay;
    return makeError(ErrorKind::Crypto,
        QStringLiteral("wrong passphrase for the device vault; wait %1 s before trying again")
            .arg(std::chrono::ceil<std::chrono::seconds>(delay).count()));
}

Status DeviceVault::unlock(const QByteArray &passphrase)
{
    auto key = unwrap(passphrase);
    if (!key) {
        return key.error();
    }
    takeKey(std::move(*key));
    return {};
}

void DeviceVault::takeKey(SecretBytes key)
{
    m_keyCheck = keyCheckOf(key);
    m_key = std::move(key);
}

Status DeviceVault::unlockWithKey(SecretBytes key)
{
    if (m_keyCheck.isEmpty()) {
        return makeError(ErrorKind::NotFound,
            QStringLiteral("this vault has no key check yet; unlock it once with the operator passphrase"));
    }
    if (!key.isValid() || key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES) {
        return makeError(ErrorKind::Crypto, QStringLiteral("the key offered is not a device vault key"));
    }
    const QByteArray check = keyCheckOf(key);
    if (m_keyCheck.size() != kKeyCheckSize
        || sodium_memcmp(check.constData(), m_keyCheck.constData(), static_cast<size_t>(kKeyCheckSize)) != 0) {
        return makeError(ErrorKind::Crypto,
            QStringLiteral("the key offered belongs to another device vault, not this one"));
    }
    m_key = std::move(key);
    return {};
}

Result<SecretBytes> DeviceVault::copyDataKey() const
{
    if (!isUnlocked()) {
        return makeError(ErrorKind::Permission, QStringLiteral("the device vault is locked; unlock it first"));
    }
    SecretBytes copy = SecretBytes::copyOf(m_key.data(), m_key.size());
    if (!copy.isValid()) {
        return makeError(ErrorKind::Internal, QStringLiteral("cannot allocate secure memory for the device key"));
    }
    return copy;
}

void DeviceVault::lock()
{
    m_key.clear(); // sodium_free wipes
}

Status DeviceVault::changePassphrase(const QByteArray &oldPassphrase, const QByteArray &newPassphrase)
{
    auto params = KeyFile::readParams(m_wrapped, kVaultName);
    if (!params) {
        return params.error();
    }
    return changePassphrase(oldPassphrase, newPassphrase, *params);
}

Status DeviceVault::changePassphrase(
    const QByteArray &oldPassphrase, const QByteArray &newPassphrase, const KdfParams &kdf)
{
    auto key = unwrap(oldPassphrase);
    if (!key) {
        return key.error();
    }
    auto wrapped = KeyFile::encrypt(*key, KeyFileContent::DeviceDataKey, newPassphrase, kdf);
    if (!wrapped) {
        return wrapped.error();
    }
    m_wrapped = std::move(*wrapped);
    m_keyCheck = keyCheckOf(*key); // a vault stored before key checks gains one here too
    return {};
}

Result<QByteArray> DeviceVault::sealDraft(const QByteArray &plaintext, const DraftBinding &binding) const
{
    if (!isUnlocked()) {
        return makeError(ErrorKind::Permission, QStringLiteral("the device vault is locked; unlock it to save drafts"));
    }
    return sealBlob(kDraftMagic, plaintext, binding.toAdditionalData(), m_key.data());
}

Result<QByteArray> DeviceVault::openDraft(const QByteArray &blob, const DraftBinding &binding) const
{
    if (!isUnlocked()) {
        return makeError(ErrorKind::Permission, QStringLiteral("the device vault is locked; unlock it to open drafts"));
    }
    if (blob.size() < kDraftHeader + kTagSize || std::memcmp(blob.constData(), kDraftMagic, 4) != 0) {
        return makeError(
            ErrorKind::InvalidInput, QStringLiteral("draft %1 is not a Chorus draft blob").arg(binding.responseId));
    }
    if (static_cast<quint8>(blob.at(4)) != kDraftVersion) {
        return makeError(
            ErrorKind::Unsupported, QStringLiteral("draft %1 was written by a newer Chorus").arg(binding.responseId));
    }
    std::optional<QByteArray> plain = openBlob(blob, binding.toAdditionalData(), m_key.data());
    if (!plain) {
        return makeError(ErrorKind::Crypto,
            QStringLiteral("draft %1 does not authenticate: it was damaged, or belongs to another "
                           "response, survey or version")
                .arg(binding.responseId));
    }
    return *plain;
}

Result<QByteArray> DeviceVault::seal(const QByteArray &plaintext, const QByteArray &associatedData) const
{
    if (!isUnlocked()) {
        return makeError(ErrorKind::Permission, QStringLiteral("the device vault is locked; unlock it first"));
    }
    return sealBlob(kSealMagic, plaintext, QByteArrayLiteral("chorus-sealed") + associatedData, m_key.data());
}

Result<QByteArray> DeviceVault::open(const QByteArray &blob, const QByteArray &associatedData) const
{
    if (!isUnlocked()) {
        return makeError(ErrorKind::Permission, QStringLiteral("the device vault is locked; unlock it first"));
    }
    if (blob.size() < kDraftHeader + kTagSize || std::memcmp(blob.constData(), kSealMagic, 4) != 0
        || static_cast<quint8>(blob.at(4)) != kDraftVersion) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("not a sealed secret written by this Chorus"));
    }
    std::optional<QByteArray> plain = openBlob(blob, QByteArrayLiteral("chorus-sealed") + associatedData, m_key.data());
    if (!plain) {
        return makeError(ErrorKind::Crypto,
            QStringLiteral("a sealed secret does not open with this device's key: it was damaged or moved"));
    }
    return *plain;
}

} // namespace chorus::crypto
