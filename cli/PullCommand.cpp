// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl pull: downloads the encrypted envelopes from a receiver's admin API.
#include "AdminOperations.h"
#include "CliSupport.h"
#include "ProgressBar.h"

#include <QCommandLineParser>

namespace chorus::cli {

namespace {
// The submissions a pull skipped because the receiver's stored copy is damaged, one a line.
void printDamaged(QTextStream &to, const QList<sync::DamagedSubmission> &damaged)
{
    for (const sync::DamagedSubmission &d : damaged) {
        to << "damaged " << d.instanceId << " (since " << d.detectedAt << "): " << d.reason << '\n';
    }
    to.flush();
}

// --status: what the admin folder holds, without asking the receiver.
int pullStatus(const QString &outDir, Io &io)
{
    Result<sync::PullState> state = sync::readPullState(sync::pullStatePath(outDir));
    if (!state) {
        return fail(io, state.error());
    }
    io.out << "endpoint " << (state->endpoint.isEmpty() ? QStringLiteral("(never pulled)") : state->endpoint) << '\n'
           << "cursor " << state->submissions << ", withdrawal cursor " << state->withdrawals << '\n'
           << state->damaged.size() << " damaged submission(s) skipped" << '\n';
    printDamaged(io.out, state->damaged);
    return ExitOk;
}
} // namespace

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
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("Show where the pull reached and the damaged submissions it skipped; "
                                                   "no network."));
    const QCommandLineOption retryDamaged(QStringLiteral("retry-damaged"),
                                          QStringLiteral("Fetch the submissions skipped as damaged again (after the "
                                                         "receiver's copy was restored), then pull as usual."));
    const QCommandLineOption forgetDamaged(QStringLiteral("forget-damaged"),
                                           QStringLiteral("Give up on a damaged submission: drop it from the list; "
                                                          "no network."),
                                           QStringLiteral("INSTANCE_ID"));
    parser.addOptions({endpoint, token, tokenFile, out, allowHttp, caFile, quiet, status, retryDamaged, forgetDamaged});
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("out")}); code >= 0) {
        return code;
    }
    if (parser.isSet(token)) {
        return usage(io, inlineSecretRefusal(QStringLiteral("admin-token")));
    }
    if (parser.isSet(status) && parser.isSet(forgetDamaged)) {
        return usage(io, QStringLiteral("--status and --forget-damaged are separate runs; give one"));
    }
    if (parser.isSet(status)) {
        return pullStatus(parser.value(out), io);
    }
    if (parser.isSet(forgetDamaged)) {
        if (Status s = sync::forgetDamagedSubmission(parser.value(out), parser.value(forgetDamaged)); !s) {
            return fail(io, s.error().message + QStringLiteral(" (chorusctl pull --status lists them)"));
        }
        io.out << "forgot damaged submission " << parser.value(forgetDamaged)
               << ": it will not be pulled unless the receiver lists it again" << Qt::endl;
        return ExitOk;
    }
    if (!parser.isSet(endpoint)) {
        return usage(io, QStringLiteral("missing --endpoint (see --help)"));
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
    request.retryDamaged = parser.isSet(retryDamaged);
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
    if (summary->repaired > 0) {
        io.out << summary->repaired << " submission(s) that were damaged before were written" << Qt::endl;
    }
    if (!summary->damaged.isEmpty()) {
        // Everything else was pulled; these need the receiver's admin.
        io.err << "chorusctl: warning: " << summary->damaged.size()
               << " submission(s) skipped because the receiver's stored copy is damaged; restore them on the receiver "
                  "and run chorusctl pull --retry-damaged, or give up on one with --forget-damaged INSTANCE_ID"
               << Qt::endl;
        printDamaged(io.err, summary->damaged);
    }
    return ExitOk;
}

} // namespace chorus::cli
