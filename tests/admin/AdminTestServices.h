// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// tst_adminpages' handle on its data, registered declaratively in the module Chorus.AdminTest:
// `import Chorus.AdminTest` gives the singleton TestData (the workspace folder, the passphrase,
// and sealResponses, which seals generated responses to whatever keys the pages created).
// tst_adminpages.cpp injects the instance.

#include "AdminFixture.h"
#include "QmlServices.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class TestData : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString workspace READ workspace CONSTANT)
    Q_PROPERTY(QString passphrase READ passphrase CONSTANT)

public:
    explicit TestData(QString workspace) : m_workspace(std::move(workspace)) {}
    QString workspace() const { return m_workspace; }
    QString passphrase() const { return QString::fromUtf8(chorus::admin::fixture::kPassphrase); }
    Q_INVOKABLE void sealResponses(int count, int damagedIndex)
    {
        chorus::admin::fixture::Options options;
        options.records = count;
        options.damagedIndex = damagedIndex;
        options.createKeys = false;
        chorus::admin::fixture::makeWorkspace(m_workspace, options);
    }

private:
    QString m_workspace;
};

struct TestDataSingleton : chorus::ui::InjectedSingleton<TestData> {
    Q_GADGET
    QML_FOREIGN(TestData)
    QML_NAMED_ELEMENT(TestData)
    QML_SINGLETON
};
