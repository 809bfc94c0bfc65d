// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <mutex>

namespace chorus::sync {

// One line of the sync log: what happened, when and why. Ids, outcomes and reasons only:
// never an answer, a token or a body.
struct SyncLogEntry {
    enum class Event { RunStarted, Record, RunFinished };
    QDateTime at;
    Event event = Event::Record;
    QString instanceId; // Record
    QString outcome;    // Record: outcomeName(); RunFinished: "complete" or "stopped"
    int httpStatus = 0;
    int attempts = 0;
    QString detail;     // the reason; for runs, counts and the server host

    friend bool operator==(const SyncLogEntry &, const SyncLogEntry &) = default;
};

QString eventName(SyncLogEntry::Event event);

// Where the engine writes its log. The app and `chorusctl sync --status` read it back.
class SyncLog
{
public:
    virtual ~SyncLog() = default;
    virtual Status append(const QList<SyncLogEntry> &entries) = 0;
    // The last `count` entries, oldest first.
    virtual Result<QList<SyncLogEntry>> recent(int count) = 0;
};

// The log as a JSON-lines file beside the device database, flushed to disk on every append
// and trimmed to its newest half when it passes `maxBytes`.
class FileSyncLog : public SyncLog
{
public:
    explicit FileSyncLog(QString path, qint64 maxBytes = 2 * 1024 * 1024);

    Status append(const QList<SyncLogEntry> &entries) override;
    Result<QList<SyncLogEntry>> recent(int count) override;

    // The log file used for a device database: `<db>.sync-log.jsonl`.
    static QString pathFor(const QString &databasePath);

private:
    Status trimIfLarge();

    QString m_path;
    qint64 m_maxBytes;
    std::mutex m_mutex;
};

// Per record, the latest entry: what a status screen shows.
QList<SyncLogEntry> latestPerRecord(const QList<SyncLogEntry> &entries);

} // namespace chorus::sync
