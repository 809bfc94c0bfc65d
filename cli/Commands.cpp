// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

namespace chorus::cli {

int versionCommand(const QStringList &args, Io &io);
int keysCommand(const QStringList &args, Io &io);
int outboxCommand(const QStringList &args, Io &io);
int deviceCommand(const QStringList &args, Io &io);
int surveyCommand(const QStringList &args, Io &io);
int collectCommand(const QStringList &args, Io &io);
int exportCommand(const QStringList &args, Io &io);
int syncCommand(const QStringList &args, Io &io);
int pullCommand(const QStringList &args, Io &io);
int submissionsCommand(const QStringList &args, Io &io);
int withdrawCommand(const QStringList &args, Io &io);
int withdrawalsCommand(const QStringList &args, Io &io);
int reportCommand(const QStringList &args, Io &io);
int enrollCommand(const QStringList &args, Io &io);

namespace {
const Command kCommands[] = {
    {"version", "Print the Chorus version.", versionCommand},
    {"keys", "Create, show and rotate the council and signing keys.", keysCommand},
    {"outbox", "List or export (for USB) the responses a device has to send.", outboxCommand},
    {"device", "Back up, check or enrol a device database, or change its passphrase.", deviceCommand},
    {"survey", "Check, inspect, create, sign and verify survey packages.", surveyCommand},
    {"collect", "Fill and finalize a response from an answers file (automation, paper forms).", collectCommand},
    {"export", "Decrypt pulled responses with the council key and export them.", exportCommand},
    {"sync", "Send a device's finalized records to a receiver.", syncCommand},
    {"pull", "Download new encrypted submissions from a receiver.", pullCommand},
    {"submissions", "List or delete (tombstone) the submissions on a receiver.", submissionsCommand},
    {"withdraw", "Withdraw a response by its receipt code on the device that holds it.", withdrawCommand},
    {"withdrawals", "Record withdrawals received by the council and list withdrawn responses.", withdrawalsCommand},
    {"report", "Build the equality report (HTML + CSV) with disclosure control.", reportCommand},
    {"enroll", "Enroll a device (signed bundle file + QR), list or revoke devices.", enrollCommand},
};
}

std::span<const Command> commands()
{
    return kCommands;
}

} // namespace chorus::cli
