// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportRunModel.h"

#include "AdminWorkspace.h"
#include "crypto/SecretBytes.h"

#include <QDateTime>
#include <QDir>

using namespace Qt::StringLiterals;

namespace chorus::admin
{

namespace
{
// The page lists this many failed records; the count says how many there were in all.
constexpr int kListedFailures = 200;
} // namespace

ExportRunModel::ExportRunModel(AdminWorkspace &workspace, QObject *parent) : AdminJob(parent), m_workspace(workspace)
{
}

void ExportRunModel::setFormat(const QString &format)
{
    if (m_format == format)
        return;
    m_format = format;
    Q_EMIT settingsChanged();
}

void ExportRunModel::setLabels(bool labels)
{
    if (m_labels == labels)
        return;
    m_labels = labels;
    Q_EMIT settingsChanged();
}

void ExportRunModel::setLanguage(const QString &language)
{
    if (m_language == language)
        return;
    m_language = language;
    Q_EMIT settingsChanged();
}

void ExportRunModel::setIncludeWriteIns(bool include)
{
    if (m_includeWriteIns == include)
        return;
    m_includeWriteIns = include;
    Q_EMIT settingsChanged();
}

void ExportRunModel::setSurveyPackage(const QString &path)
{
    const QString local = AdminWorkspace::localPath(path);
    if (m_surveyPackage == local)
        return;
    m_surveyPackage = local;
    Q_EMIT settingsChanged();
}

bool ExportRunModel::start(const QString &passphrase)
{
    if (!m_workspace.isOpen()) {
        failNow(tr("Choose a workspace folder first."));
        return false;
    }
    auto format = cli::parseExportFormat(m_format);
    if (!format) {
        failNow(tr("Choose CSV, Excel (XLSX) or JSON lines."));
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
    cli::ExportRequest request;
    request.adminDir = m_workspace.pulledDir();
    request.keysDir = m_workspace.keysDir();
    request.passphrase.bytes = passphrase.toUtf8();
    request.format = *format;
    request.surveyPackage = m_surveyPackage;
    request.options.includeWriteIns = m_includeWriteIns;
    if (m_labels) {
        request.options.mode = exports::ValueMode::Labels;
        request.options.language = m_language;
    }
    request.outDir = QDir(m_workspace.exportsDir())
                         .filePath(QDateTime::currentDateTime().toString(u"yyyy-MM-dd'T'HHmmss"_s));
    return launch([this, request](const cli::OperationControl &control) mutable {
        QStringList failures;
        cli::OperationControl withFailures = control;
        withFailures.failed = [&failures](const QString &id, const QString &message) {
            if (failures.size() < kListedFailures)
                failures.append(u"%1: %2"_s.arg(id.isEmpty() ? tr("a submission") : id, message));
        };
        auto outcome = cli::runExport(request, withFailures);
        crypto::wipe(request.passphrase.bytes);
        Completion done;
        if (!outcome) {
            done.error = outcome.error().message;
            return done;
        }
        const cli::ExportOutcome result = *outcome;
        done.cancelled = result.cancelled;
        if (result.cancelled) {
            done.summary = tr("Export cancelled. No file was written.");
        } else {
            done.summary = tr("%1 response(s) exported, %2 withdrawn (not exported), %3 could not be opened.")
                               .arg(result.written)
                               .arg(result.withdrawn)
                               .arg(result.failed);
        }
        const QString outDir = result.cancelled ? QString() : request.outDir;
        done.apply = [this, result, failures, outDir] {
            m_written = result.written;
            m_withdrawn = result.withdrawn;
            m_failedCount = result.failed;
            m_failures = failures;
            m_files = result.files;
            m_outDir = outDir;
        };
        return done;
    });
}

} // namespace chorus::admin
