// SPDX-License-Identifier: GPL-3.0-or-later
#include "Expression.h"

#include "survey/ExpressionNode.h"

namespace chorus::survey {

using Node = Expression::Node;

namespace {
struct Token {
    enum class Kind { End, Number, String, Reference, Name, Dot, DotDot, LParen, RParen, Comma, Op };
    Kind kind = Kind::End;
    QString text;
    int position = 0; // 1-based
};

bool isNameStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('.');
}
} // namespace

class ExpressionParser
{
public:
    explicit ExpressionParser(const QString &text) : m_text(text) {}

    Result<Expression> run()
    {
        if (m_text.size() > Expression::kMaxLength) {
            return makeError(ErrorKind::InvalidInput, QStringLiteral("at 1: expression is too long (the limit is %1 characters)").arg(Expression::kMaxLength));
        }
        Expression out;
        out.m_text = m_text;
        m_out = &out;
        advance();
        Node root = parseOr(0);
        if (m_error.isEmpty() && m_token.kind != Token::Kind::End) {
            fail(QStringLiteral("unexpected \"%1\"").arg(m_token.text));
        }
        if (!m_error.isEmpty()) {
            return makeError(ErrorKind::InvalidInput, m_error);
        }
        out.m_root = std::make_shared<const Node>(std::move(root));
        return out;
    }

private:
    void fail(const QString &message, int position = -1)
    {
        if (m_error.isEmpty()) {
            m_error = QStringLiteral("at %1: %2").arg(position < 0 ? m_token.position : position).arg(message);
        }
    }

    void advance()
    {
        const qsizetype n = m_text.size();
        while (m_pos < n && m_text.at(m_pos).isSpace()) {
            ++m_pos;
        }
        m_token = Token{};
        m_token.position = int(m_pos) + 1;
        if (m_pos >= n) {
            return;
        }
        const QChar c = m_text.at(m_pos);
        const qsizetype start = m_pos;
        auto single = [&](Token::Kind kind) {
            m_token.kind = kind;
            m_token.text = QString(c);
            ++m_pos;
        };
        if (c.isDigit() || (c == QLatin1Char('.') && m_pos + 1 < n && m_text.at(m_pos + 1).isDigit())) {
            while (m_pos < n && (m_text.at(m_pos).isDigit() || m_text.at(m_pos) == QLatin1Char('.'))) {
                ++m_pos;
            }
            m_token.kind = Token::Kind::Number;
            m_token.text = m_text.mid(start, m_pos - start);
            if (m_token.text.count(QLatin1Char('.')) > 1) {
                fail(QStringLiteral("\"%1\" is not a number").arg(m_token.text));
            }
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            const qsizetype close = m_text.indexOf(c, m_pos + 1);
            if (close < 0) {
                fail(QStringLiteral("text starting here has no closing %1").arg(c));
                m_pos = n;
                return;
            }
            m_token.kind = Token::Kind::String;
            m_token.text = m_text.mid(m_pos + 1, close - m_pos - 1);
            m_pos = close + 1;
        } else if (c == QLatin1Char('$')) {
            if (m_pos + 1 >= n || m_text.at(m_pos + 1) != QLatin1Char('{')) {
                fail(QStringLiteral("'$' must start a reference like ${name}"));
                m_pos = n;
                return;
            }
            const qsizetype close = m_text.indexOf(QLatin1Char('}'), m_pos);
            if (close < 0) {
                fail(QStringLiteral("${ has no closing }"));
                m_pos = n;
                return;
            }
            m_token.kind = Token::Kind::Reference;
            m_token.text = m_text.mid(m_pos + 2, close - m_pos - 2).trimmed();
            m_pos = close + 1;
            if (m_token.text.isEmpty() || !isNameStart(m_token.text.at(0))) {
                fail(QStringLiteral("\"${%1}\" is not a question reference").arg(m_token.text), int(start) + 1);
            }
        } else if (isNameStart(c)) {
            while (m_pos < n && isNameChar(m_text.at(m_pos))) {
                ++m_pos;
            }
            m_token.kind = Token::Kind::Name;
            m_token.text = m_text.mid(start, m_pos - start);
        } else if (c == QLatin1Char('.')) {
            if (m_pos + 1 < n && m_text.at(m_pos + 1) == QLatin1Char('.')) {
                m_token.kind = Token::Kind::DotDot;
                m_token.text = QStringLiteral("..");
                m_pos += 2;
            } else {
                single(Token::Kind::Dot);
            }
        } else if (c == QLatin1Char('(')) {
            single(Token::Kind::LParen);
        } else if (c == QLatin1Char(')')) {
            single(Token::Kind::RParen);
        } else if (c == QLatin1Char(',')) {
            single(Token::Kind::Comma);
        } else if (c == QLatin1Char('!') || c == QLatin1Char('<') || c == QLatin1Char('>')) {
            m_token.kind = Token::Kind::Op;
            m_pos += (m_pos + 1 < n && m_text.at(m_pos + 1) == QLatin1Char('=')) ? 2 : 1;
            m_token.text = m_text.mid(start, m_pos - start);
            if (m_token.text == QLatin1String("!")) {
                fail(QStringLiteral("'!' on its own is not an operator (use != or not())"));
            }
        } else if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('*')) {
            single(Token::Kind::Op);
        } else {
            fail(QStringLiteral("unexpected character '%1'").arg(c));
            m_pos = n;
        }
    }

    bool isOperatorName(const char *word) const
    {
        return (m_token.kind == Token::Kind::Name || m_token.kind == Token::Kind::Op) && m_token.text == QLatin1String(word);
    }

    Node binary(Op op, Node left, Node right)
    {
        Node node;
        node.kind = Node::Kind::Binary;
        node.op = op;
        node.args.push_back(std::move(left));
        node.args.push_back(std::move(right));
        return node;
    }

    bool tooDeep(int depth)
    {
        if (depth > Expression::kMaxDepth) {
            fail(QStringLiteral("expression is nested too deeply (the limit is %1 levels)").arg(Expression::kMaxDepth));
            return true;
        }
        return false;
    }

    Node parseOr(int depth)
    {
        if (tooDeep(depth)) {
            return {};
        }
        Node left = parseAnd(depth);
        while (m_error.isEmpty() && isOperatorName("or")) {
            advance();
            left = binary(Op::Or, std::move(left), parseAnd(depth));
        }
        return left;
    }

    Node parseAnd(int depth)
    {
        Node left = parseEquality(depth);
        while (m_error.isEmpty() && isOperatorName("and")) {
            advance();
            left = binary(Op::And, std::move(left), parseEquality(depth));
        }
        return left;
    }

    Node parseEquality(int depth)
    {
        Node left = parseRelational(depth);
        while (m_error.isEmpty() && (isOperatorName("=") || isOperatorName("!="))) {
            const Op op = m_token.text == QLatin1String("=") ? Op::Eq : Op::Ne;
            advance();
            left = binary(op, std::move(left), parseRelational(depth));
        }
        return left;
    }

    Node parseRelational(int depth)
    {
        Node left = parseAdditive(depth);
        while (m_error.isEmpty() && m_token.kind == Token::Kind::Op
               && (m_token.text == QLatin1String("<") || m_token.text == QLatin1String("<=") || m_token.text == QLatin1String(">")
                   || m_token.text == QLatin1String(">="))) {
            const Op op = m_token.text == QLatin1String("<") ? Op::Lt : m_token.text == QLatin1String("<=") ? Op::Le
                        : m_token.text == QLatin1String(">") ? Op::Gt : Op::Ge;
            advance();
            left = binary(op, std::move(left), parseAdditive(depth));
        }
        return left;
    }

    Node parseAdditive(int depth)
    {
        Node left = parseMultiplicative(depth);
        while (m_error.isEmpty() && (isOperatorName("+") || isOperatorName("-"))) {
            const Op op = m_token.text == QLatin1String("+") ? Op::Add : Op::Sub;
            advance();
            left = binary(op, std::move(left), parseMultiplicative(depth));
        }
        return left;
    }

    Node parseMultiplicative(int depth)
    {
        Node left = parseUnary(depth);
        while (m_error.isEmpty() && (isOperatorName("*") || isOperatorName("div") || isOperatorName("mod"))) {
            const Op op = m_token.text == QLatin1String("*") ? Op::Mul : m_token.text == QLatin1String("div") ? Op::Div : Op::Mod;
            advance();
            left = binary(op, std::move(left), parseUnary(depth));
        }
        return left;
    }

    Node parseUnary(int depth)
    {
        if (tooDeep(depth)) {
            return {};
        }
        if (isOperatorName("-")) {
            advance();
            Node node;
            node.kind = Node::Kind::Unary;
            node.op = Op::Neg;
            node.args.push_back(parseUnary(depth + 1));
            return node;
        }
        return parsePrimary(depth);
    }

    Node parsePrimary(int depth)
    {
        Node node;
        const Token token = m_token;
        switch (token.kind) {
        case Token::Kind::Number:
            node.literal = Value::number(QLocale::c().toDouble(token.text));
            advance();
            return node;
        case Token::Kind::String:
            node.literal = Value::string(token.text);
            advance();
            return node;
        case Token::Kind::Reference:
            node.kind = Node::Kind::Reference;
            node.name = token.text;
            m_out->m_references.insert(token.text);
            advance();
            return node;
        case Token::Kind::Dot:
            node.kind = Node::Kind::Current;
            m_out->m_usesCurrent = true;
            advance();
            return node;
        case Token::Kind::DotDot:
            node.kind = Node::Kind::Parent;
            advance();
            return node;
        case Token::Kind::LParen: {
            advance();
            node = parseOr(depth + 1);
            if (m_error.isEmpty() && m_token.kind != Token::Kind::RParen) {
                fail(QStringLiteral("expected ')' to close the '(' at %1").arg(token.position));
            }
            advance();
            return node;
        }
        case Token::Kind::Name:
            advance();
            if (m_token.kind == Token::Kind::LParen) {
                return parseCall(token, depth);
            }
            node.kind = Node::Kind::BareName;
            node.name = token.text;
            m_out->m_bareNames.insert(token.text);
            return node;
        case Token::Kind::End:
            fail(QStringLiteral("the expression ends too early"));
            return node;
        default:
            fail(QStringLiteral("unexpected \"%1\"").arg(token.text));
            return node;
        }
    }

    Node parseCall(const Token &name, int depth)
    {
        Node node;
        node.kind = Node::Kind::Call;
        const FunctionInfo *info = findFunction(name.text);
        if (!info) {
            fail(QStringLiteral("unknown function %1()").arg(name.text), name.position);
            return node;
        }
        node.fn = info->fn;
        advance(); // '('
        if (m_token.kind != Token::Kind::RParen) {
            node.args.push_back(parseOr(depth + 1));
            while (m_error.isEmpty() && m_token.kind == Token::Kind::Comma) {
                advance();
                node.args.push_back(parseOr(depth + 1));
            }
        }
        if (m_error.isEmpty() && m_token.kind != Token::Kind::RParen) {
            fail(QStringLiteral("expected ',' or ')' in the arguments of %1()").arg(name.text));
        }
        advance();
        const int count = int(node.args.size());
        if (m_error.isEmpty() && (count < info->minArgs || (info->maxArgs >= 0 && count > info->maxArgs))) {
            fail(QStringLiteral("%1() takes %2 argument(s), not %3")
                     .arg(name.text,
                          info->minArgs == info->maxArgs ? QString::number(info->minArgs)
                          : info->maxArgs < 0            ? QStringLiteral("%1 or more").arg(info->minArgs)
                                                         : QStringLiteral("%1 to %2").arg(info->minArgs).arg(info->maxArgs))
                     .arg(count),
                 name.position);
        }
        if (m_error.isEmpty() && node.fn == Fn::Regex && node.args.at(1).kind == Node::Kind::Literal) {
            auto re = std::make_shared<QRegularExpression>(node.args.at(1).literal.toString());
            if (!re->isValid()) {
                fail(QStringLiteral("regex(): invalid pattern (%1)").arg(re->errorString()), name.position);
            }
            node.regex = std::move(re);
        }
        return node;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    Token m_token;
    QString m_error;
    Expression *m_out = nullptr;
};

Result<Expression> Expression::parse(const QString &text)
{
    return ExpressionParser(text).run();
}

Value Expression::evaluate(const EvalContext &context) const
{
    if (!m_root) {
        return Value::string({});
    }
    return evaluateNode(*m_root, context);
}

} // namespace chorus::survey
