// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "response/DraftContent.h"
#include "store/DraftRepository.h"

#include <QDateTime>
#include <QList>

namespace chorus::crypto {
class DeviceVault;
}

namespace chorus::response {

// Interrupted interviews at rest: each draft is DraftContent sealed with the device vault
// (XChaCha20-Poly1305, additional data binding response id, survey id and version) and kept as
// one row of the draft repository. The plaintext is wiped as soon as it is sealed or read.
// Needs an unlocked vault for save and load; list and discard work without one.
class DraftStore
{
public:
    DraftStore(store::DraftRepository &repository, const crypto::DeviceVault &vault);

    Status save(const DraftContent &draft, const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());
    Result<DraftContent> load(const QString &responseId) const;
    Result<QList<store::DraftInfo>> list() const { return m_repository.list(); }
    Status discard(const QString &responseId) { return m_repository.discard(responseId); }

private:
    store::DraftRepository &m_repository;
    const crypto::DeviceVault &m_vault;
};

} // namespace chorus::response
