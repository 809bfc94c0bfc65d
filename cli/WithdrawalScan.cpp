// SPDX-License-Identifier: GPL-3.0-or-later
#include "WithdrawalScan.h"

#include "CliSupport.h"
#include "consent/WithdrawalSubmission.h"
#include "crypto/KeyDirectory.h"
#include "crypto/KeyRing.h"
#include "response/SubmissionXml.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace chorus::cli {

namespace {
constexpr qint64 kMaxPartBytes = 64 * 1024 * 1024;
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
    for (const QString &entry : submissions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir dir(submissions.filePath(entry));
        auto skip = [&](const QString &why) {
            io.err << "chorusctl: skipped " << entry << ": " << why << Qt::endl;
            ++scan.failed;
        };
        auto manifest = readFileCapped(dir.filePath(u"submission.xml"_s), kMaxPartBytes);
        if (!manifest) {
            skip(manifest.error().message);
            continue;
        }
        FileParts parts;
        bool readable = true;
        for (const QString &name : dir.entryList({u"*.enc"_s}, QDir::Files, QDir::Name)) {
            auto bytes = readFileCapped(dir.filePath(name), kMaxPartBytes);
            if (!bytes) {
                skip(bytes.error().message);
                readable = false;
                break;
            }
            parts.append(FilePart{name, *bytes});
        }
        if (!readable)
            continue;
        auto opened = ring->open(*manifest, parts);
        if (!opened) {
            skip(opened.error().message);
            continue;
        }
        if (!opened->signatureValid) {
            skip(u"its signature does not match its contents"_s);
            continue;
        }
        if (consent::isWithdrawalSubmission(opened->xml)) {
            auto request = consent::parseWithdrawalSubmission(opened->xml);
            if (request)
                scan.withdrawals.add(*request);
            else
                skip(request.error().message);
            continue;
        }
        auto response = response::SubmissionXml::parse(opened->xml);
        opened->xml.fill('\0');
        if (!response) {
            skip(response.error().message);
            continue;
        }
        scan.responses.append(std::move(*response));
    }
    return scan;
}

} // namespace chorus::cli
