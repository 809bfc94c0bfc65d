// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// chorusctl run in-process with string-backed streams, for every suite that tests a command
// (tests/support is on every test's include path).

#include "Cli.h"

#include <QTextStream>

namespace chorus::testing {

struct CliResult {
    int code = -1;
    QString out;
    QString err;
};

// `args` come after "chorusctl".
inline CliResult runCli(const QStringList &args)
{
    CliResult result;
    QTextStream out(&result.out);
    QTextStream err(&result.err);
    cli::Io io{out, err};
    result.code = cli::run(QStringList{QStringLiteral("chorusctl")} + args, io);
    out.flush();
    err.flush();
    return result;
}

// The same, returning the exit code and handing the streams back through optional pointers.
inline int runChorusctl(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
{
    CliResult result = runCli(args);
    if (out) {
        *out = std::move(result.out);
    }
    if (err) {
        *err = std::move(result.err);
    }
    return result.code;
}

} // namespace chorus::testing

namespace chorus::store::testing {
using chorus::testing::CliResult;
using chorus::testing::runCli;
} // namespace chorus::store::testing
