// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/SurveyCatalogue.h"

namespace chorus::exports
{

namespace
{

struct KnownItem {
    const char *name; // the bank question compared
    const char *table;
    PopulationBase base;
    bool lowConfidence;
};

// Census 2021 topic tables by bank question (reference/equality-questions.md, reference/sdc.md
// §2.3); each option's code is the bank's "census2021" attribute. Bases: sexual orientation,
// gender identity and legal partnership 16+, unpaid care 5+. A two-step item is compared once,
// on the question that carries the census categories: the detailed ethnic group, and the
// derived Equality Act disability flag (whose values are TS038's codes 1-4).
constexpr KnownItem kKnown[] = {
    { "ethnicity", "TS021", PopulationBase::AllUsualResidents, false },
    { "religion", "TS030", PopulationBase::AllUsualResidents, false },
    { "sex", "TS008", PopulationBase::AllUsualResidents, false },
    { "year_of_birth", "TS007A", PopulationBase::AllUsualResidents, false },
    { "age_band", "TS007A", PopulationBase::AllUsualResidents, false },
    { "sexual_orientation", "TS077", PopulationBase::Aged16Plus, false },
    { "gender_identity", "TS078", PopulationBase::Aged16Plus, true },
    { "unpaid_care", "TS039", PopulationBase::Aged5Plus, false },
    { "marital_status", "TS002", PopulationBase::Aged16Plus, false },
    { "disability_equality_act", "TS038", PopulationBase::AllUsualResidents, false },
};

// The derived disability flag is a calculation: its values are the TS038 codes themselves.
constexpr const char *kDerivedDisability = "disability_equality_act";
constexpr const char *kDisabilityCodes[] = { "1", "2", "3", "4" };

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

std::optional<CensusMapping> censusMappingFor(const QString &bankQuestion)
{
    for (const KnownItem &k : kKnown) {
        if (bankQuestion == QLatin1String(k.name))
            return CensusMapping { QString::fromLatin1(k.table), k.base, k.lowConfidence };
    }
    return std::nullopt;
}

QStringList bankQuestionsWithoutCensusTable()
{
    return { QStringLiteral("age_16_plus"), QStringLiteral("ethnic_group"), QStringLiteral("disability_condition"),
        QStringLiteral("disability_impact"), QStringLiteral("pregnancy_maternity") };
}

Catalogue catalogueFromSurvey(const survey::SurveyPackage &package)
{
    Catalogue catalogue;
    catalogue.surveyId = package.id;
    catalogue.defaultLanguage = package.defaultLanguage().isEmpty() ? QStringLiteral("en") : package.defaultLanguage();
    QHash<QString, QStringList> earlierInItem; // bank item -> its questions so far, nearest first
    for (const survey::Question *q : package.allQuestions()) {
        const auto mapping = q->bankItem.isEmpty() ? std::nullopt : censusMappingFor(q->name);
        const bool derived = q->type == survey::QuestionType::Calculate && mapping;
        if (!q->isAnswerable() && !derived)
            continue;
        Question out;
        out.name = q->name;
        out.type = derived ? QuestionType::SingleChoice : typeOf(q->type);
        out.labels = texts(q->label);
        out.repeatGroup = package.repeatOf(q->name);
        for (const survey::Choice &c : q->choices) {
            out.choices.append({ c.code, texts(c.label), c.attributes.value(QStringLiteral("census2021")) });
            out.allowsWriteIn = out.allowsWriteIn || c.writeIn;
        }
        if (derived && q->name == QLatin1String(kDerivedDisability)) {
            for (const char *code : kDisabilityCodes)
                out.choices.append({ QString::fromLatin1(code), {}, QString::fromLatin1(code) });
        }
        if (mapping) {
            out.censusTable = mapping->table;
            out.base = mapping->base;
            out.lowConfidence = mapping->lowConfidence;
        }
        if (!q->bankItem.isEmpty()) {
            QStringList &earlier = earlierInItem[q->bankItem];
            out.steps = earlier;
            earlier.prepend(q->name);
        }
        catalogue.questions.append(out);
    }
    return catalogue;
}

} // namespace chorus::exports
