// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QQmlEngine;

namespace chorus::ui {

// Compiles every QML file under a module's resource folder (e.g. ":/qt/qml/Chorus/Ui"), so a broken
// page fails an app's --self-test even when the first screen does not use it. Prints each failure
// as "<program>: self-test: <file>: <error>" and returns the number of files that failed.
int compileEveryQmlFile(QQmlEngine &engine, const QString &resourceFolder, const char *program);

} // namespace chorus::ui
