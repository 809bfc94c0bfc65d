// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace chorus::store {

// A draft as stored: one encrypted blob (the crypto layer's XChaCha20-Poly1305 output, with
// the ids bound in its additional data). The store never sees the answers.
struct Draft {
    QString responseId;
    QString surveyId;
    QString surveyVersion;
    QByteArray encryptedBlob;
    QDateTime updatedAt; // UTC
};

struct DraftInfo {
    QString responseId;
    QString surveyId;
    QString surveyVersion;
    QDateTime updatedAt;
};

// Interrupted interviews. Saved after every answered question, so the write is one upsert.
class DraftRepository
{
public:
    virtual ~DraftRepository() = default;

    // Inserts or replaces the draft for draft.responseId. Refused (Conflict) when that id is
    // already finalized: a late autosave must never resurrect a sealed response as a draft.
    virtual Status save(const Draft &draft) = 0;
    virtual Result<Draft> load(const QString &responseId) = 0;
    // Newest first, without blobs.
    virtual Result<QList<DraftInfo>> list() = 0;
    // Deletes the draft; with secure_delete the old bytes are overwritten. Discarding a draft
    // that is not there succeeds (a kiosk reset may race a finalize).
    virtual Status discard(const QString &responseId) = 0;
};

} // namespace chorus::store
