// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncLog.h"

#include "common/AtomicFile.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>


namespace chorus::sync {

namespace {

QByteArray toLine(const SyncLogEntry &e)
{
    QJsonObject o{{QStringLiteral("at"), e.at.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("event"), eventName(e.event)}};
    if (!e.instanceId.isEmpty()) o.insert(QStringLiteral("instanceId"), e.instanceId);
    if (!e.outcome.isEmpty()) o.insert(QStringLiteral("outcome"), e.outcome);
    if (e.httpStatus) o.insert(QStringLiteral("http"), e.httpStatus);
    if (e.attempts) o.insert(QStringLiteral("attempts"), e.attempts);
    if (!e.detail.isEmpty()) o.insert(QStringLiteral("detail"), e.detail);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

bool fromLine(const QByteArray &line, SyncLogEntry *e)
{
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    if (o.isEmpty()) {
        return false; // a line torn by a crash mid-write: skipped
    }
    e->at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
    const QString event = o.value(QStringLiteral("event")).toString();
    e->event = event == QLatin1String("run-started")    ? SyncLogEntry::Event::RunStarted
               : event == QLatin1String("run-finished") ? SyncLogEntry::Event::RunFinished
                                                        : SyncLogEntry::Event::Record;
    e->instanceId = o.value(QStringLiteral("instanceId")).toString();
    e->outcome = o.value(QStringLiteral("outcome")).toString();
    e->httpStatus = o.value(QStringLiteral("http")).toInt();
    e->attempts = o.value(QStringLiteral("attempts")).toInt();
    e->detail = o.value(QStringLiteral("detail")).toString();
    return true;
}

} // namespace

QString eventName(SyncLogEntry::Event event)
{
    switch (event) {
    case SyncLogEntry::Event::RunStarted: return QStringLiteral("run-started");
    case SyncLogEntry::Event::Record: return QStringLiteral("record");
    case SyncLogEntry::Event::RunFinished: return QStringLiteral("run-finished");
    }
    return {};
}

FileSyncLog::FileSyncLog(QString path, qint64 maxBytes)
    : m_path(std::move(path))
    , m_maxBytes(maxBytes)
{
}

QString FileSyncLog::pathFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".sync-log.jsonl");
}

Status FileSyncLog::append(const QList<SyncLogEntry> &entries)
{
    std::lock_guard lock(m_mutex);
    QByteArray lines;
    for (const SyncLogEntry &e : entries) {
        lines += toLine(e);
    }
    if (Status s = appendToFile(m_path, lines); !s) {
        return makeError(ErrorKind::Io, QStringLiteral("cannot write the sync log: %1").arg(s.error().message));
    }
    return trimIfLarge();
}

Status FileSyncLog::trimIfLarge()
{
    QFile file(m_path);
    if (file.size() <= m_maxBytes || !file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QByteArray all = file.readAll();
    file.close();
    const qsizetype cut = all.indexOf('\n', all.size() / 2);
    if (cut < 0) {
        return {};
    }
    if (Status s = writeFileAtomically(m_path, all.mid(cut + 1)); !s) {
        return makeError(ErrorKind::Io, QStringLiteral("cannot trim the sync log: %1").arg(s.error().message));
    }
    return {};
}

Result<QList<SyncLogEntry>> FileSyncLog::recent(int count)
{
    std::lock_guard lock(m_mutex);
    QFile file(m_path);
    if (!file.exists()) {
        return QList<SyncLogEntry>{};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorKind::Io, QStringLiteral("cannot read the sync log %1: %2").arg(m_path, file.errorString()));
    }
    QList<SyncLogEntry> entries;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        SyncLogEntry e;
        if (!line.isEmpty() && fromLine(line, &e)) {
            entries.append(e);
        }
    }
    return count < entries.size() ? entries.mid(entries.size() - count) : entries;
}

QList<SyncLogEntry> latestPerRecord(const QList<SyncLogEntry> &entries)
{
    QList<SyncLogEntry> out;
    QHash<QString, qsizetype> index;
    for (const SyncLogEntry &e : entries) {
        if (e.event != SyncLogEntry::Event::Record) {
            continue;
        }
        if (const auto it = index.constFind(e.instanceId); it != index.cend()) {
            out[*it] = e;
        } else {
            index.insert(e.instanceId, out.size());
            out.append(e);
        }
    }
    return out;
}

} // namespace chorus::sync
