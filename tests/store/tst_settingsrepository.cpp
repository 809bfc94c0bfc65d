// SPDX-License-Identifier: GPL-3.0-or-later
// Contract test: every SettingsRepository behaves the same (fake, SQLite in memory, SQLite file).
#include "StoreBackends.h"

using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::testing;

class TestSettingsRepository : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<Store> m_store;

private Q_SLOTS:
    void initTestCase_data() { addBackends(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QFile::remove(m_dir.filePath(QStringLiteral("device.db")));
        m_store = openStore(backend, m_dir, m_clock.clock());
        QVERIFY(m_store);
    }

    void cleanup() { m_store.reset(); }

    void missingKey_hasNoValue()
    {
        auto value = m_store->settings().value(QStringLiteral("kiosk.idle_seconds"));
        QVERIFY(value.ok());
        QVERIFY(!value->has_value());
    }

    void setValue_thenValue_andOverwrite()
    {
        SettingsRepository &settings = m_store->settings();
        QVERIFY(settings.setValue(QStringLiteral("kiosk.idle_seconds"), QStringLiteral("90")).ok());
        QCOMPARE(settings.value(QStringLiteral("kiosk.idle_seconds"))->value(), QStringLiteral("90"));
        QVERIFY(settings.setValue(QStringLiteral("kiosk.idle_seconds"), QStringLiteral("120")).ok());
        QCOMPARE(settings.value(QStringLiteral("kiosk.idle_seconds"))->value(), QStringLiteral("120"));
        QVERIFY(settings.setValue(QStringLiteral("empty"), QString()).ok());
        QCOMPARE(settings.value(QStringLiteral("empty"))->value(), QString());
    }

    void remove_deletesTheKey_andIsIdempotent()
    {
        SettingsRepository &settings = m_store->settings();
        QVERIFY(settings.setValue(QStringLiteral("a"), QStringLiteral("1")).ok());
        QVERIFY(settings.remove(QStringLiteral("a")).ok());
        QVERIFY(!settings.value(QStringLiteral("a"))->has_value());
        QVERIFY(settings.remove(QStringLiteral("a")).ok());
    }

    void emptyKey_isRefused()
    {
        QCOMPARE(m_store->settings().setValue(QString(), QStringLiteral("x")).error().kind, ErrorKind::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestSettingsRepository)
#include "tst_settingsrepository.moc"
