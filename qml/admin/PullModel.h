// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminJob.h"

namespace chorus::admin
{

class AdminWorkspace;

// The Pull page: download what the receiver holds (still encrypted) into the workspace's
// pulled/ folder. Incremental and resumable, like `chorusctl pull`.
class PullModel : public chorus::admin::AdminJob
{
    Q_OBJECT
    Q_PROPERTY(int written READ written NOTIFY finished)
    Q_PROPERTY(int incomplete READ incomplete NOTIFY finished)
    Q_PROPERTY(int erased READ erased NOTIFY finished)
    Q_PROPERTY(int withdrawals READ withdrawals NOTIFY finished)

public:
    explicit PullModel(AdminWorkspace &workspace, QObject *parent = nullptr);

    int written() const { return m_summary.written; }
    int incomplete() const { return m_summary.incomplete; }
    int erased() const { return m_summary.deleted; }
    int withdrawals() const { return m_summary.withdrawals; }

    Q_INVOKABLE bool start();

private:
    AdminWorkspace &m_workspace;
    sync::PullSummary m_summary;
};

} // namespace chorus::admin
