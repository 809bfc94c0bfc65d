// SPDX-License-Identifier: GPL-3.0-or-later
#include "DraftStore.h"

#include "crypto/DeviceVault.h"
#include "crypto/SecretBytes.h"

namespace chorus::response {

namespace {
crypto::DraftBinding bindingOf(const QString &responseId, const QString &surveyId, const QString &version)
{
    return crypto::DraftBinding{responseId, surveyId, version};
}
} // namespace

DraftStore::DraftStore(store::DraftRepository &repository, const crypto::DeviceVault &vault)
    : m_repository(repository), m_vault(vault)
{
}

Status DraftStore::save(const DraftContent &draft, const QDateTime &nowUtc)
{
    const Response &r = draft.response;
    QByteArray plain = encodeDraft(draft);
    auto sealed = m_vault.sealDraft(plain, bindingOf(r.instanceId, r.surveyId, r.surveyVersion));
    crypto::wipe(plain);
    if (!sealed) {
        return sealed.error();
    }
    return m_repository.save(store::Draft{r.instanceId, r.surveyId, r.surveyVersion, *sealed, nowUtc.toUTC()});
}

Result<DraftContent> DraftStore::load(const QString &responseId) const
{
    auto stored = m_repository.load(responseId);
    if (!stored) {
        return stored.error();
    }
    auto plain = m_vault.openDraft(stored->encryptedBlob,
                                   bindingOf(stored->responseId, stored->surveyId, stored->surveyVersion));
    if (!plain) {
        return plain.error();
    }
    auto draft = decodeDraft(*plain);
    crypto::wipe(*plain);
    if (!draft) {
        return draft.error();
    }
    // The row's ids were authenticated as additional data; the content must agree with them.
    const Response &r = draft->response;
    if (r.instanceId != stored->responseId || r.surveyId != stored->surveyId ||
        r.surveyVersion != stored->surveyVersion) {
        return makeError(ErrorKind::Crypto,
                         QStringLiteral("draft '%1' does not match its own record; discard it").arg(responseId));
    }
    return draft;
}

} // namespace chorus::response
