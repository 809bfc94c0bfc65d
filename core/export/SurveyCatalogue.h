// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/ExportModel.h"
#include "survey/SurveyPackage.h"

namespace chorus::exports
{

// The export/report catalogue of a loaded survey package: every answerable question in form
// order, labels in every language, repeat membership, and for equality items from the question
// bank the Census 2021 table they are compared with (by bank question, e.g. religion -> TS030),
// each option's census output code (the bank's "census2021" attribute) and the item's earlier
// steps. The derived disability flag (a calculation) is included as a choice of TS038 codes.
Catalogue catalogueFromSurvey(const survey::SurveyPackage &package);

// The census table, population base and confidence of a bank question, by its name
// ("ethnicity" -> TS021). Each bank question either has one or is listed below.
struct CensusMapping {
    QString table;
    PopulationBase base = PopulationBase::AllUsualResidents;
    bool lowConfidence = false;
};
std::optional<CensusMapping> censusMappingFor(const QString &bankQuestion);

// Bank questions compared with no census table, on purpose: a calculation that only routes
// (age_16_plus), the steps of a two-step item compared on its last question (ethnic_group,
// disability_condition, disability_impact), and pregnancy and maternity, which Census 2021 did
// not ask.
QStringList bankQuestionsWithoutCensusTable();

} // namespace chorus::exports
