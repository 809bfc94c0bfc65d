// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

namespace chorus::cli {

int versionCommand(const QStringList &args, Io &io);
int reportCommand(const QStringList &args, Io &io);

namespace {
const Command kCommands[] = {
    {"version", "Print the Chorus version.", versionCommand},
    {"report", "Build the equality report (HTML + CSV) with disclosure control.", reportCommand},
};
}

std::span<const Command> commands()
{
    return kCommands;
}

} // namespace chorus::cli
