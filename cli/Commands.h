// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Cli.h"

#include <span>

namespace chorus::cli {

// The table of top-level commands, in the order `chorusctl --help` lists them.
std::span<const Command> commands();

} // namespace chorus::cli
