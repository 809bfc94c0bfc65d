// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The admin app's services built and injected as chorus-admin's main() does, for the suites that
// drive its QML (tst_adminpages, tst_adminaccessibility, tst_adminwelsh), and AdminMain.qml
// loaded in an engine of the test's own.

#include "AdminServices.h"
#include "LanguageController.h"
#include "QmlServices.h"
#include "Theme.h"

#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QStringList>
#include <QTest>

namespace chorus::admin::fixture {

struct AdminApp {
    explicit AdminApp(QStringList languages = {QStringLiteral("en")})
        : language(std::move(languages))
    {
    }

    // The services as QML singletons; `workspace` and the models stay the test's to drive.
    void inject()
    {
        ui::ThemeSingleton::inject(&theme);
        ui::LanguageSingleton::inject(&language);
        AdminWorkspaceSingleton::inject(&workspace);
        AdminKeysSingleton::inject(&keys);
        AdminSurveysSingleton::inject(&surveys);
        AdminDevicesSingleton::inject(&devices);
        AdminPullSingleton::inject(&pull);
        AdminExportSingleton::inject(&exporter);
        AdminReportSingleton::inject(&report);
    }

    // Injects, loads AdminMain.qml into `engine` and waits until its window is exposed; null
    // (with the test failed) when it does not load.
    QQuickWindow *loadMain(QQmlApplicationEngine &engine)
    {
        inject();
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        language.setEngine(&engine);
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Chorus/Admin/AdminMain.qml")));
        auto *window = engine.rootObjects().isEmpty()
            ? nullptr
            : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        if (!window || !QTest::qWaitForWindowExposed(window)) {
            QTest::qFail("AdminMain.qml did not load into a window", __FILE__, __LINE__);
            return nullptr;
        }
        return window;
    }

    ui::Theme theme;
    ui::LanguageController language;
    AdminWorkspace workspace;
    KeysModel keys{workspace};
    SurveysModel surveys{workspace};
    DevicesModel devices{workspace};
    PullModel pull{workspace};
    ExportRunModel exporter{workspace};
    ReportModel report{workspace};
};

} // namespace chorus::admin::fixture
