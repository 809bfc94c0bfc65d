// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace chorus::cli {

namespace {

// Qt's help starts "Usage: <argv[0]> [options]", the binary's full path; a command's usage line
// names what the user types, e.g. "chorusctl keys init".
QString helpTextFor(const QCommandLineParser &parser, const QString &commandWords)
{
    const QString text = parser.helpText();
    const QString qtUsage = QStringLiteral("Usage: ")
        + (QCoreApplication::instance() ? QCoreApplication::arguments().value(0) : QStringLiteral("<executable_name>"));
    if (commandWords.isEmpty() || !text.startsWith(qtUsage)) {
        return text;
    }
    return QStringLiteral("Usage: ") + commandWords + text.mid(qtUsage.size());
}

} // namespace

int parseOrExit(QCommandLineParser &parser, const QStringList &args, Io &io,
                const QStringList &requiredOptions)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        return usage(io, parser.errorText());
    }
    if (parser.isSet(help)) {
        io.out << helpTextFor(parser, args.value(0));
        io.out.flush();
        return ExitOk;
    }
    // `--out ""` (an unset shell variable) must not reach a command as "the current folder" or
    // an empty file name: say which option is empty, whatever the option.
    for (const QString &name : parser.optionNames()) {
        if (parser.values(name).contains(QString())) {
            return usage(io, QStringLiteral("--%1 is empty; give it a value (see --help)").arg(name));
        }
    }
    for (const QString &name : requiredOptions) {
        if (!parser.isSet(name) || parser.value(name).isEmpty()) {
            return usage(io, QStringLiteral("missing --%1 (see --help)").arg(name));
        }
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usage(io, QStringLiteral("unexpected argument '%1' (see --help)")
                             .arg(parser.positionalArguments().constFirst()));
    }
    return -1;
}

int fail(Io &io, const QString &message)
{
    io.err << "chorusctl: " << message << Qt::endl;
    return ExitFailure;
}

int fail(Io &io, const Error &error)
{
    return fail(io, error.message);
}

int usage(Io &io, const QString &message)
{
    io.err << "chorusctl: " << message << Qt::endl;
    return ExitUsage;
}

QCommandLineOption refusedInlineSecret(const QString &name)
{
    QCommandLineOption option(name, QStringLiteral("Refused: use --%1-file.").arg(name), QStringLiteral("T"));
    option.setFlags(QCommandLineOption::HiddenFromHelp);
    return option;
}

QString inlineSecretRefusal(const QString &name)
{
    return QStringLiteral("--%1 would show the token to every user in the process list; put it on the first "
                          "line of a file readable only by you and use --%1-file")
        .arg(name);
}

Status checkOptionFiles(const QCommandLineParser &parser, const QStringList &fileOptions)
{
    for (const QString &name : fileOptions) {
        for (const QString &path : parser.values(name)) {
            const QFileInfo info(path);
            if (!info.exists()) {
                return makeError(ErrorKind::NotFound, QStringLiteral("--%1 %2: no such file").arg(name, path));
            }
            if (!info.isFile() || !info.isReadable()) {
                return makeError(ErrorKind::Io, QStringLiteral("--%1 %2: not a readable file").arg(name, path));
            }
        }
    }
    return {};
}

Result<QByteArray> readFileCapped(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.exists()) {
        return makeError(ErrorKind::NotFound, QStringLiteral("%1: no such file").arg(path));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorKind::Io, QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString()));
    }
    if (file.size() > maxBytes) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("%1: file is too large (%2 bytes; the limit is %3)")
                             .arg(path).arg(file.size()).arg(maxBytes));
    }
    // Read in chunks rather than read(maxBytes + 1): that reserves the whole cap up front and
    // the result keeps it, so every small file cost a 64 MiB-plus allocation (issue 14, 24).
    // The size check above cannot be trusted alone (a growing file, a pipe, /proc).
    QByteArray bytes;
    bytes.reserve(qMin(file.size(), maxBytes) + 1);
    char chunk[64 * 1024];
    for (;;) {
        const qint64 n = file.read(chunk, sizeof chunk);
        if (n < 0) {
            return makeError(ErrorKind::Io, QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString()));
        }
        if (n == 0) {
            break;
        }
        if (bytes.size() + n > maxBytes) {
            return makeError(ErrorKind::InvalidInput, QStringLiteral("%1: file is too large").arg(path));
        }
        bytes.append(chunk, n);
    }
    return bytes;
}

Result<QByteArray> readPassphraseFile(const QString &path)
{
    auto bytes = readFileCapped(path, 4096);
    if (!bytes) {
        return bytes.error();
    }
    // Take the first line into a buffer of its own, then wipe the whole file's bytes.
    QByteArray &file = *bytes;
    const qsizetype newline = file.indexOf('\n');
    QByteArray passphrase(file.constData(), newline >= 0 ? newline : file.size());
    file.detach();
    file.fill('\0');
    if (passphrase.endsWith('\r')) {
        passphrase.chop(1);
    }
    if (passphrase.isEmpty()) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("%1: the passphrase file is empty; put the passphrase on its first line").arg(path));
    }
    return passphrase;
}

} // namespace chorus::cli

namespace chorus::cli {

int dispatchSubcommand(const QStringList &args, Io &io, std::span<const Command> table)
{
    auto listSubcommands = [&](QTextStream &stream) {
        stream << "Usage: " << args.value(0) << " <sub-command> [options]\n\nSub-commands:\n";
        for (const Command &command : table) {
            stream << "  " << QString::fromLatin1(command.name).leftJustified(12) << command.summary << '\n';
        }
        stream.flush();
    };
    if (args.size() < 2) {
        listSubcommands(io.err);
        return ExitUsage;
    }
    const QString &name = args.at(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
        listSubcommands(io.out);
        return ExitOk;
    }
    for (const Command &command : table) {
        if (name == QLatin1String(command.name)) {
            QStringList rest = args.mid(1);
            rest[0] = args.at(0) + QLatin1Char(' ') + name;
            return command.run(rest, io);
        }
    }
    return usage(io, QStringLiteral("unknown sub-command '%1' for '%2' (see --help)").arg(name, args.at(0)));
}

} // namespace chorus::cli

#include <QHostAddress>
#include <QUrl>

namespace chorus::cli {

bool allowPlainHttpToLoopback(bool flagGiven, const QString &endpoint, Io &io)
{
    if (flagGiven) {
        return true;
    }
    const QUrl url(endpoint.trimmed(), QUrl::StrictMode);
    if (url.scheme() != QLatin1String("http")) {
        return false;
    }
    const QString host = url.host();
    const bool loopback = host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
    if (loopback) {
        io.err << "chorusctl: note: plain http to a receiver on this machine (" << host
               << "); anything else needs https" << Qt::endl;
    }
    return loopback;
}

} // namespace chorus::cli
