// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CouncilKeys.h"
#include "KeyFile.h"
#include "Signing.h"
#include "common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace chorus::crypto
{

struct RetiredKeyInfo {
    QString keyId;
    QDateTime createdAt;
    QDateTime retiredAt;
};

// What `keys show` prints: ids and public keys, never a secret.
struct KeyDirectoryInfo {
    QString councilKeyId;
    QByteArray councilPublicKeyBase64; // the ODK base64RsaPublicKey
    QDateTime councilCreatedAt;
    QString signingKeyId;
    QByteArray signingPublicKeyBase64;
    QDateTime signingCreatedAt;
    QList<RetiredKeyInfo> retired;
};

// An admin's key directory:
//   council-rsa.pub      base64 SPKI + newline (goes into every published form)
//   council-rsa.key      PKCS#8 DER, encrypted (KeyFile)
//   signing-ed25519.pub  base64 of the 32-byte public key + newline
//   signing-ed25519.key  libsodium 64-byte secret key, encrypted (KeyFile)
//   retired/<keyid>.key  council keys replaced by `rotate`, kept so old data stays readable
//   keys.json            ids, algorithms, dates; no secrets. Written last: it marks a complete set.
// Every file is written atomically with mode 0600, the directory is 0700.
class KeyDirectory
{
public:
    explicit KeyDirectory(QString path);

    QString path() const { return m_path; }
    // "KEYS/council-rsa.key", as the user named the directory: used in messages.
    QString filePath(const QString &name) const;
    bool holdsKeys() const;

    // Generates a council RSA-2048 pair and an Ed25519 signing pair. Refuses a directory
    // that already holds keys unless `force` (which destroys the old private keys).
    Result<KeyDirectoryInfo> init(const QByteArray &passphrase, const KdfParams &kdf, bool force = false);

    // Replaces the council pair with a new one; the old private key moves (still encrypted)
    // to retired/<keyid>.key. The signing key is left alone.
    Result<KeyDirectoryInfo> rotate(const QByteArray &passphrase, const KdfParams &kdf);

    Result<KeyDirectoryInfo> info() const;
    Result<CouncilPublicKey> councilPublicKey() const;
    Result<CouncilPrivateKey> loadCouncilPrivateKey(const QByteArray &passphrase) const;
    Result<QList<CouncilPrivateKey>> loadRetiredCouncilKeys(const QByteArray &passphrase) const;
    Result<SigningKey> loadSigningKey(const QByteArray &passphrase) const;

private:
    Status writeSecretFile(const QString &name, const QByteArray &bytes) const;
    Status writeInfo(const KeyDirectoryInfo &info) const;
    Result<CouncilPrivateKey> loadCouncilKeyFile(const QString &name, const QByteArray &passphrase) const;

    QString m_path;
};

} // namespace chorus::crypto
