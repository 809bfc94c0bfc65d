// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Cli.h"

#include <QTextStream>

namespace chorus::store::testing {

struct CliResult {
    int code = -1;
    QString out;
    QString err;
};

// Runs chorusctl in-process with string-backed streams.
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

} // namespace chorus::store::testing
