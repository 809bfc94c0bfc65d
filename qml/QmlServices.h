// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// QML's view of the services main() builds: each is a singleton whose create() hands QML the
// instance main() (or a test) injected, so nothing in QML constructs a service and there are
// no context properties. The engine never owns them.

#include "DeviceSetup.h"
#include "DraftKeeper.h"
#include "EventSession.h"
#include "IdleMonitor.h"
#include "InstalledSurveys.h"
#include "LanguageController.h"
#include "RecordsModel.h"
#include "RespondentSession.h"
#include "StaffLock.h"
#include "Theme.h"
#include "VaultKeeper.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

namespace chorus::ui {

template<typename T>
class InjectedSingleton
{
public:
    static void inject(T *instance) { s_instance = instance; }
    static T *injected() { return s_instance; }
    static T *create(QQmlEngine *, QJSEngine *)
    {
        Q_ASSERT_X(s_instance, "InjectedSingleton", "main() must inject every service before loading QML");
        if (s_instance) {
            QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        }
        return s_instance;
    }

private:
    static inline T *s_instance = nullptr;
};

struct ThemeSingleton : InjectedSingleton<Theme> {
    Q_GADGET
    QML_FOREIGN(chorus::ui::Theme)
    QML_NAMED_ELEMENT(Theme)
    QML_SINGLETON
};

struct IdleMonitorSingleton : InjectedSingleton<IdleMonitor> {
    Q_GADGET
    QML_FOREIGN(chorus::ui::IdleMonitor)
    QML_NAMED_ELEMENT(Idle)
    QML_SINGLETON
};

struct LanguageSingleton : InjectedSingleton<LanguageController> {
    Q_GADGET
    QML_FOREIGN(chorus::ui::LanguageController)
    QML_NAMED_ELEMENT(Language)
    QML_SINGLETON
};

struct StaffLockSingleton : InjectedSingleton<StaffLock> {
    Q_GADGET
    QML_FOREIGN(chorus::ui::StaffLock)
    QML_NAMED_ELEMENT(StaffLock)
    QML_SINGLETON
};

struct SessionSingleton : InjectedSingleton<RespondentSession> {
    Q_GADGET
    QML_FOREIGN(chorus::ui::RespondentSession)
    QML_NAMED_ELEMENT(Session)
    QML_SINGLETON
};

struct RecordsSingleton : InjectedSingleton<RecordsModel> {
    Q_GADGET
    QML_FOREIGN(chorus::ui::RecordsModel)
    QML_NAMED_ELEMENT(Records)
    QML_SINGLETON
};

// Device and Vault fall back to the developer path when nothing was injected (a QML test suite
// that drives only the respondent screens, --self-test): stage "ready", no vault.
struct DeviceSingleton : InjectedSingleton<DeviceSetup> {
    Q_GADGET
    QML_FOREIGN(chorus::ui::DeviceSetup)
    QML_NAMED_ELEMENT(Device)
    QML_SINGLETON

public:
    static DeviceSetup *create(QQmlEngine *engine, QJSEngine *js)
    {
        if (injected()) {
            return InjectedSingleton<DeviceSetup>::create(engine, js);
        }
        return new DeviceSetup(nullptr, nullptr, nullptr, nullptr, nullptr, engine);
    }
};

struct VaultSingleton : InjectedSingleton<VaultKeeper> {
    Q_GADGET
    QML_FOREIGN(chorus::ui::VaultKeeper)
    QML_NAMED_ELEMENT(Vault)
    QML_SINGLETON

public:
    static VaultKeeper *create(QQmlEngine *engine, QJSEngine *js)
    {
        if (injected()) {
            return InjectedSingleton<VaultKeeper>::create(engine, js);
        }
        return new VaultKeeper(nullptr, {}, engine);
    }
};

struct SurveysSingleton : InjectedSingleton<InstalledSurveys> {
    Q_GADGET
    QML_FOREIGN(chorus::ui::InstalledSurveys)
    QML_NAMED_ELEMENT(Surveys)
    QML_SINGLETON

public:
    static InstalledSurveys *create(QQmlEngine *engine, QJSEngine *js)
    {
        if (injected()) {
            return InjectedSingleton<InstalledSurveys>::create(engine, js);
        }
        return new InstalledSurveys(nullptr, nullptr, nullptr, nullptr, engine);
    }
};

// Optional service: a scene without one (a test, --self-test) gets an event screen with no wards.
struct EventSingleton {
    Q_GADGET
    QML_FOREIGN(chorus::ui::EventSession)
    QML_NAMED_ELEMENT(OutreachEvent)
    QML_SINGLETON
public:
    static void inject(EventSession *instance) { s_instance = instance; }
    static EventSession *create(QQmlEngine *, QJSEngine *)
    {
        static EventSession detached(nullptr);
        EventSession *event = s_instance ? s_instance : &detached;
        QJSEngine::setObjectOwnership(event, QJSEngine::CppOwnership);
        return event;
    }

private:
    static inline EventSession *s_instance = nullptr;
};

// Optional service: a QML scene without drafts (a test, --self-test) gets an empty, detached list.
struct DraftsSingleton {
    Q_GADGET
    QML_FOREIGN(chorus::ui::DraftKeeper)
    QML_NAMED_ELEMENT(Drafts)
    QML_SINGLETON
public:
    static void inject(DraftKeeper *instance) { s_instance = instance; }
    static DraftKeeper *create(QQmlEngine *, QJSEngine *)
    {
        static DraftKeeper detached;
        DraftKeeper *keeper = s_instance ? s_instance : &detached;
        QJSEngine::setObjectOwnership(keeper, QJSEngine::CppOwnership);
        return keeper;
    }

private:
    static inline DraftKeeper *s_instance = nullptr;
};

} // namespace chorus::ui
