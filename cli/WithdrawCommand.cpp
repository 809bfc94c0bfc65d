// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl withdraw: withdraw a response on the device that holds it, by receipt code.
#include "CliSupport.h"

#include "consent/DeviceWithdrawal.h"
#include "consent/SurveyConsent.h"
#include "consent/WithdrawalSubmission.h"
#include "store/SqliteStore.h"
#include "survey/SurveyLoader.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace chorus::cli {

int withdrawCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Withdraw a response by its receipt code on the device that holds it. Not yet sent: the encrypted "
        "response is erased from the database (secure delete, WAL checkpoint) and the consent ledger keeps only "
        "the time of withdrawal. Already sent (or possibly sent): a withdrawal request is queued in the outbox "
        "and goes to the council with the next sync. Prints what happened; never prints answers."_s);
    parser.addOption({u"db"_s, u"Device database."_s, u"DEVICE.db"_s});
    parser.addOption({u"survey"_s, u"The survey package the response was collected with."_s, u"FILE"_s});
    parser.addOption({u"code"_s, u"The receipt code, e.g. 7K2M-QX9D-R4T1 (case, spaces and hyphens do not matter)."_s,
                      u"CODE"_s});
    parser.addOption({u"by"_s, u"Who typed the code: respondent (default) or operator."_s, u"WHO"_s, u"respondent"_s});
    if (const int code = parseOrExit(parser, args, io, {u"db"_s, u"survey"_s, u"code"_s}); code >= 0)
        return code;

    const QString by = parser.value(u"by"_s);
    if (by != u"respondent" && by != u"operator")
        return usage(io, u"--by must be respondent or operator, not '%1'"_s.arg(by));
    const auto channel = by == u"operator" ? consent::WithdrawalChannel::OnDeviceOperator
                                           : consent::WithdrawalChannel::OnDeviceRespondent;

    auto code = consent::ReceiptCode::parse(parser.value(u"code"_s));
    if (!code)
        return fail(io, code.error());
    survey::ValidationReport report;
    auto package = survey::SurveyLoader::loadFile(parser.value(u"survey"_s), &report);
    if (!package)
        return fail(io, package.error());
    if (!QFileInfo::exists(parser.value(u"db"_s)))
        return fail(io, u"%1: no such device database"_s.arg(parser.value(u"db"_s)));
    auto store = store::SqliteStore::open(parser.value(u"db"_s));
    if (!store)
        return fail(io, store.error());

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const consent::ReceiptHashKey hashKey = consent::receiptHashKeyFor(*package);
    auto withdrawn = consent::withdrawOnDevice(**store, *code, {{package->id, hashKey}}, channel, now);
    if (!withdrawn && withdrawn.error().kind == ErrorKind::NotFound) {
        // Collected on another device (or already erased there): the council can still find it
        // by the code's hash, so the request goes out with the next sync.
        consent::DeviceWithdrawal elsewhere;
        elsewhere.surveyId = package->id;
        elsewhere.surveyVersion = package->version;
        elsewhere.outcome = consent::DeviceWithdrawal::Outcome::RequestNeeded;
        elsewhere.request = consent::WithdrawalRequest::create(package->id, consent::receiptCodeHash(*code, hashKey),
                                                               channel, now);
        io.out << "not on this device: the council will be asked to withdraw it" << Qt::endl;
        withdrawn = QList<consent::DeviceWithdrawal>{elsewhere};
    }
    if (!withdrawn)
        return fail(io, withdrawn.error());

    for (const consent::DeviceWithdrawal &one : *withdrawn) {
        if (!one.responseId.isEmpty())
            io.out << "withdrawn " << one.responseId << ' ' << consent::outcomeName(one.outcome) << Qt::endl;
        if (!one.request)
            continue;
        auto sealed = consent::sealWithdrawalRequest(*one.request, one.surveyVersion, package->publicKey);
        if (!sealed)
            return fail(io, sealed.error());
        if (Status queued = (*store)->responses().finalize(*sealed); !queued)
            return fail(io, queued.error());
        io.out << "queued withdrawal request " << sealed->instanceId << Qt::endl;
        if (Status audited = (*store)->audit().append(u"consent.withdrawal_requested"_s, sealed->instanceId,
                                                      consent::toString(one.request->channel));
            !audited)
            return fail(io, audited.error());
    }
    // Erased pages may still sit in the write-ahead log until it is checkpointed and truncated.
    if (Status checkpointed = (*store)->database().checkpoint(); !checkpointed)
        return fail(io, checkpointed.error());
    return ExitOk;
}

} // namespace chorus::cli
