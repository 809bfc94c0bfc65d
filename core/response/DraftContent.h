// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "response/Response.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace chorus::response {

// Everything needed to put an interrupted respondent back where they were: the answers as
// FormEngine::draft() gives them (hidden answers kept), the page on screen, the consent boxes
// and who was collecting. This is the plaintext of a draft blob; it exists only in memory and
// is sealed (DraftStore) before it goes anywhere near the disk.
struct DraftContent {
    Response response;             // instanceId, survey id/version, language, started, answers, repeats
    QString position;              // answer path of the page on screen; empty = first page
    bool atReview = false;         // on "Check your answers"
    QMap<QString, bool> consent;   // purpose id -> ticked
    QString noticeLanguage;
    QString mode;                  // consent::CollectionMode name
    QString operatorId;
    QString eventName;             // the outreach event running when it was collected, if any
    QString eventWard;             // its ward code (never a raw location)

    friend bool operator==(const DraftContent &, const DraftContent &) = default;
};

// Compact JSON (docs/formats/draft.md). decodeDraft refuses anything it cannot read exactly:
// a draft that decrypted but does not parse is corrupt, and resuming half of it would be worse
// than saying so.
QByteArray encodeDraft(const DraftContent &draft);
Result<DraftContent> decodeDraft(const QByteArray &json);

} // namespace chorus::response
