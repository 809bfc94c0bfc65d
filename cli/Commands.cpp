// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

namespace chorus::cli {

int versionCommand(const QStringList &args, Io &io);
int syncCommand(const QStringList &args, Io &io);
int pullCommand(const QStringList &args, Io &io);

namespace {
const Command kCommands[] = {
    {"version", "Print the Chorus version.", versionCommand},
    {"sync", "Send a device's finalized records to a receiver.", syncCommand},
    {"pull", "Download new encrypted submissions from a receiver.", pullCommand},
};
}

std::span<const Command> commands()
{
    return kCommands;
}

} // namespace chorus::cli
