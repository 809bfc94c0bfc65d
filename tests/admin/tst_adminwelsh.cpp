// SPDX-License-Identifier: GPL-3.0-or-later
// The admin app in Welsh: AdminMain.qml started with the Welsh translation, as chorus-admin
// --language cy (or a Welsh system) starts it, shows Welsh on screen, on the workspace chooser
// and on the main page once a workspace is open.
#include "AdminAppFixture.h"

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

class TestAdminWelsh : public QObject
{
    Q_OBJECT

private:
    // Every text a person can see in the window (visible items only).
    static void collectTexts(QQuickItem *item, QStringList &texts)
    {
        if (!item || !item->isVisible())
            return;
        const QVariant text = item->property("text");
        if (text.metaType().id() == QMetaType::QString && !text.toString().isEmpty())
            texts << text.toString();
        const QList<QQuickItem *> children = item->childItems();
        for (QQuickItem *child : children)
            collectTexts(child, texts);
    }

    QStringList textsOnScreen()
    {
        QCoreApplication::processEvents();
        QStringList texts;
        collectTexts(m_window->contentItem(), texts);
        if (QQuickItem *header = m_window->property("header").value<QQuickItem *>())
            collectTexts(header, texts);
        return texts;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_app.language.setLanguage(QStringLiteral("cy")), "no Welsh translation compiled in");
        m_window = m_app.loadMain(m_engine);
        QVERIFY(m_window);
    }

    void welsh_workspaceChooser_showsWelshHeadingAndButton()
    {
        const QStringList texts = textsOnScreen();
        QVERIFY2(texts.contains(QStringLiteral("Dewiswch eich gweithle")), qPrintable(texts.join(u" | ")));
        QVERIFY2(texts.contains(QStringLiteral("Agor y gweithle")), qPrintable(texts.join(u" | ")));
        QVERIFY2(!texts.contains(QStringLiteral("Choose your workspace")), qPrintable(texts.join(u" | ")));
        QCOMPARE(m_window->title(), QStringLiteral("Gweinyddu Chorus"));
    }

    void welsh_mainPage_showsWelshNavigationAndKeysPage()
    {
        QVERIFY(m_app.workspace.openFolder(m_dir.filePath(QStringLiteral("ws"))));
        QMetaObject::invokeMethod(m_window, "openPage", Q_ARG(QVariant, QStringLiteral("keys")));
        const QStringList texts = textsOnScreen();
        for (const char *welsh : { "Allweddi", "Arolygon", "Dyfeisiau", "Lawrlwytho", "Allforio", "Adroddiad",
                 "Creu allweddi" }) {
            QVERIFY2(texts.contains(QString::fromUtf8(welsh)),
                qPrintable(QStringLiteral("%1 not on screen: %2").arg(QString::fromUtf8(welsh), texts.join(u" | "))));
        }
        QVERIFY2(!texts.contains(QStringLiteral("Keys")), qPrintable(texts.join(u" | ")));
    }

    void cleanupTestCase()
    {
        // Back to English, so the translator does not outlive the engine's bindings.
        QVERIFY(m_app.language.setLanguage(QStringLiteral("en")));
    }

private:
    QTemporaryDir m_dir;
    fixture::AdminApp m_app{{QStringLiteral("en"), QStringLiteral("cy")}};
    QQmlApplicationEngine m_engine;
    QQuickWindow *m_window = nullptr;
};

QTEST_MAIN(TestAdminWelsh)

#include "tst_adminwelsh.moc"
