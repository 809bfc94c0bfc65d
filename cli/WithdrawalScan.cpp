// SPDX-License-Identifier: GPL-3.0-or-later
#include "WithdrawalScan.h"

#include "CliSupport.h"
#include "crypto/KeyDirectory.h"
#include "crypto/KeyRing.h"
#include "export/DecryptPipeline.h"
#include "export/PulledEnvelopes.h"

#include <QDir>
#include <QThread>

using namespace Qt::StringLiterals;

namespace chorus::cli {

namespace {
constexpr qint64 kMaxRequestBytes = 64 * 1024;
} // namespace

Status loadRecordedWithdrawals(const QString &adminDir, consent::WithdrawalMatcher &matcher)
{
    const QDir dir(QDir(adminDir).filePath(kWithdrawalRequestsDir));
    for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        auto bytes = readFileCapped(dir.filePath(name), kMaxRequestBytes);
        if (!bytes)
            return bytes.error();
        auto request = consent::WithdrawalRequest::fromJson(*bytes);
        if (!request)
            return makeError(ErrorKind::InvalidInput, u"%1: %2"_s.arg(dir.filePath(name), request.error().message));
        matcher.add(*request);
    }
    return {};
}

Result<PulledScan> scanPulledSubmissions(const QString &adminDir, const QString &keysDir,
                                         const QString &passphraseFile, Io &io)
{
    const QDir submissions(QDir(adminDir).filePath(u"submissions"_s));
    if (!submissions.exists())
        return makeError(ErrorKind::NotFound, u"%1: no submissions directory; run `chorusctl pull --out %2` first"_s
                                                  .arg(submissions.path(), adminDir));
    auto passphrase = readPassphraseFile(passphraseFile);
    if (!passphrase)
        return passphrase.error();
    auto ring = crypto::KeyRing::load(crypto::KeyDirectory(keysDir), *passphrase);
    passphrase->fill('\0');
    if (!ring)
        return ring.error();

    PulledScan scan;
    if (Status recorded = loadRecordedWithdrawals(adminDir, scan.withdrawals); !recorded)
        return recorded.error();
    // The same reader and decrypting workers as export: each envelope is read once at its size
    // and decrypted once, its signature checked.
    exports::PulledEnvelopes envelopes(adminDir);
    if (Status s = envelopes.open(); !s)
        return s.error();
    exports::DecryptPipeline::Options options;
    options.workers = std::max(1, QThread::idealThreadCount());
    auto counts = exports::DecryptPipeline::run(
        *ring, [&] { return envelopes.next(); },
        [&](const response::Response &response) {
            scan.responses.append(ScannedResponse { response.instanceId, response.consent });
            return Status {};
        },
        [&](const QString &id, const QString &why) {
            io.err << "chorusctl: skipped " << (id.isEmpty() ? u"a submission"_s : id) << ": " << why << Qt::endl;
        },
        options, {}, {}, [&](const consent::WithdrawalRequest &request) { scan.withdrawals.add(request); });
    if (!counts)
        return counts.error();
    scan.failed = int(counts->failed);
    return scan;
}

} // namespace chorus::cli
