// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A device for the setup tests: an in-memory store, the real vault, setup and home
// view-models, and an EnrollmentPort stand-in that accepts one known bundle text. Each QML test
// file calls testDevice.prepare(scenario) first, which builds a fresh device in that state.

#include "DeviceSetup.h"
#include "EnrollmentPort.h"
#include "InstalledSurveys.h"
#include "RecordsModel.h"
#include "RespondentSession.h"
#include "ResponseSink.h"
#include "StaffLock.h"
#include "VaultKeeper.h"
#include "store/InMemoryStore.h"
#include "store/SettingsRepository.h"
#include "survey/PackageSignature.h"

#include <QCoreApplication>
#include <QFile>
#include <QMetaObject>
#include <QTemporaryDir>

#include <chrono>
#include <functional>
#include <memory>

namespace setup_test {

using namespace chorus;

inline const QByteArray kGoodBundle = QByteArrayLiteral("CHORUS-TEST-BUNDLE: Test Borough Council");

class StubSink : public ui::ResponseSink
{
public:
    Result<ui::SubmitReceipt> submit(const survey::SurveyPackage &, const response::Response &r,
                                     const ui::ConsentChoices &) override
    {
        return ui::SubmitReceipt{r.instanceId, QStringLiteral("K7Q2-M9XD"), {}};
    }
};

// Accepts kGoodBundle only; "enrolled" is a settings flag. Packages are seeded by the test on
// the UI thread, so fetchPackages just reports.
class StubEnrollment : public ui::EnrollmentPort
{
public:
    StubEnrollment(store::SettingsRepository &settings, QByteArray signingKey)
        : m_settings(settings), m_signingKey(std::move(signingKey))
    {
    }
    Result<ui::EnrollmentSummary> inspect(const QByteArray &bundle) override
    {
        if (bundle.trimmed() != kGoodBundle) {
            return makeError(ErrorKind::Crypto, QStringLiteral("the bundle's signature does not match its contents"));
        }
        ui::EnrollmentSummary s;
        s.councilName = QStringLiteral("Test Borough Council");
        s.endpoint = QStringLiteral("https://collect.test-borough.example");
        s.deviceName = QStringLiteral("library-tablet-1");
        s.keyFingerprint = QStringLiteral("7K3M-Q9XA-2B4D-HJ8P");
        s.signingPublicKey = m_signingKey;
        s.surveyIds = {QStringLiteral("kiosk-flow-test")};
        s.expiresAt = QDateTime(QDate(2027, 1, 31), QTime(12, 0), Qt::UTC);
        return s;
    }
    Status enroll(const QByteArray &bundle, const crypto::DeviceVault &vault) override
    {
        if (!vault.isUnlocked() || !inspect(bundle)) {
            return makeError(ErrorKind::Permission, QStringLiteral("not unlocked or not a good bundle"));
        }
        return m_settings.setValue(QStringLiteral("test.enrolled"), QStringLiteral("1"));
    }
    Result<std::optional<ui::EnrollmentSummary>> current(const crypto::DeviceVault &) override
    {
        auto flag = m_settings.value(QStringLiteral("test.enrolled"));
        if (!flag || !flag->has_value()) {
            return std::optional<ui::EnrollmentSummary>();
        }
        return std::optional<ui::EnrollmentSummary>(*inspect(kGoodBundle));
    }
    Result<ui::SyncTarget> syncTarget(const crypto::DeviceVault &) override
    {
        ui::SyncTarget t;
        t.endpoint = QStringLiteral("https://collect.test-borough.example");
        t.token = QByteArrayLiteral("token");
        t.deviceName = QStringLiteral("library-tablet-1");
        return t;
    }
    QString councilBeforeUnlock() override
    {
        auto flag = m_settings.value(QStringLiteral("test.enrolled"));
        return flag && flag->has_value() ? QStringLiteral("Test Borough Council") : QString();
    }
    // Runs on the UI thread when a fetch happens (the in-memory store is not thread-safe).
    std::function<void()> onFetch;

    Result<QList<ui::PackageOutcome>> fetchPackages(const ui::SyncTarget &, const QByteArray &) override
    {
        if (onFetch) {
            QMetaObject::invokeMethod(qApp, onFetch, Qt::BlockingQueuedConnection);
        }
        ui::PackageOutcome o;
        o.surveyId = QStringLiteral("kiosk-flow-test");
        o.version = QStringLiteral("2026112401");
        o.kind = ui::PackageOutcome::Kind::Installed;
        return QList<ui::PackageOutcome>{o};
    }

private:
    store::SettingsRepository &m_settings;
    QByteArray m_signingKey;
};

} // namespace setup_test
