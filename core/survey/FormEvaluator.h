// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "response/Answer.h"
#include "survey/FormLogic.h"

#include <QHash>
#include <QMap>

namespace chorus::survey {

// The answers and repeat counts FormEngine owns, handed to the evaluator on every call.
struct FormData {
    QMap<QString, response::Answer> answers; // by answer path
    QMap<QString, int> repeatCounts;
};

// Evaluates a package's compiled logic over the current answers: relevance, values of
// references (hidden questions read as "", as ODK clears non-relevant values), calculations,
// required-if, constraints and choice filters. Results are memoised until invalidate(), so
// working out every page after an answer change costs one evaluation per expression.
class FormEvaluator
{
public:
    FormEvaluator(const SurveyPackage &package, std::shared_ptr<const FormLogic> logic)
        : m_package(&package), m_logic(std::move(logic))
    {
    }

    void rebind(const SurveyPackage &package) { m_package = &package; }
    void invalidate() const;

    // The question's own relevance (not its ancestors'), in its repeat instance.
    bool ownRelevant(const Question &q, const QString &path, const FormData &data) const;
    bool sectionRelevant(int section, const FormData &data) const;
    // Shown: section, every ancestor and the question itself relevant (and the instance exists).
    bool visible(const QString &path, const FormData &data) const;

    // The typed value of a path ("" when hidden or unanswered; a calculation's result).
    Value value(const QString &path, const FormData &data) const;
    bool required(const Question &q, const QString &path, const FormData &data) const;
    bool constraintHolds(const Question &q, const QString &path, const response::Answer &answer, const FormData &data) const;
    QList<Choice> choices(const Question &q, const QString &path, const FormData &data) const;

    static Value typedValue(const Question &q, const response::Answer &answer);

private:
    friend class EngineContext;
    const SurveyPackage *m_package;
    std::shared_ptr<const FormLogic> m_logic;
    mutable QHash<QString, bool> m_relevant;
    mutable QHash<int, bool> m_sectionRelevant;
    mutable QHash<QString, Value> m_values;
    mutable QSet<QString> m_inProgress;
};

// "repeat[n]/name" -> {repeat, n, name}; a plain name -> {"", 0, name}.
struct PathParts {
    QString repeat;
    int instance = 0;
    QString name;
};
PathParts splitPath(const QString &path);

} // namespace chorus::survey
