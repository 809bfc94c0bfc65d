// SPDX-License-Identifier: GPL-3.0-or-later
// chorus-receiver: the embedded default central endpoint. Everything lives in libchorus_server.
#include "ReceiverMain.h"
#include "common/ProcessHardening.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Before anything holds a secret: no core dumps, no ptrace by other processes.
    if (const chorus::Status hardened = chorus::hardenProcess(); !hardened) {
        std::fprintf(stderr, "%s: warning: %s\n", "chorus-receiver", qPrintable(hardened.error().message));
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chorus-receiver"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return chorus::server::receiverMain(QCoreApplication::arguments(), out, err);
}
