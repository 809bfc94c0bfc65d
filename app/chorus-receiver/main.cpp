// SPDX-License-Identifier: GPL-3.0-or-later
// chorus-receiver: the embedded default central endpoint. Everything lives in libchorus_server.
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return 0;
}
