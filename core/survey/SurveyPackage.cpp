// SPDX-License-Identifier: GPL-3.0-or-later
#include "SurveyPackage.h"

namespace chorus::survey {

namespace {
struct TypeName {
    QuestionType type;
    const char *name;
};
constexpr TypeName kTypeNames[] = {
    {QuestionType::Text, "text"},
    {QuestionType::Integer, "integer"},
    {QuestionType::Decimal, "decimal"},
    {QuestionType::Date, "date"},
    {QuestionType::SingleChoice, "single"},
    {QuestionType::MultipleChoice, "multiple"},
    {QuestionType::Rating, "rating"},
    {QuestionType::Ranking, "ranking"},
    {QuestionType::Note, "note"},
    {QuestionType::Geopoint, "geopoint"},
    {QuestionType::Calculate, "calculate"},
    {QuestionType::Group, "group"},
    {QuestionType::Repeat, "repeat"},
};

const Question *findIn(const QList<Question> &questions, const QString &name)
{
    for (const Question &q : questions) {
        if (q.name == name) {
            return &q;
        }
        if (const Question *child = findIn(q.children, name)) {
            return child;
        }
    }
    return nullptr;
}

void collect(const QList<Question> &questions, QList<const Question *> &out)
{
    for (const Question &q : questions) {
        out.append(&q);
        collect(q.children, out);
    }
}

bool repeatIn(const QList<Question> &questions, const QString &name, const QString &enclosing, QString &out)
{
    for (const Question &q : questions) {
        if (q.name == name) {
            out = enclosing;
            return true;
        }
        if (repeatIn(q.children, name, q.type == QuestionType::Repeat ? q.name : enclosing, out)) {
            return true;
        }
    }
    return false;
}
} // namespace

QString questionTypeName(QuestionType type)
{
    for (const TypeName &t : kTypeNames) {
        if (t.type == type) {
            return QLatin1String(t.name);
        }
    }
    return {};
}

std::optional<QuestionType> questionTypeFromName(const QString &name)
{
    for (const TypeName &t : kTypeNames) {
        if (name == QLatin1String(t.name)) {
            return t.type;
        }
    }
    return std::nullopt;
}

const Choice *Question::choice(const QString &code) const
{
    for (const Choice &c : choices) {
        if (c.code == code) {
            return &c;
        }
    }
    return nullptr;
}

const Language *SurveyPackage::language(const QString &code) const
{
    for (const Language &l : languages) {
        if (l.code == code) {
            return &l;
        }
    }
    return nullptr;
}

const Question *SurveyPackage::question(const QString &name) const
{
    for (const Section &s : sections) {
        if (const Question *q = findIn(s.questions, name)) {
            return q;
        }
    }
    return nullptr;
}

QList<const Question *> SurveyPackage::allQuestions() const
{
    QList<const Question *> out;
    for (const Section &s : sections) {
        collect(s.questions, out);
    }
    return out;
}

QString SurveyPackage::repeatOf(const QString &name) const
{
    QString out;
    for (const Section &s : sections) {
        if (repeatIn(s.questions, name, {}, out)) {
            return out;
        }
    }
    return {};
}

int compareVersions(const QString &a, const QString &b)
{
    auto strip = [](const QString &s) {
        qsizetype i = 0;
        while (i + 1 < s.size() && s.at(i) == QLatin1Char('0')) {
            ++i;
        }
        return s.mid(i);
    };
    const QString x = strip(a);
    const QString y = strip(b);
    if (x.size() != y.size()) {
        return x.size() < y.size() ? -1 : 1;
    }
    return x.compare(y);
}

} // namespace chorus::survey
