// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PullState.h"
#include "Transport.h"

#include <QDir>
#include <QString>

#include <QUrl>

#include <functional>
#include <optional>

namespace chorus::sync {

struct PullSummary {
    int written = 0;    // submissions written (new, or completed since the last pull)
    int incomplete = 0; // still waiting for files from a split upload: written once complete
    int deleted = 0;    // tombstoned on the receiver
    int withdrawals = 0; // withdrawal requests written to OUT/withdrawals/<request id>.xml
    qint64 cursor = 0;  // position reached in the receiver's change feed
    qint64 withdrawalCursor = 0;
    int newlyDamaged = 0; // found damaged in this run (skipped; see `damaged`)
    int repaired = 0;     // listed as damaged before, written now
    QList<DamagedSubmission> damaged; // every damaged submission still outstanding after this run
};

struct PullOptions {
    bool retryDamaged = false; // first fetch every submission recorded as damaged again
};

// Incremental, resumable download of envelopes from chorus-receiver's admin API into
//   OUT/submissions/<instanceID with ':' as '-'>/{submission.xml, *.enc}
//   OUT/withdrawals/<request instanceID with ':' as '-'>.xml
// A submission erased on the receiver (withdrawn, or deleted by an admin) is erased here too.
// Each submission directory appears atomically (built beside it, then renamed), files are
// checked against the receiver's sizes and SHA-256, and the cursor in OUT/pull-state.json
// advances only after a page is on disk. Re-running fetches nothing twice; an interrupted run
// resumes from the last saved page and rewrites identical bytes. A submission whose stored file
// on the receiver no longer matches its listed SHA-256 (checked twice) is skipped and recorded
// in the state file as damaged, and the pull carries on; it is fetched again when it is listed
// again, or with PullOptions::retryDamaged (forgetDamagedSubmission() gives up on it).
class PullClient
{
public:
    PullClient(Transport &transport, QUrl serverBase, QByteArray adminToken);

    Result<PullSummary> pull(const QString &outDir, const PullOptions &options = {});

    // The directory name used for an instanceID, or empty when it is not safe as a name.
    static QString directoryName(const QString &instanceId);

private:
    Result<QByteArray> get(const QString &path, const QString &query = {});
    // Fetches one listed submission into OUT/submissions/<name>: nullopt when written, or why
    // its stored copy is damaged (nothing written), or an error that stops the pull.
    Result<std::optional<QString>> fetchSubmission(const QDir &out, const QJsonObject &item, qint64 id,
                                                   const QString &name);
    Status pullWithdrawals(const QDir &out, PullSummary &summary, const std::function<Status()> &saveState);

    Transport &m_transport;
    QUrl m_base;
    QByteArray m_token;
};

} // namespace chorus::sync
