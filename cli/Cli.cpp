// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"
#include "CliSupport.h"

#include "Commands.h"
#include "common/Version.h"

#include <cstdio>

namespace chorus::cli {

namespace {
void printUsage(QTextStream &stream)
{
    stream << "Usage: chorusctl <command> [options]\n\n"
              "Admin and automation commands for Chorus. Run `chorusctl <command> --help` for details.\n\n"
              "Commands:\n";
    for (const Command &command : commands()) {
        stream << "  " << QString::fromLatin1(command.name).leftJustified(14) << command.summary << '\n';
    }
    stream.flush();
}
} // namespace

int versionCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the Chorus version."));
    if (const int code = parseOrExit(parser, args, io); code >= 0) {
        return code;
    }
    io.out << "chorusctl " << appVersion() << Qt::endl;
    return ExitOk;
}

int run(const QStringList &arguments, Io &io)
{
    if (arguments.size() < 2) {
        printUsage(io.err);
        return ExitUsage;
    }
    const QString &name = arguments.at(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printUsage(io.out);
        return ExitOk;
    }
    for (const Command &command : commands()) {
        if (name == QLatin1String(command.name)) {
            QStringList args = arguments.mid(1);
            args[0] = QStringLiteral("chorusctl ") + name;
            return command.run(args, io);
        }
    }
    io.err << "chorusctl: unknown command '" << name << "' (run `chorusctl --help` for the list)" << Qt::endl;
    return ExitUsage;
}

int run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Io io{out, err};
    const int code = run(arguments, io);
    out.flush();
    err.flush();
    return code;
}

} // namespace chorus::cli
