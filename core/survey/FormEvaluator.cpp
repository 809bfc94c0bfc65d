// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormEvaluator.h"

#include "response/Response.h"
#include "survey/AnswerValues.h"

namespace chorus::survey {

using response::Answer;
using response::AnswerState;

PathParts splitPath(const QString &path)
{
    const qsizetype open = path.indexOf(QLatin1Char('['));
    const qsizetype slash = path.indexOf(QLatin1String("]/"));
    if (open < 0 || slash < open) {
        return {{}, 0, path};
    }
    return {path.left(open), path.mid(open + 1, slash - open - 1).toInt(), path.mid(slash + 2)};
}

// The view an expression gets from inside one repeat instance (or from outside any).
class EngineContext : public EvalContext
{
public:
    EngineContext(const FormEvaluator &evaluator, const FormData &data, QString repeat, int instance)
        : m_evaluator(evaluator), m_data(data), m_repeat(std::move(repeat)), m_instance(instance)
    {
    }

    Value reference(const QString &name) const override
    {
        const FormLogic::QuestionLogic *l = m_evaluator.m_logic->logic(name);
        if (!l) {
            return Value::string({});
        }
        if (l->question->type == QuestionType::Repeat) {
            const bool shown = m_evaluator.visible(name, m_data);
            return Value::nodeset(QStringList(shown ? m_data.repeatCounts.value(name) : 0, QString()));
        }
        if (l->repeat.isEmpty()) {
            return m_evaluator.value(name, m_data);
        }
        if (l->repeat == m_repeat) {
            return m_evaluator.value(response::repeatAnswerPath(m_repeat, m_instance, name), m_data);
        }
        QStringList nodes;
        if (m_evaluator.visible(l->repeat, m_data)) {
            for (int i = 1; i <= m_data.repeatCounts.value(l->repeat); ++i) {
                nodes.append(m_evaluator.value(response::repeatAnswerPath(l->repeat, i, name), m_data).toString());
            }
        }
        return Value::nodeset(nodes);
    }
    Value current() const override { return m_current; }
    Value choiceAttribute(const QString &name) const override
    {
        if (!m_choice) {
            return Value::string({});
        }
        return Value::string(name == QLatin1String("name") ? m_choice->code : m_choice->attributes.value(name));
    }
    int position() const override { return m_instance; }

    Value m_current = Value::string({});
    const Choice *m_choice = nullptr;

private:
    const FormEvaluator &m_evaluator;
    const FormData &m_data;
    QString m_repeat;
    int m_instance;
};

void FormEvaluator::invalidate() const
{
    m_relevant.clear();
    m_sectionRelevant.clear();
    m_values.clear();
}

bool FormEvaluator::sectionRelevant(int section, const FormData &data) const
{
    if (auto it = m_sectionRelevant.constFind(section); it != m_sectionRelevant.cend()) {
        return *it;
    }
    const Expression &e = m_logic->sectionRelevant(section);
    const bool result = e.isEmpty() || e.evaluateBool(EngineContext(*this, data, {}, 0));
    m_sectionRelevant.insert(section, result);
    return result;
}

bool FormEvaluator::ownRelevant(const Question &q, const QString &path, const FormData &data) const
{
    if (q.relevant.isEmpty()) {
        return true;
    }
    if (auto it = m_relevant.constFind(path); it != m_relevant.cend()) {
        return *it;
    }
    const FormLogic::QuestionLogic *l = m_logic->logic(q.name);
    const QString key = QStringLiteral("relevant:") + path;
    if (!l || m_inProgress.contains(key)) {
        return false; // a cycle (refused at load) reads as hidden rather than recursing forever
    }
    m_inProgress.insert(key);
    const PathParts parts = splitPath(path);
    const bool result = l->relevant.isEmpty() || l->relevant.evaluateBool(EngineContext(*this, data, parts.repeat, parts.instance));
    m_inProgress.remove(key);
    m_relevant.insert(path, result);
    return result;
}

bool FormEvaluator::visible(const QString &path, const FormData &data) const
{
    const PathParts parts = splitPath(path);
    const FormLogic::QuestionLogic *l = m_logic->logic(parts.name);
    if (!l || !sectionRelevant(l->section, data)) {
        return false;
    }
    if (!parts.repeat.isEmpty() && (parts.instance < 1 || parts.instance > data.repeatCounts.value(parts.repeat))) {
        return false;
    }
    for (const QString &ancestor : l->ancestors) {
        const FormLogic::QuestionLogic *a = m_logic->logic(ancestor);
        // Ancestors outside the repeat are evaluated outside it; those inside, in this instance.
        const bool inside = !parts.repeat.isEmpty() && a->repeat == parts.repeat;
        const QString ancestorPath = inside ? response::repeatAnswerPath(parts.repeat, parts.instance, ancestor) : ancestor;
        if (!ownRelevant(*a->question, ancestorPath, data)) {
            return false;
        }
    }
    return ownRelevant(*l->question, path, data);
}

Value FormEvaluator::typedValue(const Question &q, const Answer &answer)
{
    if (answer.state != AnswerState::Answered || answer.value.isEmpty()) {
        return Value::string({});
    }
    switch (q.type) {
    case QuestionType::Integer:
    case QuestionType::Decimal:
        return Value::number(Value::string(answer.value).toNumber());
    case QuestionType::Date:
        if (q.yearOnly) {
            return Value::number(Value::string(answer.value).toNumber());
        }
        if (const auto days = Value::parseDays(answer.value)) {
            return Value::date(*days);
        }
        return Value::string(answer.value);
    default:
        return Value::string(answer.value);
    }
}

Value FormEvaluator::value(const QString &path, const FormData &data) const
{
    if (auto it = m_values.constFind(path); it != m_values.cend()) {
        return *it;
    }
    const PathParts parts = splitPath(path);
    const FormLogic::QuestionLogic *l = m_logic->logic(parts.name);
    if (!l || m_inProgress.contains(path) || !visible(path, data)) {
        return Value::string({});
    }
    Value result;
    if (l->question->type == QuestionType::Calculate) {
        m_inProgress.insert(path);
        result = l->calculate.evaluate(EngineContext(*this, data, parts.repeat, parts.instance));
        m_inProgress.remove(path);
    } else {
        result = typedValue(*l->question, data.answers.value(path, Answer::notAnswered()));
    }
    m_values.insert(path, result);
    return result;
}

bool FormEvaluator::required(const Question &q, const QString &path, const FormData &data) const
{
    const FormLogic::QuestionLogic *l = m_logic->logic(q.name);
    if (!l || l->requiredIf.isEmpty()) {
        return q.required;
    }
    const PathParts parts = splitPath(path);
    return l->requiredIf.evaluateBool(EngineContext(*this, data, parts.repeat, parts.instance));
}

bool FormEvaluator::constraintHolds(const Question &q, const QString &path, const Answer &answer, const FormData &data) const
{
    const FormLogic::QuestionLogic *l = m_logic->logic(q.name);
    if (!l || l->constraint.isEmpty() || answer.state != AnswerState::Answered) {
        return true;
    }
    const PathParts parts = splitPath(path);
    EngineContext context(*this, data, parts.repeat, parts.instance);
    context.m_current = typedValue(q, answer);
    return l->constraint.evaluateBool(context);
}

QList<Choice> FormEvaluator::choices(const Question &q, const QString &path, const FormData &data) const
{
    const FormLogic::QuestionLogic *l = m_logic->logic(q.name);
    if (!l || l->choiceFilter.isEmpty()) {
        return q.choices;
    }
    const PathParts parts = splitPath(path);
    EngineContext context(*this, data, parts.repeat, parts.instance);
    QList<Choice> out;
    for (const Choice &c : q.choices) {
        context.m_choice = &c;
        if (l->choiceFilter.evaluateBool(context)) {
            out.append(c);
        }
    }
    return out;
}

} // namespace chorus::survey
