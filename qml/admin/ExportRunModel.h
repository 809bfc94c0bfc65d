// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminJob.h"

#include <QStringList>

namespace chorus::admin
{

class AdminWorkspace;

// The Export page: decrypt the pulled submissions and write a record-level export into a new
// folder under exports/, exactly as `chorusctl export` does (withdrawals applied first, the
// export written to the audit log). Records that cannot be opened are listed by instanceID.
class ExportRunModel : public chorus::admin::AdminJob
{
    Q_OBJECT
    Q_PROPERTY(QString format READ format WRITE setFormat NOTIFY settingsChanged) // csv, xlsx, json
    Q_PROPERTY(bool labels READ labels WRITE setLabels NOTIFY settingsChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY settingsChanged)
    Q_PROPERTY(bool includeWriteIns READ includeWriteIns WRITE setIncludeWriteIns NOTIFY settingsChanged)
    Q_PROPERTY(QString surveyPackage READ surveyPackage WRITE setSurveyPackage NOTIFY settingsChanged)
    Q_PROPERTY(qint64 written READ written NOTIFY finished)
    Q_PROPERTY(qint64 withdrawn READ withdrawn NOTIFY finished)
    Q_PROPERTY(qint64 failedCount READ failedCount NOTIFY finished)
    Q_PROPERTY(QStringList failures READ failures NOTIFY finished) // "uuid:…: why"
    Q_PROPERTY(QStringList files READ files NOTIFY finished)
    Q_PROPERTY(QString outDir READ outDir NOTIFY finished)

public:
    explicit ExportRunModel(AdminWorkspace &workspace, QObject *parent = nullptr);

    QString format() const { return m_format; }
    void setFormat(const QString &format);
    bool labels() const { return m_labels; }
    void setLabels(bool labels);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    bool includeWriteIns() const { return m_includeWriteIns; }
    void setIncludeWriteIns(bool include);
    QString surveyPackage() const { return m_surveyPackage; }
    void setSurveyPackage(const QString &path);
    qint64 written() const { return m_written; }
    qint64 withdrawn() const { return m_withdrawn; }
    qint64 failedCount() const { return m_failedCount; }
    QStringList failures() const { return m_failures; }
    QStringList files() const { return m_files; }
    QString outDir() const { return m_outDir; }

    Q_INVOKABLE bool start(const QString &passphrase);

Q_SIGNALS:
    void settingsChanged();

private:
    AdminWorkspace &m_workspace;
    QString m_format = QStringLiteral("xlsx");
    bool m_labels = false;
    QString m_language = QStringLiteral("en");
    bool m_includeWriteIns = true;
    QString m_surveyPackage;
    qint64 m_written = 0;
    qint64 m_withdrawn = 0;
    qint64 m_failedCount = 0;
    QStringList m_failures;
    QStringList m_files;
    QString m_outDir;
};

} // namespace chorus::admin
