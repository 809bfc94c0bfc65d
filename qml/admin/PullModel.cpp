// SPDX-License-Identifier: GPL-3.0-or-later
#include "PullModel.h"

#include "AdminWorkspace.h"
#include "CliSupport.h"
#include "Endpoint.h"

#include <QSettings>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace chorus::admin
{

PullModel::PullModel(AdminWorkspace &workspace, QObject *parent) : AdminJob(parent), m_workspace(workspace)
{
    const QSettings settings;
    m_endpoint = settings.value(u"pull/endpoint"_s).toString();
    m_tokenFile = settings.value(u"pull/tokenFile"_s).toString();
    m_caFile = settings.value(u"pull/caFile"_s).toString();
}

void PullModel::setEndpoint(const QString &endpoint)
{
    if (m_endpoint == endpoint)
        return;
    m_endpoint = endpoint;
    Q_EMIT settingsChanged();
}

void PullModel::setTokenFile(const QString &file)
{
    const QString path = AdminWorkspace::localPath(file);
    if (m_tokenFile == path)
        return;
    m_tokenFile = path;
    Q_EMIT settingsChanged();
}

void PullModel::setCaFile(const QString &file)
{
    const QString path = AdminWorkspace::localPath(file);
    if (m_caFile == path)
        return;
    m_caFile = path;
    Q_EMIT settingsChanged();
}

bool PullModel::start()
{
    if (!m_workspace.isOpen()) {
        failNow(tr("Choose a workspace folder first."));
        return false;
    }
    if (m_endpoint.trimmed().isEmpty()) {
        failNow(tr("Enter the receiver's address, for example https://survey.example.gov.uk"));
        return false;
    }
    if (m_tokenFile.isEmpty()) {
        failNow(tr("Choose the file that holds the receiver's admin token."));
        return false;
    }
    auto token = cli::readPassphraseFile(m_tokenFile);
    if (!token) {
        failNow(token.error().message);
        return false;
    }
    QSettings settings;
    settings.setValue(u"pull/endpoint"_s, m_endpoint);
    settings.setValue(u"pull/tokenFile"_s, m_tokenFile);
    settings.setValue(u"pull/caFile"_s, m_caFile);

    cli::PullRequest request;
    request.endpoint = m_endpoint.trimmed();
    request.adminToken = *token;
    request.outDir = m_workspace.pulledDir();
    request.caFile = m_caFile;
    // As chorusctl does: plain http only to a receiver on this machine (testing).
    const QUrl url(request.endpoint);
    request.allowHttpLoopback = url.scheme() == QLatin1String("http") && sync::isLoopbackHost(url.host());
    return launch([this, request](const cli::OperationControl &control) {
        Completion done;
        auto outcome = cli::runPull(request, control);
        if (!outcome) {
            done.error = outcome.error().message;
            return done;
        }
        const sync::PullSummary summary = outcome->summary;
        done.cancelled = outcome->cancelled;
        done.summary = outcome->cancelled
            ? tr("Pull cancelled. What was downloaded is kept; pull again to carry on.")
            : tr("%1 new or completed submission(s), %2 waiting for files, %3 erased on the receiver, %4 withdrawal "
                 "request(s).")
                  .arg(summary.written)
                  .arg(summary.incomplete)
                  .arg(summary.deleted)
                  .arg(summary.withdrawals);
        done.apply = [this, summary] { m_summary = summary; };
        return done;
    });
}

} // namespace chorus::admin
