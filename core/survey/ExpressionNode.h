// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "survey/Expression.h"

#include <QRegularExpression>

namespace chorus::survey {

enum class Fn {
    Selected, CountSelected, SelectedAt, If, Coalesce, Concat, StringLength, Substr, Regex, Contains,
    StartsWith, EndsWith, Today, Now, Int, Number, String, Boolean, Round, Floor, Ceiling, Abs, Count,
    Sum, Position, Not, True, False, Date, NormalizeSpace,
};

enum class Op { Or, And, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Mod, Neg };

struct Expression::Node {
    enum class Kind { Literal, Reference, Current, Parent, BareName, Binary, Unary, Call };
    Kind kind = Kind::Literal;
    Value literal;
    QString name;
    Op op = Op::Or;
    Fn fn = Fn::True;
    std::vector<Node> args;
    std::shared_ptr<const QRegularExpression> regex; // regex() with a literal pattern, compiled once
};

// Evaluates a node (ExpressionFunctions.cpp holds the functions).
Value evaluateNode(const Expression::Node &node, const EvalContext &context);
Value callFunction(const Expression::Node &node, const EvalContext &context);

struct FunctionInfo {
    const char *name;
    Fn fn;
    int minArgs;
    int maxArgs; // -1 = any
};
const FunctionInfo *findFunction(const QString &name);

} // namespace chorus::survey
