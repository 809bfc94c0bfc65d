// SPDX-License-Identifier: GPL-3.0-or-later
#include "DraftKeeper.h"

#include "common/Logging.h"

#include <QLocale>

namespace chorus::ui {

DraftKeeper::DraftKeeper(QObject *parent) : QObject(parent) {}

DraftKeeper::~DraftKeeper() = default;

void DraftKeeper::attach(store::DraftRepository &repository, const crypto::DeviceVault &vault)
{
    m_store = std::make_unique<response::DraftStore>(repository, vault);
    Q_EMIT draftsChanged();
}

void DraftKeeper::detach()
{
    m_store.reset();
    Q_EMIT draftsChanged();
}

void DraftKeeper::setTitleLookup(TitleLookup lookup)
{
    m_title = std::move(lookup);
    Q_EMIT draftsChanged();
}

QVariantList DraftKeeper::drafts() const
{
    QVariantList list;
    if (!m_store) {
        return list;
    }
    auto infos = m_store->list();
    if (!infos) {
        qCWarning(lcStore, "cannot list drafts: %s", qPrintable(infos.error().message));
        return list;
    }
    const QLocale locale;
    for (const store::DraftInfo &info : std::as_const(*infos)) {
        const QString title = m_title ? m_title(info.surveyId) : QString();
        list.append(QVariantMap{
            {QStringLiteral("responseId"), info.responseId},
            {QStringLiteral("surveyId"), info.surveyId},
            {QStringLiteral("title"), title.isEmpty() ? info.surveyId : title},
            {QStringLiteral("when"), locale.toString(info.updatedAt.toLocalTime(), QLocale::ShortFormat)},
        });
    }
    return list;
}

bool DraftKeeper::discard(const QString &responseId)
{
    if (!m_store || responseId.isEmpty()) {
        return false;
    }
    const Status gone = m_store->discard(responseId);
    if (!gone) {
        qCWarning(lcStore, "cannot discard draft %s: %s", qPrintable(responseId), qPrintable(gone.error().message));
    }
    Q_EMIT draftsChanged();
    return static_cast<bool>(gone);
}

Status DraftKeeper::save(const response::DraftContent &draft)
{
    if (!m_store) {
        return makeError(ErrorKind::Unsupported, QStringLiteral("drafts are off until the device is unlocked"));
    }
    Status saved = m_store->save(draft);
    if (saved) {
        Q_EMIT draftsChanged();
    }
    return saved;
}

Result<response::DraftContent> DraftKeeper::load(const QString &responseId) const
{
    if (!m_store) {
        return makeError(ErrorKind::Unsupported,
                         QStringLiteral("drafts cannot be opened until the device is unlocked"));
    }
    return m_store->load(responseId);
}

} // namespace chorus::ui
