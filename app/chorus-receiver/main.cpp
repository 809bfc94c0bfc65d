// SPDX-License-Identifier: GPL-3.0-or-later
// chorus-receiver: the embedded default central endpoint. Everything lives in libchorus_server.
#include "ReceiverMain.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chorus-receiver"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return chorus::server::receiverMain(QCoreApplication::arguments(), out, err);
}
