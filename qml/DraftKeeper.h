// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "response/DraftContent.h"
#include "response/DraftStore.h"

#include <QObject>
#include <QVariantList>

#include <functional>
#include <memory>

namespace chorus::crypto {
class DeviceVault;
}
namespace chorus::store {
class DraftRepository;
}

namespace chorus::ui {

// The interrupted interviews on this device, for the operator's resume list, and the place the
// respondent session saves its draft after every answered question. It lists surveys and times
// only: opening a draft needs the unlocked vault and happens in RespondentSession::resume().
//
// Until attach() is called (the app attaches once the operator has unlocked the device vault)
// nothing is saved: no draft rather than a plaintext one.
class DraftKeeper : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ isAvailable NOTIFY draftsChanged)
    // Newest first: {responseId, surveyId, title, when}.
    Q_PROPERTY(QVariantList drafts READ drafts NOTIFY draftsChanged)

public:
    using TitleLookup = std::function<QString(const QString &surveyId)>;

    explicit DraftKeeper(QObject *parent = nullptr);
    ~DraftKeeper() override;

    void attach(store::DraftRepository &repository, const crypto::DeviceVault &vault);
    void detach();
    bool isAvailable() const { return m_store != nullptr; }
    // How a survey id is named in the list; without one the id itself is shown.
    void setTitleLookup(TitleLookup lookup);

    QVariantList drafts() const;
    Q_INVOKABLE void refresh() { Q_EMIT draftsChanged(); }
    // Secure delete of one interrupted interview (the operator chose "Discard").
    Q_INVOKABLE bool discard(const QString &responseId);

    Status save(const response::DraftContent &draft);
    Result<response::DraftContent> load(const QString &responseId) const;

Q_SIGNALS:
    void draftsChanged();

private:
    std::unique_ptr<response::DraftStore> m_store;
    TitleLookup m_title;
};

} // namespace chorus::ui
