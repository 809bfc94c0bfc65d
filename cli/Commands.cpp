// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

namespace chorus::cli {

int versionCommand(const QStringList &args, Io &io);
int surveyCommand(const QStringList &args, Io &io);

namespace {
const Command kCommands[] = {
    {"version", "Print the Chorus version.", versionCommand},
    {"survey", "Check, inspect, create, sign and verify survey packages.", surveyCommand},
};
}

std::span<const Command> commands()
{
    return kCommands;
}

} // namespace chorus::cli
