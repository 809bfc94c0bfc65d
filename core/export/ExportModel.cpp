// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ExportModel.h"

namespace chorus::exports
{

const Choice *Question::choice(const QString &code) const
{
    for (const Choice &c : choices) {
        if (c.code == code)
            return &c;
    }
    return nullptr;
}

const Question *Catalogue::question(const QString &name) const
{
    for (const Question &q : questions) {
        if (q.name == name)
            return &q;
    }
    return nullptr;
}

QStringList Catalogue::repeatGroups() const
{
    QStringList groups;
    for (const Question &q : questions) {
        if (!q.repeatGroup.isEmpty() && !groups.contains(q.repeatGroup))
            groups.append(q.repeatGroup);
    }
    return groups;
}

QList<const Question *> Catalogue::questionsIn(const QString &repeatGroup) const
{
    QList<const Question *> result;
    for (const Question &q : questions) {
        if (q.repeatGroup == repeatGroup && q.hasValue())
            result.append(&q);
    }
    return result;
}

QString stateName(AnswerState state)
{
    return response::answerStateName(state);
}

namespace
{
QString labelFor(const Choice &choice, const QString &language, const QString &defaultLanguage)
{
    QString label = choice.labels.value(language);
    if (label.isEmpty())
        label = choice.labels.value(defaultLanguage);
    return label.isEmpty() ? choice.code : label;
}
} // namespace

QString renderValue(const Question &question, const Answer &answer, ValueMode mode, const QString &language,
    const QString &defaultLanguage)
{
    if (answer.state != AnswerState::Answered)
        return {};
    const bool isChoice = question.type == QuestionType::SingleChoice || question.type == QuestionType::MultipleChoice
        || question.type == QuestionType::Rating || question.type == QuestionType::Ranking;
    if (mode == ValueMode::Codes || !isChoice || question.choices.isEmpty())
        return answer.value;
    const QStringList codes = answer.value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList labels;
    labels.reserve(codes.size());
    for (const QString &code : codes) {
        const Choice *c = question.choice(code);
        labels.append(c ? labelFor(*c, language, defaultLanguage) : code);
    }
    return labels.join(QLatin1String(" | "));
}

} // namespace chorus::exports
