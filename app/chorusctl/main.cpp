// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl: admin and automation commands. Everything lives in libchorus_cli.
#include "Cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chorusctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Chorus"));
    return chorus::cli::run(QCoreApplication::arguments());
}
