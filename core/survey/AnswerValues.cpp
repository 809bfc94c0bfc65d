// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnswerValues.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QRegularExpression>

namespace chorus::survey {

using response::Answer;
using response::AnswerState;

QString engineMessage(const char *text)
{
    return QCoreApplication::translate("chorus::survey::FormEngine", text);
}

std::optional<double> answerNumber(const QString &value)
{
    bool ok = false;
    const double d = QLocale::c().toDouble(value, &ok);
    return ok ? std::optional<double>(d) : std::nullopt;
}

namespace {
Error invalid(const char *text)
{
    return makeError(ErrorKind::InvalidInput, engineMessage(text));
}

// Free text is kept as typed, line endings included (the submission writes CR as a character
// reference, which XML parsers keep), except for control characters XML 1.0 cannot carry.
QString plainText(const QString &raw)
{
    QString out;
    out.reserve(raw.size());
    for (const QChar c : raw) {
        if (c.unicode() >= 0x20 || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            out.append(c);
        }
    }
    return out;
}

Result<QString> canonicalChoices(const Question &q, const QString &value, const QString &writeIn)
{
    const QStringList codes = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (codes.isEmpty()) {
        return invalid("Select an answer");
    }
    if (q.type != QuestionType::MultipleChoice && q.type != QuestionType::Ranking && codes.size() != 1) {
        return invalid("Select one answer");
    }
    bool writeInAllowed = false;
    for (const QString &code : codes) {
        const Choice *c = q.choice(code);
        if (!c) {
            return invalid("Select one of the answers shown");
        }
        if (codes.count(code) > 1) {
            return invalid("Select each answer only once");
        }
        writeInAllowed = writeInAllowed || c->writeIn;
    }
    if (!writeIn.isEmpty() && !writeInAllowed) {
        return invalid("This answer does not take a written description");
    }
    if (q.type == QuestionType::MultipleChoice) {
        // Stored in list order so the same selection always gives the same bytes.
        QStringList ordered;
        for (const Choice &c : q.choices) {
            if (codes.contains(c.code)) {
                ordered.append(c.code);
            }
        }
        return ordered.join(QLatin1Char(' '));
    }
    return codes.join(QLatin1Char(' '));
}

Result<QString> canonicalValue(const Question &q, const QString &raw, const QString &writeIn)
{
    const QString value = raw.trimmed();
    switch (q.type) {
    case QuestionType::Text:
        return plainText(raw);
    case QuestionType::Integer: {
        static const QRegularExpression re(QStringLiteral("^[+-]?[0-9]{1,15}$"));
        if (!re.match(value).hasMatch()) {
            return invalid("Enter a whole number, like 12");
        }
        return QString::number(value.toLongLong());
    }
    case QuestionType::Decimal: {
        static const QRegularExpression re(QStringLiteral("^[+-]?([0-9]{1,15}(\\.[0-9]{0,10})?|\\.[0-9]{1,10})$"));
        if (!re.match(value).hasMatch()) {
            return invalid("Enter a number, like 12.5");
        }
        return QString::number(QLocale::c().toDouble(value), 'g', 15);
    }
    case QuestionType::Date: {
        if (q.yearOnly) {
            static const QRegularExpression re(QStringLiteral("^[0-9]{4}$"));
            if (!re.match(value).hasMatch()) {
                return invalid("Enter a year with 4 digits, like 1984");
            }
            return value;
        }
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (!date.isValid() || value.size() != 10) {
            return invalid("Enter a real date, like 2026-11-24");
        }
        return date.toString(Qt::ISODate);
    }
    case QuestionType::Geopoint: {
        const QStringList parts = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (parts.size() < 2 || parts.size() > 4) {
            return invalid("A location needs a latitude and a longitude");
        }
        QStringList out;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const auto n = answerNumber(parts.at(i));
            if (!n || (i == 0 && std::abs(*n) > 90) || (i == 1 && std::abs(*n) > 180) || (i == 3 && *n < 0)) {
                return invalid("A location needs a latitude and a longitude");
            }
            out.append(QString::number(*n, 'g', 12));
        }
        return out.join(QLatin1Char(' '));
    }
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice:
    case QuestionType::Rating:
    case QuestionType::Ranking:
        return canonicalChoices(q, value, writeIn);
    case QuestionType::Note:
    case QuestionType::Calculate:
    case QuestionType::Group:
    case QuestionType::Repeat:
        break;
    }
    return invalid("This question does not take an answer");
}
} // namespace

Result<Answer> canonicalAnswer(const Question &question, const Answer &answer)
{
    if (!question.isAnswerable()) {
        return invalid("This question does not take an answer");
    }
    switch (answer.state) {
    case AnswerState::NotAsked:
        return invalid("Only the form decides which questions were not asked");
    case AnswerState::NotAnswered:
        return Answer::notAnswered();
    case AnswerState::PreferNotToSay:
        if (!question.preferNotToSay) {
            return invalid("This question does not offer \"Prefer not to say\"");
        }
        return Answer::preferNotToSay();
    case AnswerState::Answered:
        break;
    }
    if (answer.value.trimmed().isEmpty()) {
        return Answer::notAnswered();
    }
    auto value = canonicalValue(question, answer.value, answer.writeIn);
    if (!value) {
        return value.error();
    }
    return Answer::answered(*value, plainText(answer.writeIn).trimmed());
}

QStringList answerProblems(const Question &q, const Answer &answer, bool required)
{
    QStringList out;
    if (answer.state == AnswerState::NotAnswered || answer.state == AnswerState::NotAsked) {
        if (required) {
            out.append(q.hasChoices() ? engineMessage("Select an answer") : engineMessage("Enter an answer"));
        }
        return out;
    }
    if (answer.state != AnswerState::Answered) {
        return out;
    }
    if (q.type == QuestionType::Text) {
        if (q.minLength && answer.value.size() < *q.minLength) {
            out.append(engineMessage("Your answer is too short"));
        }
        if (q.maxLength && answer.value.size() > *q.maxLength) {
            out.append(engineMessage("Your answer is too long"));
        }
    }
    if (q.minimum || q.maximum) {
        const auto n = answerNumber(answer.value);
        if (n && ((q.minimum && *n < *q.minimum) || (q.maximum && *n > *q.maximum))) {
            out.append(engineMessage("Enter a number in the range allowed"));
        }
    }
    if (q.type == QuestionType::Ranking && answer.value.split(QLatin1Char(' ')).size() != q.choices.size()) {
        out.append(engineMessage("Put every option in order"));
    }
    return out;
}

} // namespace chorus::survey
