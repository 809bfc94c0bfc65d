// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// chorusctl run in-process with string-backed streams, for every suite that tests a command
// (tests/support is on every test's include path).

#include "Cli.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>

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

// Writes a token (device or admin) to a file in `dir` for --token-file / --admin-token-file:
// chorusctl takes tokens only from files, never inline where the process list shows them.
inline QString writeTokenFile(const QTemporaryDir &dir, const QString &name, const QByteArray &token)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(token + '\n') != token.size() + 1 || !file.flush()) {
        qFatal("cannot write the token file %s", qPrintable(path));
    }
    return path;
}

// Writes an input file for a command (answers, answer lines) under a new name in `dir`:
// `stem` + a UUID + `suffix`, so one suite can make as many as it needs.
inline QString writeInputFile(const QTemporaryDir &dir, const QString &stem, const QString &suffix,
                              const QByteArray &bytes)
{
    const QString path = dir.filePath(stem + QUuid::createUuid().toString(QUuid::Id128) + suffix);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush()) {
        qFatal("cannot write %s", qPrintable(path));
    }
    return path;
}

} // namespace chorus::testing

namespace chorus::store::testing {
using chorus::testing::CliResult;
using chorus::testing::runCli;
} // namespace chorus::store::testing
