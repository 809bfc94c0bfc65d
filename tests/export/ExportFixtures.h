// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small survey and three records that between them hit every answer state, a repeat group
// with zero, one and two instances, a write-in, free text that needs CSV quoting or looks like a
// formula, and non-Latin text.

#include "export/ExportModel.h"

namespace chorus::exports::fixtures
{

inline Choice choice(const QString &code, const QString &en, const QString &cy, const QString &census = {})
{
    Choice c;
    c.code = code;
    c.labels = { { QStringLiteral("en"), en }, { QStringLiteral("cy"), cy } };
    c.censusCode = census;
    return c;
}

inline Question question(const QString &name, QuestionType type, QList<Choice> choices = {})
{
    Question q;
    q.name = name;
    q.type = type;
    q.choices = std::move(choices);
    return q;
}

inline Catalogue catalogue()
{
    Catalogue c;
    c.surveyId = QStringLiteral("libraries-2026");
    Question ethnicity = question(QStringLiteral("ethnicity"), QuestionType::SingleChoice,
        { choice(QStringLiteral("1"), QStringLiteral("English, Welsh, Scottish, Northern Irish or British"),
              QStringLiteral("Cymreig, Seisnig, Albanaidd, Gwyddelig Gogleddol neu Brydeinig"), QStringLiteral("13")),
            choice(QStringLiteral("5"), QStringLiteral("Any other White background"),
                QStringLiteral("Unrhyw gefndir Gwyn arall"), QStringLiteral("17")),
            choice(QStringLiteral("10"), QStringLiteral("Indian"), QStringLiteral("Indiaidd"), QStringLiteral("3")) });
    ethnicity.allowsWriteIn = true;
    ethnicity.censusTable = QStringLiteral("TS021");
    c.questions.append(ethnicity);
    c.questions.append(question(QStringLiteral("year_of_birth"), QuestionType::Integer));
    c.questions.append(question(QStringLiteral("services"), QuestionType::MultipleChoice,
        { choice(QStringLiteral("lib"), QStringLiteral("Library"), QStringLiteral("Llyfrgell")),
            choice(QStringLiteral("gym"), QStringLiteral("Leisure centre"), QStringLiteral("Canolfan hamdden")),
            choice(QStringLiteral("park"), QStringLiteral("Parks"), QStringLiteral("Parciau")) }));
    c.questions.append(question(QStringLiteral("intro"), QuestionType::Note));
    c.questions.append(question(QStringLiteral("comments"), QuestionType::Text));
    Question age = question(QStringLiteral("member_age"), QuestionType::Integer);
    age.repeatGroup = QStringLiteral("household");
    c.questions.append(age);
    Question uses = question(QStringLiteral("member_uses_library"), QuestionType::SingleChoice,
        { choice(QStringLiteral("y"), QStringLiteral("Yes"), QStringLiteral("Ydy")),
            choice(QStringLiteral("n"), QStringLiteral("No"), QStringLiteral("Nac ydy")) });
    uses.repeatGroup = QStringLiteral("household");
    c.questions.append(uses);
    return c;
}

inline Answer answered(const QString &value, const QString &writeIn = {})
{
    return Answer { AnswerState::Answered, value, writeIn };
}

inline Answer inState(AnswerState state)
{
    return Answer { state, {}, {} };
}

inline QList<Record> records()
{
    Record a;
    a.instanceId = QStringLiteral("uuid:0b6c7c1e-0001-4000-8000-000000000001");
    a.surveyId = QStringLiteral("libraries-2026");
    a.surveyVersion = QStringLiteral("3");
    a.bankVersion = QStringLiteral("gss/2025.1");
    a.ward = QStringLiteral("E05013938");
    a.answers
        = { { QStringLiteral("ethnicity"), answered(QStringLiteral("5"), QStringLiteral("Polish, \"Silesian\"")) },
              { QStringLiteral("year_of_birth"), answered(QStringLiteral("1984")) },
              { QStringLiteral("services"), answered(QStringLiteral("lib park")) },
              { QStringLiteral("comments"), answered(QStringLiteral("More opening hours,\nplease — Sundays too")) } };
    a.repeats.insert(QStringLiteral("household"),
        { Answers { { QStringLiteral("member_age"), answered(QStringLiteral("7")) },
              { QStringLiteral("member_uses_library"), answered(QStringLiteral("y")) } },
            Answers { { QStringLiteral("member_age"), inState(AnswerState::PreferNotToSay) },
                { QStringLiteral("member_uses_library"), inState(AnswerState::NotAnswered) } } });

    Record b;
    b.instanceId = QStringLiteral("uuid:0b6c7c1e-0002-4000-8000-000000000002");
    b.surveyId = a.surveyId;
    b.surveyVersion = a.surveyVersion;
    b.bankVersion = a.bankVersion;
    b.answers = { { QStringLiteral("ethnicity"), inState(AnswerState::PreferNotToSay) },
        { QStringLiteral("year_of_birth"), inState(AnswerState::NotAnswered) },
        { QStringLiteral("services"), inState(AnswerState::NotAsked) },
        { QStringLiteral("comments"), answered(QStringLiteral("=HYPERLINK(\"http://x\")")) } };

    Record c;
    c.instanceId = QStringLiteral("uuid:0b6c7c1e-0003-4000-8000-000000000003");
    c.surveyId = a.surveyId;
    c.surveyVersion = a.surveyVersion;
    c.bankVersion = a.bankVersion;
    c.ward = QStringLiteral("E05013941");
    c.answers = { { QStringLiteral("ethnicity"), answered(QStringLiteral("10")) },
        { QStringLiteral("year_of_birth"), answered(QStringLiteral("1950")) },
        { QStringLiteral("services"), answered(QStringLiteral("gym")) },
        { QStringLiteral("comments"), answered(QStringLiteral("لائبریری بہت اچھی ہے")) } };
    c.repeats.insert(QStringLiteral("household"),
        { Answers { { QStringLiteral("member_age"), answered(QStringLiteral("81")) },
            { QStringLiteral("member_uses_library"), answered(QStringLiteral("n")) } } });
    return { a, b, c };
}

} // namespace chorus::exports::fixtures
