// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/SurveyCatalogue.h"

namespace chorus::exports
{

namespace
{

struct KnownItem {
    const char *name;
    const char *table;
    PopulationBase base;
    bool lowConfidence;
};

// Census 2021 topic tables (reference/equality-questions.md, reference/sdc.md §2.3). Bases:
// sexual orientation and gender identity 16+, legal partnership 16+, unpaid care 5+.
constexpr KnownItem kKnown[] = {
    { "ethnicity", "TS021", PopulationBase::AllUsualResidents, false },
    { "religion", "TS030", PopulationBase::AllUsualResidents, false },
    { "sex", "TS008", PopulationBase::AllUsualResidents, false },
    { "year_of_birth", "TS007A", PopulationBase::AllUsualResidents, false },
    { "age", "TS007A", PopulationBase::AllUsualResidents, false },
    { "sexual_orientation", "TS077", PopulationBase::Aged16Plus, false },
    { "gender_identity", "TS078", PopulationBase::Aged16Plus, true },
    { "unpaid_care", "TS039", PopulationBase::Aged5Plus, false },
    { "legal_partnership", "TS002", PopulationBase::Aged16Plus, false },
};

QuestionType typeOf(survey::QuestionType type)
{
    using T = survey::QuestionType;
    switch (type) {
    case T::Integer:
        return QuestionType::Integer;
    case T::Decimal:
        return QuestionType::Decimal;
    case T::Date:
        return QuestionType::Date;
    case T::SingleChoice:
        return QuestionType::SingleChoice;
    case T::MultipleChoice:
        return QuestionType::MultipleChoice;
    case T::Rating:
        return QuestionType::Rating;
    case T::Ranking:
        return QuestionType::Ranking;
    case T::Geopoint:
        return QuestionType::Geopoint;
    case T::Note:
        return QuestionType::Note;
    default:
        return QuestionType::Text;
    }
}

QHash<QString, QString> texts(const survey::LocalizedText &text)
{
    QHash<QString, QString> result;
    for (auto it = text.all().cbegin(); it != text.all().cend(); ++it)
        result.insert(it.key(), it.value());
    return result;
}

} // namespace

std::optional<CensusMapping> censusMappingFor(const QString &bankItemOrQuestion)
{
    const QString name = bankItemOrQuestion.section(QLatin1Char('#'), -1);
    for (const KnownItem &k : kKnown) {
        if (name == QLatin1String(k.name))
            return CensusMapping { QString::fromLatin1(k.table), k.base, k.lowConfidence };
    }
    return std::nullopt;
}

Catalogue catalogueFromSurvey(const survey::SurveyPackage &package)
{
    Catalogue catalogue;
    catalogue.surveyId = package.id;
    catalogue.defaultLanguage = package.defaultLanguage().isEmpty() ? QStringLiteral("en") : package.defaultLanguage();
    for (const survey::Question *q : package.allQuestions()) {
        if (!q->isAnswerable())
            continue;
        Question out;
        out.name = q->name;
        out.type = typeOf(q->type);
        out.labels = texts(q->label);
        out.repeatGroup = package.repeatOf(q->name);
        for (const survey::Choice &c : q->choices) {
            out.choices.append({ c.code, texts(c.label), c.attributes.value(QStringLiteral("census2021")) });
            out.allowsWriteIn = out.allowsWriteIn || c.writeIn;
        }
        if (!q->bankItem.isEmpty()) {
            // The item id names the topic; a two-step item (disability) maps by question name.
            auto mapping = censusMappingFor(q->name);
            if (!mapping)
                mapping = censusMappingFor(q->bankItem);
            if (mapping) {
                out.censusTable = mapping->table;
                out.base = mapping->base;
                out.lowConfidence = mapping->lowConfidence;
            }
        }
        catalogue.questions.append(out);
    }
    return catalogue;
}

} // namespace chorus::exports
