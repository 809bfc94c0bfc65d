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

protected:
    // For optional services: the injected instance, else what `fallback()` makes (a QML test
    // suite or --self-test that does not need the real service).
    template<typename Fallback>
    static T *injectedOr(Fallback fallback)
    {
        T *instance = s_instance ? s_instance : fallback();
        QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
        return instance;
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

public:
    // The shared controls report screen-reader actions as activity; the admin app has no idle
    // timeout, so it gets one that is never switched on.
    static IdleMonitor *create(QQmlEngine *engine, QJSEngine *)
    {
        return injectedOr([engine] { return new IdleMonitor({}, engine); });
    }
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
    static DeviceSetup *create(QQmlEngine *engine, QJSEngine *)
    {
        return injectedOr([engine] { return new DeviceSetup(nullptr, nullptr, nullptr, nullptr, nullptr, engine); });
    }
};

struct VaultSingleton : InjectedSingleton<VaultKeeper> {
    Q_GADGET
    QML_FOREIGN(chorus::ui::VaultKeeper)
    QML_NAMED_ELEMENT(Vault)
    QML_SINGLETON

public:
    static VaultKeeper *create(QQmlEngine *engine, QJSEngine *)
    {
        return injectedOr([engine] { return new VaultKeeper(nullptr, {}, nullptr, engine); });
    }
};

struct SurveysSingleton : InjectedSingleton<InstalledSurveys> {
    Q_GADGET
    QML_FOREIGN(chorus::ui::InstalledSurveys)
    QML_NAMED_ELEMENT(Surveys)
    QML_SINGLETON

public:
    static InstalledSurveys *create(QQmlEngine *engine, QJSEngine *)
    {
        return injectedOr([engine] { return new InstalledSurveys(nullptr, nullptr, nullptr, nullptr, engine); });
    }
};

// Optional service: a scene without one (a test, --self-test) gets an event screen with no wards.
struct EventSingleton : InjectedSingleton<EventSession> {
    Q_GADGET
    QML_FOREIGN(chorus::ui::EventSession)
    QML_NAMED_ELEMENT(OutreachEvent)
    QML_SINGLETON

public:
    static EventSession *create(QQmlEngine *, QJSEngine *)
    {
        return injectedOr([] {
            static EventSession detached(nullptr);
            return &detached;
        });
    }
};

// Optional service: a QML scene without drafts (a test, --self-test) gets an empty, detached list.
struct DraftsSingleton : InjectedSingleton<DraftKeeper> {
    Q_GADGET
    QML_FOREIGN(chorus::ui::DraftKeeper)
    QML_NAMED_ELEMENT(Drafts)
    QML_SINGLETON

public:
    static DraftKeeper *create(QQmlEngine *, QJSEngine *)
    {
        return injectedOr([] {
            static DraftKeeper detached;
            return &detached;
        });
    }
};

} // namespace chorus::ui
