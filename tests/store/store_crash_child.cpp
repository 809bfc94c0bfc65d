// SPDX-License-Identifier: GPL-3.0-or-later
// The child of the crash harness (tst_crashsafety): saves a draft and finalizes responses in
// a loop until it is killed. After each commit returns it reports on stdout, unbuffered:
//   F <id>   finalized (draft deleted, consent recorded)
//   A <id>   accepted (an earlier response marked sending, then accepted)
// Usage: store_crash_child DB RUN
#include "CrashPayload.h"
#include "store/SqliteStore.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

using namespace chorus::store;
using namespace chorus::store::testing;

namespace {
void report(char kind, const QString &id)
{
    const QByteArray line = QByteArray(1, kind) + ' ' + id.toUtf8() + '\n';
    // One write(2) per line: nothing sits in a stdio buffer when the kill comes.
    if (::write(STDOUT_FILENO, line.constData(), size_t(line.size())) != line.size()) {
        std::_Exit(3);
    }
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: store_crash_child DB RUN\n");
        return 2;
    }
    auto store = SqliteStore::open(QString::fromLocal8Bit(argv[1]));
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    const QString run = QString::fromLocal8Bit(argv[2]);
    std::mt19937 gen(unsigned(run.toUInt() * 7919u + 1u));
    QStringList finalized;
    for (int n = 0;; ++n) {
        const QString id = QStringLiteral("uuid:run%1-%2").arg(run).arg(n);
        if (auto saved = (*store)->drafts().save(crashDraft(id)); !saved) {
            std::fprintf(stderr, "draft: %s\n", qPrintable(saved.error().message));
            return 1;
        }
        if (auto done = (*store)->responses().finalize(crashResponse(id)); !done) {
            std::fprintf(stderr, "finalize: %s\n", qPrintable(done.error().message));
            return 1;
        }
        report('F', id);
        finalized.append(id);
        if (std::uniform_int_distribution<int>(0, 2)(gen) == 0 && finalized.size() > 1) {
            const QString earlier = finalized.takeFirst();
            if (!(*store)->responses().markSending(earlier) || !(*store)->responses().markAccepted(earlier)) {
                std::fprintf(stderr, "mark failed\n");
                return 1;
            }
            report('A', earlier);
        }
    }
}
