// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the benchmarks that run the shipped programs: options, and a program run as a
// child process with its own wall time and peak RSS.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <vector>

extern char **environ;

namespace chorus::bench {

// The value after `name` in `args`, or `fallback`.
inline QString option(const QStringList &args, const char *name, const QString &fallback)
{
    const qsizetype i = args.indexOf(QLatin1String(name));
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}

struct ChildRun {
    double seconds = 0;
    double peakRssMb = 0; // the child's own (wait4), not this process's
};

// Runs `program args` with stdout to /dev/null; a failure ends the benchmark.
inline ChildRun runChild(const QString &program, const QStringList &args)
{
    std::vector<QByteArray> storage { program.toLocal8Bit() };
    for (const QString &a : args)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0)
        qFatal("cannot start %s", qPrintable(program));
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    rusage usage {};
    if (wait4(pid, &status, 0, &usage) != pid)
        qFatal("wait4 failed");
    ChildRun run;
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.peakRssMb = double(usage.ru_maxrss) / 1024.0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        qFatal("%s %s failed (status %d)", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))), status);
    return run;
}

} // namespace chorus::bench
