// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportSupport.h"

#include "CliSupport.h"
#include "WithdrawalScan.h"
#include "consent/WithdrawalMatcher.h"
#include "export/DecryptOnce.h"
#include "export/PulledEnvelopes.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace chorus::cli
{

Result<exports::DecryptPipeline::Counts> decryptPulled(const crypto::KeyRing &ring, const QString &adminDir,
    const exports::DecryptPipeline::Options &options, const QSet<QString> &withdrawnIds,
    const OperationControl &control, const exports::DecryptPipeline::Sink &sink)
{
    exports::PulledEnvelopes envelopes(adminDir);
    if (Status s = envelopes.open(); !s)
        return s.error();
    consent::WithdrawalMatcher withdrawals;
    if (Status s = loadRecordedWithdrawals(adminDir, withdrawals); !s)
        return s.error();
    const qint64 total = envelopes.count();
    exports::DecryptOnce once;
    once.options = options;
    once.options.cancel = control.cancel;
    once.spoolDirectory = adminDir;
    once.failed = control.failed;
    once.onRequest = [&](const consent::WithdrawalRequest &request) { withdrawals.add(request); };
    once.withdrawn = [&](const response::Response &r) {
        return withdrawnIds.contains(r.instanceId) || (r.consent && withdrawals.isWithdrawn(*r.consent));
    };
    if (control.progress) {
        once.decrypting = [&](qint64 done) { control.progress(OperationStage::CheckingWithdrawals, done, total); };
        once.writing = [&](qint64 done) { control.progress(OperationStage::Decrypting, done, total); };
    }
    return once.run(ring, [&] { return envelopes.next(); }, sink);
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
