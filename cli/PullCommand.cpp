// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl pull: downloads the encrypted envelopes from a receiver's admin API.
#include "AdminOperations.h"
#include "CliSupport.h"
#include "ProgressBar.h"

#include <QCommandLineParser>

namespace chorus::cli {

int pullCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Download new submissions (still encrypted) from a Chorus receiver into OUT/submissions/<id>/. "
        "Incremental and safe to re-run: the position is kept in OUT/pull-state.json."));
    const QCommandLineOption endpoint(QStringLiteral("endpoint"), QStringLiteral("Receiver base URL."),
                                      QStringLiteral("URL"));
    const QCommandLineOption token = refusedInlineSecret(QStringLiteral("admin-token"));
    const QCommandLineOption tokenFile(QStringLiteral("admin-token-file"),
                                       QStringLiteral("File whose first line is the admin token."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Admin directory."), QStringLiteral("ADMIN_DIR"));
    const QCommandLineOption allowHttp(QStringLiteral("allow-http-loopback"),
                                       QStringLiteral("Allow plain http to 127.0.0.1 (testing only)."));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), QStringLiteral("Extra CA certificates (PEM)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("No progress on stderr."));
    parser.addOptions({endpoint, token, tokenFile, out, allowHttp, caFile, quiet});
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("endpoint"), QStringLiteral("out")}); code >= 0) {
        return code;
    }
    if (parser.isSet(token)) {
        return usage(io, inlineSecretRefusal(QStringLiteral("admin-token")));
    }
    if (Status files = checkOptionFiles(parser, {QStringLiteral("admin-token-file"), QStringLiteral("ca-file")});
        !files) {
        return fail(io, files.error());
    }
    if (!parser.isSet(tokenFile)) {
        return usage(io, QStringLiteral("missing --admin-token-file (see --help)"));
    }
    Result<QByteArray> adminToken = readPassphraseFile(parser.value(tokenFile));
    if (!adminToken) {
        return fail(io, adminToken.error());
    }
    PullRequest request;
    request.endpoint = parser.value(endpoint);
    request.adminToken = *adminToken;
    request.outDir = parser.value(out);
    request.allowHttpLoopback = allowPlainHttpToLoopback(parser.isSet(allowHttp), parser.value(endpoint), io);
    request.caFile = parser.value(caFile);
    ProgressBar bar(io, !parser.isSet(quiet));
    OperationControl control;
    control.progress = [&](OperationStage stage, qint64 done, qint64 total) { bar.update(stage, done, total); };
    Result<PullOutcome> outcome = runPull(request, control);
    bar.clear();
    if (!outcome) {
        return fail(io, outcome.error());
    }
    const sync::PullSummary *summary = &outcome->summary;
    io.out << summary->written << " submissions written, " << summary->incomplete << " incomplete (waiting for files), "
           << summary->deleted << " erased on the receiver, " << summary->withdrawals << " withdrawal requests"
           << Qt::endl;
    return ExitOk;
}

} // namespace chorus::cli
