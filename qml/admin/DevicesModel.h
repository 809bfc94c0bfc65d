// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminJob.h"

#include <QVariantList>

namespace chorus::admin
{

class AdminWorkspace;

// The Devices page: enrol a device (the receiver issues its token; the bundle, signed with the
// council signing key, is written to the workspace's devices/ folder with its QR code, shown on
// screen for the device to scan), list the receiver's devices, revoke one.
class DevicesModel : public chorus::admin::AdminJob
{
    Q_OBJECT
    Q_PROPERTY(QVariantList devices READ devices NOTIFY devicesChanged) // [{name, active, status, surveys}]
    Q_PROPERTY(QString bundlePath READ bundlePath NOTIFY enrolled)
    Q_PROPERTY(QString qrPath READ qrPath NOTIFY enrolled)
    Q_PROPERTY(QString enrolledDevice READ enrolledDevice NOTIFY enrolled)
    Q_PROPERTY(QString fingerprint READ fingerprint NOTIFY enrolled)
    Q_PROPERTY(QString qrProblem READ qrProblem NOTIFY enrolled)

public:
    explicit DevicesModel(AdminWorkspace &workspace, QObject *parent = nullptr);

    QVariantList devices() const { return m_devices; }
    QString bundlePath() const { return m_bundlePath; }
    QString qrPath() const { return m_qrPath; }
    QString enrolledDevice() const { return m_device; }
    QString fingerprint() const { return m_fingerprint; }
    QString qrProblem() const { return m_qrProblem; }
    QString devicesDir() const;

    // `surveys`: survey ids separated by commas or spaces; empty assigns every survey.
    Q_INVOKABLE bool enroll(const QString &name, const QString &surveys, int expiresDays, const QString &passphrase,
        bool replace = false);
    Q_INVOKABLE bool refresh();
    Q_INVOKABLE bool revoke(const QString &name);

Q_SIGNALS:
    void devicesChanged();
    void enrolled();

private:
    AdminWorkspace &m_workspace;
    QVariantList m_devices;
    QString m_bundlePath;
    QString m_qrPath;
    QString m_device;
    QString m_fingerprint;
    QString m_qrProblem;
};

} // namespace chorus::admin
