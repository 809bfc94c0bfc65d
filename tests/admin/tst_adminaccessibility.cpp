// SPDX-License-Identifier: GPL-3.0-or-later
// Walks the accessibility tree of every admin page, as a screen reader would, and fails on any
// control a person could act on that has no name or no role; also at 200 % text in high
// contrast.
#include "AdminAppFixture.h"
#include "AdminFixture.h"

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
        m_window = m_app.loadMain(m_engine);
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
        QVERIFY(m_app.workspace.openFolder(m_dir.filePath(QStringLiteral("ws"))));
        walkEveryPage(QStringLiteral("100 %"));
    }

    void everyPage_atLargestTextInHighContrast_everyControlHasNameAndRole()
    {
        m_app.theme.setHighContrast(true);
        m_app.theme.setTextScale(200);
        walkEveryPage(QStringLiteral("200 %, high contrast"));
    }

private:
    QTemporaryDir m_dir;
    fixture::AdminApp m_app;
    QQmlApplicationEngine m_engine;
    QQuickWindow *m_window = nullptr;
};

QTEST_MAIN(TestAdminAccessibility)

#include "tst_adminaccessibility.moc"
