// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The crash harness's payloads, derived from the instance id alone, so the parent can
// regenerate every byte the child wrote and check a response is wholly there.

#include "store/ConsentLedger.h"
#include "store/DraftRepository.h"
#include "store/ResponseRepository.h"

#include <random>
#include <vector>

namespace chorus::store::testing {

inline std::mt19937 generatorFor(const QString &id, const char *purpose)
{
    const QByteArray key = id.toUtf8() + '/' + purpose;
    std::vector<unsigned> words(key.begin(), key.end());
    std::seed_seq seq(words.begin(), words.end());
    return std::mt19937(seq);
}

inline QByteArray randomBytes(std::mt19937 &gen, int minSize, int maxSize)
{
    std::uniform_int_distribution<int> size(minSize, maxSize);
    std::uniform_int_distribution<int> byte(0, 255);
    QByteArray bytes(size(gen), Qt::Uninitialized);
    for (char &c : bytes) {
        c = char(byte(gen));
    }
    return bytes;
}

inline FinalizedResponse crashResponse(const QString &id)
{
    auto gen = generatorFor(id, "response");
    FinalizedResponse r;
    r.instanceId = id;
    r.surveyId = QStringLiteral("crash-survey");
    r.surveyVersion = QStringLiteral("1");
    r.manifest = QByteArrayLiteral("<data id=\"crash-survey\" encrypted=\"yes\"><instanceID>") + id.toUtf8()
                 + QByteArrayLiteral("</instanceID></data>");
    const int parts = std::uniform_int_distribution<int>(1, 3)(gen);
    for (int i = 0; i < parts; ++i) {
        const QString name = i + 1 == parts ? QStringLiteral("submission.xml.enc")
                                            : QStringLiteral("media-%1.jpg.enc").arg(i);
        r.encryptedFiles.append(FilePart{name, randomBytes(gen, 16, 48 * 1024)});
    }
    r.finalizedAt = QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);
    r.consent = ConsentEntry{QStringLiteral("consent-") + id, id, randomBytes(gen, 32, 32), r.surveyId,
                             r.surveyVersion, r.finalizedAt, std::nullopt};
    return r;
}

inline Draft crashDraft(const QString &id)
{
    auto gen = generatorFor(id, "draft");
    return Draft{id, QStringLiteral("crash-survey"), QStringLiteral("1"), randomBytes(gen, 64, 8 * 1024),
                 QDateTime(QDate(2026, 11, 24), QTime(11, 0), Qt::UTC)};
}

} // namespace chorus::store::testing
