// SPDX-License-Identifier: GPL-3.0-or-later
// RespondentSession: the answers that need more than one control — the GOV.UK date boxes and
// repeat instances (add, remove).
#include "RespondentSession.h"

#include "DateParts.h"
#include "RepeatView.h"

namespace chorus::ui {

using response::Answer;

QString RespondentSession::setDateParts(const QString &day, const QString &month, const QString &year)
{
    const survey::Question *q = m_engine ? m_engine->question(current()) : nullptr;
    if (!q || q->type != survey::QuestionType::Date) {
        return {};
    }
    const DateCheck check = checkDateParts(day, month, year, q->yearOnly);
    if (!check.problem.isEmpty()) {
        // The half-typed date is not an answer; Continue reports it until it is put right.
        store(Answer::notAnswered());
        m_inputProblem = check.problem;
        m_inputProblemField = check.field;
        return check.problem;
    }
    return store(check.value.isEmpty() ? Answer::notAnswered() : Answer::answered(check.value));
}

QString RespondentSession::addRepeat(const QString &repeat)
{
    if (!m_engine) {
        return {};
    }
    if (const Status added = m_engine->addRepeatInstance(repeat); !added) {
        return added.error().message;
    }
    const QString first = RepeatView::firstPageOf(*m_engine, repeat, m_engine->repeatCount(repeat));
    if (!first.isEmpty()) {
        m_engine->goTo(first);
    }
    m_inputProblem.clear();
    m_inputProblemField.clear();
    saveDraft();
    Q_EMIT pageChanged();
    return {};
}

QString RespondentSession::removeRepeat(const QString &repeat, int instance)
{
    if (!m_engine) {
        return {};
    }
    // Come back to the page before the removed instance, where "Add another" is offered.
    const QStringList before = m_engine->pages();
    const qsizetype firstIndex = before.indexOf(RepeatView::firstPageOf(*m_engine, repeat, instance));
    if (const Status removed = m_engine->removeRepeatInstance(repeat, instance); !removed) {
        return removed.error().message;
    }
    const QStringList after = m_engine->pages();
    if (firstIndex > 0 && firstIndex - 1 < after.size()) {
        m_engine->goTo(after.at(firstIndex - 1));
    }
    m_inputProblem.clear();
    m_inputProblemField.clear();
    saveDraft();
    Q_EMIT pageChanged();
    return {};
}

} // namespace chorus::ui
