// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariantMap>

namespace chorus::store {
class ResponseRepository;
struct ResponseSummary;
}

namespace chorus::ui {

// Every response on this device and where it is (the sync screen), plus counts by state (the
// home screen). Status is never silent: a record that went wrong carries the reason and what
// to do. Reads the store; syncing itself is someone else's job: "Sync now" emits
// syncRequested(), and whoever runs the sync calls refresh() and setSyncResult() afterwards.
class RecordsModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QVariantMap counts READ counts NOTIFY countsChanged)
    Q_PROPERTY(int count READ size NOTIFY countsChanged)
    Q_PROPERTY(int waiting READ waiting NOTIFY countsChanged)
    Q_PROPERTY(bool syncing READ isSyncing NOTIFY syncingChanged)
    Q_PROPERTY(QString lastSyncResult READ lastSyncResult NOTIFY syncingChanged)
    Q_PROPERTY(QString loadError READ loadError NOTIFY countsChanged)

public:
    enum Role { InstanceRole = Qt::UserRole + 1, SurveyRole, StateRole, StateTextRole, ReasonRole, AdviceRole, WhenRole };

    explicit RecordsModel(store::ResponseRepository *responses, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QVariantMap counts() const { return m_counts; }
    int size() const { return static_cast<int>(m_rows.size()); }
    int waiting() const;
    bool isSyncing() const { return m_syncing; }
    QString lastSyncResult() const { return m_lastSyncResult; }
    QString loadError() const { return m_loadError; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void requestSync();
    // Called by the sync runner when a run ends: `summary` in words ("12 sent, 1 failed").
    Q_INVOKABLE void setSyncResult(const QString &summary);

    // People's words for a state and for what to do about it.
    static QString stateText(const QString &state);
    static QString advice(const QString &state, bool retryable);

Q_SIGNALS:
    void countsChanged();
    void syncingChanged();
    void syncRequested();

private:
    struct Row {
        QString instanceId;
        QString surveyId;
        QString state;
        QString reason;
        bool retryable = false;
        QDateTime when;
    };

    store::ResponseRepository *m_responses;
    QList<Row> m_rows;
    QVariantMap m_counts;
    bool m_syncing = false;
    QString m_lastSyncResult;
    QString m_loadError;
};

} // namespace chorus::ui
