// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyFile.h"

#include <sodium.h>

#include <QtEndian>

namespace chorus::crypto
{

namespace
{

constexpr char kMagic[8] = { 'C', 'H', 'O', 'R', 'U', 'S', 'K', 'F' };
constexpr quint8 kVersion = 1;
constexpr quint8 kKdfArgon2id13 = 1;
constexpr quint8 kAeadXChaCha20Poly1305 = 1;
constexpr qsizetype kSaltSize = crypto_pwhash_SALTBYTES; // 16
constexpr qsizetype kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES; // 24
constexpr qsizetype kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES; // 16
constexpr qsizetype kChecksumSize = 32;
// magic 8 | version, kdf, aead, content 4 | opslimit 4 | memlimit 8 | salt 16 | nonce 24 | length 4
constexpr qsizetype kHeaderSize = 8 + 4 + 4 + 8 + kSaltSize + kNonceSize + 4;
constexpr quint32 kMaxCiphertext = 64 * 1024;
constexpr quint64 kMaxOps = 64;
constexpr quint64 kMaxMem = quint64(4) << 30;

static_assert(kHeaderSize == 68);

QByteArray checksum(const char *data, qsizetype size)
{
    QByteArray out(kChecksumSize, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), kChecksumSize,
        reinterpret_cast<const unsigned char *>(data), static_cast<unsigned long long>(size), nullptr, 0);
    return out;
}

struct Header {
    quint8 content = 0;
    KdfParams params;
    QByteArray salt;
    QByteArray nonce;
    quint32 ciphertextSize = 0;
};

Result<Header> parseHeader(const QByteArray &file, const QString &name)
{
    auto damaged = [&name](const QString &why) {
        return makeError(
            ErrorKind::InvalidInput, QStringLiteral("%1 is damaged (%2); restore it from a backup").arg(name, why));
    };
    if (file.size() < 8 || std::memcmp(file.constData(), kMagic, 8) != 0) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("%1 is not a Chorus key file").arg(name));
    }
    if (file.size() < kHeaderSize) {
        return damaged(
            QStringLiteral("truncated: %1 bytes, shorter than the %2-byte header").arg(file.size()).arg(kHeaderSize));
    }
    const auto *p = reinterpret_cast<const uchar *>(file.constData());
    if (p[8] != kVersion || p[9] != kKdfArgon2id13 || p[10] != kAeadXChaCha20Poly1305) {
        // The checksum over everything before it tells a file written by a newer Chorus (intact,
        // other version) from one whose version byte was damaged: only the first needs an upgrade.
        const bool intact
            = checksum(file.constData(), file.size() - kChecksumSize) == file.right(kChecksumSize);
        if (!intact) {
            return damaged(QStringLiteral("its header does not match its checksum"));
        }
        return makeError(ErrorKind::Unsupported,
            QStringLiteral("%1 uses key-file version %2, which this Chorus cannot read; upgrade Chorus")
                .arg(name)
                .arg(p[8]));
    }
    Header header;
    header.content = p[11];
    header.params.opsLimit = qFromBigEndian<quint32>(p + 12);
    header.params.memLimit = qFromBigEndian<quint64>(p + 16);
    header.salt = file.mid(24, kSaltSize);
    header.nonce = file.mid(24 + kSaltSize, kNonceSize);
    header.ciphertextSize = qFromBigEndian<quint32>(p + 24 + kSaltSize + kNonceSize);
    if (header.ciphertextSize < kTagSize || header.ciphertextSize > kMaxCiphertext) {
        return damaged(QStringLiteral("impossible length field"));
    }
    const qsizetype expected = kHeaderSize + header.ciphertextSize + kChecksumSize;
    if (file.size() < expected) {
        return damaged(QStringLiteral("truncated: %1 of %2 bytes").arg(file.size()).arg(expected));
    }
    if (file.size() > expected) {
        return damaged(QStringLiteral("%1 unexpected bytes at the end").arg(file.size() - expected));
    }
    if (checksum(file.constData(), expected - kChecksumSize) != file.right(kChecksumSize)) {
        return damaged(QStringLiteral("checksum mismatch"));
    }
    if (header.params.opsLimit < crypto_pwhash_OPSLIMIT_MIN || header.params.opsLimit > kMaxOps
        || header.params.memLimit < crypto_pwhash_MEMLIMIT_MIN || header.params.memLimit > kMaxMem) {
        return damaged(QStringLiteral("Argon2id parameters out of range"));
    }
    return header;
}

} // namespace

KdfParams KdfParams::moderate()
{
    return { crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE };
}

KdfParams KdfParams::interactive()
{
    return { crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE };
}

KdfParams KdfParams::minimum()
{
    return { crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN };
}

KdfParams KdfParams::forDeviceMemory(quint64 memoryBytes)
{
    return memoryBytes != 0 && memoryBytes < kLowMemoryBytes ? interactive() : moderate();
}

Result<KdfParams> KdfParams::named(const QString &name, quint64 memoryBytes)
{
    if (name == QLatin1String("moderate")) {
        return moderate();
    }
    if (name == QLatin1String("interactive")) {
        return interactive();
    }
    if (name == QLatin1String("auto")) {
        return forDeviceMemory(memoryBytes);
    }
    return makeError(ErrorKind::InvalidInput,
                     QStringLiteral("unknown Argon2id cost '%1': use moderate (256 MiB), interactive (64 MiB, for "
                                    "low-memory devices) or auto (chosen from this device's memory)")
                         .arg(name));
}

QString KdfParams::describe() const
{
    return QStringLiteral("Argon2id, %1 passes, %2 MiB").arg(opsLimit).arg(memLimit >> 20);
}

Result<SecretBytes> derivePassphraseKey(const QByteArray &passphrase, const QByteArray &salt, const KdfParams &params)
{
    if (!ensureSodium()) {
        return makeError(ErrorKind::Internal, QStringLiteral("libsodium failed to initialise"));
    }
    if (salt.size() != kSaltSize) {
        return makeError(ErrorKind::Internal, QStringLiteral("Argon2id salt must be %1 bytes").arg(kSaltSize));
    }
    SecretBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (!key.isValid()) {
        return makeError(ErrorKind::Internal, QStringLiteral("cannot allocate secure memory for a key"));
    }
    if (crypto_pwhash(key.data(), key.size(), passphrase.constData(),
            static_cast<unsigned long long>(passphrase.size()),
            reinterpret_cast<const unsigned char *>(salt.constData()), params.opsLimit,
            static_cast<std::size_t>(params.memLimit), crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        return makeError(ErrorKind::Internal,
            QStringLiteral("Argon2id needs %1 MiB of memory and could not get it; close other programs "
                           "or use the interactive setting")
                .arg(params.memLimit >> 20));
    }
    return key;
}

namespace KeyFile
{

Result<QByteArray> encrypt(
    const SecretBytes &secret, KeyFileContent content, const QByteArray &passphrase, const KdfParams &params)
{
    if (passphrase.isEmpty()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("the passphrase is empty"));
    }
    if (secret.size() + kTagSize > kMaxCiphertext) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("the secret is too large for a key file"));
    }
    ensureSodium();
    QByteArray salt(kSaltSize, Qt::Uninitialized);
    QByteArray nonce(kNonceSize, Qt::Uninitialized);
    randombytes_buf(salt.data(), static_cast<std::size_t>(salt.size()));
    randombytes_buf(nonce.data(), static_cast<std::size_t>(nonce.size()));
    auto key = derivePassphraseKey(passphrase, salt, params);
    if (!key) {
        return key.error();
    }
    const auto ciphertextSize = static_cast<quint32>(secret.size() + kTagSize);
    QByteArray file(kHeaderSize + ciphertextSize + kChecksumSize, Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(file.data());
    std::memcpy(p, kMagic, 8);
    p[8] = kVersion;
    p[9] = kKdfArgon2id13;
    p[10] = kAeadXChaCha20Poly1305;
    p[11] = static_cast<quint8>(content);
    qToBigEndian<quint32>(static_cast<quint32>(params.opsLimit), p + 12);
    qToBigEndian<quint64>(params.memLimit, p + 16);
    std::memcpy(p + 24, salt.constData(), kSaltSize);
    std::memcpy(p + 24 + kSaltSize, nonce.constData(), kNonceSize);
    qToBigEndian<quint32>(ciphertextSize, p + 24 + kSaltSize + kNonceSize);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(p + kHeaderSize, &written, secret.data(), secret.size(), p, kHeaderSize,
        nullptr, p + 24 + kSaltSize, key->data());
    const QByteArray sum = checksum(file.constData(), kHeaderSize + ciphertextSize);
    std::memcpy(p + kHeaderSize + ciphertextSize, sum.constData(), kChecksumSize);
    return file;
}

Result<SecretBytes> decrypt(
    const QByteArray &file, KeyFileContent expected, const QByteArray &passphrase, const QString &displayName)
{
    ensureSodium();
    auto header = parseHeader(file, displayName);
    if (!header) {
        return header.error();
    }
    if (header->content != static_cast<quint8>(expected)) {
        return makeError(ErrorKind::InvalidInput,
            QStringLiteral("%1 holds a different kind of key than expected (was it renamed?)").arg(displayName));
    }
    auto key = derivePassphraseKey(passphrase, header->salt, header->params);
    if (!key) {
        return key.error();
    }
    SecretBytes secret(header->ciphertextSize - kTagSize);
    if (!secret.isValid()) {
        return makeError(ErrorKind::Internal, QStringLiteral("cannot allocate secure memory for a key"));
    }
    const auto *p = reinterpret_cast<const uchar *>(file.constData());
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(secret.data(), &written, nullptr, p + kHeaderSize,
            header->ciphertextSize, p, kHeaderSize, p + 24 + kSaltSize, key->data())
        != 0) {
        return makeError(ErrorKind::Crypto, QStringLiteral("wrong passphrase for %1").arg(displayName));
    }
    secret.truncate(static_cast<std::size_t>(written));
    return secret;
}

Result<KdfParams> readParams(const QByteArray &file, const QString &displayName)
{
    auto header = parseHeader(file, displayName);
    if (!header) {
        return header.error();
    }
    return header->params;
}

} // namespace KeyFile

} // namespace chorus::crypto
