// SPDX-License-Identifier: GPL-3.0-or-later
// FormEngine's outputs: the draft, the finalized response with its four answer states, and the
// form order used to recover when the current page has been routed away.
#include "FormEngine.h"

#include <functional>

namespace chorus::survey {

using response::Answer;
using response::AnswerState;
using response::Response;

QString FormEngine::nextShownAfter(const QString &path, const QStringList &shown) const
{
    // Every page the form could show, in order, whatever the routing.
    QStringList order;
    std::function<void(const QList<Question> &, const QString &, int)> walk = [&](const QList<Question> &qs, const QString &repeat, int instance) {
        for (const Question &q : qs) {
            if (q.type == QuestionType::Group) {
                walk(q.children, repeat, instance);
            } else if (q.type == QuestionType::Repeat) {
                for (int n = 1; n <= repeatCount(q.name); ++n) {
                    walk(q.children, q.name, n);
                }
            } else if (q.type != QuestionType::Calculate) {
                order.append(repeat.isEmpty() ? q.name : response::repeatAnswerPath(repeat, instance, q.name));
            }
        }
    };
    for (const Section &s : m_package->sections) {
        walk(s.questions, {}, 0);
    }
    for (qsizetype i = order.indexOf(path) + 1; i > 0 && i < order.size(); ++i) {
        if (shown.contains(order.at(i))) {
            return order.at(i);
        }
    }
    return {};
}

Response FormEngine::draft() const
{
    Response r;
    r.instanceId = m_instanceId;
    r.surveyId = m_package->id;
    r.surveyVersion = m_package->version;
    r.bankVersion = m_package->bankVersion;
    r.language = m_language;
    r.answers = m_data.answers;
    r.repeatCounts = m_data.repeatCounts;
    r.started = m_started;
    return r;
}

Result<Response> FormEngine::finalizeResponse(const QDateTime &finishedUtc) const
{
    const auto issues = allProblems();
    if (!issues.isEmpty()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("%1: %2").arg(issues.constFirst().first, issues.constFirst().second));
    }
    Response r = draft();
    r.finished = finishedUtc.toUTC();
    r.answers.clear();
    r.repeatCounts.clear();
    QSet<QString> shown;
    for (const Page &p : visiblePages()) {
        shown.insert(p.path);
    }
    // Every answerable question gets exactly one state; repeats that are shown keep their count.
    std::function<void(const QList<Question> &, const QString &, int, bool)> walk =
        [&](const QList<Question> &questions, const QString &repeat, int instance, bool parentShown) {
            for (const Question &q : questions) {
                const QString path = repeat.isEmpty() ? q.name : response::repeatAnswerPath(repeat, instance, q.name);
                const bool isShown = parentShown && relevant(q, path);
                if (q.type == QuestionType::Group) {
                    walk(q.children, repeat, instance, isShown);
                } else if (q.type == QuestionType::Repeat) {
                    const int count = isShown ? repeatCount(q.name) : 0;
                    r.repeatCounts.insert(q.name, count);
                    for (int i = 1; i <= count; ++i) {
                        walk(q.children, q.name, i, true);
                    }
                } else if (q.type == QuestionType::Calculate) {
                    const QString value = isShown ? calculatedValue(path) : QString();
                    r.answers.insert(path, !isShown ? Answer::notAsked() : value.isEmpty() ? Answer::notAnswered() : Answer::answered(value));
                } else if (q.isAnswerable()) {
                    if (!isShown || !shown.contains(path)) {
                        r.answers.insert(path, Answer::notAsked());
                    } else {
                        const Answer a = answer(path);
                        r.answers.insert(path, a.state == AnswerState::NotAsked ? Answer::notAnswered() : a);
                    }
                }
            }
        };
    for (qsizetype i = 0; i < m_package->sections.size(); ++i) {
        walk(m_package->sections.at(i).questions, {}, 0, m_eval.sectionRelevant(int(i), m_data));
    }
    return r;
}

} // namespace chorus::survey
