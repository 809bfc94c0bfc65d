// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportSupport.h"

#include "CliSupport.h"
#include "WithdrawalScan.h"
#include "export/DecryptPipeline.h"
#include "export/PulledEnvelopes.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace chorus::cli
{

Status collectPulledWithdrawals(const crypto::KeyRing &ring, const QString &adminDir, int workers,
    consent::WithdrawalMatcher &matcher, const OperationControl &control, bool *cancelled)
{
    if (cancelled)
        *cancelled = false;
    exports::PulledEnvelopes envelopes(adminDir);
    if (Status s = envelopes.open(); !s)
        return s;
    const qint64 total = envelopes.count();
    exports::DecryptPipeline::Options options;
    options.workers = workers;
    options.verifySignature = false; // the second pass checks every record it writes
    options.cancel = control.cancel;
    exports::DecryptPipeline::Progress progress;
    if (control.progress)
        progress = [&](qint64 done) { control.progress(OperationStage::CheckingWithdrawals, done, total); };
    auto counts = exports::DecryptPipeline::run(
        ring, [&] { return envelopes.next(); }, [](const response::Response &) { return Status {}; }, {}, options,
        {}, progress, [&](const consent::WithdrawalRequest &request) { matcher.add(request); });
    if (!counts)
        return counts.error();
    if (counts->cancelled) {
        if (cancelled)
            *cancelled = true;
        return {};
    }
    return loadRecordedWithdrawals(adminDir, matcher);
}

Result<QSet<QString>> readWithdrawnIds(const QString &path)
{
    auto bytes = readFileCapped(path, 256 * 1024 * 1024);
    if (!bytes)
        return bytes.error();
    QSet<QString> ids;
    for (const QByteArray &line : bytes->split('\n')) {
        if (!line.trimmed().isEmpty())
            ids.insert(QString::fromUtf8(line.trimmed()));
    }
    return ids;
}

Status appendAudit(const QString &adminDir, const QJsonObject &event)
{
    QFile log(QDir(adminDir).filePath(u"audit.jsonl"_s));
    if (!log.open(QIODevice::WriteOnly | QIODevice::Append))
        return makeError(
            ErrorKind::Io, u"%1: cannot append to the audit log (%2)"_s.arg(log.fileName(), log.errorString()));
    log.write(QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n');
    if (!log.flush())
        return makeError(ErrorKind::Io, u"%1: cannot write the audit log"_s.arg(log.fileName()));
    return {};
}

} // namespace chorus::cli
