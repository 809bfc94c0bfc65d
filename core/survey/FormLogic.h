// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "survey/Expression.h"
#include "survey/SurveyPackage.h"
#include "survey/ValidationReport.h"

#include <QHash>

#include <memory>

namespace chorus::survey {

// The expressions of one package, parsed once, with the structure evaluation needs (each
// question's enclosing groups, repeat and section). Built by the loader to validate a
// package and by FormEngine to run it.
class FormLogic
{
public:
    struct QuestionLogic {
        const Question *question = nullptr;
        Expression relevant, constraint, requiredIf, calculate, choiceFilter;
        QStringList ancestors; // enclosing groups/repeats, outermost first
        QString repeat;        // innermost enclosing repeat, empty if none
        int section = 0;
    };

    // Parses every expression. Syntax errors, references to undefined questions, misplaced
    // bare names or `.`, and cycles between relevance and calculations go to `report` (if
    // given); broken expressions are left empty (always true / no value).
    static std::shared_ptr<const FormLogic> compile(const SurveyPackage &package, ValidationReport *report = nullptr);

    const QuestionLogic *logic(const QString &name) const
    {
        const auto it = m_questions.constFind(name);
        return it == m_questions.cend() ? nullptr : &*it;
    }
    const Expression &sectionRelevant(int index) const { return m_sections.at(index); }

private:
    void add(const QList<Question> &questions, int section, QStringList ancestors, const QString &repeat,
             ValidationReport *report);
    void checkReferences(const SurveyPackage &package, ValidationReport *report) const;
    void checkCycles(ValidationReport *report) const;

    QHash<QString, QuestionLogic> m_questions;
    QList<Expression> m_sections;
    QStringList m_order; // question names in form order
};

} // namespace chorus::survey
