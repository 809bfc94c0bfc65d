// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The symmetric half of the ODK envelope: AES-256-CFB128 with PKCS#7 padding and the
// deterministic IV sequence. Internal to core/crypto; exposed for the known-answer tests.

#include "SecretBytes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace chorus::crypto
{

inline constexpr std::size_t kOdkKeySize = 32;
inline constexpr std::size_t kOdkBlockSize = 16;

// The per-submission AES key. It lives for one seal or open, so it stays on the stack and is
// wiped on destruction: sodium_malloc (guard pages, mlock) costs ~30 µs a call, as much as the
// whole rest of a seal apart from RSA. Long-lived secrets use SecretBytes instead.
class OdkKey
{
public:
    OdkKey();
    ~OdkKey();
    OdkKey(const OdkKey &) = delete;
    OdkKey &operator=(const OdkKey &) = delete;
    OdkKey(OdkKey &&other) noexcept; // copies, then wipes the source
    OdkKey &operator=(OdkKey &&) = delete;

    static OdkKey random();
    static OdkKey fromBytes(const unsigned char *bytes); // kOdkKeySize bytes

    unsigned char *data() { return m_bytes; }
    const unsigned char *data() const { return m_bytes; }
    static constexpr std::size_t size() { return kOdkKeySize; }

private:
    unsigned char m_bytes[kOdkKeySize];
};

// seed = MD5(UTF-8(instanceID) ‖ key); before each file seed[i % 16] += 1 (wrapping) and
// the file uses the incremented seed, so the first IV is never the raw MD5.
class OdkIvSequence
{
public:
    OdkIvSequence(const QString &instanceId, const OdkKey &key);
    QByteArray next();
    QByteArray seed() const { return m_seed; }

private:
    QByteArray m_seed;
    int m_counter = 0;
};

// Encrypts with PKCS#7 padding (always 1–16 bytes) without making a padded plaintext copy.
Result<QByteArray> odkAesEncrypt(const OdkKey &key, const QByteArray &iv, const QByteArray &plaintext);
// Decrypts and strips the padding; a bad padding means a wrong key or a damaged file.
Result<QByteArray> odkAesDecrypt(const OdkKey &key, const QByteArray &iv, const QByteArray &ciphertext);

} // namespace chorus::crypto
