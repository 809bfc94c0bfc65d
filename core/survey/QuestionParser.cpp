// SPDX-License-Identifier: GPL-3.0-or-later
#include "QuestionParser.h"

#include <QRegularExpression>
#include <QSet>

namespace chorus::survey {

bool isValidName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]{0,63}$"));
    return re.match(name).hasMatch() && !name.startsWith(QLatin1String("xml"), Qt::CaseInsensitive);
}

bool isReservedName(const QString &name)
{
    // The record columns every export writes before the questions' own (export/TableLayout),
    // and the suffixes of a question's companion columns: a question named like one of them
    // would give a file two columns with one heading.
    static const QStringList columns{QStringLiteral("instanceID"), QStringLiteral("survey_id"),
                                     QStringLiteral("survey_version"), QStringLiteral("bank_version"),
                                     QStringLiteral("ward"), QStringLiteral("KEY"), QStringLiteral("PARENT_KEY"),
                                     QStringLiteral("meta")};
    return columns.contains(name, Qt::CaseInsensitive) || name.endsWith(QLatin1String("__state"), Qt::CaseInsensitive)
        || name.endsWith(QLatin1String("__write_in"), Qt::CaseInsensitive);
}

bool isValidChoiceCode(const QString &code)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]{1,32}$"));
    return re.match(code).hasMatch();
}

namespace {
using J = JsonReader;

bool isExpressionField(const char *key)
{
    for (const char *k : {"requiredIf", "relevant", "constraint", "calculate", "choiceFilter"}) {
        if (qstrcmp(k, key) == 0) {
            return true;
        }
    }
    return false;
}
} // namespace

QList<Choice> QuestionParser::parseChoices(const QJsonArray &array, const QString &path)
{
    QList<Choice> out;
    QSet<QString> codes;
    if (array.isEmpty()) {
        m_reader.problem(path, QStringLiteral("has no choices"));
    }
    if (array.size() > m_limits.maxChoicesPerList) {
        m_reader.problem(path, QStringLiteral("has too many choices (%1; the limit is %2)")
                                   .arg(array.size()).arg(m_limits.maxChoicesPerList));
        return out;
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString p = J::index(path, i);
        if (!array.at(i).isObject()) {
            m_reader.problem(p, QStringLiteral("must be an object with a code and a label"));
            continue;
        }
        const QJsonObject o = array.at(i).toObject();
        m_reader.checkKeys(o, p, {"code", "label", "hint", "writeIn", "attributes"});
        Choice c;
        if (auto code = m_reader.string(o, "code", p, true)) {
            if (!isValidChoiceCode(*code)) {
                m_reader.problem(J::join(p, "code"),
                                 QStringLiteral("\"%1\" is not a valid code: use 1 to 32 letters, digits, '_', '.' or '-' (no spaces)").arg(*code));
            } else if (codes.contains(*code)) {
                m_reader.problem(J::join(p, "code"), QStringLiteral("code \"%1\" is used twice in this list").arg(*code));
            }
            codes.insert(*code);
            c.code = *code;
        }
        c.label = m_reader.localized(o, "label", p, true);
        c.hint = m_reader.localized(o, "hint", p, false);
        c.writeIn = m_reader.boolean(o, "writeIn", p).value_or(false);
        if (auto attrs = m_reader.object(o, "attributes", p, false)) {
            for (auto it = attrs->begin(); it != attrs->end(); ++it) {
                if (!isValidName(it.key()) || !it.value().isString()) {
                    m_reader.problem(J::join(p, "attributes") + QLatin1Char('.') + it.key(),
                                     QStringLiteral("attributes must be named like questions and hold strings"));
                    continue;
                }
                c.attributes.insert(it.key(), it.value().toString());
            }
        }
        out.append(c);
    }
    return out;
}

QList<Question> QuestionParser::parseList(const QJsonArray &array, const QString &path, int depth,
                                          const BankExpander &expandBank)
{
    QList<Question> out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString p = J::index(path, i);
        if (!array.at(i).isObject()) {
            m_reader.problem(p, QStringLiteral("must be a question object"));
            continue;
        }
        const QJsonObject o = array.at(i).toObject();
        if (o.contains(QLatin1String("bank"))) {
            if (!expandBank) {
                m_reader.problem(p, QStringLiteral("question bank references are allowed only directly in a section's questions"));
                continue;
            }
            const QList<Question> expanded = expandBank(o, p);
            m_count += int(expanded.size());
            out.append(expanded);
            continue;
        }
        if (auto q = parse(o, p, depth)) {
            out.append(std::move(*q));
        }
    }
    return out;
}

std::optional<Question> QuestionParser::parse(const QJsonObject &o, const QString &path, int depth)
{
    if (++m_count > m_limits.maxQuestions) {
        if (m_count == m_limits.maxQuestions + 1) {
            m_reader.problem(path, QStringLiteral("too many questions (the limit is %1)").arg(m_limits.maxQuestions));
        }
        return std::nullopt;
    }
    m_reader.checkKeys(o, path, {"name", "type", "label", "hint", "required", "requiredIf", "relevant", "constraint",
                                 "constraintMessage", "calculate", "choices", "choiceFilter", "preferNotToSay",
                                 "yearOnly", "minLength", "maxLength", "min", "max", "minCount", "maxCount",
                                 "questions"});
    Question q;
    q.sourcePath = path;
    if (auto name = m_reader.string(o, "name", path, true)) {
        if (!isValidName(*name)) {
            m_reader.problem(J::join(path, "name"),
                             QStringLiteral("\"%1\" is not a valid name: start with a letter or '_', then up to 63 letters, digits, '_', '.' or '-'").arg(*name));
        } else if (isReservedName(*name)) {
            m_reader.problem(J::join(path, "name"),
                             QStringLiteral("\"%1\" is reserved: exports already have a column of that name (or the "
                                            "submission's metadata), so rename the question").arg(*name));
        }
        q.name = *name;
    }
    if (auto type = m_reader.string(o, "type", path, true)) {
        if (auto t = questionTypeFromName(*type)) {
            q.type = *t;
        } else {
            m_reader.problem(J::join(path, "type"),
                             QStringLiteral("unknown question type \"%1\" (use text, integer, decimal, date, single, multiple, rating, ranking, note, geopoint, calculate, group or repeat)").arg(*type));
            return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    q.label = m_reader.localized(o, "label", path, q.type != QuestionType::Calculate);
    q.hint = m_reader.localized(o, "hint", path, false);
    q.constraintMessage = m_reader.localized(o, "constraintMessage", path, false);
    for (auto [key, field] : {std::pair{"requiredIf", &q.requiredIf}, std::pair{"relevant", &q.relevant},
                              std::pair{"constraint", &q.constraint}, std::pair{"calculate", &q.calculate},
                              std::pair{"choiceFilter", &q.choiceFilter}}) {
        Q_ASSERT(isExpressionField(key));
        if (auto e = m_reader.string(o, key, path, false)) {
            if (e->size() > m_limits.maxExpressionChars) {
                m_reader.problem(J::join(path, key), QStringLiteral("expression is too long (the limit is %1 characters)")
                                                         .arg(m_limits.maxExpressionChars));
            } else {
                *field = e->trimmed();
            }
        }
    }
    q.required = m_reader.boolean(o, "required", path).value_or(false);
    q.preferNotToSay = m_reader.boolean(o, "preferNotToSay", path).value_or(false);
    if (!q.isAnswerable()) {
        for (const char *key : {"required", "requiredIf", "constraint", "preferNotToSay"}) {
            if (o.contains(QLatin1String(key))) {
                m_reader.problem(J::join(path, key), QStringLiteral("does not apply to a %1 question").arg(questionTypeName(q.type)));
            }
        }
    }
    if (q.type == QuestionType::Calculate && q.calculate.isEmpty()) {
        m_reader.problem(J::join(path, "calculate"), QStringLiteral("is missing: a calculate question needs an expression"));
    } else if (q.type != QuestionType::Calculate && o.contains(QLatin1String("calculate"))) {
        m_reader.problem(J::join(path, "calculate"), QStringLiteral("is allowed only on calculate questions"));
    }
    if (o.contains(QLatin1String("constraintMessage")) && q.constraint.isEmpty()) {
        m_reader.problem(J::join(path, "constraintMessage"), QStringLiteral("has no constraint to explain"));
    }
    parseTypeSpecific(o, path, depth, q);
    return q;
}

void QuestionParser::parseTypeSpecific(const QJsonObject &o, const QString &path, int depth, Question &q)
{
    auto onlyFor = [&](const char *key, bool allowed, const QString &which) {
        if (o.contains(QLatin1String(key)) && !allowed) {
            m_reader.problem(J::join(path, key), QStringLiteral("applies only to %1 questions").arg(which));
            return false;
        }
        return allowed;
    };
    const bool isText = q.type == QuestionType::Text;
    const bool isNumber = q.type == QuestionType::Integer || q.type == QuestionType::Decimal;
    const bool isDate = q.type == QuestionType::Date;
    const bool isContainer = q.type == QuestionType::Group || q.type == QuestionType::Repeat;

    if (onlyFor("choices", q.hasChoices(), QStringLiteral("single, multiple, rating and ranking"))) {
        const QJsonValue v = o.value(QLatin1String("choices"));
        const QString p = J::join(path, "choices");
        if (v.isString()) {
            q.choiceListId = v.toString();
            if (!m_lists.contains(q.choiceListId)) {
                m_reader.problem(p, QStringLiteral("refers to choice list \"%1\", which is not defined in choiceLists").arg(q.choiceListId));
            }
            q.choices = m_lists.value(q.choiceListId);
        } else if (v.isArray()) {
            q.choices = parseChoices(v.toArray(), p);
        } else {
            m_reader.problem(p, v.isUndefined() ? QStringLiteral("is missing: give a list of choices or the name of a choice list")
                                                : QStringLiteral("must be a list of choices or the name of a choice list"));
        }
    }
    onlyFor("choiceFilter", q.hasChoices(), QStringLiteral("single, multiple, rating and ranking"));
    if (onlyFor("yearOnly", isDate, QStringLiteral("date"))) {
        q.yearOnly = m_reader.boolean(o, "yearOnly", path).value_or(false);
    }
    if (onlyFor("minLength", isText, QStringLiteral("text"))) {
        q.minLength = m_reader.integer(o, "minLength", path, false, 0, 100000);
    }
    if (onlyFor("maxLength", isText, QStringLiteral("text"))) {
        q.maxLength = m_reader.integer(o, "maxLength", path, false, 1, 100000);
    }
    if (q.minLength && q.maxLength && *q.minLength > *q.maxLength) {
        m_reader.problem(J::join(path, "minLength"), QStringLiteral("is greater than maxLength"));
    }
    const bool hasRange = isNumber || (isDate && q.yearOnly);
    if (onlyFor("min", hasRange, QStringLiteral("integer, decimal and year-only date"))) {
        q.minimum = m_reader.number(o, "min", path, false);
    }
    if (onlyFor("max", hasRange, QStringLiteral("integer, decimal and year-only date"))) {
        q.maximum = m_reader.number(o, "max", path, false);
    }
    if (q.minimum && q.maximum && *q.minimum > *q.maximum) {
        m_reader.problem(J::join(path, "min"), QStringLiteral("is greater than max"));
    }
    const bool isRepeat = q.type == QuestionType::Repeat;
    if (onlyFor("minCount", isRepeat, QStringLiteral("repeat"))) {
        q.minCount = m_reader.integer(o, "minCount", path, false, 0, m_limits.maxRepeatCount).value_or(0);
    }
    if (onlyFor("maxCount", isRepeat, QStringLiteral("repeat"))) {
        q.maxCount = m_reader.integer(o, "maxCount", path, false, 1, m_limits.maxRepeatCount).value_or(m_limits.maxRepeatCount);
    } else if (isRepeat) {
        q.maxCount = m_limits.maxRepeatCount;
    }
    if (isRepeat && q.minCount > q.maxCount) {
        m_reader.problem(J::join(path, "minCount"), QStringLiteral("is greater than maxCount"));
    }
    if (onlyFor("questions", isContainer, QStringLiteral("group and repeat"))) {
        if (depth >= m_limits.maxQuestionDepth) {
            m_reader.problem(J::join(path, "questions"),
                             QStringLiteral("groups and repeats are nested too deeply (the limit is %1 levels)").arg(m_limits.maxQuestionDepth));
        } else if (auto children = m_reader.array(o, "questions", path, true, m_limits.maxQuestions)) {
            q.children = parseList(*children, J::join(path, "questions"), depth + 1);
            if (q.children.isEmpty()) {
                m_reader.problem(J::join(path, "questions"), QStringLiteral("a %1 needs at least one question").arg(questionTypeName(q.type)));
            }
        }
    } else if (isContainer) {
        m_reader.problem(J::join(path, "questions"), QStringLiteral("is missing: a %1 needs questions").arg(questionTypeName(q.type)));
    }
}

} // namespace chorus::survey
