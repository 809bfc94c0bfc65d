// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EnrollSupport.h"
#include "common/Result.h"

#include <QObject>
#include <QString>
#include <QUrl>

namespace chorus::admin
{

// The admin's working folder, chosen when the app starts, so an officer never types a path
// twice: keys/ (council and signing keys), pulled/ (what the receiver sent, still encrypted),
// exports/ (one folder per export), reports/ (the report and its differencing state), surveys/
// and census/ (inputs the pages offer by default), devices/ (enrollment bundles and their QR codes). The last folder used is remembered.
class AdminWorkspace : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString path READ path NOTIFY pathChanged)
    Q_PROPERTY(bool isOpen READ isOpen NOTIFY pathChanged)
    Q_PROPERTY(QString keysDir READ keysDir NOTIFY pathChanged)
    Q_PROPERTY(QString pulledDir READ pulledDir NOTIFY pathChanged)
    Q_PROPERTY(QString exportsDir READ exportsDir NOTIFY pathChanged)
    Q_PROPERTY(QString reportsDir READ reportsDir NOTIFY pathChanged)
    Q_PROPERTY(QString surveysDir READ surveysDir NOTIFY pathChanged)
    Q_PROPERTY(QString censusDir READ censusDir NOTIFY pathChanged)
    Q_PROPERTY(QString recentPath READ recentPath CONSTANT)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    // The receiver the Download, Surveys and Devices pages talk to, remembered between runs.
    Q_PROPERTY(QString endpoint READ endpoint WRITE setEndpoint NOTIFY receiverChanged)
    Q_PROPERTY(QString adminTokenFile READ adminTokenFile WRITE setAdminTokenFile NOTIFY receiverChanged)
    Q_PROPERTY(QString caFile READ caFile WRITE setCaFile NOTIFY receiverChanged)
    // The receiver's public-key pins, "sha256//BASE64", primary then backup, separated by spaces
    // or commas: used for the admin calls and written into every enrollment bundle.
    Q_PROPERTY(QString pins READ pins WRITE setPins NOTIFY receiverChanged)

public:
    explicit AdminWorkspace(QObject *parent = nullptr);

    QString path() const { return m_path; }
    bool isOpen() const { return !m_path.isEmpty(); }
    QString keysDir() const { return sub(QStringLiteral("keys")); }
    QString pulledDir() const { return sub(QStringLiteral("pulled")); }
    QString exportsDir() const { return sub(QStringLiteral("exports")); }
    QString reportsDir() const { return sub(QStringLiteral("reports")); }
    QString surveysDir() const { return sub(QStringLiteral("surveys")); }
    QString censusDir() const { return sub(QStringLiteral("census")); }
    QString recentPath() const;
    QString lastError() const { return m_lastError; }
    QString endpoint() const { return m_endpoint; }
    void setEndpoint(const QString &endpoint);
    QString adminTokenFile() const { return m_adminTokenFile; }
    void setAdminTokenFile(const QString &file);
    QString caFile() const { return m_caFile; }
    void setCaFile(const QString &file);
    QString pins() const { return m_pins; }
    void setPins(const QString &pins);
    // Plain http is allowed to a receiver on this machine only (testing), as chorusctl does.
    bool endpointIsLoopbackHttp() const;
    // Checks the address and reads the token file; the token is the caller's to wipe.
    Result<QByteArray> adminToken() const;
    // Everything needed to call the receiver's admin API (as chorusctl's --endpoint,
    // --admin-token-file, --ca-file options give it); the token is the caller's to wipe.
    Result<cli::AdminConnection> receiverConnection() const;

    // Opens (creating it and its sub-folders if needed) a folder given as a path or file: URL.
    Q_INVOKABLE bool openFolder(const QString &pathOrUrl);
    // The first file in `dir` matching `pattern` (e.g. the survey package in surveys/), or "".
    Q_INVOKABLE QString firstFile(const QString &dir, const QString &pattern) const;
    Q_INVOKABLE QStringList files(const QString &dir, const QString &pattern) const;
    // A path from a file dialog's URL (or a path typed in), for the text fields.
    Q_INVOKABLE static QString localPath(const QString &pathOrUrl);
    // Opens a file or folder with the desktop's default application.
    Q_INVOKABLE bool openExternally(const QString &path) const;

Q_SIGNALS:
    void pathChanged();
    void lastErrorChanged();
    void receiverChanged();

private:
    QString sub(const QString &name) const;
    void setError(const QString &message);

    QString m_path;
    QString m_lastError;
    QString m_endpoint;
    QString m_adminTokenFile;
    QString m_caFile;
    QString m_pins;
};

} // namespace chorus::admin
