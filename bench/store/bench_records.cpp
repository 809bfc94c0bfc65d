// SPDX-License-Identifier: GPL-3.0-or-later
// What the app's start costs with a full outbox: the records model's refresh() (counts by one
// query, the first page of rows) against reading every row as the model used to (list()),
// at 1k, 10k and 100k finalized records, each in a fresh child process so its time and peak
// RSS are its own. The floor is the same child opening the database and doing nothing else.
//
//   bench_records [--counts 1000,10000,100000] [--dir DIR]
#include "../BenchSupport.h"
#include "RecordsModel.h"
#include "store/SqliteStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

using namespace chorus;
using Clock = std::chrono::steady_clock;

namespace
{

enum class Work { OpenOnly, Refresh, ListAll };

// Fills `path` with `count` finalized responses of ~3 KB (synchronous=OFF while filling: the
// fill is not what is measured).
void fill(const QString &path, int count)
{
    auto store = store::SqliteStore::open(path);
    if (!store || !(*store)->database().exec("PRAGMA synchronous=OFF"))
        qFatal("cannot open %s", qPrintable(path));
    for (int i = 0; i < count; ++i) {
        store::FinalizedResponse r;
        r.instanceId = QStringLiteral("uuid:00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        r.surveyId = QStringLiteral("library");
        r.surveyVersion = QStringLiteral("1");
        r.manifest = QByteArray(600, 'm');
        r.encryptedFiles = { FilePart { QStringLiteral("submission.xml.enc"), QByteArray(2500, char(i)) } };
        r.finalizedAt = QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC).addSecs(i);
        if (!(*store)->responses().finalize(r))
            qFatal("finalize failed");
    }
}

// In a child: open, do `work`, report the time since the fork (µs) and peak RSS (KB) through a pipe.
std::pair<double, double> measure(const QString &path, Work work)
{
    int fds[2];
    if (pipe(fds) != 0)
        qFatal("pipe failed");
    const auto start = Clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        ::close(fds[0]);
        auto store = store::SqliteStore::open(path);
        if (!store)
            _exit(1);
        int rows = 0;
        if (work == Work::Refresh) {
            ui::RecordsModel model(&(*store)->responses());
            model.refresh();
            rows = model.rowCount();
        } else if (work == Work::ListAll) {
            auto all = (*store)->responses().list();
            rows = all ? int(all->size()) : -1;
        }
        rusage usage {};
        getrusage(RUSAGE_SELF, &usage);
        const double result[2] = { std::chrono::duration<double, std::micro>(Clock::now() - start).count(),
            double(usage.ru_maxrss) };
        if (write(fds[1], result, sizeof result) != sizeof result || rows < 0)
            _exit(1);
        _exit(0);
    }
    ::close(fds[1]);
    double result[2] = { 0, 0 };
    const bool read = ::read(fds[0], result, sizeof result) == sizeof result;
    ::close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!read || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        qFatal("the measuring child failed");
    return { result[0] / 1000.0, result[1] / 1024.0 };
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("chorus.*=false")); // a line per finalize otherwise
    const QStringList args = app.arguments();
    const QStringList counts = bench::option(args, "--counts", QStringLiteral("1000,10000,100000")).split(u',');
    QTemporaryDir dir(bench::option(args, "--dir", QDir::tempPath()) + QStringLiteral("/bench_records-XXXXXX"));
    if (!dir.isValid())
        qFatal("cannot make a temporary directory");
    std::printf("records model at start: refresh() against reading every row, each in a fresh process\n");
    std::printf("%10s  %22s  %22s  %22s\n", "records", "open only (floor)", "refresh() (shipped)", "list() (before)");
    for (const QString &c : counts) {
        const int count = c.toInt();
        const QString path = dir.filePath(QStringLiteral("records-%1.db").arg(count));
        fill(path, count);
        const auto floor = measure(path, Work::OpenOnly);
        const auto refresh = measure(path, Work::Refresh);
        const auto list = measure(path, Work::ListAll);
        std::printf("%10d  %9.1f ms %7.1f MB  %9.1f ms %7.1f MB  %9.1f ms %7.1f MB\n", count, floor.first,
            floor.second, refresh.first, refresh.second, list.first, list.second);
    }
    return 0;
}
