// SPDX-License-Identifier: GPL-3.0-or-later
// Walks the accessibility tree of every admin page, as a screen reader would, and fails on any
// control a person could act on that has no name or no role; also at 200 % text in high
// contrast.
#include "AdminFixture.h"
#include "AdminServices.h"
#include "LanguageController.h"
#include "QmlServices.h"
#include "Theme.h"

#include <QAccessible>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(Chorus_UiPlugin)
Q_IMPORT_QML_PLUGIN(Chorus_AdminPlugin)

using namespace chorus::admin;
using namespace chorus::ui;

class TestAdminAccessibility : public QObject
{
    Q_OBJECT

public:
    TestAdminAccessibility()
        : m_language({ QStringLiteral("en") }),
          m_keys(m_workspace),
          m_surveys(m_workspace),
          m_devices(m_workspace),
          m_pull(m_workspace),
          m_export(m_workspace),
          m_report(m_workspace)
    {
    }

private:
    static bool isActionable(QAccessibleInterface *iface)
    {
        if (iface->state().focusable)
            return true;
        if (QAccessibleActionInterface *actions = iface->actionInterface())
            return !actions->actionNames().isEmpty();
        return false;
    }

    static void collectProblems(QAccessibleInterface *iface, const QString &path, QStringList &problems, int &nodes)
    {
        if (!iface || !iface->isValid() || iface->state().invisible)
            return;
        ++nodes;
        const QString name = iface->text(QAccessible::Name).trimmed();
        const QString type = QLatin1String(iface->object() ? iface->object()->metaObject()->className() : "?");
        const QString here = QStringLiteral("%1/%2[%3]").arg(path, type, name);
        const QAccessible::Role role = iface->role();
        // Qt 6.4 blanks every text of a password field, whatever QML sets (see tests/ui).
        const bool mutedByQt = iface->state().passwordEdit;
        if (isActionable(iface) && !mutedByQt
            && (name.isEmpty() || role == QAccessible::NoRole || role == QAccessible::Client))
            problems << QStringLiteral("%1 (role %2)").arg(here).arg(int(role));
        for (int i = 0; i < iface->childCount(); ++i)
            collectProblems(iface->child(i), here, problems, nodes);
    }

    void requireNamedTree(const QString &screen)
    {
        QAccessible::setActive(true);
        QStringList problems;
        int nodes = 0;
        collectProblems(QAccessible::queryAccessibleInterface(m_window), QString(), problems, nodes);
        QVERIFY2(nodes > 5, qPrintable(screen));
        if (!problems.isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1: unnamed or role-less controls:\n  %2")
                                 .arg(screen, problems.join(QStringLiteral("\n  ")))));
    }

    void walkEveryPage(const QString &look)
    {
        for (const char *page : { "keys", "surveys", "devices", "pull", "export", "report" }) {
            QMetaObject::invokeMethod(m_window, "openPage", Q_ARG(QVariant, QLatin1String(page)));
            QTest::qWait(0); // let the Loader build the page
            QCoreApplication::processEvents();
            requireNamedTree(QStringLiteral("%1 (%2)").arg(QLatin1String(page), look));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ThemeSingleton::inject(&m_theme);
        LanguageSingleton::inject(&m_language);
        AdminWorkspaceSingleton::inject(&m_workspace);
        AdminKeysSingleton::inject(&m_keys);
        AdminSurveysSingleton::inject(&m_surveys);
        AdminDevicesSingleton::inject(&m_devices);
        AdminPullSingleton::inject(&m_pull);
        AdminExportSingleton::inject(&m_export);
        AdminReportSingleton::inject(&m_report);
        m_engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_language.setEngine(&m_engine);
        m_engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Chorus/Admin/AdminMain.qml")));
        QVERIFY(!m_engine.rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine.rootObjects().constFirst());
        QVERIFY(m_window);
        m_window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
    }

    void workspaceChooser_everyControlHasNameAndRole() { requireNamedTree(QStringLiteral("workspace chooser")); }

    void everyPage_everyControlHasNameAndRole()
    {
        fixture::Options options;
        options.records = 2;
        fixture::makeWorkspace(m_dir.filePath(QStringLiteral("ws")), options);
        QVERIFY(m_workspace.openFolder(m_dir.filePath(QStringLiteral("ws"))));
        walkEveryPage(QStringLiteral("100 %"));
    }

    void everyPage_atLargestTextInHighContrast_everyControlHasNameAndRole()
    {
        m_theme.setHighContrast(true);
        m_theme.setTextScale(200);
        walkEveryPage(QStringLiteral("200 %, high contrast"));
    }

private:
    QTemporaryDir m_dir;
    Theme m_theme;
    LanguageController m_language;
    AdminWorkspace m_workspace;
    KeysModel m_keys;
    SurveysModel m_surveys;
    DevicesModel m_devices;
    PullModel m_pull;
    ExportRunModel m_export;
    ReportModel m_report;
    QQmlApplicationEngine m_engine;
    QQuickWindow *m_window = nullptr;
};

QTEST_MAIN(TestAdminAccessibility)

#include "tst_adminaccessibility.moc"
