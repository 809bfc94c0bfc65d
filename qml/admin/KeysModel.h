// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminJob.h"

#include <QStringList>

namespace chorus::admin
{

class AdminWorkspace;

// The Keys page: create the council key pair and the signing key in the workspace's keys/
// folder, show their ids (never a secret), and rotate the council key. Argon2id takes a few
// seconds at the admin cost, so init and rotate run on the worker thread.
class KeysModel : public chorus::admin::AdminJob
{
    Q_OBJECT
    Q_PROPERTY(bool hasKeys READ hasKeys NOTIFY keysChanged)
    Q_PROPERTY(QString councilKeyId READ councilKeyId NOTIFY keysChanged)
    Q_PROPERTY(QString councilCreated READ councilCreated NOTIFY keysChanged)
    Q_PROPERTY(QString signingKeyId READ signingKeyId NOTIFY keysChanged)
    Q_PROPERTY(QString signingFingerprint READ signingFingerprint NOTIFY keysChanged)
    Q_PROPERTY(QStringList retiredKeyIds READ retiredKeyIds NOTIFY keysChanged)
    Q_PROPERTY(bool fastKdf READ fastKdf WRITE setFastKdf NOTIFY keysChanged)

public:
    explicit KeysModel(AdminWorkspace &workspace, QObject *parent = nullptr);

    bool hasKeys() const { return !m_councilKeyId.isEmpty(); }
    QString councilKeyId() const { return m_councilKeyId; }
    QString councilCreated() const { return m_councilCreated; }
    QString signingKeyId() const { return m_signingKeyId; }
    QString signingFingerprint() const { return m_signingFingerprint; }
    QStringList retiredKeyIds() const { return m_retired; }
    // The lighter Argon2id cost (64 MiB) for low-memory machines; tests use it too.
    bool fastKdf() const { return m_fastKdf; }
    void setFastKdf(bool fast);

    // Checks the two entries match and are long enough, then creates the keys.
    Q_INVOKABLE bool init(const QString &passphrase, const QString &repeated);
    Q_INVOKABLE bool rotate(const QString &passphrase);
    Q_INVOKABLE void refresh();
    // Why a new passphrase is refused, or "" when it is acceptable.
    Q_INVOKABLE static QString passphraseProblem(const QString &passphrase, const QString &repeated);

Q_SIGNALS:
    void keysChanged();

private:
    AdminWorkspace &m_workspace;
    QString m_councilKeyId;
    QString m_councilCreated;
    QString m_signingKeyId;
    QString m_signingFingerprint;
    QStringList m_retired;
    bool m_fastKdf = false;
};

} // namespace chorus::admin
