// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The admin's long-running work (pull, export, report) as plain functions: no argv, no printing.
// `chorusctl pull|export|report` and the chorus-admin app call the same functions, so an officer
// using the app gets exactly what the command line does, audit log included. Each takes an
// OperationControl for progress, per-record failures and cancellation; all of them may run on a
// worker thread (the callbacks are called on that thread).

#include "common/Result.h"
#include "export/RecordWriter.h"
#include "export/Report.h"
#include "PullClient.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace chorus::cli
{

enum class OperationStage {
    Downloading, // pull: one step per request to the receiver (total unknown)
    CheckingWithdrawals, // first pass over the envelopes: sealed withdrawal requests
    Decrypting, // second pass: the records written
};

struct OperationControl {
    // done/total in the current stage; total is -1 when it is not known in advance.
    std::function<void(OperationStage stage, qint64 done, qint64 total)> progress;
    // A record that could not be opened: its instanceID (or envelope directory) and why.
    std::function<void(const QString &id, const QString &message)> failed;
    // Set from any thread to stop at the next record or request; the result says `cancelled`.
    const std::atomic<bool> *cancel = nullptr;

    bool isCancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

// The passphrase as bytes (the app), or a file to read it from (the command line). Bytes win.
struct PassphraseSource {
    QByteArray bytes;
    QString file;
    Result<QByteArray> read() const;
};

// ---- pull
struct PullRequest {
    QString endpoint;
    QByteArray adminToken;
    QString outDir;
    bool allowHttpLoopback = false;
    QString caFile;
    bool retryDamaged = false; // fetch the submissions recorded as damaged again first
};
struct PullOutcome {
    sync::PullSummary summary;
    bool cancelled = false;
};
Result<PullOutcome> runPull(const PullRequest &request, const OperationControl &control);

// ---- export
enum class ExportFormat { Csv, Xlsx, Json };
Result<ExportFormat> parseExportFormat(const QString &name);
QString exportFormatName(ExportFormat format);

struct ExportRequest {
    QString adminDir; // written by pull
    QString keysDir;
    PassphraseSource passphrase;
    ExportFormat format = ExportFormat::Csv;
    QString outDir;
    QString surveyPackage; // optional: columns in form order, labels
    exports::ExportOptions options;
    QString withdrawnFile; // optional: instanceIDs, one per line
    int workers = 0; // 0: one per core
    QString who; // for the audit log; empty: the login name
};
struct FailedRecord {
    QString id;
    QString message;
};
struct ExportOutcome {
    qint64 written = 0;
    qint64 withdrawn = 0;
    qint64 failed = 0;
    QStringList files;
    bool cancelled = false; // nothing was kept and nothing audited
};
// Decrypts, applies withdrawals, writes, and appends the export to ADMIN_DIR/audit.jsonl.
Result<ExportOutcome> runExport(const ExportRequest &request, const OperationControl &control);

// ---- report
struct ReportRequest {
    QStringList jsonInputs; // records as `export --format json` writes them, or:
    QString pulledDir; // envelopes written by pull, decrypted in memory only
    QString keysDir;
    PassphraseSource passphrase;
    QString withdrawnFile;
    QString surveyPackage; // or:
    QString catalogueFile;
    QStringList censusFiles;
    QString outDir;
    // The admin workspace whose release register (releases/<survey>.jsonl) the report is checked
    // against and recorded in; empty: pulledDir. A report that could be subtracted from an
    // earlier release is refused and nothing is written.
    QString workspaceDir;
    exports::ReportOptions options;
};
struct ReportOutcome {
    QString htmlPath;
    QString csvPath;
    qint64 records = 0;
    qint64 openFailures = 0;
    qsizetype characteristics = 0;
    QStringList warnings;
    QString registerPath; // the release register the report was recorded in
    bool cancelled = false; // nothing was written
};
Result<ReportOutcome> runReport(const ReportRequest &request, const OperationControl &control);

// The login name recorded in the audit log.
QString currentUserName();

} // namespace chorus::cli
