// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace chorus::sync {

// A submission the receiver listed whose stored bytes do not match the size and SHA-256 it
// listed, fetched twice in one run: the receiver's copy is damaged and asking again in the same
// run will not help. A pull records it, skips it and carries on, so one damaged file cannot
// hold back every later submission; the admin retries it later or gives up on it.
struct DamagedSubmission {
    QString instanceId;
    qint64 id = 0;       // the receiver's submission id
    QString reason;      // for people: which file, what was wrong
    QString detectedAt;  // ISO 8601 UTC, the last time it was found damaged
    QJsonObject listing; // the receiver's listing entry (files, sizes, SHA-256), to fetch it again
};

// OUT/pull-state.json: where the pull reached in the receiver's two feeds, and what it skipped.
struct PullState {
    qint64 submissions = 0; // cursor in the submission feed
    qint64 withdrawals = 0; // cursor in the withdrawal feed
    QList<DamagedSubmission> damaged;
    QString endpoint; // the receiver pulled from, for people reading the file
};

QString pullStatePath(const QString &outDir);
// A missing file is the empty state; a file that is not ours is an error saying what to do.
Result<PullState> readPullState(const QString &path);
// Atomic and durable (AtomicFile).
Status writePullState(const QString &path, const PullState &state);
// Drops `instanceId` from the damaged list (the admin gave up on it). NotFound if not listed.
Status forgetDamagedSubmission(const QString &outDir, const QString &instanceId);

} // namespace chorus::sync
