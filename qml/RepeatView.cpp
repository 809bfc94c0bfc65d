// SPDX-License-Identifier: GPL-3.0-or-later
#include "RepeatView.h"

#include "survey/FormEngine.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace chorus::ui::RepeatView {

using survey::FormEngine;
using survey::Question;
using survey::QuestionType;

namespace {
// Repeats not nested in another repeat, in the order they are asked.
void collectRepeats(const QList<Question> &questions, QList<const Question *> &out)
{
    for (const Question &q : questions) {
        if (q.type == QuestionType::Repeat) {
            out.append(&q);
        } else if (q.type == QuestionType::Group) {
            collectRepeats(q.children, out);
        }
    }
}

QList<const Question *> repeats(const FormEngine &engine)
{
    QList<const Question *> out;
    for (const survey::Section &s : engine.package().sections) {
        collectRepeats(s.questions, out);
    }
    return out;
}

QString prefix(const QString &repeat, int instance)
{
    return QStringLiteral("%1[%2]/").arg(repeat).arg(instance);
}

QString lastPageOf(const QStringList &pages, const QString &repeat, int instance)
{
    const QString p = prefix(repeat, instance);
    for (qsizetype i = pages.size() - 1; i >= 0; --i) {
        if (pages.at(i).startsWith(p)) {
            return pages.at(i);
        }
    }
    return {};
}

// Where "Add another" goes for an empty repeat: the page before its first instance would be,
// found by trying an instance on a copy of the engine.
QString anchorOfEmpty(const FormEngine &engine, const Question &repeat)
{
    FormEngine trial = engine;
    if (!trial.addRepeatInstance(repeat.name)) {
        return {};
    }
    const QStringList pages = trial.pages();
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (pages.at(i).startsWith(prefix(repeat.name, 1))) {
            return i > 0 ? pages.at(i - 1) : QString();
        }
    }
    return {};
}
} // namespace

QVariantMap instanceOf(const FormEngine &engine, const QString &path)
{
    static const QRegularExpression inRepeat(QStringLiteral("^([^\\[/]+)\\[([0-9]+)\\]/"));
    const QRegularExpressionMatch m = inRepeat.match(path);
    if (!m.hasMatch()) {
        return {};
    }
    const Question *repeat = engine.package().question(m.captured(1));
    if (!repeat || repeat->type != QuestionType::Repeat) {
        return {};
    }
    const int count = engine.repeatCount(repeat->name);
    const int instance = m.captured(2).toInt();
    const QString label = engine.text(repeat->label);
    return QVariantMap{
        {QStringLiteral("name"), repeat->name},
        {QStringLiteral("label"), label},
        {QStringLiteral("instance"), instance},
        {QStringLiteral("caption"), QCoreApplication::translate("RepeatView", "%1 %2").arg(label).arg(instance)},
        {QStringLiteral("count"), count},
        {QStringLiteral("canRemove"), count > repeat->minCount},
    };
}

QVariantList addableAfter(const FormEngine &engine, const QString &path)
{
    QVariantList out;
    const QStringList pages = engine.pages();
    for (const Question *repeat : repeats(engine)) {
        const int count = engine.repeatCount(repeat->name);
        const int max = repeat->maxCount > 0 ? repeat->maxCount : 100;
        if (count >= max) {
            continue;
        }
        const QString anchor = count > 0 ? lastPageOf(pages, repeat->name, count) : anchorOfEmpty(engine, *repeat);
        if (anchor.isEmpty() || anchor != path) {
            continue;
        }
        out.append(QVariantMap{{QStringLiteral("name"), repeat->name},
                               {QStringLiteral("label"), engine.text(repeat->label)},
                               {QStringLiteral("count"), count},
                               {QStringLiteral("max"), max}});
    }
    return out;
}

QString firstPageOf(const FormEngine &engine, const QString &repeat, int instance)
{
    const QString p = prefix(repeat, instance);
    const QStringList pages = engine.pages();
    for (const QString &page : pages) {
        if (page.startsWith(p)) {
            return page;
        }
    }
    return {};
}

} // namespace chorus::ui::RepeatView
