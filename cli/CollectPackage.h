// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Which survey package `chorusctl collect` may seal a response with. A package carries the
// council key every answer is sealed to, so a changed byte (a label, or a different but valid
// RSA key) must stop collection before anything is finalized, exactly as the app and
// `device update` stop it: the package is checked against the signing key the device was
// enrolled with. A database that was never enrolled has no such key, so the operator says
// explicitly which key to trust (--signing-key) or that this is a test (--unsigned-test-package);
// the choice is recorded in the audit log with every collect.
#include "Cli.h"
#include "survey/SurveyPackage.h"

#include <QCommandLineParser>

namespace chorus::store {
class SqliteStore;
}

namespace chorus::cli {

struct PackageToCollect {
    survey::SurveyPackage package;
    QString trust; // how the package was checked, for the audit log ("collect.package")
};

// --signature, --signing-key, --unsigned-test-package.
void addPackageTrustOptions(QCommandLineParser &parser);

// Loads `packagePath` into `out` and checks it as above. `existing` is the device database when
// it already exists (nullptr: a new database, never enrolled). Like parseOrExit(): returns -1 to
// carry on, or the exit code after reporting (2 for a usage mistake, 1 for a refused package).
int loadPackageToCollect(const QCommandLineParser &parser, const QString &packagePath, store::SqliteStore *existing,
                         Io &io, PackageToCollect &out);

} // namespace chorus::cli
