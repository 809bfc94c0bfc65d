// SPDX-License-Identifier: GPL-3.0-or-later
// RespondentSession: saving the draft after every page move, and resuming one.
#include "RespondentSession.h"

#include "DraftKeeper.h"
#include "common/Logging.h"

#include <QCoreApplication>

namespace chorus::ui {

void RespondentSession::saveDraft()
{
    if (!m_engine || !m_drafts || !m_drafts->isAvailable()) {
        return;
    }
    response::DraftContent draft;
    draft.response = m_engine->draft();
    draft.position = m_engine->current();
    draft.atReview = m_engine->atReview();
    draft.consent = m_consent;
    draft.noticeLanguage = m_language;
    draft.mode = m_mode;
    draft.operatorId = m_operatorId;
    draft.eventName = m_responseEventName;
    draft.eventWard = m_responseEventWard;
    if (const Status saved = m_drafts->save(draft); !saved) {
        // The interview goes on; only its crash protection is missing, which staff should know.
        qCWarning(lcStore, "draft %s not saved: %s", qPrintable(draft.response.instanceId),
                  qPrintable(saved.error().message));
    }
}

bool RespondentSession::resume(const QString &responseId)
{
    if (!m_package || !m_drafts) {
        m_lastError = QCoreApplication::translate("RespondentSession", "There is no survey to resume.");
        return false;
    }
    auto draft = m_drafts->load(responseId);
    if (!draft) {
        m_lastError = draft.error().message;
        return false;
    }
    const response::Response &saved = draft->response;
    if (saved.surveyId != m_package->id || saved.surveyVersion != m_package->version) {
        m_lastError = QCoreApplication::translate("RespondentSession",
                                                  "This interview belongs to survey %1 version %2, which is not the "
                                                  "survey open now. Open that survey to resume it, or discard it.")
                          .arg(saved.surveyId, saved.surveyVersion);
        return false;
    }
    forget(true);
    m_engine = std::make_unique<survey::FormEngine>(*m_package, saved);
    m_language = m_engine->language();
    m_consent = draft->consent;
    if (!draft->mode.isEmpty()) {
        setMode(draft->mode);
    }
    setOperatorId(draft->operatorId);
    m_responseEventName = draft->eventName;
    m_responseEventWard = draft->eventWard;
    if (draft->atReview) {
        m_engine->goToReview();
    } else if (!draft->position.isEmpty()) {
        m_engine->goTo(draft->position);
    }
    m_lastError.clear();
    Q_EMIT activeChanged();
    Q_EMIT textsChanged();
    Q_EMIT pageChanged();
    return true;
}

} // namespace chorus::ui
