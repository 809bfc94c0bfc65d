// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminJob.h"

#include <QStringList>
#include <QVariantList>

namespace chorus::admin
{

class AdminWorkspace;

// The Surveys page: survey packages in the workspace's surveys/ folder. Start one from a
// template (with the council's public key put in), check it (every problem with its JSON path),
// sign it with the council signing key, and publish it to the receiver for enrolled devices.
class SurveysModel : public chorus::admin::AdminJob
{
    Q_OBJECT
    Q_PROPERTY(QStringList files READ files NOTIFY filesChanged)
    Q_PROPERTY(QString selected READ selected WRITE setSelected NOTIFY selectedChanged)
    Q_PROPERTY(QVariantList problems READ problems NOTIFY selectedChanged) // [{path, message}]
    Q_PROPERTY(bool checked READ checked NOTIFY selectedChanged)
    Q_PROPERTY(QString description READ description NOTIFY selectedChanged)
    Q_PROPERTY(bool signedByCouncil READ signedByCouncil NOTIFY selectedChanged)
    Q_PROPERTY(QVariantList templates READ templates CONSTANT) // [{id, title}]

public:
    explicit SurveysModel(AdminWorkspace &workspace, QObject *parent = nullptr);

    QStringList files() const { return m_files; }
    QString selected() const { return m_selected; }
    void setSelected(const QString &file);
    QVariantList problems() const { return m_problems; }
    bool checked() const { return m_checked; }
    QString description() const { return m_description; }
    bool signedByCouncil() const { return m_signed; }
    QVariantList templates() const;

    Q_INVOKABLE void refresh();
    // Writes surveys/<fileName> from a template; selects and checks it.
    Q_INVOKABLE bool createFromTemplate(const QString &templateId, const QString &fileName, const QString &endpoint);
    // Checks the selected package and lists every problem.
    Q_INVOKABLE bool check();
    Q_INVOKABLE bool sign(const QString &passphrase);
    // Sends the selected package and its signature to the receiver.
    Q_INVOKABLE bool publish();

Q_SIGNALS:
    void filesChanged();
    void selectedChanged();

private:
    // Lints the selected file into the properties; false when it cannot be read.
    bool inspect();

    AdminWorkspace &m_workspace;
    QStringList m_files;
    QString m_selected;
    QVariantList m_problems;
    bool m_checked = false;
    QString m_description;
    bool m_signed = false;
};

} // namespace chorus::admin
