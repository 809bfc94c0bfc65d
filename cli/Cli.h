// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace chorus::cli {

// Where a command writes. Tests pass string-backed streams; main() passes stdout/stderr.
struct Io {
    QTextStream &out;
    QTextStream &err;
};

// Exit codes shared by every command.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1, // the command ran and failed (bad file, network, wrong passphrase...)
    ExitUsage = 2,   // the command line itself is wrong
};

// A command receives its own arguments with the command words first, e.g.
// {"chorusctl keys init", "--dir", "K"} for `chorusctl keys init --dir K`.
using CommandFn = int (*)(const QStringList &args, Io &io);

struct Command {
    const char *name;
    const char *summary;
    CommandFn run;
};

// Runs chorusctl with the full argument list (argv[0] first).
int run(const QStringList &arguments);
int run(const QStringList &arguments, Io &io);

} // namespace chorus::cli
