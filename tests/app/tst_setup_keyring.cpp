// SPDX-License-Identifier: GPL-3.0-or-later
// Runs one keyring_*.qml file (-input) against the app's pages with a real GNOME Keyring: ctest
// starts each file in its own with-keyring.sh session, because a locked keyring stays locked.
#include "DeviceFixture.h"
#include "IdleMonitor.h"
#include "KeyringTestSupport.h"
#include "LanguageController.h"
#include "QmlServices.h"
#include "SecretServiceKeyStore.h"
#include "Theme.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QStandardPaths>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Chorus_UiPlugin)

using namespace chorus;
using namespace chorus::ui;
using namespace setup_test;
using namespace std::chrono;

// The real Secret Service store; once armed, it locks the keyring right after the next store,
// as a screen lock would between setup and the next start.
class KeyringControl : public QObject, public platform::KeyStore
{
    Q_OBJECT

public:
    Q_INVOKABLE void prepareLocked() { m_lockAfterStore = true; }

    QString name() const override { return m_real.name(); }
    Status availability() override { return m_real.availability(); }
    Status store(const QString &entryId, const QString &label, const crypto::SecretBytes &secret) override
    {
        Status stored = m_real.store(entryId, label, secret);
        if (stored && m_lockAfterStore) {
            m_lockAfterStore = false;
            if (!test::lockDefaultKeyring()) {
                qFatal("the test keyring could not be locked");
            }
        }
        return stored;
    }
    Result<std::optional<crypto::SecretBytes>> load(const QString &entryId) override { return m_real.load(entryId); }
    Status remove(const QString &entryId) override { return m_real.remove(entryId); }

private:
    platform::SecretServiceKeyStore m_real;
    bool m_lockAfterStore = false;
};

class Setup : public QObject
{
    Q_OBJECT

public:
    Setup() : m_language({QStringLiteral("en"), QStringLiteral("cy"), QStringLiteral("ar")})
    {
        QStandardPaths::setTestModeEnabled(true);
        if (const QString reason = test::noKeyringReason(); !reason.isEmpty()) {
            qWarning("SKIP: %s", qPrintable(reason));
            std::exit(77); // reported as skipped (SKIP_RETURN_CODE)
        }
        m_idle.setTimeouts(seconds(300), seconds(30));
        ThemeSingleton::inject(&m_theme);
        LanguageSingleton::inject(&m_language);
        IdleMonitorSingleton::inject(&m_idle);
        m_device.setKeyStore(&m_keyring);
        m_device.prepare(QStringLiteral("firstRun"));
    }

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_language.setEngine(engine);
        m_language.setLanguage(QStringLiteral("en"));
        engine->rootContext()->setContextProperty(QStringLiteral("testDevice"), &m_device);
        engine->rootContext()->setContextProperty(QStringLiteral("keyring"), &m_keyring);
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
