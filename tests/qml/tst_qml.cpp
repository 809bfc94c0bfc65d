// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the tst_*.qml files beside it with the real services, a hand-moved clock for the idle
// timeout, and a throwaway settings file for the staff PIN.
#include "EventSession.h"
#include "IdleMonitor.h"
#include "NmeaReplay.h"
#include "LanguageController.h"
#include "QmlServices.h"
#include "StaffLock.h"
#include "TestServices.h"
#include "crypto/DeviceVault.h"
#include "store/InMemoryStore.h"
#include "Theme.h"

#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtQuickTest>

#include <chrono>
#include <optional>

Q_IMPORT_QML_PLUGIN(Chorus_UiPlugin)

using namespace std::chrono;
using namespace chorus::ui;

class Setup : public QObject
{
    Q_OBJECT

public:
    Setup()
        : m_language({QStringLiteral("en"), QStringLiteral("cy"), QStringLiteral("ar")}),
          m_clock(nullptr),
          m_idle([this] { return m_clock.now(); }),
          m_lock(m_dir.filePath(QStringLiteral("kiosk.ini"))),
          m_session(&m_sink),
          m_survey(&m_session, &m_sink)
    {
        QStandardPaths::setTestModeEnabled(true);
        m_clock.setMonitor(&m_idle);
        m_idle.setTimeouts(seconds(30), seconds(20));
        m_lock.setPin(QStringLiteral("2468"));
        // The tests' handles, as singletons of the module Chorus.Test (no context properties).
        TestClockSingleton::inject(&m_clock);
        TestSurveySingleton::inject(&m_survey);
        ThemeSingleton::inject(&m_theme);
        LanguageSingleton::inject(&m_language);
        IdleMonitorSingleton::inject(&m_idle);
        StaffLockSingleton::inject(&m_lock);
        SessionSingleton::inject(&m_session);
        seedRecords();
        RecordsSingleton::inject(&m_records);
        // Drafts sealed with a real vault (the cheapest KDF: only the wrapping key uses it).
        chorus::crypto::DeviceVault::Options options;
        options.kdf = chorus::crypto::KdfParams::minimum();
        auto vault = chorus::crypto::DeviceVault::create(QByteArrayLiteral("test passphrase"), options);
        if (!vault) {
            qFatal("test vault: %s", qPrintable(vault.error().message));
        }
        m_vault.emplace(std::move(*vault));
        m_drafts.attach(m_store.drafts(), *m_vault);
        m_session.setDrafts(&m_drafts);
        m_survey.setDrafts(&m_drafts);
        DraftsSingleton::inject(&m_drafts);
        m_event.setSourceFactory([this]() -> std::unique_ptr<QGeoPositionInfoSource> {
            if (m_survey.nmea().isEmpty()) {
                return nullptr;
            }
            return chorus::platform::nmeaReplaySource(QStringLiteral(CHORUS_SOURCE_DIR "/tests/platform/data/")
                                                      + m_survey.nmea());
        });
        EventSingleton::inject(&m_event);
    }

    static chorus::platform::EventLocator::Settings eventSettings()
    {
        chorus::platform::EventLocator::Settings settings;
        settings.accuracyMetres = 50;
        settings.timeout = seconds(4); // the good replay reaches 40 m after about 2 s
        return settings;
    }

    // Two responses on the device for the records screen: one sent, one the server refused.
    void seedRecords()
    {
        for (const char *id : {"uuid:00000000-0000-4000-8000-0000000000a1", "uuid:00000000-0000-4000-8000-0000000000b2"}) {
            chorus::store::FinalizedResponse r;
            r.instanceId = QLatin1String(id);
            r.surveyId = QStringLiteral("library");
            r.surveyVersion = QStringLiteral("1");
            r.manifest = QByteArrayLiteral("<data/>");
            r.encryptedFiles = {chorus::FilePart{QStringLiteral("submission.xml.enc"), QByteArrayLiteral("x")}};
            r.finalizedAt = QDateTime::currentDateTimeUtc();
            (void)m_store.responses().finalize(r);
            (void)m_store.responses().markSending(r.instanceId);
        }
        (void)m_store.responses().markAccepted(QStringLiteral("uuid:00000000-0000-4000-8000-0000000000a1"));
        (void)m_store.responses().markFailed(QStringLiteral("uuid:00000000-0000-4000-8000-0000000000b2"),
                                             QStringLiteral("HTTP 400: the server could not read this survey version"));
    }

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_language.setEngine(engine);
        m_language.setLanguage(QStringLiteral("en"));
    }

private:
    QTemporaryDir m_dir;
    Theme m_theme;
    LanguageController m_language;
    TestClock m_clock;
    IdleMonitor m_idle;
    StaffLock m_lock;
    FakeSink m_sink;
    RespondentSession m_session;
    TestSurvey m_survey;
    chorus::store::InMemoryStore m_store;
    RecordsModel m_records{&m_store.responses()};
    std::optional<chorus::crypto::DeviceVault> m_vault;
    DraftKeeper m_drafts;
    EventSession m_event{&m_session, eventSettings()};
};

QUICK_TEST_MAIN_WITH_SETUP(chorus_qml, Setup)

#include "tst_qml.moc"
