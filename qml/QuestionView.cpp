// SPDX-License-Identifier: GPL-3.0-or-later
#include "QuestionView.h"

#include "RepeatView.h"

#include "survey/FormEngine.h"

#include <QCoreApplication>

namespace chorus::ui::QuestionView {

using survey::QuestionType;

namespace {
QString typeName(const survey::Question &q)
{
    switch (q.type) {
    case QuestionType::Text: return QStringLiteral("text");
    case QuestionType::Integer: return QStringLiteral("integer");
    case QuestionType::Decimal: return QStringLiteral("decimal");
    case QuestionType::Date: return q.yearOnly ? QStringLiteral("year") : QStringLiteral("date");
    case QuestionType::SingleChoice: return QStringLiteral("single");
    case QuestionType::MultipleChoice: return QStringLiteral("multiple");
    case QuestionType::Rating: return QStringLiteral("rating");
    case QuestionType::Ranking: return QStringLiteral("ranking");
    case QuestionType::Note: return QStringLiteral("note");
    case QuestionType::Geopoint: return QStringLiteral("geopoint");
    case QuestionType::Calculate:
    case QuestionType::Group:
    case QuestionType::Repeat: break;
    }
    return QStringLiteral("note");
}

QString stateName(response::AnswerState state)
{
    return response::answerStateName(state);
}
} // namespace

QVariantMap describe(const survey::FormEngine &engine, const QString &path)
{
    const survey::Question *q = engine.question(path);
    if (!q) {
        return {};
    }
    const response::Answer answer = engine.answer(path);
    const QStringList selected = answer.isAnswered() ? answer.value.split(u' ', Qt::SkipEmptyParts) : QStringList();
    QVariantList choices;
    const QList<survey::Choice> shown = engine.choices(path);
    for (const survey::Choice &c : shown) {
        choices.append(QVariantMap{{QStringLiteral("code"), c.code},
                                   {QStringLiteral("label"), engine.text(c.label)},
                                   {QStringLiteral("writeIn"), c.writeIn},
                                   {QStringLiteral("selected"), selected.contains(c.code)},
                                   {QStringLiteral("rank"), selected.indexOf(c.code) + 1}});
    }
    QVariantMap page{{QStringLiteral("path"), path},
                     {QStringLiteral("type"), typeName(*q)},
                     {QStringLiteral("label"), engine.text(q->label)},
                     {QStringLiteral("hint"), engine.text(q->hint)},
                     {QStringLiteral("required"), engine.isRequired(path)},
                     {QStringLiteral("offersPreferNotToSay"), q->preferNotToSay},
                     {QStringLiteral("choices"), choices},
                     {QStringLiteral("state"), stateName(answer.state)},
                     {QStringLiteral("value"), answer.value},
                     {QStringLiteral("writeIn"), answer.writeIn},
                     {QStringLiteral("repeat"), RepeatView::instanceOf(engine, path)},
                     {QStringLiteral("addable"), RepeatView::addableAfter(engine, path)}};
    if (q->minimum) {
        page.insert(QStringLiteral("minimum"), *q->minimum);
    }
    if (q->maximum) {
        page.insert(QStringLiteral("maximum"), *q->maximum);
    }
    return page;
}

QString answerText(const survey::FormEngine &engine, const QString &path)
{
    const response::Answer answer = engine.answer(path);
    switch (answer.state) {
    case response::AnswerState::PreferNotToSay:
        return QCoreApplication::translate("QuestionView", "Prefer not to say");
    case response::AnswerState::NotAnswered:
    case response::AnswerState::NotAsked:
        return QCoreApplication::translate("QuestionView", "Not answered");
    case response::AnswerState::Answered:
        break;
    }
    const survey::Question *q = engine.question(path);
    if (!q || !q->hasChoices()) {
        return answer.value;
    }
    QStringList labels;
    const QStringList codes = answer.value.split(u' ', Qt::SkipEmptyParts);
    for (const QString &code : codes) {
        const survey::Choice *c = q->choice(code);
        QString label = c ? engine.text(c->label) : code;
        if (c && c->writeIn && !answer.writeIn.isEmpty()) {
            label = QStringLiteral("%1: %2").arg(label, answer.writeIn);
        }
        labels.append(label);
    }
    return labels.join(q->type == QuestionType::Ranking ? QStringLiteral(" > ") : QStringLiteral(", "));
}

QVariantList review(const survey::FormEngine &engine)
{
    QVariantList rows;
    const QStringList pages = engine.pages();
    for (const QString &path : pages) {
        const survey::Question *q = engine.question(path);
        if (!q || !q->isAnswerable()) {
            continue;
        }
        rows.append(QVariantMap{{QStringLiteral("path"), path},
                                {QStringLiteral("label"), engine.text(q->label)},
                                {QStringLiteral("answer"), answerText(engine, path)}});
    }
    return rows;
}

} // namespace chorus::ui::QuestionView
