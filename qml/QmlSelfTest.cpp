// SPDX-License-Identifier: GPL-3.0-or-later
#include "QmlSelfTest.h"

#include <QDir>
#include <QDirIterator>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QUrl>

#include <cstdio>

namespace chorus::ui {

int compileEveryQmlFile(QQmlEngine &engine, const QString &resourceFolder, const char *program)
{
    int failures = 0;
    QDirIterator it(resourceFolder, {QStringLiteral("*.qml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc") + path));
        if (!component.isReady()) {
            std::fprintf(stderr, "%s: self-test: %s: %s\n", program, qPrintable(path),
                         qPrintable(component.errorString()));
            ++failures;
        }
    }
    return failures;
}

} // namespace chorus::ui
