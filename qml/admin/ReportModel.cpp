// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReportModel.h"

#include "AdminWorkspace.h"
#include "crypto/SecretBytes.h"

#include <QDir>

namespace chorus::admin
{

ReportModel::ReportModel(AdminWorkspace &workspace, QObject *parent) : AdminJob(parent), m_workspace(workspace) {}

void ReportModel::setSurveyPackage(const QString &path)
{
    const QString local = AdminWorkspace::localPath(path);
    if (m_surveyPackage == local)
        return;
    m_surveyPackage = local;
    Q_EMIT settingsChanged();
}

void ReportModel::setCensusFile(const QString &path)
{
    const QString local = AdminWorkspace::localPath(path);
    if (m_censusFile == local)
        return;
    m_censusFile = local;
    Q_EMIT settingsChanged();
}

void ReportModel::setK(int k)
{
    if (m_k == k)
        return;
    m_k = k;
    Q_EMIT settingsChanged();
}

void ReportModel::setRoundTo5(bool on)
{
    if (m_roundTo5 == on)
        return;
    m_roundTo5 = on;
    Q_EMIT settingsChanged();
}

void ReportModel::setSuppressZeros(bool on)
{
    if (m_suppressZeros == on)
        return;
    m_suppressZeros = on;
    Q_EMIT settingsChanged();
}

void ReportModel::setTitle(const QString &title)
{
    if (m_title == title)
        return;
    m_title = title;
    Q_EMIT settingsChanged();
}

bool ReportModel::start(const QString &passphrase)
{
    if (!m_workspace.isOpen()) {
        failNow(tr("Choose a workspace folder first."));
        return false;
    }
    if (m_surveyPackage.isEmpty()) {
        failNow(tr("Choose the survey package the responses answer."));
        return false;
    }
    if (m_censusFile.isEmpty()) {
        failNow(tr("Choose a census table file (Chorus JSON or the Nomis bulk CSV) for your area."));
        return false;
    }
    if (m_k < 1) {
        failNow(tr("The threshold k must be a whole number of at least 1."));
        return false;
    }
    if (!QDir(m_workspace.pulledDir()).exists(QStringLiteral("submissions"))) {
        failNow(tr("Nothing has been downloaded into this workspace yet. Download the responses first."));
        return false;
    }
    if (passphrase.isEmpty()) {
        failNow(tr("Enter the key passphrase: the responses can only be read with the council key."));
        return false;
    }
    cli::ReportRequest request;
    request.pulledDir = m_workspace.pulledDir();
    request.keysDir = m_workspace.keysDir();
    request.passphrase.bytes = passphrase.toUtf8();
    request.surveyPackage = m_surveyPackage;
    request.censusFiles = { m_censusFile };
    request.outDir = m_workspace.reportsDir();
    request.options.sdc.k = m_k;
    request.options.sdc.roundTo5 = m_roundTo5;
    request.options.sdc.suppressZeros = m_suppressZeros;
    if (!m_title.trimmed().isEmpty())
        request.options.title = m_title.trimmed();
    return launch([this, request](const cli::OperationControl &control) mutable {
        auto outcome = cli::runReport(request, control);
        crypto::wipe(request.passphrase.bytes);
        Completion done;
        if (!outcome) {
            done.error = outcome.error().message;
            return done;
        }
        const cli::ReportOutcome result = *outcome;
        done.cancelled = result.cancelled;
        if (result.cancelled) {
            done.summary = tr("Report cancelled. Nothing was written.");
            return done;
        }
        done.summary = tr("Report written from %1 response(s), %2 characteristic(s) compared with the census.")
                           .arg(result.records)
                           .arg(result.characteristics);
        if (result.openFailures > 0)
            done.summary += QLatin1Char(' ')
                + tr("%1 submission(s) could not be opened and are not counted.").arg(result.openFailures);
        done.apply = [this, result] {
            m_htmlPath = result.htmlPath;
            m_csvPath = result.csvPath;
            m_records = result.records;
            m_warnings = result.warnings;
        };
        return done;
    });
}

} // namespace chorus::admin
