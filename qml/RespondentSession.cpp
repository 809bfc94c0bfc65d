// SPDX-License-Identifier: GPL-3.0-or-later
#include "RespondentSession.h"

#include "DraftKeeper.h"
#include "QuestionView.h"

#include <QCoreApplication>

namespace chorus::ui {

using response::Answer;

RespondentSession::RespondentSession(ResponseSink *sink, QObject *parent) : QObject(parent), m_sink(sink) {}

void RespondentSession::setPackage(std::optional<survey::SurveyPackage> package)
{
    wipe();
    m_package = std::move(package);
    m_language = m_package ? m_package->defaultLanguage() : QString();
    Q_EMIT surveyChanged();
    Q_EMIT textsChanged();
}

QVariantList RespondentSession::languages() const
{
    QVariantList list;
    if (m_package) {
        for (const survey::Language &l : m_package->languages) {
            list.append(QVariantMap{{QStringLiteral("code"), l.code},
                                    {QStringLiteral("name"), l.name},
                                    {QStringLiteral("rtl"), l.rtl}});
        }
    }
    return list;
}

QString RespondentSession::title() const
{
    return m_package ? m_package->title.text(m_language, m_package->defaultLanguage()) : QString();
}

QString RespondentSession::controller() const
{
    return m_package ? m_package->controller.name : QString();
}

QString RespondentSession::noticeText() const
{
    return m_package ? m_package->privacyNotice.text.text(m_language, m_package->defaultLanguage()) : QString();
}

QVariantList RespondentSession::purposes() const
{
    QVariantList list;
    if (m_package) {
        for (const survey::Purpose &p : m_package->purposes) {
            list.append(QVariantMap{{QStringLiteral("id"), p.id},
                                    {QStringLiteral("text"), p.text.text(m_language, m_package->defaultLanguage())},
                                    {QStringLiteral("granted"), m_consent.value(p.id, false)}});
        }
    }
    return list;
}

QString RespondentSession::current() const
{
    return m_engine ? m_engine->current() : QString();
}

QVariantMap RespondentSession::page() const
{
    if (!m_engine || m_engine->atReview()) {
        return {};
    }
    return QuestionView::describe(*m_engine, current());
}

bool RespondentSession::atReview() const
{
    return m_engine && m_engine->atReview();
}

int RespondentSession::pageNumber() const
{
    return m_engine ? static_cast<int>(m_engine->pages().indexOf(current())) + 1 : 0;
}

int RespondentSession::pageCount() const
{
    return m_engine ? static_cast<int>(m_engine->pages().size()) : 0;
}

QVariantList RespondentSession::review() const
{
    return m_engine ? QuestionView::review(*m_engine) : QVariantList();
}

void RespondentSession::setMode(const QString &mode)
{
    if (mode != m_mode) {
        m_mode = mode;
        Q_EMIT modeChanged();
    }
}

void RespondentSession::setEvent(const QString &name, const QString &wardCode)
{
    m_eventName = name;
    m_eventWard = wardCode;
}

void RespondentSession::setOperatorId(const QString &id)
{
    if (id != m_operatorId) {
        m_operatorId = id;
        Q_EMIT modeChanged();
    }
}

QString RespondentSession::receiptQr() const
{
    if (m_receipt.receiptQrPng.isEmpty()) {
        return {};
    }
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(m_receipt.receiptQrPng.toBase64());
}

void RespondentSession::begin(const QString &language)
{
    if (!m_package) {
        return;
    }
    wipe();
    m_engine = std::make_unique<survey::FormEngine>(*m_package, language);
    m_language = m_engine->language();
    m_responseEventName = m_eventName;
    m_responseEventWard = m_eventWard;
    Q_EMIT activeChanged();
    Q_EMIT textsChanged();
    Q_EMIT pageChanged();
}

void RespondentSession::setLanguage(const QString &language)
{
    if (!m_package) {
        return;
    }
    m_language = m_package->language(language) ? language : m_package->defaultLanguage();
    if (m_engine) {
        m_engine->setLanguage(m_language);
    }
    Q_EMIT textsChanged();
    Q_EMIT pageChanged();
}

void RespondentSession::setConsent(const QString &purposeId, bool granted)
{
    m_consent.insert(purposeId, granted);
}

QString RespondentSession::consentProblem() const
{
    for (auto it = m_consent.cbegin(); it != m_consent.cend(); ++it) {
        if (it.value()) {
            return {};
        }
    }
    return QCoreApplication::translate("RespondentSession",
                                       "Tick at least one box to take part. If you do not want to take part, "
                                       "you can stop now: nothing has been saved.");
}

QString RespondentSession::store(const Answer &answer)
{
    if (!m_engine || m_engine->atReview()) {
        return {};
    }
    m_inputProblem.clear();
    m_inputProblemField.clear();
    const Status stored = m_engine->setAnswer(current(), answer);
    Q_EMIT pageChanged();
    return stored ? QString() : stored.error().message;
}

QString RespondentSession::setAnswer(const QString &value, const QString &writeIn)
{
    return store(value.trimmed().isEmpty() ? Answer::notAnswered() : Answer::answered(value.trimmed(), writeIn));
}

QString RespondentSession::setChoice(const QString &code, bool selected, const QString &writeIn)
{
    if (!m_engine) {
        return {};
    }
    const survey::Question *q = m_engine->question(current());
    if (!q) {
        return {};
    }
    const Answer before = m_engine->answer(current());
    if (q->type != survey::QuestionType::MultipleChoice && q->type != survey::QuestionType::Ranking) {
        if (!selected) {
            return before.isAnswered() && before.value == code ? store(Answer::notAnswered()) : QString();
        }
        return store(Answer::answered(code, writeIn));
    }
    QStringList codes = before.isAnswered() ? before.value.split(u' ', Qt::SkipEmptyParts) : QStringList();
    codes.removeAll(code);
    if (selected) {
        codes.append(code);
    }
    const survey::Choice *choice = q->choice(code);
    const QString keptWriteIn = choice && choice->writeIn ? (selected ? writeIn : QString()) : before.writeIn;
    return store(codes.isEmpty() ? Answer::notAnswered() : Answer::answered(codes.join(u' '), keptWriteIn));
}

QString RespondentSession::moveRank(const QString &code, int delta)
{
    if (!m_engine) {
        return {};
    }
    const Answer before = m_engine->answer(current());
    QStringList codes;
    if (before.isAnswered()) {
        codes = before.value.split(u' ', Qt::SkipEmptyParts);
    } else {
        // A ranking starts in the order the choices are shown.
        const QList<survey::Choice> shown = m_engine->choices(current());
        for (const survey::Choice &c : shown) {
            codes.append(c.code);
        }
    }
    const qsizetype from = codes.indexOf(code);
    const qsizetype to = from + delta;
    if (from < 0 || to < 0 || to >= codes.size()) {
        return {};
    }
    codes.move(from, to);
    return store(Answer::answered(codes.join(u' ')));
}

void RespondentSession::setPreferNotToSay(bool on)
{
    if (on) {
        store(Answer::preferNotToSay());
        return;
    }
    // Unticking it because another option was chosen must not clear that option's answer.
    if (m_engine && m_engine->answer(current()).state == response::AnswerState::PreferNotToSay) {
        store(Answer::notAnswered());
    }
}

void RespondentSession::clearAnswer()
{
    store(Answer::notAnswered());
}

QStringList RespondentSession::next()
{
    if (!m_engine || m_engine->atReview()) {
        return {};
    }
    if (!m_inputProblem.isEmpty()) {
        return {m_inputProblem};
    }
    const Status moved = m_engine->next();
    if (!moved) {
        return m_engine->problems(current()).isEmpty() ? QStringList{moved.error().message}
                                                       : m_engine->problems(current());
    }
    if (m_returnToReview) {
        m_engine->goToReview();
        m_returnToReview = false;
    }
    saveDraft();
    Q_EMIT pageChanged();
    return {};
}

bool RespondentSession::previous()
{
    if (!m_engine || !m_engine->previous()) {
        return false;
    }
    m_inputProblem.clear();
    m_inputProblemField.clear();
    m_returnToReview = false;
    saveDraft();
    Q_EMIT pageChanged();
    return true;
}

bool RespondentSession::change(const QString &path)
{
    if (!m_engine || !m_engine->goTo(path)) {
        return false;
    }
    m_returnToReview = true;
    saveDraft();
    Q_EMIT pageChanged();
    return true;
}

bool RespondentSession::submit()
{
    if (!m_engine || !m_package || !m_sink) {
        return false;
    }
    auto response = m_engine->finalizeResponse();
    if (!response) {
        m_lastError = response.error().message;
        return false;
    }
    response->eventName = m_responseEventName;
    response->eventWard = m_responseEventWard;
    ConsentChoices consent;
    consent.noticeLanguage = m_language;
    consent.purposes = m_consent;
    consent.mode = m_mode;
    consent.operatorId = m_operatorId;
    auto receipt = m_sink->submit(*m_package, *response, consent);
    if (!receipt) {
        m_lastError = receipt.error().message;
        return false;
    }
    // The answers are sealed and stored: nothing of them stays in this object or in a draft.
    if (m_drafts) {
        m_drafts->discard(response->instanceId);
    }
    m_engine.reset();
    m_receipt = *receipt;
    m_submitted = true;
    m_lastError.clear();
    Q_EMIT activeChanged();
    Q_EMIT pageChanged();
    Q_EMIT submittedChanged();
    return true;
}

void RespondentSession::wipe()
{
    forget(false);
}

void RespondentSession::suspend()
{
    saveDraft();
    forget(true);
}

void RespondentSession::forget(bool keepDraft)
{
    const bool wasActive = m_engine != nullptr;
    if (wasActive && !keepDraft && m_drafts) {
        m_drafts->discard(m_engine->instanceId());
    }
    m_engine.reset();
    m_consent.clear();
    m_responseEventName.clear();
    m_responseEventWard.clear();
    m_returnToReview = false;
    m_inputProblem.clear();
    m_inputProblemField.clear();
    m_receipt = {};
    m_submitted = false;
    m_lastError.clear();
    if (m_package) {
        m_language = m_package->defaultLanguage();
    }
    if (wasActive) {
        Q_EMIT activeChanged();
    }
    Q_EMIT pageChanged();
    Q_EMIT submittedChanged();
    Q_EMIT textsChanged();
}

} // namespace chorus::ui
