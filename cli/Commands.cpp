// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

namespace chorus::cli {

int versionCommand(const QStringList &args, Io &io);
int keysCommand(const QStringList &args, Io &io);
int outboxCommand(const QStringList &args, Io &io);
int deviceCommand(const QStringList &args, Io &io);

namespace {
const Command kCommands[] = {
    {"version", "Print the Chorus version.", versionCommand},
    {"keys", "Create, show and rotate the council and signing keys.", keysCommand},
    {"outbox", "List or export (for USB) the responses a device has to send.", outboxCommand},
    {"device", "Back up or check a device database.", deviceCommand},
};
}

std::span<const Command> commands()
{
    return kCommands;
}

} // namespace chorus::cli
