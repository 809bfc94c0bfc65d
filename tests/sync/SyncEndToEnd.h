// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the end-to-end sync suites share (tst_sync_endtoend, tst_sync_endtoend_cli): a sync
// engine aimed at a LiveReceiver, and the check that a pull wrote exactly the records sent.

#include "CurlTransport.h"
#include "LiveReceiver.h"
#include "Outbox.h"
#include "PullClient.h"
#include "SyncEngine.h"
#include "TestEnvelope.h"

#include <QDir>
#include <QFile>
#include <QTest>

namespace chorus::testing {

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

inline sync::SyncEngine engineFor(const LiveReceiver &live, int concurrency = 4)
{
    sync::CurlOptions curl;
    curl.allowHttpLoopback = true;
    sync::SyncOptions options;
    options.concurrency = concurrency;
    options.backoffBase = std::chrono::milliseconds(10);
    return sync::SyncEngine([curl] { return std::make_unique<sync::CurlTransport>(curl); },
                            QUrl(live.base() + QStringLiteral("/submission")), live.deviceToken, options);
}

// Every item's manifest and files, byte for byte, and nothing else under outDir/submissions.
inline void verifyPulled(const QString &outDir, const QList<sync::OutboxItem> &items)
{
    for (const sync::OutboxItem &item : items) {
        const QString dir = outDir + QStringLiteral("/submissions/") + sync::PullClient::directoryName(item.instanceId);
        QCOMPARE(readAll(dir + QStringLiteral("/submission.xml")), item.manifest);
        for (const FilePart &part : item.parts) {
            QCOMPARE(readAll(dir + QLatin1Char('/') + part.name), part.bytes);
        }
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), item.parts.size() + 1);
    }
    QCOMPARE(QDir(outDir + QStringLiteral("/submissions")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(),
             items.size());
}

} // namespace chorus::testing
