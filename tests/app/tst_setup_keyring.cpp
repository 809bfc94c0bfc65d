// SPDX-License-Identifier: GPL-3.0-or-later
// Runs one keyring_*.qml file (-input) against the app's pages with a real GNOME Keyring: ctest
// starts each file in its own with-keyring.sh session, because a locked keyring stays locked.
#include "IdleMonitor.h"
#include "KeyringTestServices.h"
#include "LanguageController.h"
#include "QmlServices.h"
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
        if (const QString reason = chorus::test::noKeyringReason(); !reason.isEmpty()) {
            qWarning("SKIP: %s", qPrintable(reason));
            std::exit(77); // reported as skipped (SKIP_RETURN_CODE)
        }
        m_idle.setTimeouts(seconds(300), seconds(30));
        ThemeSingleton::inject(&m_theme);
        LanguageSingleton::inject(&m_language);
        IdleMonitorSingleton::inject(&m_idle);
        TestDeviceSingleton::inject(&m_device);
        TestKeyringSingleton::inject(&m_keyring);
        m_device.setKeyStore(&m_keyring);
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
    KeyringControl m_keyring;
    TestDevice m_device;
};

QUICK_TEST_MAIN_WITH_SETUP(chorus_setup_keyring, Setup)

#include "tst_setup_keyring.moc"
