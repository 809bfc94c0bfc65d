// SPDX-License-Identifier: GPL-3.0-or-later
#include "PullModel.h"

#include "AdminWorkspace.h"

namespace chorus::admin
{

PullModel::PullModel(AdminWorkspace &workspace, QObject *parent) : AdminJob(parent), m_workspace(workspace) {}

bool PullModel::start()
{
    if (!m_workspace.isOpen()) {
        failNow(tr("Choose a workspace folder first."));
        return false;
    }
    auto token = m_workspace.adminToken();
    if (!token) {
        failNow(token.error().message);
        return false;
    }
    cli::PullRequest request;
    request.endpoint = m_workspace.endpoint().trimmed();
    request.adminToken = *token;
    request.outDir = m_workspace.pulledDir();
    request.caFile = m_workspace.caFile();
    request.allowHttpLoopback = m_workspace.endpointIsLoopbackHttp();
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
