// SPDX-License-Identifier: GPL-3.0-or-later
// The setup, unlock and home screens as a screen reader meets them: every control a person can
// act on has a name and a role, in each state the screens can be in (errors shown, each way
// of giving the enrollment, each mode).
#include "AccessibleTree.h"
#include "DeviceFixture.h"
#include "IdleMonitor.h"
#include "LanguageController.h"
#include "Theme.h"

#include <QAccessible>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(Chorus_UiPlugin)

using namespace chorus::ui;
using namespace std::chrono;
using namespace accessible_tree;

class TstSetupAccessibility : public QObject
{
    Q_OBJECT

public:
    TstSetupAccessibility() : m_language({QStringLiteral("en"), QStringLiteral("cy"), QStringLiteral("ar")}) {}

private:
    void requireNamedTree(const char *screen)
    {
        QAccessible::setActive(true);
        QStringList problems;
        int nodes = 0;
        countNodes(QAccessible::queryAccessibleInterface(m_window), nodes);
        collectProblems(QAccessible::queryAccessibleInterface(m_window), QString(), problems);
        QVERIFY2(nodes > 5, screen);
        if (!problems.isEmpty()) {
            QFAIL(qPrintable(QStringLiteral("%1: unnamed or role-less controls:\n  %2")
                                 .arg(QLatin1String(screen), problems.join(QStringLiteral("\n  ")))));
        }
    }

    QQuickItem *find(const char *objectName)
    {
        return findIn(m_window->contentItem(), QLatin1String(objectName));
    }

    void check(const char *objectName)
    {
        QQuickItem *item = find(objectName);
        QVERIFY2(item, objectName);
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(item);
        QVERIFY(iface && iface->actionInterface());
        iface->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    }

    // A new engine per device: the QML singletons keep the objects they were first given.
    void open(const QString &scenario)
    {
        m_engine.reset();
        m_fixture.prepare(scenario);
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_language.setEngine(m_engine.get());
        m_engine->load(QUrl(QStringLiteral("qrc:/qt/qml/Chorus/Ui/Main.qml")));
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        m_window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
    }

    void createVault()
    {
        m_fixture.vault()->create(m_fixture.passphrase(), m_fixture.passphrase());
        QTRY_COMPARE(m_fixture.device()->step(), QStringLiteral("bundle"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_idle.setTimeouts(seconds(300), seconds(30));
        ThemeSingleton::inject(&m_theme);
        LanguageSingleton::inject(&m_language);
        IdleMonitorSingleton::inject(&m_idle);
    }
    void cleanupTestCase() { m_engine.reset(); }

    void passphraseScreen_withError_everyControlHasNameAndRole()
    {
        open(QStringLiteral("firstRun"));
        QTRY_VERIFY(find("setupPassphrasePage"));
        requireNamedTree("passphrase");
        m_fixture.vault()->create(QStringLiteral("short"), QStringLiteral("short"));
        QTRY_VERIFY(!m_fixture.vault()->error().isEmpty());
        requireNamedTree("passphrase with error");
    }

    void bundleScreen_eachSource_everyControlHasNameAndRole()
    {
        open(QStringLiteral("firstRun"));
        createVault();
        QTRY_VERIFY(find("setupBundlePage"));
        requireNamedTree("bundle");
        for (const char *source : {"bundleFromFile", "bundleFromText", "bundleFromImage"}) {
            check(source);
            requireNamedTree(source);
        }
    }

    void confirmAndModeScreens_everyControlHasNameAndRole()
    {
        open(QStringLiteral("firstRun"));
        createVault();
        QVERIFY(m_fixture.device()->readBundleFile(m_fixture.bundlePath()));
        QTRY_VERIFY(find("setupConfirmPage"));
        requireNamedTree("confirm");
        QVERIFY(m_fixture.device()->confirmBundle());
        QTRY_VERIFY(find("setupModePage"));
        requireNamedTree("mode");
        check("modeOutreach");
        requireNamedTree("mode outreach");
        check("modeKiosk");
        requireNamedTree("mode kiosk");
    }

    void unlockScreen_afterWrongPassphrase_everyControlHasNameAndRole()
    {
        open(QStringLiteral("enrolled"));
        QTRY_VERIFY(find("unlockPage"));
        requireNamedTree("unlock");
        m_fixture.vault()->unlock(QStringLiteral("wrong passphrase here"));
        QTRY_VERIFY(m_fixture.vault()->retrySeconds() > 0);
        requireNamedTree("unlock with error");
    }

    void homeScreen_withUsableAndRefusedSurveys_everyControlHasNameAndRole()
    {
        for (const char *scenario : {"enrolled", "tampered"}) {
            open(QLatin1String(scenario));
            m_fixture.vault()->unlock(m_fixture.passphrase());
            QTRY_VERIFY(find("homePage"));
            QTRY_VERIFY(find("survey_kiosk-flow-test"));
            requireNamedTree(scenario);
        }
    }

private:
    Theme m_theme;
    LanguageController m_language;
    IdleMonitor m_idle;
    setup_test::TestDevice m_fixture;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

QTEST_MAIN(TstSetupAccessibility)

#include "tst_setupaccessibility.moc"
