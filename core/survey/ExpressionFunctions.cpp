// SPDX-License-Identifier: GPL-3.0-or-later
#include "survey/ExpressionNode.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace chorus::survey {

using Node = Expression::Node;

namespace {
constexpr FunctionInfo kFunctions[] = {
    {"selected", Fn::Selected, 2, 2},
    {"count-selected", Fn::CountSelected, 1, 1},
    {"selected-at", Fn::SelectedAt, 2, 2},
    {"if", Fn::If, 3, 3},
    {"coalesce", Fn::Coalesce, 2, -1},
    {"concat", Fn::Concat, 0, -1},
    {"string-length", Fn::StringLength, 0, 1},
    {"substr", Fn::Substr, 2, 3},
    {"regex", Fn::Regex, 2, 2},
    {"contains", Fn::Contains, 2, 2},
    {"starts-with", Fn::StartsWith, 2, 2},
    {"ends-with", Fn::EndsWith, 2, 2},
    {"today", Fn::Today, 0, 0},
    {"now", Fn::Now, 0, 0},
    {"int", Fn::Int, 1, 1},
    {"number", Fn::Number, 1, 1},
    {"string", Fn::String, 1, 1},
    {"boolean", Fn::Boolean, 1, 1},
    {"round", Fn::Round, 1, 2},
    {"floor", Fn::Floor, 1, 1},
    {"ceiling", Fn::Ceiling, 1, 1},
    {"abs", Fn::Abs, 1, 1},
    {"count", Fn::Count, 1, 1},
    {"sum", Fn::Sum, 1, 1},
    {"position", Fn::Position, 0, 1},
    {"not", Fn::Not, 1, 1},
    {"true", Fn::True, 0, 0},
    {"false", Fn::False, 0, 0},
    {"date", Fn::Date, 1, 1},
    {"normalize-space", Fn::NormalizeSpace, 0, 1},
};

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QStringList tokens(const Value &v)
{
    return v.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool equal(const Value &a, const Value &b)
{
    using T = Value::Type;
    if (a.type() == T::Nodeset || b.type() == T::Nodeset) {
        const Value &set = a.type() == T::Nodeset ? a : b;
        const Value &other = a.type() == T::Nodeset ? b : a;
        if (other.type() == T::Boolean) {
            return set.toBool() == other.toBool();
        }
        for (const QString &node : set.nodes()) {
            if (equal(Value::string(node), other)) {
                return true;
            }
        }
        return false;
    }
    if (a.type() == T::Boolean || b.type() == T::Boolean) {
        return a.toBool() == b.toBool();
    }
    if (a.type() == T::Number || b.type() == T::Number) {
        return a.toNumber() == b.toNumber();
    }
    if (a.type() == T::Date || b.type() == T::Date) {
        const auto x = a.toDays();
        const auto y = b.toDays();
        if (x && y) {
            return *x == *y;
        }
    }
    return a.toString() == b.toString();
}

bool relational(Op op, const Value &a, const Value &b)
{
    if (a.type() == Value::Type::Nodeset || b.type() == Value::Type::Nodeset) {
        // XPath: true if any node satisfies the comparison.
        const bool left = a.type() == Value::Type::Nodeset;
        for (const QString &node : (left ? a : b).nodes()) {
            if (left ? relational(op, Value::string(node), b) : relational(op, a, Value::string(node))) {
                return true;
            }
        }
        return false;
    }
    double x = a.toNumber();
    double y = b.toNumber();
    if (a.type() == Value::Type::Date || b.type() == Value::Type::Date) {
        const auto dx = a.toDays();
        const auto dy = b.toDays();
        x = dx ? *dx : kNaN;
        y = dy ? *dy : kNaN;
    }
    switch (op) {
    case Op::Lt: return x < y;
    case Op::Le: return x <= y;
    case Op::Gt: return x > y;
    case Op::Ge: return x >= y;
    default: return false;
    }
}

Value binary(const Node &node, const EvalContext &context)
{
    const Op op = node.op;
    if (op == Op::Or) {
        return Value::boolean(evaluateNode(node.args[0], context).toBool() || evaluateNode(node.args[1], context).toBool());
    }
    if (op == Op::And) {
        return Value::boolean(evaluateNode(node.args[0], context).toBool() && evaluateNode(node.args[1], context).toBool());
    }
    const Value a = evaluateNode(node.args[0], context);
    const Value b = evaluateNode(node.args[1], context);
    switch (op) {
    case Op::Eq: return Value::boolean(equal(a, b));
    case Op::Ne: return Value::boolean(!equal(a, b));
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge: return Value::boolean(relational(op, a, b));
    case Op::Add: return Value::number(a.toNumber() + b.toNumber());
    case Op::Sub: return Value::number(a.toNumber() - b.toNumber());
    case Op::Mul: return Value::number(a.toNumber() * b.toNumber());
    case Op::Div: {
        const double y = b.toNumber();
        const double x = a.toNumber();
        if (y == 0) {
            return Value::number(x == 0 || std::isnan(x) ? kNaN : (std::signbit(x) != std::signbit(y) ? -HUGE_VAL : HUGE_VAL));
        }
        return Value::number(x / y);
    }
    case Op::Mod: return Value::number(std::fmod(a.toNumber(), b.toNumber()));
    default: return Value::string({});
    }
}

Value arg(const Node &node, size_t i, const EvalContext &context)
{
    return evaluateNode(node.args.at(i), context);
}

double roundHalfAwayFromZero(double x, int digits)
{
    if (std::isnan(x) || std::isinf(x)) {
        return x;
    }
    const double factor = std::pow(10.0, digits);
    if (factor == 0.0) {
        return 0.0; // rounding to far more tens than any double holds
    }
    if (!std::isfinite(x * factor)) {
        return x; // more decimal places than a double has: nothing to round
    }
    return std::round(x * factor) / factor;
}
} // namespace

const FunctionInfo *findFunction(const QString &name)
{
    for (const FunctionInfo &f : kFunctions) {
        if (name == QLatin1String(f.name)) {
            return &f;
        }
    }
    return nullptr;
}

Value evaluateNode(const Node &node, const EvalContext &context)
{
    switch (node.kind) {
    case Node::Kind::Literal: return node.literal;
    case Node::Kind::Reference: return context.reference(node.name);
    case Node::Kind::Current: return context.current();
    case Node::Kind::Parent: return Value::string({});
    case Node::Kind::BareName: return context.choiceAttribute(node.name);
    case Node::Kind::Unary: return Value::number(-evaluateNode(node.args[0], context).toNumber());
    case Node::Kind::Binary: return binary(node, context);
    case Node::Kind::Call: return callFunction(node, context);
    }
    return Value::string({});
}

Value callFunction(const Node &node, const EvalContext &context)
{
    const size_t n = node.args.size();
    switch (node.fn) {
    case Fn::Selected: return Value::boolean(tokens(arg(node, 0, context)).contains(arg(node, 1, context).toString().trimmed()));
    case Fn::CountSelected: return Value::number(double(tokens(arg(node, 0, context)).size()));
    case Fn::SelectedAt: {
        const QStringList t = tokens(arg(node, 0, context));
        const double i = arg(node, 1, context).toNumber();
        return Value::string(i >= 0 && i < double(t.size()) ? t.at(qsizetype(i)) : QString());
    }
    case Fn::If: return arg(node, 0, context).toBool() ? arg(node, 1, context) : arg(node, 2, context);
    case Fn::Coalesce:
        for (size_t i = 0; i < n; ++i) {
            Value v = arg(node, i, context);
            if (!v.toString().isEmpty()) {
                return v;
            }
        }
        return Value::string({});
    case Fn::Concat: {
        QString out;
        for (size_t i = 0; i < n; ++i) {
            const Value v = arg(node, i, context);
            out += v.type() == Value::Type::Nodeset ? v.nodes().join(QString()) : v.toString();
        }
        return Value::string(out);
    }
    case Fn::StringLength: return Value::number(double((n ? arg(node, 0, context) : context.current()).toString().size()));
    case Fn::Substr: {
        const QString s = arg(node, 0, context).toString();
        const double start = std::max(0.0, arg(node, 1, context).toNumber());
        const double end = n > 2 ? std::min(double(s.size()), arg(node, 2, context).toNumber()) : double(s.size());
        if (std::isnan(start) || std::isnan(end) || start >= end) {
            return Value::string({});
        }
        return Value::string(s.mid(qsizetype(start), qsizetype(end) - qsizetype(start)));
    }
    case Fn::Regex: {
        const QString s = arg(node, 0, context).toString();
        if (node.regex) {
            return Value::boolean(node.regex->match(s).hasMatch());
        }
        const QRegularExpression re(arg(node, 1, context).toString());
        return Value::boolean(re.isValid() && re.match(s).hasMatch());
    }
    case Fn::Contains: return Value::boolean(arg(node, 0, context).toString().contains(arg(node, 1, context).toString()));
    case Fn::StartsWith: return Value::boolean(arg(node, 0, context).toString().startsWith(arg(node, 1, context).toString()));
    case Fn::EndsWith: return Value::boolean(arg(node, 0, context).toString().endsWith(arg(node, 1, context).toString()));
    case Fn::Today: return Value::date(double(QDate(1970, 1, 1).daysTo(context.now().date())));
    case Fn::Now: return Value::date(double(context.now().toMSecsSinceEpoch()) / 86400000.0, true);
    case Fn::Int: return Value::number(std::trunc(arg(node, 0, context).toNumber()));
    case Fn::Number: return Value::number(arg(node, 0, context).toNumber());
    case Fn::String: return Value::string(arg(node, 0, context).toString());
    case Fn::Boolean: return Value::boolean(arg(node, 0, context).toBool());
    case Fn::Round: {
        const double digits = n > 1 ? arg(node, 1, context).toNumber() : 0;
        // A double's decimal exponent stays within about ±330, so clamp before converting: a huge
        // or infinite digit count (found by the fuzzer) must not overflow int.
        const int places = std::isnan(digits) ? 0 : int(std::clamp(std::trunc(digits), -400.0, 400.0));
        return Value::number(roundHalfAwayFromZero(arg(node, 0, context).toNumber(), places));
    }
    case Fn::Floor: return Value::number(std::floor(arg(node, 0, context).toNumber()));
    case Fn::Ceiling: return Value::number(std::ceil(arg(node, 0, context).toNumber()));
    case Fn::Abs: return Value::number(std::abs(arg(node, 0, context).toNumber()));
    case Fn::Count: {
        const Value v = arg(node, 0, context);
        return Value::number(v.type() == Value::Type::Nodeset ? double(v.nodes().size()) : (v.toString().isEmpty() ? 0 : 1));
    }
    case Fn::Sum: {
        const Value v = arg(node, 0, context);
        double total = 0;
        for (const QString &s : v.type() == Value::Type::Nodeset ? v.nodes() : QStringList{v.toString()}) {
            total += Value::string(s).toNumber();
        }
        return Value::number(total);
    }
    case Fn::Position: return Value::number(context.position());
    case Fn::Not: return Value::boolean(!arg(node, 0, context).toBool());
    case Fn::True: return Value::boolean(true);
    case Fn::False: return Value::boolean(false);
    case Fn::Date: {
        const Value v = arg(node, 0, context);
        if (v.type() == Value::Type::Number) {
            return Value::date(std::floor(v.toNumber()));
        }
        const auto days = v.toDays();
        return days ? Value::date(*days) : Value::string({});
    }
    case Fn::NormalizeSpace: return Value::string((n ? arg(node, 0, context) : context.current()).toString().simplified());
    }
    return Value::string({});
}

} // namespace chorus::survey
