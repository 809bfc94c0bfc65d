// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The backends every contract test runs against: the in-memory fake and SQLite, both in
// memory and in a file. A test class calls addBackends() from initTestCase_data(), so every
// test function runs once per backend, and opens its store with openStore().

#include "store/InMemoryStore.h"
#include "store/SqliteStore.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace chorus::store::testing {

// A clock the test moves by hand.
struct ManualClock {
    std::shared_ptr<QDateTime> now =
        std::make_shared<QDateTime>(QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC));
    Clock clock() const
    {
        return [now = now] { return *now; };
    }
    void advance(std::chrono::milliseconds by) { *now = now->addMSecs(by.count()); }
};

inline void addBackends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("fake") << QStringLiteral("fake");
    QTest::newRow("sqlite-memory") << QStringLiteral("sqlite-memory");
    QTest::newRow("sqlite-file") << QStringLiteral("sqlite-file");
}

inline std::unique_ptr<Store> openStore(const QString &backend, const QTemporaryDir &dir, const Clock &clock)
{
    if (backend == QLatin1String("fake")) {
        return std::make_unique<InMemoryStore>(clock);
    }
    const QString path = backend == QLatin1String("sqlite-file") ? dir.filePath(QStringLiteral("device.db"))
                                                                 : QStringLiteral(":memory:");
    auto store = SqliteStore::open(path, {}, clock);
    if (!store) {
        qWarning("%s", qPrintable(store.error().message));
        return nullptr;
    }
    return std::move(*store);
}

inline FinalizedResponse sampleResponse(const QString &instanceId, const QDateTime &finalizedAt,
                                        const QString &surveyId = QStringLiteral("residents-2026"))
{
    FinalizedResponse r;
    r.instanceId = instanceId;
    r.surveyId = surveyId;
    r.surveyVersion = QStringLiteral("2026112401");
    r.manifest = QByteArrayLiteral("<data encrypted=\"yes\">") + instanceId.toUtf8() + QByteArrayLiteral("</data>");
    QByteArray binary(300, '\0');
    for (int i = 0; i < binary.size(); ++i) {
        binary[i] = char((i * 37 + instanceId.size()) & 0xff); // every byte value, NULs included
    }
    r.encryptedFiles = {FilePart{QStringLiteral("photo.jpg.enc"), binary},
                        FilePart{QStringLiteral("submission.xml.enc"), binary + instanceId.toUtf8()}};
    r.finalizedAt = finalizedAt;
    return r;
}

} // namespace chorus::store::testing
