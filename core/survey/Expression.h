// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "survey/ExpressionValue.h"

#include <QSet>
#include <QString>

#include <memory>
#include <vector>

namespace chorus::survey {

// What an expression can see while it is evaluated. FormEngine implements it over the
// current answers; tests implement it over a table.
class EvalContext
{
public:
    virtual ~EvalContext() = default;
    // ${name}: the value (typed by its question) in the current repeat instance, a nodeset
    // over instances when asked from outside the repeat, "" when unanswered or hidden.
    virtual Value reference(const QString &name) const = 0;
    // `.`: the answer being constrained.
    virtual Value current() const { return Value::string({}); }
    // A bare name in a choice filter: that attribute of the choice being filtered
    // ("name" is the choice's code).
    virtual Value choiceAttribute(const QString &name) const
    {
        Q_UNUSED(name)
        return Value::string({});
    }
    // position(..): the 1-based index of the current repeat instance (0 outside repeats).
    virtual int position() const { return 0; }
    virtual QDateTime now() const { return QDateTime::currentDateTimeUtc(); }
};

// A parsed expression: an XPath 1.0 subset with XLSForm ${name} references and the common ODK
// functions (see docs/formats/survey-package.md, "Expressions"). Parse once with parse(),
// evaluate many times; evaluation never fails (bad input gives "", NaN or false as in XPath).
class Expression
{
public:
    struct Node;

    Expression() = default;

    static constexpr int kMaxDepth = 64;
    static constexpr int kMaxLength = 4000;

    // The error message starts with the 1-based character position: "at 7: ...".
    static Result<Expression> parse(const QString &text);

    bool isEmpty() const { return !m_root; }
    const QString &text() const { return m_text; }
    // Every ${name} it refers to.
    const QSet<QString> &references() const { return m_references; }
    // Bare names (choice attributes), allowed only in choice filters.
    const QSet<QString> &bareNames() const { return m_bareNames; }
    bool usesCurrent() const { return m_usesCurrent; }

    Value evaluate(const EvalContext &context) const;
    bool evaluateBool(const EvalContext &context) const { return evaluate(context).toBool(); }

private:
    QString m_text;
    std::shared_ptr<const Node> m_root;
    QSet<QString> m_references;
    QSet<QString> m_bareNames;
    bool m_usesCurrent = false;

    friend class ExpressionParser;
};

} // namespace chorus::survey
