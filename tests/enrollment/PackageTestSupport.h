// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The demo survey package at a chosen version, signed by a test key.

#include "crypto/Signing.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace chorus::testing {

inline const QString kDemoSurvey = QStringLiteral("libraries_consultation_2026");

inline QByteArray demoPackage(int version, const QString &title = {})
{
    QFile file(QStringLiteral(CHORUS_SOURCE_DIR "/examples/demo.chorus.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    root.insert(QStringLiteral("version"), QString::number(version));
    if (!title.isEmpty()) {
        root.insert(QStringLiteral("title"), title); // same version, other content
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace chorus::testing
