// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl withdrawals: the council's side of withdrawal. `add` records a request received by
// letter, phone, email or web (the person gives the receipt code, never their name); `list`
// decrypts what `chorusctl pull` fetched and names the responses that are withdrawn, which
// export leaves out and which are to be deleted on the receiver.
#include "AdminClient.h"
#include "CliSupport.h"
#include "WithdrawalScan.h"

#include "CurlTransport.h"
#include "Endpoint.h"
#include "consent/SurveyConsent.h"
#include "export/PulledEnvelopes.h"
#include "survey/SurveyLoader.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace chorus::cli {

namespace {

int withdrawalsAdd(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Record a withdrawal the council received outside the app. The request is written to "
        "ADMIN_DIR/withdrawal-requests/ and applies to every export from that directory. Only the code's keyed "
        "hash is kept."_s);
    parser.addOption({u"in"_s, u"The admin directory (as for chorusctl pull and export)."_s, u"ADMIN_DIR"_s});
    parser.addOption({u"survey"_s, u"The survey package the response was collected with."_s, u"FILE"_s});
    parser.addOption({u"code"_s, u"The receipt code the person gave."_s, u"CODE"_s});
    parser.addOption({u"channel"_s, u"How it arrived: written, email, phone or web."_s, u"CHANNEL"_s});
    if (const int code = parseOrExit(parser, args, io, {u"in"_s, u"survey"_s, u"code"_s, u"channel"_s}); code >= 0)
        return code;
    // Refused before anything is written: a mistyped folder must not quietly become a new one.
    if (Status admin = exports::PulledEnvelopes::checkAdminFolder(parser.value(u"in"_s)); !admin)
        return fail(io, admin.error());
    const auto channel = consent::withdrawalChannelFromString(parser.value(u"channel"_s));
    if (!channel || *channel == consent::WithdrawalChannel::OnDeviceOperator
        || *channel == consent::WithdrawalChannel::OnDeviceRespondent)
        return usage(io, u"--channel must be written, email, phone or web, not '%1'"_s.arg(parser.value(u"channel"_s)));
    auto code = consent::ReceiptCode::parse(parser.value(u"code"_s));
    if (!code)
        return fail(io, code.error());
    survey::ValidationReport report;
    auto package = survey::SurveyLoader::loadFile(parser.value(u"survey"_s), &report);
    if (!package)
        return fail(io, package.error());

    const auto request = consent::WithdrawalRequest::create(
        package->id, consent::receiptCodeHash(*code, consent::receiptHashKeyFor(*package)), *channel,
        QDateTime::currentDateTimeUtc());
    const QString file = QDir(parser.value(u"in"_s))
                             .filePath(kWithdrawalRequestsDir + u'/' + request.requestId.toString(QUuid::WithoutBraces)
                                       + u".json"_s);
    if (Status written = writeFileAtomically(file, request.toJson()); !written)
        return fail(io, written.error());
    io.out << "recorded withdrawal request " << request.requestId.toString(QUuid::WithoutBraces) << Qt::endl;
    return ExitOk;
}

int withdrawalsList(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Decrypt the pulled submissions and list the responses that are withdrawn (by a request from a device or "
        "recorded with `withdrawals add`), one instanceID per line, then a count. Never prints answers."_s);
    parser.addOption({u"in"_s, u"Directory written by chorusctl pull."_s, u"ADMIN_DIR"_s});
    parser.addOption({u"keys"_s, u"Council key directory."_s, u"KEYS"_s});
    parser.addOption({u"passphrase-file"_s, u"File holding the key passphrase."_s, u"P"_s});
    if (const int code = parseOrExit(parser, args, io, {u"in"_s, u"keys"_s, u"passphrase-file"_s}); code >= 0)
        return code;
    auto scan = scanPulledSubmissions(parser.value(u"in"_s), parser.value(u"keys"_s),
                                      parser.value(u"passphrase-file"_s), io);
    if (!scan)
        return fail(io, scan.error());
    int withdrawn = 0;
    for (const ScannedResponse &response : std::as_const(scan->responses)) {
        if (response.consent && scan->withdrawals.isWithdrawn(*response.consent)) {
            io.out << "withdrawn " << response.instanceId << Qt::endl;
            ++withdrawn;
        }
    }
    io.out << withdrawn << " of " << scan->responses.size() << " response(s) withdrawn; "
           << scan->withdrawals.requestCount() << " request(s)" << Qt::endl;
    return scan->failed > 0 ? ExitFailure : ExitOk;
}


int withdrawalsApply(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Delete the withdrawn responses (see `withdrawals list`) on the receiver through its admin API. The "
        "receiver keeps a tombstone, so a device cannot upload them again. Each outcome is appended to "
        "ADMIN_DIR/withdrawals-applied.jsonl. Never prints answers."_s);
    parser.addOption({u"in"_s, u"Directory written by chorusctl pull."_s, u"ADMIN_DIR"_s});
    parser.addOption({u"keys"_s, u"Council key directory."_s, u"KEYS"_s});
    parser.addOption({u"passphrase-file"_s, u"File holding the key passphrase."_s, u"P"_s});
    parser.addOption({u"endpoint"_s, u"Receiver base URL."_s, u"URL"_s});
    parser.addOption({u"admin-token-file"_s, u"File holding the receiver's admin token."_s, u"FILE"_s});
    parser.addOption({u"allow-http-loopback"_s, u"Allow plain http to 127.0.0.1 (testing only)."_s});
    parser.addOption({u"ca-file"_s, u"Extra CA certificates (PEM)."_s, u"FILE"_s});
    if (const int code = parseOrExit(parser, args, io,
                                     {u"in"_s, u"keys"_s, u"passphrase-file"_s, u"endpoint"_s, u"admin-token-file"_s});
        code >= 0)
        return code;
    auto adminToken = readPassphraseFile(parser.value(u"admin-token-file"_s));
    if (!adminToken)
        return fail(io, adminToken.error());
    const QUrl base(parser.value(u"endpoint"_s).trimmed(), QUrl::StrictMode);
    const bool http = allowPlainHttpToLoopback(parser.isSet(u"allow-http-loopback"_s), parser.value(u"endpoint"_s), io);
    if (Status allowed = sync::checkUrlAllowed(base, http); !allowed)
        return fail(io, allowed.error());

    auto scan = scanPulledSubmissions(parser.value(u"in"_s), parser.value(u"keys"_s),
                                      parser.value(u"passphrase-file"_s), io);
    if (!scan)
        return fail(io, scan.error());

    sync::CurlOptions options;
    options.allowHttpLoopback = http;
    options.caFile = parser.value(u"ca-file"_s);
    sync::CurlTransport transport(options);
    sync::AdminClient client(transport, base, std::move(*adminToken)); // which wipes it
    auto listed = client.list();
    if (!listed)
        return fail(io, listed.error());
    QHash<QString, sync::ReceivedSubmission> copies; // by instanceID
    for (const sync::ReceivedSubmission &submission : std::as_const(*listed))
        copies.insert(submission.instanceId, submission);

    const QString log = QDir(parser.value(u"in"_s)).filePath(u"withdrawals-applied.jsonl"_s);
    int deleted = 0, already = 0, absent = 0, failed = 0;
    for (const ScannedResponse &response : std::as_const(scan->responses)) {
        if (!response.consent || !scan->withdrawals.isWithdrawn(*response.consent))
            continue;
        QString outcome;
        const auto copy = copies.constFind(response.instanceId);
        if (copy == copies.cend()) {
            outcome = u"not_on_receiver"_s;
            ++absent;
        } else if (copy->deleted) {
            outcome = u"already_deleted"_s;
            ++already;
        } else {
            const Status removed = client.remove(*copy);
            outcome = removed ? u"deleted"_s : u"failed: %1"_s.arg(removed.error().message);
            (removed ? deleted : failed) += 1;
        }
        io.out << response.instanceId << ' ' << outcome << Qt::endl;
        const QJsonObject line{{u"instanceId"_s, response.instanceId},
                               {u"outcome"_s, outcome},
                               {u"at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
        // Each outcome is on the disk before the next deletion, so the log never misses one.
        if (Status s = appendToFile(log, QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n'); !s)
            return fail(io, s.error().message + u" (stopped; run it again when the log can be written)"_s);
    }
    io.out << deleted << " deleted on the receiver, " << already << " already deleted, " << absent
           << " not on the receiver, " << failed << " failed" << Qt::endl;
    return failed > 0 || scan->failed > 0 ? ExitFailure : ExitOk;
}

const Command kSubcommands[] = {
    {"add", "Record a withdrawal received by letter, phone, email or web.", withdrawalsAdd},
    {"list", "List the pulled responses that are withdrawn.", withdrawalsList},
    {"apply", "Delete the withdrawn responses on the receiver.", withdrawalsApply},
};

} // namespace

int withdrawalsCommand(const QStringList &args, Io &io)
{
    return dispatchSubcommand(args, io, kSubcommands);
}

} // namespace chorus::cli
