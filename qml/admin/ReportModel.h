// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminJob.h"

#include <QStringList>

namespace chorus::admin
{

class AdminWorkspace;

// The Report page: the publishable equality report (HTML + CSV, disclosure control on) from the
// pulled submissions, decrypted in memory only, into the workspace's reports/ folder, where the
// differencing state of the previous report is kept.
class ReportModel : public chorus::admin::AdminJob
{
    Q_OBJECT
    Q_PROPERTY(QString surveyPackage READ surveyPackage WRITE setSurveyPackage NOTIFY settingsChanged)
    Q_PROPERTY(QString censusFile READ censusFile WRITE setCensusFile NOTIFY settingsChanged)
    Q_PROPERTY(int k READ k WRITE setK NOTIFY settingsChanged)
    Q_PROPERTY(bool roundTo5 READ roundTo5 WRITE setRoundTo5 NOTIFY settingsChanged)
    Q_PROPERTY(bool suppressZeros READ suppressZeros WRITE setSuppressZeros NOTIFY settingsChanged)
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY settingsChanged)
    Q_PROPERTY(QString htmlPath READ htmlPath NOTIFY finished)
    Q_PROPERTY(QString csvPath READ csvPath NOTIFY finished)
    Q_PROPERTY(qint64 records READ records NOTIFY finished)
    Q_PROPERTY(QStringList warnings READ warnings NOTIFY finished)

public:
    explicit ReportModel(AdminWorkspace &workspace, QObject *parent = nullptr);

    QString surveyPackage() const { return m_surveyPackage; }
    void setSurveyPackage(const QString &path);
    QString censusFile() const { return m_censusFile; }
    void setCensusFile(const QString &path);
    int k() const { return m_k; }
    void setK(int k);
    bool roundTo5() const { return m_roundTo5; }
    void setRoundTo5(bool on);
    bool suppressZeros() const { return m_suppressZeros; }
    void setSuppressZeros(bool on);
    QString title() const { return m_title; }
    void setTitle(const QString &title);
    QString htmlPath() const { return m_htmlPath; }
    QString csvPath() const { return m_csvPath; }
    qint64 records() const { return m_records; }
    QStringList warnings() const { return m_warnings; }

    Q_INVOKABLE bool start(const QString &passphrase);

Q_SIGNALS:
    void settingsChanged();

private:
    AdminWorkspace &m_workspace;
    QString m_surveyPackage;
    QString m_censusFile;
    int m_k = 10;
    bool m_roundTo5 = false;
    bool m_suppressZeros = false;
    QString m_title;
    QString m_htmlPath;
    QString m_csvPath;
    qint64 m_records = 0;
    QStringList m_warnings;
};

} // namespace chorus::admin
