// SPDX-License-Identifier: GPL-3.0-or-later
#include "survey/Expression.h"

#include <QHash>
#include <QTest>

using namespace chorus::survey;

namespace {
// A fixed world for the table: typed references, a current answer, choice attributes, a clock.
class TableContext : public EvalContext
{
public:
    TableContext()
    {
        m_refs.insert(QStringLiteral("age"), Value::number(34));
        m_refs.insert(QStringLiteral("age_text"), Value::string(QStringLiteral("34")));
        m_refs.insert(QStringLiteral("empty"), Value::string({}));
        m_refs.insert(QStringLiteral("name"), Value::string(QStringLiteral("Ada Lovelace")));
        m_refs.insert(QStringLiteral("multi"), Value::string(QStringLiteral("a c d")));
        m_refs.insert(QStringLiteral("dob"), Value::date(double(QDate(1970, 1, 1).daysTo(QDate(1990, 6, 15)))));
        m_refs.insert(QStringLiteral("yob"), Value::number(2010));
        m_refs.insert(QStringLiteral("zero"), Value::number(0));
        m_refs.insert(QStringLiteral("half"), Value::number(2.5));
        m_refs.insert(QStringLiteral("neg"), Value::number(-2.5));
        m_refs.insert(QStringLiteral("people"), Value::nodeset({QStringLiteral("34"), QStringLiteral("12"), QStringLiteral("70")}));
        m_refs.insert(QStringLiteral("none"), Value::nodeset({}));
        m_refs.insert(QStringLiteral("flag"), Value::string(QStringLiteral("yes")));
        m_refs.insert(QStringLiteral("band"), Value::string(QStringLiteral("16_24")));
        m_refs.insert(QStringLiteral("postcode"), Value::string(QStringLiteral("KT1 1EU")));
    }
    Value reference(const QString &name) const override { return m_refs.value(name, Value::string({})); }
    Value current() const override { return Value::string(QStringLiteral("hello")); }
    Value choiceAttribute(const QString &name) const override
    {
        if (name == QLatin1String("group")) {
            return Value::string(QStringLiteral("white"));
        }
        if (name == QLatin1String("name")) {
            return Value::string(QStringLiteral("13"));
        }
        return Value::string({});
    }
    int position() const override { return 2; }
    QDateTime now() const override { return QDateTime(QDate(2026, 11, 24), QTime(12, 30), Qt::UTC); }

private:
    QHash<QString, Value> m_refs;
};

struct Case {
    const char *expression;
    const char *expected; // the result as string(), or "error at N" for a parse error at position N
};

// Each row is one specification of the language. Sections follow docs/formats/survey-package.md.
const Case kCases[] = {
    // Literals and arithmetic
    {"1", "1"}, {"1.5", "1.5"}, {".5", "0.5"}, {"'text'", "text"}, {"\"text\"", "text"}, {"''", ""},
    {"1 + 2", "3"}, {"1+2", "3"}, {"5 - 3", "2"}, {"5-3", "2"}, {"2 * 3", "6"}, {"7 div 2", "3.5"}, {"7 mod 3", "1"},
    {"-7 mod 3", "-1"}, {"7.5 mod 2", "1.5"}, {"1 + 2 * 3", "7"}, {"(1 + 2) * 3", "9"}, {"10 - 2 - 3", "5"},
    {"8 div 2 div 2", "2"}, {"-3", "-3"}, {"--3", "3"}, {"- 3 + 5", "2"}, {"2 * -3", "-6"}, {"1 div 0", "Infinity"},
    {"-1 div 0", "-Infinity"}, {"0 div 0", "NaN"}, {"1 div 3", "0.333333333333333"}, {"0.1 + 0.2", "0.3"},
    {"1000000 * 1000000", "1000000000000"}, {"2.50 + 0", "2.5"}, {"((((((((((1))))))))))", "1"},
    // Comparison and logic
    {"1 = 1", "true"}, {"1 = 2", "false"}, {"1 != 2", "true"}, {"1 < 2", "true"}, {"2 <= 2", "true"}, {"3 > 2", "true"},
    {"2 >= 3", "false"}, {"'a' = 'a'", "true"}, {"'a' = 'b'", "false"}, {"'a' != 'b'", "true"}, {"'2' = 2", "true"},
    {"'2.0' = 2", "true"}, {"'abc' = 0", "false"}, {"'' = 0", "false"}, {"true() = 'x'", "true"}, {"false() = ''", "true"},
    {"true() and false()", "false"}, {"true() or false()", "true"}, {"false() or false()", "false"},
    {"1 = 1 and 2 = 2", "true"}, {"1 = 1 and 2 = 3 or 4 = 4", "true"}, {"1 = 2 or 2 = 2 and 3 = 4", "false"},
    {"not(true())", "false"}, {"not(0)", "true"}, {"not('')", "true"}, {"not('false')", "false"},
    {"1 < 2 = true()", "true"}, {"'10' < '9'", "false"}, {"'b' > 'a'", "false"},
    // References and ODK typing rules
    {"${age}", "34"}, {"${age} + 1", "35"}, {"${age} > 16", "true"}, {"${age} >= 34", "true"}, {"${age} = 34", "true"},
    {"${age} = '34'", "true"}, {"${age_text} = 34", "true"}, {"${age_text} > 16", "true"}, {"${age_text} + 1", "35"},
    {"${empty}", ""}, {"${empty} = ''", "true"}, {"${empty} != ''", "false"}, {"${empty} > 16", "false"},
    {"${empty} < 16", "false"}, {"${empty} = 0", "false"}, {"${empty} + 1", "NaN"}, {"not(${empty})", "true"},
    {"${unknown}", ""}, {"${ age }", "34"}, {"${name}", "Ada Lovelace"}, {"${zero} = 0", "true"}, {"boolean(${zero})", "false"},
    {"${band} = '16_24'", "true"}, {"${band} != '0_15'", "true"}, {"${flag} = 'yes' and ${age} >= 16", "true"},
    {"${half} * 2", "5"}, {"${neg} * 2", "-5"},
    // Dates
    {"${dob}", "1990-06-15"}, {"${dob} = '1990-06-15'", "true"}, {"${dob} < '2000-01-01'", "true"},
    {"${dob} > '2000-01-01'", "false"}, {"${dob} + 1", "7471"}, {"today()", "2026-11-24"}, {"today() - ${dob}", "13311"},
    {"today() > ${dob}", "true"}, {"int((today() - ${dob}) div 365.25)", "36"}, {"today() = '2026-11-24'", "true"},
    {"date('2026-01-31')", "2026-01-31"}, {"date(0)", "1970-01-01"}, {"date(20000)", "2024-10-04"}, {"date(today() + 7)", "2026-12-01"},
    {"date('not a date')", ""}, {"now()", "2026-11-24T12:30:00.000Z"}, {"now() > today()", "true"},
    {"int(substr(today(), 0, 4)) - ${yob}", "16"}, {"int(substr(today(), 0, 4)) - ${yob} >= 17", "false"},
    {"${dob} = ''", "false"},
    // Multiple choice
    {"selected(${multi}, 'a')", "true"}, {"selected(${multi}, 'b')", "false"}, {"selected(${multi}, 'c')", "true"},
    {"selected(${multi}, ' d ')", "true"}, {"selected(${empty}, 'a')", "false"}, {"selected(${multi}, '')", "false"},
    {"selected(${name}, 'Ada')", "true"}, {"count-selected(${multi})", "3"}, {"count-selected(${empty})", "0"},
    {"selected-at(${multi}, 0)", "a"}, {"selected-at(${multi}, 2)", "d"}, {"selected-at(${multi}, 3)", ""},
    {"selected-at(${multi}, -1)", ""}, {"not(selected(${multi}, 'b'))", "true"},
    // if, coalesce, concat
    {"if(true(), 'a', 'b')", "a"}, {"if(false(), 'a', 'b')", "b"}, {"if(${age} >= 16, 'adult', 'child')", "adult"},
    {"if(${empty}, 1, 2)", "2"}, {"if(${empty} = '', 'none', ${empty})", "none"}, {"if(1, if(0, 'x', 'y'), 'z')", "y"},
    {"coalesce(${empty}, 'fallback')", "fallback"}, {"coalesce(${name}, 'fallback')", "Ada Lovelace"},
    {"coalesce(${empty}, ${empty}, 3)", "3"}, {"coalesce(${empty}, ${empty})", ""}, {"concat('a', 'b', 'c')", "abc"},
    {"concat()", ""}, {"concat(${name}, ' (', ${age}, ')')", "Ada Lovelace (34)"}, {"concat(1 = 1)", "true"},
    {"concat(${people})", "341270"}, {"concat(0.5, '')", "0.5"},
    // Strings
    {"string-length('hello')", "5"}, {"string-length(${empty})", "0"}, {"string-length()", "5"},
    {"string-length(${name}) > 3", "true"}, {"string-length('Łódź')", "4"}, {"substr('hello', 1)", "ello"},
    {"substr('hello', 1, 3)", "el"}, {"substr('hello', 0, 99)", "hello"}, {"substr('hello', 3, 1)", ""},
    {"substr('hello', -2, 2)", "he"}, {"substr('', 0, 2)", ""}, {"contains(${name}, 'Love')", "true"},
    {"contains(${name}, 'love')", "false"}, {"contains('abc', '')", "true"}, {"starts-with(${postcode}, 'KT')", "true"},
    {"ends-with(${postcode}, '1EU')", "true"}, {"normalize-space('  a   b ')", "a b"}, {"string(12)", "12"},
    {"string(1.50)", "1.5"}, {"string(true())", "true"}, {"string(${dob})", "1990-06-15"},
    // regex (ODK: partial match unless anchored)
    {"regex(${postcode}, '^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$')", "true"}, {"regex('KT1', '^[0-9]+$')", "false"},
    {"regex('abc123', '[0-9]+')", "true"}, {"regex(., '^h')", "true"}, {"regex('', '^$')", "true"},
    {"regex('a', concat('^', 'a', '$'))", "true"}, {"regex('a', concat('(', ''))", "false"},
    // Numbers
    {"int(3.7)", "3"}, {"int(-3.7)", "-3"}, {"int('42')", "42"}, {"int('')", "NaN"}, {"number('12.5')", "12.5"},
    {"number('1e3')", "NaN"}, {"number('+1')", "NaN"}, {"number(' 7 ')", "7"}, {"number(true())", "1"},
    {"number('abc')", "NaN"}, {"round(2.5)", "3"}, {"round(-2.5)", "-3"}, {"round(2.4)", "2"}, {"round(3.14159, 2)", "3.14"},
    {"round(1234.5, -2)", "1200"}, {"round(2.5, 1000)", "2.5"}, {"round(2.5, -1000)", "0"}, {"round(2.5, 999999999999 * 999999999999)", "2.5"}, {"round('')", "NaN"}, {"floor(2.7)", "2"}, {"floor(-2.1)", "-3"}, {"ceiling(2.1)", "3"},
    {"abs(-4)", "4"}, {"boolean(0.1)", "true"}, {"boolean(number('x'))", "false"},
    // Repeats
    {"count(${people})", "3"}, {"count(${none})", "0"}, {"sum(${people})", "116"}, {"sum(${none})", "0"},
    {"${people} = 12", "true"}, {"${people} = 13", "false"}, {"${people} > 60", "true"}, {"position(..)", "2"},
    {"position()", "2"}, {"count(${empty})", "0"}, {"count(${age})", "1"},
    // The current answer and choice filters
    {".", "hello"}, {". = 'hello'", "true"}, {"string-length(.) <= 5", "true"}, {"group = 'white'", "true"},
    {"group = ${band}", "false"}, {"name = '13'", "true"}, {"unknown_attribute = ''", "true"},
    // Real survey expressions
    {"${age} >= 16 and not(selected(${multi}, 'b'))", "true"},
    {"if(${band} != '', ${band} != '0_15', if(${yob} != '', int(substr(today(), 0, 4)) - ${yob} >= 17, true()))", "true"},
    {"${flag} = 'yes' or ${flag} = 'no'", "true"}, {"(${age} > 16) = true()", "true"},
    {"concat(substr(${postcode}, 0, 2), '-', count-selected(${multi}))", "KT-3"},
    // Whitespace and names with dashes
    {"  1  +  2  ", "3"}, {"\t1\n=\n1", "true"}, {"count-selected( ${multi} )", "3"},
    // Parse errors carry positions
    {"", "error at 1"}, {"1 +", "error at 4"}, {"(1 + 2", "error at 7"}, {"1 + 2)", "error at 6"}, {"'open", "error at 1"},
    {"${age", "error at 1"}, {"$age", "error at 1"}, {"${}", "error at 1"}, {"${1abc}", "error at 1"},
    {"unknown(1)", "error at 1"}, {"1 + nope(2)", "error at 5"}, {"if(1, 2)", "error at 1"}, {"selected(${multi})", "error at 1"},
    {"today(1)", "error at 1"}, {"concat(1,)", "error at 10"}, {"1 ! 2", "error at 3"}, {"1 == 2", "error at 4"},
    {"1 # 2", "error at 3"}, {"1.2.3", "error at 1"}, {"regex('a', '(')", "error at 1"}, {"1 2", "error at 3"},
    {"and 1", "error at 5"}, {"*", "error at 1"}, {"f(", "error at 1"}, {"count-selected(${multi}", "error at 24"},
    {"(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))", "error at 66"},
};
} // namespace

class TestExpression : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void table_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("expected");
        for (const Case &c : kCases) {
            QTest::newRow(c.expression) << QString::fromUtf8(c.expression) << QString::fromUtf8(c.expected);
        }
    }

    void table()
    {
        QFETCH(QString, expression);
        QFETCH(QString, expected);
        auto parsed = Expression::parse(expression);
        if (expected.startsWith(QLatin1String("error at "))) {
            QVERIFY2(!parsed.ok(), "expected a parse error");
            QVERIFY2(parsed.error().message.startsWith(expected.mid(6) + QLatin1Char(':')), qPrintable(parsed.error().message));
            return;
        }
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed->evaluate(TableContext()).toString(), expected);
    }

    void references_andBareNames_areCollectedAtParseTime()
    {
        auto e = Expression::parse(QStringLiteral("group = ${a} and selected(${b}, 'x') or ${a} > .").arg(QString()));
        QVERIFY(e.ok());
        QCOMPARE(e->references(), (QSet<QString>{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(e->bareNames(), QSet<QString>{QStringLiteral("group")});
        QVERIFY(e->usesCurrent());
    }

    void longExpressions_areRefused()
    {
        QVERIFY(!Expression::parse(QString(Expression::kMaxLength + 1, QLatin1Char('1'))).ok());
        QString chain = QStringLiteral("1");
        for (int i = 0; i < 1000; ++i) {
            chain += QStringLiteral("+1");
        }
        auto e = Expression::parse(chain);
        QVERIFY(e.ok());
        QCOMPARE(e->evaluate(TableContext()).toString(), QStringLiteral("1001"));
    }

    void parseOnce_evaluateMany_givesTheSameAnswer()
    {
        auto e = Expression::parse(QStringLiteral("${age} * 2"));
        QVERIFY(e.ok());
        const Expression copy = *e;
        TableContext context;
        for (int i = 0; i < 100; ++i) {
            QCOMPARE(copy.evaluate(context).toNumber(), 68.0);
        }
    }
};

QTEST_GUILESS_MAIN(TestExpression)
#include "tst_expression.moc"
