// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the tst_*.qml files beside it: first-run setup, unlock, and home, with the real vault and
// view-models over an in-memory device. TestDevice.prepare(scenario) (module Chorus.SetupTest)
// builds the device.
#include "IdleMonitor.h"
#include "LanguageController.h"
#include "QmlServices.h"
#include "SetupTestServices.h"
#include "Theme.h"

#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QStandardPaths>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Chorus_UiPlugin)

using namespace chorus::ui;
using namespace setup_test;
using namespace std::chrono;

class Setup : public QObject
{
    Q_OBJECT

public:
    Setup() : m_language({QStringLiteral("en"), QStringLiteral("cy"), QStringLiteral("ar")})
    {
        QStandardPaths::setTestModeEnabled(true);
        m_idle.setTimeouts(seconds(300), seconds(30));
        ThemeSingleton::inject(&m_theme);
        LanguageSingleton::inject(&m_language);
        IdleMonitorSingleton::inject(&m_idle);
        // The test's handle, as a singleton of the module Chorus.SetupTest (no context properties).
        TestDeviceSingleton::inject(&m_device);
        m_device.prepare(QStringLiteral("firstRun"));
    }

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_language.setEngine(engine);
        m_language.setLanguage(QStringLiteral("en"));
    }

private:
    Theme m_theme;
    LanguageController m_language;
    IdleMonitor m_idle;
    TestDevice m_device;
};

QUICK_TEST_MAIN_WITH_SETUP(chorus_setup, Setup)

#include "tst_setup.moc"
