// SPDX-License-Identifier: GPL-3.0-or-later
// Runs tst_adminpages.qml with the real admin services on a throwaway workspace; TestData
// (module Chorus.AdminTest) seals generated responses to whatever keys the pages created.
#include "AdminServices.h"
#include "AdminTestServices.h"
#include "LanguageController.h"
#include "QmlServices.h"
#include "Theme.h"

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
    Setup()
        : m_language({ QStringLiteral("en") }),
          m_data(m_dir.filePath(QStringLiteral("ws"))),
          m_keys(m_workspace),
          m_pull(m_workspace),
          m_export(m_workspace),
          m_report(m_workspace),
          m_surveys(m_workspace),
          m_devices(m_workspace)
    {
        QStandardPaths::setTestModeEnabled(true);
        m_keys.setFastKdf(true);
        ThemeSingleton::inject(&m_theme);
        LanguageSingleton::inject(&m_language);
        AdminWorkspaceSingleton::inject(&m_workspace);
        AdminKeysSingleton::inject(&m_keys);
        AdminPullSingleton::inject(&m_pull);
        AdminExportSingleton::inject(&m_export);
        AdminReportSingleton::inject(&m_report);
        AdminSurveysSingleton::inject(&m_surveys);
        AdminDevicesSingleton::inject(&m_devices);
        // The test's handle, as a singleton of the module Chorus.AdminTest (no context properties).
        TestDataSingleton::inject(&m_data);
    }

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_language.setEngine(engine);
    }

private:
    QTemporaryDir m_dir;
    Theme m_theme;
    LanguageController m_language;
    TestData m_data;
    AdminWorkspace m_workspace;
    KeysModel m_keys;
    PullModel m_pull;
    ExportRunModel m_export;
    ReportModel m_report;
    SurveysModel m_surveys;
    DevicesModel m_devices;
};

QUICK_TEST_MAIN_WITH_SETUP(chorus_admin_pages, Setup)

#include "tst_adminpages.moc"
