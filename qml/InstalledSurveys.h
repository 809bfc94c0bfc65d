// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "survey/SurveyPackage.h"

#include <QAbstractListModel>
#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace chorus::store {
class DraftRepository;
class ResponseRepository;
class SurveyRepository;
}

namespace chorus::ui {

class RespondentSession;

// The surveys on this device for the home screen, each with its responses counted by state.
// A stored package is offered only if it verifies against the signing key the device was
// enrolled with — checked again on every refresh, so a package changed in the database after
// it was fetched is shown as refused, with the reason, and can never be started.
class InstalledSurveys : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ size NOTIFY changed)
    Q_PROPERTY(int usableCount READ usableCount NOTIFY changed)
    Q_PROPERTY(QString loadError READ loadError NOTIFY changed)
    Q_PROPERTY(QString chosen READ chosen NOTIFY chosenChanged)

public:
    enum Role {
        SurveyIdRole = Qt::UserRole + 1,
        TitleRole,
        VersionRole,
        UsableRole,
        ProblemRole,
        DraftsRole,
        QueuedRole,
        SentRole,
        FailedRole,
    };

    InstalledSurveys(store::SurveyRepository *surveys, store::ResponseRepository *responses,
                     store::DraftRepository *drafts, RespondentSession *session, QObject *parent = nullptr);

    // The enrolled council signing key; empty: nothing is usable.
    void setSigningKey(const QByteArray &publicKey);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int size() const { return static_cast<int>(m_rows.size()); }
    int usableCount() const;
    QString loadError() const { return m_loadError; }
    QString chosen() const { return m_chosen; }
    // The package handed to the session last (for its kiosk timeouts).
    std::optional<survey::SurveyPackage> chosenPackage() const;

    // The survey's title for the draft list; empty when it is not on this device.
    QString titleOf(const QString &surveyId) const;

    Q_INVOKABLE void refresh();
    // Hands the survey to the respondent session; false when it is not (or no longer) usable.
    Q_INVOKABLE bool choose(const QString &surveyId);

Q_SIGNALS:
    void changed();
    void chosenChanged();

private:
    struct Row {
        QString surveyId;
        QString title;
        QString version;
        QString problem; // empty when usable
        std::optional<survey::SurveyPackage> package;
        int drafts = 0, queued = 0, sent = 0, failed = 0;
    };

    store::SurveyRepository *m_surveys;
    store::ResponseRepository *m_responses;
    store::DraftRepository *m_drafts;
    RespondentSession *m_session;
    QByteArray m_signingKey;
    QList<Row> m_rows;
    QString m_loadError;
    QString m_chosen;
};

} // namespace chorus::ui
