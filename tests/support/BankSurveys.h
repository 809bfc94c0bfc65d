// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test surveys that between them ask every item of the newest built-in question bank, so a
// rule about equality answers is checked against each item, not only the one a suite picked.

#include "bank/QuestionBank.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace chorus::testing {

// `base` (a survey package's JSON) with its own bank references removed and one section that
// asks bank items added. Items that cannot share a survey (the two ways of asking age) land in
// separate packages; each item appears in exactly one of the returned packages.
inline QList<QJsonObject> everyBankItemSurveys(const QJsonObject &base)
{
    const QString version = bank::builtinBankVersions().constLast();
    auto bankData = bank::loadBuiltinBank(version);
    if (!bankData)
        qFatal("built-in bank %s does not load", qPrintable(version));
    const QString nation = base.value(QStringLiteral("nation")).toString();
    QList<QStringList> groups;
    for (const QString &id : bankData->itemIds(nation)) {
        const bank::BankItem *item = bankData->item(nation, id);
        qsizetype placed = -1;
        for (qsizetype g = 0; g < groups.size() && placed < 0; ++g) {
            bool fits = true;
            for (const QString &other : item->conflictsWith)
                fits = fits && !groups[g].contains(other);
            bool required = item->requiresOneOf.isEmpty();
            for (const QString &needed : item->requiresOneOf)
                required = required || groups[g].contains(needed);
            if (fits && required)
                placed = g;
        }
        if (placed < 0) {
            if (!item->requiresOneOf.isEmpty())
                qFatal("bank item %s needs an item no test survey can hold", qPrintable(id));
            groups.append(QStringList());
            placed = groups.size() - 1;
        }
        groups[placed].append(id);
    }

    QList<QJsonObject> surveys;
    for (const QStringList &group : std::as_const(groups)) {
        QJsonArray sections;
        for (const QJsonValue &value : base.value(QStringLiteral("sections")).toArray()) {
            QJsonObject section = value.toObject();
            QJsonArray own;
            for (const QJsonValue &question : section.value(QStringLiteral("questions")).toArray()) {
                if (!question.toObject().contains(QStringLiteral("bank")))
                    own.append(question);
            }
            if (own.isEmpty())
                continue;
            section.insert(QStringLiteral("questions"), own);
            sections.append(section);
        }
        sections.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("every_bank_item")},
            {QStringLiteral("title"), QJsonObject{{QStringLiteral("en"), QStringLiteral("About you")}}},
            {QStringLiteral("questions"),
             QJsonArray{QJsonObject{{QStringLiteral("bank"), version},
                                    {QStringLiteral("items"), QJsonArray::fromStringList(group)}}}}});
        QJsonObject survey = base;
        survey.insert(QStringLiteral("sections"), sections);
        surveys.append(survey);
    }
    return surveys;
}

} // namespace chorus::testing
