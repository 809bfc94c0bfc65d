// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordsModel.h"

#include "response/ResponseStatus.h"
#include "store/ResponseRepository.h"

#include <QCoreApplication>

namespace chorus::ui {

RecordsModel::RecordsModel(store::ResponseRepository *responses, QObject *parent)
    : QAbstractListModel(parent), m_responses(responses)
{
}

int RecordsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant RecordsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case InstanceRole: return row.instanceId;
    case SurveyRole: return row.surveyId;
    case StateRole: return row.state;
    case StateTextRole: return stateText(row.state);
    case ReasonRole: return row.reason;
    case AdviceRole: return advice(row.state, row.retryable);
    case WhenRole: return row.when.toLocalTime().toString(QStringLiteral("d MMM yyyy, HH:mm"));
    default: return {};
    }
}

QHash<int, QByteArray> RecordsModel::roleNames() const
{
    return {{InstanceRole, "instanceId"}, {SurveyRole, "surveyId"}, {StateRole, "recordState"},
            {StateTextRole, "stateText"}, {ReasonRole, "reason"}, {AdviceRole, "advice"}, {WhenRole, "when"}};
}

int RecordsModel::waiting() const
{
    return m_counts.value(QStringLiteral("finalized")).toInt() + m_counts.value(QStringLiteral("sending")).toInt()
         + m_counts.value(QStringLiteral("failed")).toInt();
}

void RecordsModel::refresh()
{
    if (!m_responses) {
        return;
    }
    auto counted = m_responses->countsByState();
    beginResetModel();
    m_rows.clear();
    m_counts.clear();
    m_total = 0;
    if (counted) {
        m_loadError.clear();
        for (auto it = counted->cbegin(); it != counted->cend(); ++it) {
            m_counts.insert(response::stateName(it.key()), it.value());
            m_total += it.value();
        }
        // The first page inside the reset: a short list is complete without a fetch.
        appendPage();
    } else {
        m_loadError = counted.error().message;
    }
    endResetModel();
    Q_EMIT countsChanged();
    Q_EMIT loadedChanged();
}

bool RecordsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_responses && !m_fetching && m_rows.size() < m_total;
}

void RecordsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    m_fetching = true; // views may ask again from inside the insertion signals
    appendPage([this](int first, int last) { beginInsertRows({}, first, last); }, [this] { endInsertRows(); });
    m_fetching = false;
    Q_EMIT loadedChanged();
}

void RecordsModel::appendPage(const std::function<void(int, int)> &begin, const std::function<void()> &end)
{
    auto page = m_responses->listPage(m_rows.size(), kPageSize);
    if (!page || page->isEmpty()) {
        // Stop asking: the store failed (the reason is shown) or records went away since the count.
        if (!page) {
            m_loadError = page.error().message;
        }
        m_total = static_cast<int>(m_rows.size());
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    if (begin) {
        begin(first, first + static_cast<int>(page->size()) - 1);
    }
    for (const store::ResponseSummary &s : std::as_const(*page)) {
        m_rows.append(Row{s.instanceId, s.surveyId, response::stateName(s.state), s.failureReason, s.retryable,
                          s.stateChangedAt.isValid() ? s.stateChangedAt : s.finalizedAt});
    }
    if (end) {
        end();
    }
}

void RecordsModel::requestSync()
{
    if (m_syncing) {
        return;
    }
    m_syncing = true;
    Q_EMIT syncingChanged();
    Q_EMIT syncRequested();
}

void RecordsModel::setSyncResult(const QString &summary)
{
    m_syncing = false;
    m_lastSyncResult = summary;
    refresh();
    Q_EMIT syncingChanged();
}

QString RecordsModel::stateText(const QString &state)
{
    using response::ResponseState;
    const auto s = response::stateFromName(state);
    if (!s) {
        return state;
    }
    switch (*s) {
    case ResponseState::Draft: return QCoreApplication::translate("RecordsModel", "Not finished");
    case ResponseState::Finalized: return QCoreApplication::translate("RecordsModel", "Waiting to send");
    case ResponseState::Sending: return QCoreApplication::translate("RecordsModel", "Sending");
    case ResponseState::Accepted: return QCoreApplication::translate("RecordsModel", "Sent");
    case ResponseState::Conflict: return QCoreApplication::translate("RecordsModel", "Not sent: the server has a different copy");
    case ResponseState::DeletedOnServer: return QCoreApplication::translate("RecordsModel", "Not sent: deleted on the server");
    case ResponseState::Failed: return QCoreApplication::translate("RecordsModel", "Not sent yet");
    case ResponseState::Withdrawn: return QCoreApplication::translate("RecordsModel", "Withdrawn");
    }
    return state;
}

QString RecordsModel::advice(const QString &state, bool retryable)
{
    if (state == u"failed") {
        return retryable ? QCoreApplication::translate("RecordsModel",
                                                       "It will be sent again at the next sync. Nothing is lost.")
                         : QCoreApplication::translate("RecordsModel",
                                                       "The server refused it. Tell your administrator; the "
                                                       "response is kept safely on this device.");
    }
    if (state == u"conflict" || state == u"deleted_on_server") {
        return QCoreApplication::translate("RecordsModel", "Tell your administrator. The response is kept on this device.");
    }
    if (state == u"finalized" || state == u"sending") {
        return QCoreApplication::translate("RecordsModel", "Press Sync now when the device is online.");
    }
    return {};
}

} // namespace chorus::ui
