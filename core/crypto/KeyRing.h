// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CouncilKeys.h"
#include "KeyDirectory.h"
#include "OdkEnvelope.h"
#include "common/Result.h"

#include <QList>
#include <QString>

namespace chorus::crypto
{

// Every council private key an admin holds: the current one first, then the retired ones
// (newest first), so responses sealed before a `keys rotate` still open. ODK manifests do not
// name their key, so open() tries the keys in order; with the current key first that costs
// one RSA operation in the usual case. Keys are parsed once and shared; read-only after
// loading, so one ring may serve several decrypting threads.
class KeyRing
{
public:
    KeyRing() = default;

    // Current key and all retired keys of a key directory, under one passphrase.
    static Result<KeyRing> load(const KeyDirectory &directory, const QByteArray &passphrase);

    void add(CouncilPrivateKey key);
    qsizetype size() const { return m_keys.size(); }
    bool isEmpty() const { return m_keys.isEmpty(); }
    QStringList keyIds() const;
    // The key with this id (see CouncilPublicKey::keyId), or nullptr.
    const CouncilPrivateKey *find(const QString &keyId) const;

    // OdkEnvelope::open with whichever key fits. If `keyIdHint` names a key of the ring, it is
    // tried first (e.g. the id recorded when the survey was published).
    Result<OpenedSubmission> open(const QByteArray &manifest, const FileParts &files, bool verifySignature = true,
        const QString &keyIdHint = {}) const;

private:
    QList<CouncilPrivateKey> m_keys;
};

} // namespace chorus::crypto
