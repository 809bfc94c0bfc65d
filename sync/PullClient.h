// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Transport.h"

#include <QDir>
#include <QString>

#include <functional>
#include <QUrl>

namespace chorus::sync {

struct PullSummary {
    int written = 0;    // submissions written (new, or completed since the last pull)
    int incomplete = 0; // still waiting for files from a split upload: written once complete
    int deleted = 0;    // tombstoned on the receiver
    int withdrawals = 0; // withdrawal requests written to OUT/withdrawals/<request id>.xml
    qint64 cursor = 0;  // position reached in the receiver's change feed
    qint64 withdrawalCursor = 0;
};

// Incremental, resumable download of envelopes from chorus-receiver's admin API into
//   OUT/submissions/<instanceID with ':' as '-'>/{submission.xml, *.enc}
//   OUT/withdrawals/<request instanceID with ':' as '-'>.xml
// A submission erased on the receiver (withdrawn, or deleted by an admin) is erased here too.
// Each submission directory appears atomically (built beside it, then renamed), files are
// checked against the receiver's sizes and SHA-256, and the cursor in OUT/pull-state.json
// advances only after a page is on disk. Re-running fetches nothing twice; an interrupted run
// resumes from the last saved page and rewrites identical bytes.
class PullClient
{
public:
    PullClient(Transport &transport, QUrl serverBase, QByteArray adminToken);

    Result<PullSummary> pull(const QString &outDir);

    // The directory name used for an instanceID, or empty when it is not safe as a name.
    static QString directoryName(const QString &instanceId);

private:
    Result<QByteArray> get(const QString &path, const QString &query = {});
    Status pullWithdrawals(const QDir &out, PullSummary &summary, const std::function<Status()> &saveState);

    Transport &m_transport;
    QUrl m_base;
    QByteArray m_token;
};

} // namespace chorus::sync
