// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl: admin and automation commands. Everything lives in libchorus_cli.
#include "Cli.h"
#include "common/ProcessHardening.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <cstdio>

int main(int argc, char *argv[])
{
    // Before anything holds a secret: no core dumps, no ptrace by other processes.
    if (const chorus::Status hardened = chorus::hardenProcess(); !hardened) {
        std::fprintf(stderr, "%s: warning: %s\n", "chorusctl", qPrintable(hardened.error().message));
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chorusctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Chorus"));
    // Commands report what matters on their own; library chatter is for CHORUS_VERBOSE=1.
    if (qEnvironmentVariableIsEmpty("CHORUS_VERBOSE")) {
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\nchorus.*.info=false"));
    }
    return chorus::cli::run(QCoreApplication::arguments());
}
