// SPDX-License-Identifier: GPL-3.0-or-later
#include "InstalledSurveys.h"

#include "RespondentSession.h"
#include "store/DraftRepository.h"
#include "store/ResponseRepository.h"
#include "store/SurveyRepository.h"
#include "survey/PackageSignature.h"

namespace chorus::ui {

namespace {

// Signatures arrive raw (64 bytes) or as the one-line base64 of a .sig file.
QByteArray rawSignature(const QByteArray &stored)
{
    if (stored.size() == 64) {
        return stored;
    }
    auto decoded = survey::decodeBase64Key(stored.trimmed(), 64, QStringLiteral("signature"));
    return decoded ? *decoded : stored;
}

} // namespace

InstalledSurveys::InstalledSurveys(store::SurveyRepository *surveys, store::ResponseRepository *responses,
                                   store::DraftRepository *drafts, RespondentSession *session, QObject *parent)
    : QAbstractListModel(parent), m_surveys(surveys), m_responses(responses), m_drafts(drafts), m_session(session)
{
}

void InstalledSurveys::setSigningKey(const QByteArray &publicKey)
{
    m_signingKey = publicKey;
    refresh();
}

int InstalledSurveys::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : size();
}

int InstalledSurveys::usableCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.package.has_value(); }));
}

QVariant InstalledSurveys::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= size()) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case SurveyIdRole: return row.surveyId;
    case Qt::DisplayRole:
    case TitleRole: return row.title;
    case VersionRole: return row.version;
    case UsableRole: return row.package.has_value();
    case ProblemRole: return row.problem;
    case DraftsRole: return row.drafts;
    case QueuedRole: return row.queued;
    case SentRole: return row.sent;
    case FailedRole: return row.failed;
    default: return {};
    }
}

QHash<int, QByteArray> InstalledSurveys::roleNames() const
{
    return {{SurveyIdRole, "surveyId"}, {TitleRole, "title"}, {VersionRole, "version"}, {UsableRole, "usable"},
            {ProblemRole, "problem"}, {DraftsRole, "drafts"}, {QueuedRole, "queued"}, {SentRole, "sent"},
            {FailedRole, "failed"}};
}

void InstalledSurveys::refresh()
{
    beginResetModel();
    m_rows.clear();
    m_loadError.clear();
    const auto stored = m_surveys ? m_surveys->list() : Result<QList<store::StoredSurvey>>(QList<store::StoredSurvey>());
    if (!stored) {
        m_loadError = tr("The surveys on this device cannot be read: %1").arg(stored.error().message);
    }
    QList<store::DraftInfo> drafts;
    if (m_drafts) {
        if (auto listed = m_drafts->list()) {
            drafts = *listed;
        }
    }
    for (const store::StoredSurvey &s : stored ? *stored : QList<store::StoredSurvey>()) {
        Row row;
        row.surveyId = s.surveyId;
        row.version = s.version;
        row.title = s.surveyId;
        if (m_signingKey.isEmpty()) {
            row.problem = tr("This device is not enrolled, so no survey can be trusted yet.");
        } else {
            survey::AcceptPolicy policy;
            policy.enrolledSigningKey = m_signingKey;
            auto package = survey::acceptSignedPackage(s.package, rawSignature(s.signature), policy);
            if (package) {
                row.title = package->title.text(package->defaultLanguage());
                row.package = std::move(*package);
            } else {
                row.problem = tr("Refused: %1").arg(package.error().message);
            }
        }
        if (m_responses) {
            if (auto counts = m_responses->countsByState(s.surveyId)) {
                using response::ResponseState;
                row.queued = counts->value(ResponseState::Finalized) + counts->value(ResponseState::Sending);
                row.sent = counts->value(ResponseState::Accepted);
                row.failed = counts->value(ResponseState::Failed) + counts->value(ResponseState::Conflict)
                           + counts->value(ResponseState::DeletedOnServer);
            }
        }
        row.drafts = static_cast<int>(std::count_if(drafts.cbegin(), drafts.cend(),
                                                    [&](const store::DraftInfo &d) { return d.surveyId == s.surveyId; }));
        m_rows.append(std::move(row));
    }
    endResetModel();
    Q_EMIT changed();
    // Nothing open yet: open the survey of the newest interrupted interview (so it can be
    // resumed from home), else the first usable one.
    if (m_session && !m_session->hasSurvey()) {
        for (const store::DraftInfo &d : std::as_const(drafts)) {
            if (choose(d.surveyId)) {
                return;
            }
        }
        for (const Row &row : std::as_const(m_rows)) {
            if (row.package && choose(row.surveyId)) {
                return;
            }
        }
    }
}

QString InstalledSurveys::titleOf(const QString &surveyId) const
{
    for (const Row &row : m_rows) {
        if (row.surveyId == surveyId && row.package) {
            return row.title;
        }
    }
    return {};
}

std::optional<survey::SurveyPackage> InstalledSurveys::chosenPackage() const
{
    for (const Row &row : m_rows) {
        if (row.surveyId == m_chosen && row.package) {
            return row.package;
        }
    }
    return std::nullopt;
}

bool InstalledSurveys::choose(const QString &surveyId)
{
    for (const Row &row : std::as_const(m_rows)) {
        if (row.surveyId == surveyId && row.package && m_session) {
            m_session->setPackage(row.package);
            m_chosen = surveyId;
            Q_EMIT chosenChanged();
            return true;
        }
    }
    return false;
}

} // namespace chorus::ui
