// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl submissions: what a receiver holds (ids and state, never content), and the admin
// delete, which leaves a tombstone so a device that sends the record again is told it was deleted.
#include "AdminClient.h"
#include "CliSupport.h"
#include "CurlTransport.h"
#include "Endpoint.h"

#include <QCommandLineParser>

#include <variant>

using namespace Qt::StringLiterals;

namespace chorus::cli {

namespace {

struct AdminConnection {
    QUrl base;
    QByteArray token;
    sync::CurlOptions curl;
};

void addConnectionOptions(QCommandLineParser &parser)
{
    parser.addOption({u"endpoint"_s, u"Receiver base URL."_s, u"URL"_s});
    parser.addOption({u"admin-token-file"_s, u"File holding the receiver's admin token."_s, u"FILE"_s});
    parser.addOption({u"allow-http-loopback"_s, u"Allow plain http to 127.0.0.1 (testing only)."_s});
    parser.addOption({u"ca-file"_s, u"Extra CA certificates (PEM)."_s, u"FILE"_s});
    parser.addOption({u"proxy"_s, u"HTTP proxy (http://host:port). Default: https_proxy / no_proxy."_s, u"URL"_s});
}

// The endpoint and token from the parsed options, or an exit code (after printing why).
std::variant<AdminConnection, int> connection(const QCommandLineParser &parser, Io &io)
{
    Result<QByteArray> token = readPassphraseFile(parser.value(u"admin-token-file"_s));
    if (!token) {
        return fail(io, token.error());
    }
    AdminConnection c{QUrl(parser.value(u"endpoint"_s).trimmed(), QUrl::StrictMode), *token, {}};
    c.curl.allowHttpLoopback =
        allowPlainHttpToLoopback(parser.isSet(u"allow-http-loopback"_s), parser.value(u"endpoint"_s), io);
    c.curl.caFile = parser.value(u"ca-file"_s);
    c.curl.proxy = parser.value(u"proxy"_s);
    if (Status allowed = sync::checkUrlAllowed(c.base, c.curl.allowHttpLoopback); !allowed) {
        return fail(io, allowed.error());
    }
    return c;
}

int submissionsList(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"List the submissions a receiver holds, one per line: instanceID, state (complete, incomplete or "
        "deleted), received at, files, bytes. Content is never shown: the receiver cannot read it."_s);
    addConnectionOptions(parser);
    if (const int code = parseOrExit(parser, args, io, {u"endpoint"_s, u"admin-token-file"_s}); code >= 0) {
        return code;
    }
    auto c = connection(parser, io);
    if (const int *code = std::get_if<int>(&c)) {
        return *code;
    }
    AdminConnection &admin = std::get<AdminConnection>(c);
    sync::CurlTransport transport(admin.curl);
    Result<QList<sync::ReceivedSubmission>> all = sync::AdminClient(transport, admin.base, admin.token).list();
    admin.token.fill('\0');
    if (!all) {
        return fail(io, all.error());
    }
    int deleted = 0;
    for (const sync::ReceivedSubmission &s : std::as_const(*all)) {
        const QString state = s.deleted ? u"deleted"_s : s.complete ? u"complete"_s : u"incomplete"_s;
        deleted += s.deleted ? 1 : 0;
        io.out << s.instanceId << '\t' << state << '\t' << s.receivedAt << '\t' << s.files << '\t' << s.bytes << '\n';
    }
    io.out << all->size() << " submissions, " << deleted << " deleted" << Qt::endl;
    return ExitOk;
}

int submissionsDelete(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Delete submissions on the receiver. Their bytes are erased and a tombstone is kept: a device that "
        "sends one again gets 409 \"deleted\" and shows the record as deleted on the server. The next "
        "`chorusctl pull` removes the pulled copy."_s);
    addConnectionOptions(parser);
    parser.addOption({u"instance"_s, u"The submission's instanceID (uuid:...); repeat for several."_s, u"ID"_s});
    if (const int code = parseOrExit(parser, args, io, {u"endpoint"_s, u"admin-token-file"_s, u"instance"_s});
        code >= 0) {
        return code;
    }
    for (const QString &id : parser.values(u"instance"_s)) {
        if (!id.startsWith(u"uuid:"_s) || id.size() < 10) {
            return usage(io, u"--instance must be an instanceID like uuid:…, not %1"_s.arg(id.left(60)));
        }
    }
    auto c = connection(parser, io);
    if (const int *code = std::get_if<int>(&c)) {
        return *code;
    }
    AdminConnection &admin = std::get<AdminConnection>(c);
    sync::CurlTransport transport(admin.curl);
    sync::AdminClient client(transport, admin.base, admin.token);
    int failed = 0;
    for (const QString &id : parser.values(u"instance"_s)) {
        Result<sync::ReceivedSubmission> removed = client.remove(id);
        if (!removed) {
            io.err << "chorusctl: " << removed.error().message << Qt::endl;
            ++failed;
            continue;
        }
        io.out << id << '\t' << (removed->deleted ? "already deleted" : "deleted") << Qt::endl;
    }
    admin.token.fill('\0');
    return failed > 0 ? ExitFailure : ExitOk;
}

const Command kSubcommands[] = {
    {"list", "List the submissions a receiver holds (ids and state).", submissionsList},
    {"delete", "Delete submissions on a receiver, keeping a tombstone.", submissionsDelete},
};

} // namespace

int submissionsCommand(const QStringList &args, Io &io)
{
    return dispatchSubcommand(args, io, kSubcommands);
}

} // namespace chorus::cli
