// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace chorus::store {

// A survey package as received: bytes and detached signature, kept verbatim so the signature
// can be checked again at any time. Version is a string of digits compared numerically.
struct StoredSurvey {
    QString surveyId;
    QString version;
    QByteArray package;
    QByteArray signature;
    QDateTime storedAt;
};

class SurveyRepository
{
public:
    virtual ~SurveyRepository() = default;

    // Keeps the newest package per survey id. A lower version is refused (a device never goes
    // back to an older survey); the same version with the same bytes is a no-op; the same
    // version with different bytes is a Conflict.
    virtual Status store(const StoredSurvey &survey) = 0;
    virtual Result<StoredSurvey> latest(const QString &surveyId) = 0;
    virtual Result<QList<StoredSurvey>> list() = 0;
};

// -1, 0 or 1 for digit-string versions ("9" < "10"); nullopt when either is not all digits.
std::optional<int> compareSurveyVersions(const QString &a, const QString &b);

} // namespace chorus::store
