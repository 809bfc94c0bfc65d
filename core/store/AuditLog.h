// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace chorus::store {

// What happened, never what was answered: kinds like "response.finalized", a subject id
// (instance id, survey id) and a short detail (a state, a count, a server status).
struct AuditEvent {
    qint64 id = 0;
    QDateTime at;
    QString kind;
    QString subjectId;
    QString detail;
};

class AuditLog
{
public:
    virtual ~AuditLog() = default;

    virtual Status append(const QString &kind, const QString &subjectId, const QString &detail = {}) = 0;
    // The newest `limit` events (all when limit < 0), oldest first.
    virtual Result<QList<AuditEvent>> list(int limit = -1) = 0;
};

} // namespace chorus::store
