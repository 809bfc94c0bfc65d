// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Cli.h"
#include "common/AtomicFile.h" // every command writes its files through it
#include "common/Result.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QString>

#include <span>

namespace chorus::cli {

// Parses `args` (command words first) with `parser`, handling --help. Returns -1 to carry on,
// or the exit code to return at once (help printed, or a usage error reported in one line).
int parseOrExit(QCommandLineParser &parser, const QStringList &args, Io &io,
                const QStringList &requiredOptions = {});

// Prints "chorusctl: <message>" on stderr and returns ExitFailure.
int fail(Io &io, const QString &message);
int fail(Io &io, const Error &error);
int usage(Io &io, const QString &message);

// A token given inline (--token T) is readable by every user in the process list. The old
// options stay, hidden, only to refuse them with a message that says what to use instead.
QCommandLineOption refusedInlineSecret(const QString &name);
QString inlineSecretRefusal(const QString &name);

// Every named option that is set must name a readable file, whether or not this run will use it:
// a mistyped path fails now, not on the day the option starts to matter. One line, naming the option.
Status checkOptionFiles(const QCommandLineParser &parser, const QStringList &fileOptions);

// Reads a passphrase from a file: the first line, without its line ending. Refuses an empty
// passphrase. The bytes are the caller's to wipe.
Result<QByteArray> readPassphraseFile(const QString &path);

// Reads a whole file with a size cap, with a clear error naming the file.
Result<QByteArray> readFileCapped(const QString &path, qint64 maxBytes);


} // namespace chorus::cli

namespace chorus::cli {

// For commands with sub-commands (`chorusctl keys init`): picks the sub-command named by
// args[1] from `table` and runs it with args[0] = "<command> <sub-command>".
int dispatchSubcommand(const QStringList &args, Io &io, std::span<const Command> table);

} // namespace chorus::cli

namespace chorus::cli {

// chorusctl is an admin and automation tool: an `http://` endpoint on this machine (loopback)
// counts as explicit permission for plain HTTP, with a notice on stderr, as if
// --allow-http-loopback had been given. The sync library still refuses http to any other host,
// and the app only allows loopback http when its enrollment says so.
bool allowPlainHttpToLoopback(bool flagGiven, const QString &endpoint, Io &io);

} // namespace chorus::cli
