// SPDX-License-Identifier: GPL-3.0-or-later
#include "DevicesModel.h"

#include "AdminWorkspace.h"
#include "CliSupport.h"
#include "PackageAdmin.h"
#include "consent/QrPng.h"
#include "crypto/KeyDirectory.h"
#include "crypto/SecretBytes.h"
#include "enrollment/EnrollmentBundle.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace chorus::admin
{

namespace
{
QVariantList deviceRows(const QList<sync::DeviceEntry> &entries)
{
    QVariantList rows;
    for (const sync::DeviceEntry &d : entries) {
        const bool active = d.revokedAt.isEmpty();
        rows.append(QVariantMap { { u"name"_s, d.name }, { u"active"_s, active },
            { u"status"_s,
                active ? DevicesModel::tr("active since %1").arg(d.createdAt)
                       : DevicesModel::tr("revoked %1").arg(d.revokedAt) },
            { u"surveys"_s, d.surveys.join(u", "_s) } });
    }
    return rows;
}
} // namespace

DevicesModel::DevicesModel(AdminWorkspace &workspace, QObject *parent) : AdminJob(parent), m_workspace(workspace) {}

QString DevicesModel::devicesDir() const
{
    return m_workspace.isOpen() ? QDir(m_workspace.path()).filePath(u"devices"_s) : QString();
}

bool DevicesModel::enroll(
    const QString &name, const QString &surveys, int expiresDays, const QString &passphrase, bool replace)
{
    if (!m_workspace.isOpen()) {
        failNow(tr("Choose a workspace folder first."));
        return false;
    }
    static const QRegularExpression validName(u"^[A-Za-z0-9._-]{1,64}$"_s);
    if (!validName.match(name.trimmed()).hasMatch()) {
        failNow(tr("Enter a device name of letters, digits, dots, dashes or underscores, for example tablet-07."));
        return false;
    }
    if (expiresDays < 1 || expiresDays > 365) {
        failNow(tr("The bundle must be used within 1 to 365 days."));
        return false;
    }
    if (passphrase.isEmpty()) {
        failNow(tr("Enter the key passphrase: the bundle is signed with the council signing key."));
        return false;
    }
    auto connection = m_workspace.receiverConnection();
    if (!connection) {
        failNow(connection.error().message);
        return false;
    }
    sync::EnrollRequest request;
    request.device = name.trimmed();
    const QStringList ids = surveys.split(QRegularExpression(u"[,\\s]+"_s), Qt::SkipEmptyParts);
    if (!ids.isEmpty())
        request.surveys = ids;
    request.pins = connection->curl.pins;
    request.caCertificatePem = connection->caPem;
    request.expiresDays = expiresDays;
    request.allowHttpLoopback = connection->curl.allowHttpLoopback;
    request.replace = replace;
    const QString dir = devicesDir();
    const QString keysDir = m_workspace.keysDir();
    auto secret = std::make_shared<QByteArray>(passphrase.toUtf8());
    auto admin = std::make_shared<cli::AdminConnection>(std::move(*connection));
    return launch([this, request, dir, keysDir, secret, admin](const cli::OperationControl &) {
        Completion done;
        // The key first: a wrong passphrase must not leave a device token issued on the receiver.
        auto key = crypto::KeyDirectory(keysDir).loadSigningKey(*secret);
        crypto::wipe(*secret);
        if (!key) {
            done.error = key.error().message;
            crypto::wipe(admin->adminToken);
            return done;
        }
        sync::CurlTransport transport(admin->curl);
        sync::ReceiverAdmin receiver(transport, admin->endpoint, admin->adminToken);
        crypto::wipe(admin->adminToken);
        auto result = sync::enrollDevice(receiver, admin->endpoint, *key, request);
        if (!result) {
            done.error = result.error().message;
            return done;
        }
        const QString bundlePath = QDir(dir).filePath(request.device + u".json"_s);
        const QString qrPath = QDir(dir).filePath(request.device + u".png"_s);
        Status written = writeFileAtomically(bundlePath, result->bundleFile); // private: it holds the device token
        QString qrProblem;
        auto qr = enrollment::bundleQr(result->bundleFile);
        crypto::wipe(result->bundleFile);
        if (!written) {
            done.error = tr("%1. The device token was issued: revoke %2 and enrol it again.")
                             .arg(written.error().message, request.device);
            return done;
        }
        QFile::remove(qrPath);
        if (!qr) {
            qrProblem = qr.error().message;
        } else if (Status s = writeFileAtomically(qrPath, consent::qrPng(*qr, 6)); !s) {
            qrProblem = s.error().message;
        }
        done.summary = tr("%1 enrolled (surveys: %2). Scan the code on the device, or copy the bundle file to it. "
                          "Check that the device shows the fingerprint %3.")
                           .arg(request.device, result->surveys.join(u", "_s), result->fingerprint);
        const QString fingerprint = result->fingerprint;
        const QString device = request.device;
        const QString shownQr = qrProblem.isEmpty() ? qrPath : QString();
        done.apply = [this, bundlePath, shownQr, device, fingerprint, qrProblem] {
            m_bundlePath = bundlePath;
            m_qrPath = shownQr;
            m_device = device;
            m_fingerprint = fingerprint;
            m_qrProblem = qrProblem;
            Q_EMIT enrolled();
        };
        return done;
    });
}

bool DevicesModel::refresh()
{
    auto connection = m_workspace.receiverConnection();
    if (!connection) {
        failNow(connection.error().message);
        return false;
    }
    auto admin = std::make_shared<cli::AdminConnection>(std::move(*connection));
    return launch([this, admin](const cli::OperationControl &) {
        Completion done;
        sync::CurlTransport transport(admin->curl);
        sync::ReceiverAdmin receiver(transport, admin->endpoint, admin->adminToken);
        crypto::wipe(admin->adminToken);
        auto devices = receiver.devices();
        if (!devices) {
            done.error = devices.error().message;
            return done;
        }
        const QVariantList rows = deviceRows(*devices);
        done.summary = tr("%n device(s) on the receiver.", "", int(rows.size()));
        done.apply = [this, rows] {
            m_devices = rows;
            Q_EMIT devicesChanged();
        };
        return done;
    });
}

bool DevicesModel::revoke(const QString &name)
{
    auto connection = m_workspace.receiverConnection();
    if (!connection) {
        failNow(connection.error().message);
        return false;
    }
    auto admin = std::make_shared<cli::AdminConnection>(std::move(*connection));
    return launch([this, admin, name](const cli::OperationControl &) {
        Completion done;
        sync::CurlTransport transport(admin->curl);
        sync::ReceiverAdmin receiver(transport, admin->endpoint, admin->adminToken);
        crypto::wipe(admin->adminToken);
        if (Status s = receiver.revokeDevice(name); !s) {
            done.error = s.error().message;
            return done;
        }
        auto devices = receiver.devices();
        done.summary = tr("%1 revoked: it can no longer send responses or fetch surveys.").arg(name);
        if (devices) {
            const QVariantList rows = deviceRows(*devices);
            done.apply = [this, rows] {
                m_devices = rows;
                Q_EMIT devicesChanged();
            };
        }
        return done;
    });
}

} // namespace chorus::admin
