// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EnrollmentPort.h"

#include <QObject>
#include <QString>
#include <QVariantMap>

#include <thread>

namespace chorus::store {
class SettingsRepository;
}

namespace chorus::ui {

class RespondentSession;
class StaffLock;
class VaultKeeper;

// Where the device is in its life, and the first-run setup flow. `stage` is what Main.qml shows:
//   setup  — no vault yet, or enrolled but not finished (steps: passphrase, bundle, confirm,
//            mode, fetching)
//   unlock — a vault exists and is locked: the operator passphrase opens it
//   ready  — enrolled, mode chosen, vault open: home (outreach) or welcome (kiosk)
// The mode and the operator's name are plain settings; the enrollment itself (with its token)
// is kept by the EnrollmentPort, sealed with the vault.
class DeviceSetup : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString stage READ stage NOTIFY stageChanged)
    Q_PROPERTY(QString step READ step NOTIFY stageChanged)
    Q_PROPERTY(QString mode READ mode NOTIFY modeChanged)
    Q_PROPERTY(QString operatorName READ operatorName NOTIFY modeChanged)
    Q_PROPERTY(QVariantMap bundle READ bundle NOTIFY bundleChanged)
    Q_PROPERTY(QVariantMap enrollment READ enrollment NOTIFY enrollmentChanged)
    Q_PROPERTY(QString councilName READ councilName NOTIFY enrollmentChanged)
    Q_PROPERTY(bool enrolled READ isEnrolled NOTIFY enrollmentChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString fetchResult READ fetchResult NOTIFY fetchFinished)
    Q_PROPERTY(QString suggestedBundlePath READ suggestedBundlePath CONSTANT)

public:
    static constexpr qsizetype kMaxBundleBytes = 64 * 1024;

    // All but `vault` may be null: then the device runs the developer path (stage "ready" with
    // whatever main() loaded from the command line).
    DeviceSetup(VaultKeeper *vault, EnrollmentPort *port, store::SettingsRepository *settings, StaffLock *staffLock,
                RespondentSession *session, QObject *parent = nullptr);
    ~DeviceSetup() override;

    QString stage() const { return m_stage; }
    QString step() const { return m_step; }
    QString mode() const { return m_mode; }
    QString operatorName() const { return m_operator; }
    QVariantMap bundle() const;
    QVariantMap enrollment() const;
    QString councilName() const;
    bool isEnrolled() const { return m_enrolled.has_value(); }
    QString error() const { return m_error; }
    bool isBusy() const { return m_busy; }
    QString fetchResult() const { return m_fetchResult; }
    // An enrollment file named on the command line (chorus --enrollment FILE), offered on the
    // bundle screen so the operator only checks and confirms. A path, never a secret.
    QString suggestedBundlePath() const { return m_suggestedBundlePath; }
    void setSuggestedBundlePath(const QString &path) { m_suggestedBundlePath = path; }
    // The enrolled device name (for consent records), empty before enrollment.
    QString deviceName() const { return m_enrolled ? m_enrolled->deviceName : QString(); }
    std::optional<EnrollmentSummary> enrolled() const { return m_enrolled; }
    Result<SyncTarget> syncTarget() const;

    // Reads a bundle: a file path or file: URL, pasted text, or a QR image file. On success
    // step becomes "confirm" with the council's name, endpoint and key fingerprint to check.
    Q_INVOKABLE bool readBundleFile(const QString &pathOrUrl);
    Q_INVOKABLE bool readBundleText(const QString &text);
    Q_INVOKABLE bool readBundleImage(const QString &pathOrUrl);
    // The operator compared the fingerprint: store the enrollment, then choose the mode.
    Q_INVOKABLE bool confirmBundle();
    Q_INVOKABLE void back();
    Q_INVOKABLE bool chooseOutreach(const QString &operatorName);
    Q_INVOKABLE bool chooseKiosk(const QString &pin, const QString &again);
    // "Check for new surveys" (and the last setup step): fetch on a worker thread.
    Q_INVOKABLE void fetchSurveys();

Q_SIGNALS:
    void stageChanged();
    void modeChanged();
    void bundleChanged();
    void enrollmentChanged();
    void errorChanged();
    void busyChanged();
    void fetchFinished();
    // The device became ready to collect (after setup or unlock).
    void ready();

private:
    void afterUnlock();
    bool inspect(const QByteArray &bytes);
    bool saveMode(const QString &mode, const QString &operatorName);
    void applyMode();
    void setStage(const QString &stage, const QString &step = {});
    void setError(const QString &message);
    void setBusy(bool busy);
    void finishFetch(const Result<QList<PackageOutcome>> &outcome);

    VaultKeeper *m_vault;
    EnrollmentPort *m_port;
    store::SettingsRepository *m_settings;
    StaffLock *m_staffLock;
    RespondentSession *m_session;
    QString m_stage;
    QString m_step;
    QString m_mode;
    QString m_operator;
    QByteArray m_pendingBundle;
    std::optional<EnrollmentSummary> m_pending;
    std::optional<EnrollmentSummary> m_enrolled;
    QString m_error;
    bool m_busy = false;
    QString m_fetchResult;
    QString m_suggestedBundlePath;
    std::thread m_worker;
};

// The outcome of a fetch in one line for the operator.
QString describeOutcomes(const QList<PackageOutcome> &outcomes);

} // namespace chorus::ui
