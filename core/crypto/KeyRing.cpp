// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyRing.h"

#include <algorithm>

namespace chorus::crypto
{

Result<KeyRing> KeyRing::load(const KeyDirectory &directory, const QByteArray &passphrase)
{
    auto current = directory.loadCouncilPrivateKey(passphrase);
    if (!current) {
        return current.error();
    }
    auto retired = directory.loadRetiredCouncilKeys(passphrase);
    if (!retired) {
        return retired.error();
    }
    KeyRing ring;
    ring.add(std::move(*current));
    // keys.json lists retired keys oldest first; recent data is likelier, so try newest first.
    for (auto it = retired->rbegin(); it != retired->rend(); ++it) {
        ring.add(*it);
    }
    return ring;
}

void KeyRing::add(CouncilPrivateKey key)
{
    if (key.isNull() || find(key.keyId())) {
        return;
    }
    m_keys.append(std::move(key));
}

QStringList KeyRing::keyIds() const
{
    QStringList ids;
    for (const CouncilPrivateKey &key : m_keys) {
        ids.append(key.keyId());
    }
    return ids;
}

const CouncilPrivateKey *KeyRing::find(const QString &keyId) const
{
    for (const CouncilPrivateKey &key : m_keys) {
        if (key.keyId() == keyId) {
            return &key;
        }
    }
    return nullptr;
}

Result<OpenedSubmission> KeyRing::open(
    const QByteArray &manifest, const FileParts &files, bool verifySignature, const QString &keyIdHint) const
{
    if (m_keys.isEmpty()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("no council private key loaded"));
    }
    const auto hinted = std::find_if(m_keys.cbegin(), m_keys.cend(),
        [&keyIdHint](const CouncilPrivateKey &key) { return key.keyId() == keyIdHint; });
    if (keyIdHint.isEmpty() || hinted == m_keys.cend() || hinted == m_keys.cbegin()) {
        return OdkEnvelope::open(std::span<const CouncilPrivateKey>(m_keys.constData(), size_t(m_keys.size())),
            manifest, files, verifySignature);
    }
    QList<CouncilPrivateKey> ordered { *hinted };
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it) {
        if (it != hinted) {
            ordered.append(*it);
        }
    }
    return OdkEnvelope::open(std::span<const CouncilPrivateKey>(ordered.constData(), size_t(ordered.size())), manifest,
        files, verifySignature);
}

} // namespace chorus::crypto
