// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormLogic.h"

#include <functional>

namespace chorus::survey {

namespace {
Expression parseInto(const QString &text, const QString &path, const char *field, ValidationReport *report)
{
    if (text.isEmpty()) {
        return {};
    }
    auto parsed = Expression::parse(text);
    if (!parsed) {
        if (report) {
            report->add(path, QStringLiteral("%1 is not a valid expression: %2").arg(QLatin1String(field), parsed.error().message));
        }
        return {};
    }
    return *parsed;
}
} // namespace

std::shared_ptr<const FormLogic> FormLogic::compile(const SurveyPackage &package, ValidationReport *report)
{
    auto logic = std::make_shared<FormLogic>();
    for (qsizetype i = 0; i < package.sections.size(); ++i) {
        const Section &s = package.sections.at(i);
        logic->m_sections.append(parseInto(s.relevant, QStringLiteral("sections[%1]").arg(i), "relevant", report));
        logic->add(s.questions, int(i), {}, {}, report);
    }
    if (report) {
        logic->checkReferences(package, report);
        logic->checkCycles(report);
    }
    return logic;
}

void FormLogic::add(const QList<Question> &questions, int section, QStringList ancestors, const QString &repeat,
                    ValidationReport *report)
{
    for (const Question &q : questions) {
        QuestionLogic l;
        l.question = &q;
        l.ancestors = ancestors;
        l.repeat = repeat;
        l.section = section;
        l.relevant = parseInto(q.relevant, q.sourcePath, "relevant", report);
        l.constraint = parseInto(q.constraint, q.sourcePath, "constraint", report);
        l.requiredIf = parseInto(q.requiredIf, q.sourcePath, "requiredIf", report);
        l.calculate = parseInto(q.calculate, q.sourcePath, "calculate", report);
        l.choiceFilter = parseInto(q.choiceFilter, q.sourcePath, "choiceFilter", report);
        if (!m_questions.contains(q.name)) {
            m_questions.insert(q.name, l);
            m_order.append(q.name);
        }
        if (!q.children.isEmpty()) {
            add(q.children, section, ancestors + QStringList{q.name}, q.type == QuestionType::Repeat ? q.name : repeat, report);
        }
    }
}

void FormLogic::checkReferences(const SurveyPackage &package, ValidationReport *report) const
{
    auto check = [&](const Expression &e, const QString &path, const char *field, bool allowBare, bool allowCurrent) {
        QStringList names(e.references().cbegin(), e.references().cend());
        names.sort();
        for (const QString &name : names) {
            if (!m_questions.contains(name)) {
                report->add(path, QStringLiteral("%1 refers to ${%2}, which is not defined").arg(QLatin1String(field), name));
            }
        }
        if (!allowBare && !e.bareNames().isEmpty()) {
            report->add(path, QStringLiteral("%1 uses the bare name \"%2\": refer to questions as ${name} (bare names are choice attributes, only in choice filters)")
                                  .arg(QLatin1String(field), *e.bareNames().cbegin()));
        }
        if (!allowCurrent && e.usesCurrent()) {
            report->add(path, QStringLiteral("%1 uses \".\", which means the answer being checked and belongs only in a constraint").arg(QLatin1String(field)));
        }
    };
    for (const QString &name : m_order) {
        const QuestionLogic &l = m_questions[name];
        const QString &path = l.question->sourcePath;
        check(l.relevant, path, "relevant", false, false);
        check(l.constraint, path, "constraint", false, true);
        check(l.requiredIf, path, "requiredIf", false, false);
        check(l.calculate, path, "calculate", false, false);
        check(l.choiceFilter, path, "choiceFilter", true, false);
    }
    for (qsizetype i = 0; i < m_sections.size(); ++i) {
        check(m_sections.at(i), QStringLiteral("sections[%1]").arg(i), "relevant", false, false);
    }
    Q_UNUSED(package)
}

void FormLogic::checkCycles(ValidationReport *report) const
{
    // Evaluating ${x} needs x's relevance, its ancestors' relevance, its section's relevance
    // and (for a calculation) its formula: a cycle there would never finish, so it is refused.
    auto dependencies = [this](const QString &name) {
        QStringList out;
        const QuestionLogic &l = m_questions[name];
        for (const Expression *e : {&l.relevant, &l.calculate, &m_sections.at(l.section)}) {
            for (const QString &ref : e->references()) {
                if (m_questions.contains(ref)) {
                    out.append(ref);
                }
            }
        }
        out.append(l.ancestors);
        out.sort();
        return out;
    };
    enum class Mark { None, Active, Done };
    QHash<QString, Mark> marks;
    QSet<QString> reported;
    QStringList stack;
    std::function<void(const QString &)> visit = [&](const QString &name) {
        marks[name] = Mark::Active;
        stack.append(name);
        for (const QString &dep : dependencies(name)) {
            const Mark m = marks.value(dep, Mark::None);
            if (m == Mark::Active) {
                const QStringList cycle = stack.mid(stack.indexOf(dep)) + QStringList{dep};
                if (!reported.contains(dep)) {
                    reported.insert(dep);
                    QStringList shown;
                    for (const QString &n : cycle) {
                        shown.append(QStringLiteral("${%1}").arg(n));
                    }
                    report->add(m_questions[dep].question->sourcePath,
                                QStringLiteral("relevance and calculations depend on each other in a circle: %1").arg(shown.join(QStringLiteral(" -> "))));
                }
            } else if (m == Mark::None) {
                visit(dep);
            }
        }
        stack.removeLast();
        marks[name] = Mark::Done;
    };
    for (const QString &name : m_order) {
        if (marks.value(name, Mark::None) == Mark::None) {
            visit(name);
        }
    }
}

} // namespace chorus::survey
