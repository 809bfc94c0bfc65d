// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SecretBytes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace chorus::crypto
{

// Argon2id cost, stored in every file so it can be raised later without breaking old files.
struct KdfParams {
    quint64 opsLimit = 0;
    quint64 memLimit = 0; // bytes

    static KdfParams moderate(); // 3 passes, 256 MiB: admin keys and desktop vaults
    static KdfParams interactive(); // 2 passes, 64 MiB: low-memory tablets
    static KdfParams minimum(); // tests only: libsodium's floor

    // Below this much memory a device counts as low-memory: MODERATE's 256 MiB would crowd out
    // the app (a "2 GB" tablet reports about 1.8 GiB to the kernel).
    static constexpr quint64 kLowMemoryBytes = 3ull << 30;
    // The vault's cost for a device with `memoryBytes` (physical, or its cgroup limit if lower):
    // INTERACTIVE under kLowMemoryBytes, MODERATE otherwise; 0 (unknown) counts as enough.
    static KdfParams forDeviceMemory(quint64 memoryBytes);
    // "moderate", "interactive", or "auto" (forDeviceMemory); anything else is an InvalidInput
    // error naming the choices.
    static Result<KdfParams> named(const QString &name, quint64 memoryBytes);
    QString describe() const; // "Argon2id, 3 passes, 256 MiB"
};

// What a key file holds; checked on reading so a swapped file is refused, not misread.
enum class KeyFileContent : quint8 {
    RsaPrivateKeyPkcs8 = 1,
    Ed25519SecretKey = 2,
    DeviceDataKey = 3,
};

// A secret encrypted under a passphrase: Argon2id → XChaCha20-Poly1305 (IETF) with the
// whole header as additional data, plus a BLAKE2b checksum so a damaged file is told apart
// from a wrong passphrase. Layout: docs/formats/key-file.md.
namespace KeyFile
{

Result<QByteArray> encrypt(
    const SecretBytes &secret, KeyFileContent content, const QByteArray &passphrase, const KdfParams &params);

// `displayName` names the file in messages ("KEYS/council-rsa.key").
// Errors: ErrorKind::Crypto "wrong passphrase for <name>"; ErrorKind::InvalidInput for a
// truncated, damaged or foreign file, with a different message for each.
Result<SecretBytes> decrypt(
    const QByteArray &file, KeyFileContent expected, const QByteArray &passphrase, const QString &displayName);

// The stored Argon2id parameters, without decrypting (for `keys show` and re-wrap decisions).
Result<KdfParams> readParams(const QByteArray &file, const QString &displayName);

} // namespace KeyFile

// Argon2id13 over the passphrase into a 32-byte key in secure memory.
Result<SecretBytes> derivePassphraseKey(const QByteArray &passphrase, const QByteArray &salt, const KdfParams &params);

} // namespace chorus::crypto
