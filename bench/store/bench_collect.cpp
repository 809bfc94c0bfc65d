// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped `chorusctl collect`, one response per process against `--answers-jsonl` (one
// process for N responses), on the same disk, beside the floor of a durable commit measured in
// the same run: a 4 KiB append + fdatasync (a finalize is one SQLite transaction, one WAL sync).
//
//   bench_collect [--records N] [--singles K] [--dir DIR]     (default 1000 lines, 20 single runs)
#include "../BenchSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

using Clock = std::chrono::steady_clock;

namespace
{

const QString kSurvey = QStringLiteral(CHORUS_SOURCE_DIR "/tests/consent/data/consent-survey.chorus.json");
const QByteArray kAnswers = R"({"satisfaction": "4", "improvements": "Open on Sundays", "sex": "female"})";

double seconds(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

void runProgram(const QStringList &args)
{
    chorus::bench::runChild(QStringLiteral(CHORUSCTL_PATH), args);
}

// Durable 4 KiB appends per second on `dir`'s disk.
double commitFloor(const QString &dir, int count)
{
    const QByteArray path = QDir(dir).filePath(QStringLiteral("floor")).toLocal8Bit();
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0)
        qFatal("cannot open the floor file");
    const QByteArray block(4096, 'x');
    const auto start = Clock::now();
    for (int i = 0; i < count; ++i) {
        if (::write(fd, block.constData(), size_t(block.size())) != block.size() || ::fdatasync(fd) != 0)
            qFatal("floor write failed");
    }
    const double rate = count / seconds(start);
    ::close(fd);
    return rate;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char *name, const QString &fallback) { return chorus::bench::option(args, name, fallback); };
    const int records = option("--records", QStringLiteral("1000")).toInt();
    const int singles = option("--singles", QStringLiteral("20")).toInt();
    QTemporaryDir temp(option("--dir", QDir::tempPath()) + QStringLiteral("/bench_collect-XXXXXX"));
    if (!temp.isValid())
        qFatal("cannot make a temporary directory");
    const QString answers = temp.filePath(QStringLiteral("one.json"));
    const QString lines = temp.filePath(QStringLiteral("many.jsonl"));
    QFile one(answers), many(lines);
    if (!one.open(QIODevice::WriteOnly) || !many.open(QIODevice::WriteOnly))
        qFatal("cannot write the answers");
    one.write(kAnswers);
    for (int i = 0; i < records; ++i)
        many.write(kAnswers + '\n');
    one.close();
    many.close();
    const QStringList common { QStringLiteral("collect"), QStringLiteral("--survey"), kSurvey, QStringLiteral("--unsigned-test-package"),
        QStringLiteral("--grant"), QStringLiteral("consultation"), QStringLiteral("--grant"),
        QStringLiteral("equality_monitoring"), QStringLiteral("--operator"), QStringLiteral("bench") };

    const double floorBefore = commitFloor(temp.path(), 200);
    auto start = Clock::now();
    for (int i = 0; i < singles; ++i)
        runProgram(common
            + QStringList { QStringLiteral("--db"), temp.filePath(QStringLiteral("single.db")),
                QStringLiteral("--answers"), answers });
    const double singleRate = singles / seconds(start);
    start = Clock::now();
    runProgram(common
        + QStringList { QStringLiteral("--db"), temp.filePath(QStringLiteral("batch.db")),
            QStringLiteral("--answers-jsonl"), lines });
    const double batchRate = records / seconds(start);
    const double floorAfter = commitFloor(temp.path(), 200);

    std::printf("chorusctl collect on %s\n", qPrintable(temp.path()));
    std::printf("  durable 4 KiB appends/s (floor)   %8.0f before, %.0f after\n", floorBefore, floorAfter);
    std::printf("  --answers, one process each        %8.1f responses/s (%d runs)\n", singleRate, singles);
    std::printf("  --answers-jsonl, one process       %8.1f responses/s (%d lines) = %.2fx the floor\n", batchRate,
        records, batchRate / floorBefore);
    return 0;
}
