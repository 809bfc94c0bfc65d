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

#include <algorithm>

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
    // Checked line by line: a wrong file (a CSV, a key, a binary) would otherwise withdraw nothing,
    // silently, and the export would hold responses that should have been left out.
    QSet<QString> ids;
    const QList<QByteArray> lines = bytes->split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const bool printable = std::all_of(line.cbegin(), line.cend(), [](char c) { return c > 0x20 && c < 0x7f; });
        if (!line.startsWith("uuid:") || line.size() < 6 || line.size() > 200 || !printable)
            return makeError(ErrorKind::InvalidInput,
                u"%1, line %2: not an instanceID; the file must hold one instanceID (uuid:...) a line"_s.arg(path)
                    .arg(i + 1));
        ids.insert(QString::fromLatin1(line));
    }
    return ids;
}

Status appendAudit(const QString &adminDir, const QJsonObject &event)
{
    return appendToFile(QDir(adminDir).filePath(u"audit.jsonl"_s),
                        QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n');
}

} // namespace chorus::cli
