// SPDX-License-Identifier: GPL-3.0-or-later
// Runs tst_adminpages.qml with the real admin services on a throwaway workspace; TestData
// (module Chorus.AdminTest) seals generated responses to whatever keys the pages created.
#include "AdminAppFixture.h"
#include "AdminTestServices.h"

#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Chorus_UiPlugin)
Q_IMPORT_QML_PLUGIN(Chorus_AdminPlugin)

using namespace chorus::admin;
using namespace chorus::ui;

class Setup : public QObject
{
    Q_OBJECT

public:
    Setup() : m_data(m_dir.filePath(QStringLiteral("ws")))
    {
        QStandardPaths::setTestModeEnabled(true);
        m_app.keys.setFastKdf(true);
        m_app.inject();
        // The test's handle, as a singleton of the module Chorus.AdminTest (no context properties).
        TestDataSingleton::inject(&m_data);
    }

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_app.language.setEngine(engine);
    }

private:
    QTemporaryDir m_dir;
    TestData m_data;
    fixture::AdminApp m_app;
};

QUICK_TEST_MAIN_WITH_SETUP(chorus_admin_pages, Setup)

#include "tst_adminpages.moc"
