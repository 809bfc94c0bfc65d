// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// QML's view of the admin app's services: each is a singleton handing QML the instance that
// main() (or a test) built and injected, as in Chorus.Ui.

#include "AdminWorkspace.h"
#include "DevicesModel.h"
#include "ExportRunModel.h"
#include "KeysModel.h"
#include "PullModel.h"
#include "QmlServices.h"
#include "ReportModel.h"
#include "SurveysModel.h"

#include <QtQml/qqmlregistration.h>

namespace chorus::admin
{

struct AdminWorkspaceSingleton : ui::InjectedSingleton<AdminWorkspace> {
    Q_GADGET
    QML_FOREIGN(chorus::admin::AdminWorkspace)
    QML_NAMED_ELEMENT(Workspace)
    QML_SINGLETON
};

struct AdminKeysSingleton : ui::InjectedSingleton<KeysModel> {
    Q_GADGET
    QML_FOREIGN(chorus::admin::KeysModel)
    QML_NAMED_ELEMENT(AdminKeys)
    QML_SINGLETON
};

struct AdminPullSingleton : ui::InjectedSingleton<PullModel> {
    Q_GADGET
    QML_FOREIGN(chorus::admin::PullModel)
    QML_NAMED_ELEMENT(AdminPull)
    QML_SINGLETON
};

struct AdminExportSingleton : ui::InjectedSingleton<ExportRunModel> {
    Q_GADGET
    QML_FOREIGN(chorus::admin::ExportRunModel)
    QML_NAMED_ELEMENT(AdminExport)
    QML_SINGLETON
};

struct AdminReportSingleton : ui::InjectedSingleton<ReportModel> {
    Q_GADGET
    QML_FOREIGN(chorus::admin::ReportModel)
    QML_NAMED_ELEMENT(AdminReport)
    QML_SINGLETON
};

struct AdminSurveysSingleton : ui::InjectedSingleton<SurveysModel> {
    Q_GADGET
    QML_FOREIGN(chorus::admin::SurveysModel)
    QML_NAMED_ELEMENT(AdminSurveys)
    QML_SINGLETON
};

struct AdminDevicesSingleton : ui::InjectedSingleton<DevicesModel> {
    Q_GADGET
    QML_FOREIGN(chorus::admin::DevicesModel)
    QML_NAMED_ELEMENT(AdminDevices)
    QML_SINGLETON
};

} // namespace chorus::admin
