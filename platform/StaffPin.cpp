// SPDX-License-Identifier: GPL-3.0-or-later
#include "StaffPin.h"

#include <sodium.h>

#include <QCoreApplication>

namespace chorus::platform::StaffPin {

namespace {
constexpr qsizetype minDigits = 4;
constexpr qsizetype maxDigits = 12;

// Holds the PIN's UTF-8 bytes and wipes them however the caller leaves.
class WipedBytes
{
public:
    explicit WipedBytes(const QString &text) : m_bytes(text.toUtf8()) {}
    ~WipedBytes() { sodium_memzero(m_bytes.data(), static_cast<size_t>(m_bytes.size())); }
    WipedBytes(const WipedBytes &) = delete;
    WipedBytes &operator=(const WipedBytes &) = delete;
    const char *data() const { return m_bytes.constData(); }
    unsigned long long size() const { return static_cast<unsigned long long>(m_bytes.size()); }

private:
    QByteArray m_bytes;
};

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}
} // namespace

Status validate(const QString &pin)
{
    if (pin.size() < minDigits || pin.size() > maxDigits) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("The staff PIN must be 4 to 12 digits long; choose another PIN."));
    }
    for (const QChar c : pin) {
        if (c < u'0' || c > u'9') {
            return makeError(ErrorKind::InvalidInput,
                             QStringLiteral("The staff PIN may contain only the digits 0 to 9; choose another PIN."));
        }
    }
    return {};
}

Result<QByteArray> hash(const QString &pin)
{
    if (const Status valid = validate(pin); !valid) {
        return valid.error();
    }
    if (!sodiumReady()) {
        return makeError(ErrorKind::Crypto, QStringLiteral("libsodium could not start; reinstall Chorus."));
    }
    const WipedBytes secret(pin);
    char out[crypto_pwhash_STRBYTES] = {};
    // Interactive limits: a kiosk checks the PIN on the spot, and the PIN's value against
    // offline guessing comes from the memory cost, not from its few digits alone.
    if (crypto_pwhash_str(out, secret.data(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0) {
        return makeError(ErrorKind::Crypto,
                         QStringLiteral("Not enough memory to hash the staff PIN; close other apps and try again."));
    }
    return QByteArray(out);
}

bool verify(const QString &pin, const QByteArray &storedHash)
{
    if (!sodiumReady() || storedHash.isEmpty() || storedHash.size() >= crypto_pwhash_STRBYTES
        || !storedHash.startsWith("$argon2id$")) {
        return false;
    }
    const WipedBytes secret(pin);
    const QByteArray terminated = storedHash + '\0';
    return crypto_pwhash_str_verify(terminated.constData(), secret.data(), secret.size()) == 0;
}

} // namespace chorus::platform::StaffPin
