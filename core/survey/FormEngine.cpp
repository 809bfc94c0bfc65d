// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormEngine.h"

#include "survey/AnswerValues.h"

#include <algorithm>
#include <functional>

namespace chorus::survey {

using response::Answer;
using response::AnswerState;
using response::Response;

namespace {
QString nameOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? path : path.mid(slash + 1);
}

void initRepeats(const QList<Question> &questions, QMap<QString, int> &counts)
{
    for (const Question &q : questions) {
        if (q.type == QuestionType::Repeat && !counts.contains(q.name)) {
            counts.insert(q.name, q.minCount);
        }
        initRepeats(q.children, counts);
    }
}
} // namespace

FormEngine::FormEngine(SurveyPackage package, const QString &language)
    : m_package(std::make_shared<const SurveyPackage>(std::move(package))),
      m_logic(FormLogic::compile(*m_package)),
      m_eval(*m_package, m_logic),
      m_instanceId(response::newInstanceId()),
      m_started(QDateTime::currentDateTimeUtc())
{
    setLanguage(language);
    for (const Section &s : m_package->sections) {
        initRepeats(s.questions, m_data.repeatCounts);
    }
    const QList<Page> shown = visiblePages();
    m_current = shown.isEmpty() ? QString() : shown.constFirst().path;
    m_atReview = shown.isEmpty();
}

FormEngine::FormEngine(SurveyPackage package, const Response &draft) : FormEngine(std::move(package), draft.language)
{
    m_instanceId = draft.instanceId;
    m_started = draft.started;
    m_data.answers = draft.answers;
    m_data.answers.removeIf([](const auto &it) { return it.value().state == AnswerState::NotAsked; });
    for (auto it = draft.repeatCounts.cbegin(); it != draft.repeatCounts.cend(); ++it) {
        m_data.repeatCounts.insert(it.key(), it.value());
    }
    changed();
    const QStringList shown = pages();
    m_current = shown.isEmpty() ? QString() : shown.constFirst();
    m_atReview = shown.isEmpty();
}

void FormEngine::setLanguage(const QString &code)
{
    m_language = m_package->language(code) ? code : m_package->defaultLanguage();
}

bool FormEngine::isRightToLeft() const
{
    const Language *l = m_package->language(m_language);
    return l && l->rtl;
}

void FormEngine::addPages(const QList<Question> &questions, const QString &repeat, int instance, QList<Page> &out) const
{
    for (const Question &q : questions) {
        const QString path = repeat.isEmpty() ? q.name : response::repeatAnswerPath(repeat, instance, q.name);
        if (!relevant(q, path)) {
            continue;
        }
        switch (q.type) {
        case QuestionType::Group:
            addPages(q.children, repeat, instance, out);
            break;
        case QuestionType::Repeat:
            for (int i = 1; i <= repeatCount(q.name); ++i) {
                addPages(q.children, q.name, i, out);
            }
            break;
        case QuestionType::Calculate:
            break;
        default:
            out.append(Page{path, &q});
        }
    }
}

QList<FormEngine::Page> FormEngine::visiblePages() const
{
    QList<Page> out;
    for (qsizetype i = 0; i < m_package->sections.size(); ++i) {
        if (m_eval.sectionRelevant(int(i), m_data)) {
            addPages(m_package->sections.at(i).questions, {}, 0, out);
        }
    }
    return out;
}

QStringList FormEngine::pages() const
{
    QStringList out;
    for (const Page &p : visiblePages()) {
        out.append(p.path);
    }
    return out;
}

QString FormEngine::current() const
{
    return m_atReview ? QString() : m_current;
}

Status FormEngine::next()
{
    if (m_atReview) {
        return {};
    }
    const QStringList issues = problems(m_current);
    if (!issues.isEmpty()) {
        return makeError(ErrorKind::InvalidInput, issues.constFirst());
    }
    const QStringList shown = pages();
    const qsizetype i = shown.indexOf(m_current);
    if (i < 0) {
        // The current page was hidden meanwhile: continue from where it sits in the form.
        const QString after = nextShownAfter(m_current, shown);
        m_atReview = after.isEmpty();
        m_current = after.isEmpty() ? m_current : after;
    } else if (i + 1 >= shown.size()) {
        m_atReview = true;
    } else {
        m_current = shown.at(i + 1);
    }
    return {};
}

bool FormEngine::previous()
{
    const QStringList shown = pages();
    if (shown.isEmpty()) {
        return false;
    }
    if (m_atReview) {
        m_atReview = false;
        m_current = shown.constLast();
        return true;
    }
    const qsizetype i = shown.indexOf(m_current);
    if (i <= 0) {
        return false;
    }
    m_current = shown.at(i - 1);
    return true;
}

bool FormEngine::goTo(const QString &path)
{
    if (!pages().contains(path)) {
        return false;
    }
    m_current = path;
    m_atReview = false;
    return true;
}

const Question *FormEngine::question(const QString &path) const
{
    const FormLogic::QuestionLogic *l = m_logic->logic(nameOf(path));
    return l ? l->question : nullptr;
}

int FormEngine::sectionIndex(const QString &path) const
{
    const FormLogic::QuestionLogic *l = m_logic->logic(nameOf(path));
    return l ? l->section : -1;
}

bool FormEngine::isVisible(const QString &path) const
{
    return pages().contains(path);
}

bool FormEngine::isRequired(const QString &path) const
{
    const Question *q = question(path);
    return q && q->isAnswerable() && m_eval.required(*q, path, m_data);
}

QList<Choice> FormEngine::choices(const QString &path) const
{
    const Question *q = question(path);
    return q ? m_eval.choices(*q, path, m_data) : QList<Choice>();
}

QString FormEngine::calculatedValue(const QString &path) const
{
    return m_eval.value(path, m_data).toString();
}

Status FormEngine::setAnswer(const QString &path, const Answer &answer)
{
    const Question *q = question(path);
    if (!q) {
        return makeError(ErrorKind::NotFound, QStringLiteral("there is no question \"%1\" in this survey").arg(path));
    }
    auto canonical = canonicalAnswer(*q, answer);
    if (!canonical) {
        return canonical.error();
    }
    if (canonical->isAnswered() && !q->choiceFilter.isEmpty()) {
        const QList<Choice> shown = choices(path);
        for (const QString &code : canonical->value.split(QLatin1Char(' '))) {
            if (std::none_of(shown.cbegin(), shown.cend(), [&](const Choice &c) { return c.code == code; })) {
                return makeError(ErrorKind::InvalidInput, engineMessage("Select one of the answers shown"));
            }
        }
    }
    if (canonical->state == AnswerState::NotAnswered) {
        m_data.answers.remove(path);
    } else {
        m_data.answers.insert(path, *canonical);
    }
    changed();
    return {};
}

Answer FormEngine::answer(const QString &path) const
{
    return m_data.answers.value(path, Answer::notAnswered());
}

QStringList FormEngine::problems(const QString &path) const
{
    const Question *q = question(path);
    if (!q || !q->isAnswerable()) {
        return {};
    }
    const Answer a = answer(path);
    QStringList out = answerProblems(*q, a, isRequired(path));
    if (a.isAnswered() && !q->choiceFilter.isEmpty()) {
        // An earlier answer changed which options apply (e.g. the broad ethnic group).
        const QList<Choice> shown = choices(path);
        for (const QString &code : a.value.split(QLatin1Char(' '))) {
            if (std::none_of(shown.cbegin(), shown.cend(), [&](const Choice &c) { return c.code == code; })) {
                out.append(engineMessage("Select one of the answers shown"));
                break;
            }
        }
        if (q->type == QuestionType::Ranking && a.value.split(QLatin1Char(' ')).size() != shown.size()) {
            out.removeAll(engineMessage("Put every option in order"));
            out.append(engineMessage("Put every option in order"));
        }
    }
    if (out.isEmpty() && !m_eval.constraintHolds(*q, path, a, m_data)) {
        const QString message = text(q->constraintMessage);
        out.append(message.isEmpty() ? engineMessage("Check your answer: it is not one this question accepts") : message);
    }
    return out;
}

QList<std::pair<QString, QString>> FormEngine::allProblems() const
{
    QList<std::pair<QString, QString>> out;
    for (const Page &p : visiblePages()) {
        for (const QString &message : problems(p.path)) {
            out.append({p.path, message});
        }
    }
    return out;
}

int FormEngine::repeatCount(const QString &repeat) const
{
    return m_data.repeatCounts.value(repeat, 0);
}

Status FormEngine::addRepeatInstance(const QString &repeat)
{
    const Question *q = m_package->question(repeat);
    if (!q || q->type != QuestionType::Repeat) {
        return makeError(ErrorKind::NotFound, QStringLiteral("there is no repeat \"%1\" in this survey").arg(repeat));
    }
    if (repeatCount(repeat) >= q->maxCount) {
        return makeError(ErrorKind::InvalidInput, engineMessage("You cannot add any more"));
    }
    m_data.repeatCounts[repeat] += 1;
    changed();
    return {};
}

Status FormEngine::removeRepeatInstance(const QString &repeat, int instance)
{
    const Question *q = m_package->question(repeat);
    const int count = repeatCount(repeat);
    if (!q || q->type != QuestionType::Repeat || instance < 1 || instance > count) {
        return makeError(ErrorKind::NotFound, QStringLiteral("there is no instance %1 of \"%2\"").arg(instance).arg(repeat));
    }
    if (count <= q->minCount) {
        return makeError(ErrorKind::InvalidInput, engineMessage("You cannot remove this one"));
    }
    const QString prefix = repeat + QLatin1Char('[');
    QMap<QString, Answer> kept;
    for (auto it = m_data.answers.cbegin(); it != m_data.answers.cend(); ++it) {
        if (!it.key().startsWith(prefix)) {
            kept.insert(it.key(), it.value());
            continue;
        }
        const qsizetype close = it.key().indexOf(QLatin1Char(']'));
        const int n = it.key().mid(prefix.size(), close - prefix.size()).toInt();
        if (n == instance) {
            continue;
        }
        const QString rest = it.key().mid(close + 2);
        kept.insert(response::repeatAnswerPath(repeat, n > instance ? n - 1 : n, rest), it.value());
    }
    m_data.answers = kept;
    m_data.repeatCounts[repeat] = count - 1;
    changed();
    const QStringList shown = pages();
    if (!shown.contains(m_current)) {
        m_current = shown.isEmpty() ? QString() : shown.constFirst();
    }
    return {};
}

} // namespace chorus::survey
