// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <functional>

namespace chorus::store {
class ResponseRepository;
struct ResponseSummary;
}

namespace chorus::ui {

// Every response on this device and where it is (the sync screen), plus counts by state (the
// home screen). Status is never silent: a record that went wrong carries the reason and what
// to do. Reads the store; syncing itself is someone else's job: "Sync now" emits
// syncRequested(), and whoever runs the sync calls refresh() and setSyncResult() afterwards.
// The counts come from one query; rows are read a page at a time as the list scrolls
// (canFetchMore/fetchMore), so a device holding 100k records starts as fast as an empty one.
class RecordsModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QVariantMap counts READ counts NOTIFY countsChanged)
    Q_PROPERTY(int count READ size NOTIFY countsChanged)
    Q_PROPERTY(int waiting READ waiting NOTIFY countsChanged)
    Q_PROPERTY(bool syncing READ isSyncing NOTIFY syncingChanged)
    Q_PROPERTY(QString lastSyncResult READ lastSyncResult NOTIFY syncingChanged)
    Q_PROPERTY(QString loadError READ loadError NOTIFY countsChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY loadedChanged)

public:
    enum Role { InstanceRole = Qt::UserRole + 1, SurveyRole, StateRole, StateTextRole, ReasonRole, AdviceRole, WhenRole };

    explicit RecordsModel(store::ResponseRepository *responses, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QVariantMap counts() const { return m_counts; }
    // Every record on the device, whether its row has been read yet or not.
    int size() const { return m_total; }
    static constexpr int kPageSize = 100;
    int waiting() const;
    bool isSyncing() const { return m_syncing; }
    QString lastSyncResult() const { return m_lastSyncResult; }
    QString loadError() const { return m_loadError; }

    Q_INVOKABLE void refresh();
    // For a view that does not fetch by itself (a Repeater in a scrolling page): the next page.
    bool hasMore() const { return canFetchMore({}); }
    Q_INVOKABLE void loadMore() { fetchMore({}); }
    Q_INVOKABLE void requestSync();
    // Called by the sync runner when a run ends: `summary` in words ("12 sent, 1 failed").
    Q_INVOKABLE void setSyncResult(const QString &summary);

    // People's words for a state and for what to do about it.
    static QString stateText(const QString &state);
    static QString advice(const QString &state, bool retryable);

Q_SIGNALS:
    void countsChanged();
    void loadedChanged();
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

    // Reads the next page into m_rows, between begin(first, last) and end() when given.
    void appendPage(const std::function<void(int, int)> &begin = {}, const std::function<void()> &end = {});

    store::ResponseRepository *m_responses;
    QList<Row> m_rows; // the first pages, in store order
    int m_total = 0;
    bool m_fetching = false;
    QVariantMap m_counts;
    bool m_syncing = false;
    QString m_lastSyncResult;
    QString m_loadError;
};

} // namespace chorus::ui
