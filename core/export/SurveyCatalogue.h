// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/ExportModel.h"
#include "survey/SurveyPackage.h"

namespace chorus::exports
{

// The export/report catalogue of a loaded survey package: every answerable question in form
// order, labels in every language, repeat membership, and for equality items from the question
// bank the Census 2021 table they are compared with (by bank item, e.g. "#religion" -> TS030)
// and each option's census output code (the bank's "census2021" attribute).
Catalogue catalogueFromSurvey(const survey::SurveyPackage &package);

// The census table, population base and confidence of a bank item, by item or question name.
struct CensusMapping {
    QString table;
    PopulationBase base = PopulationBase::AllUsualResidents;
    bool lowConfidence = false;
};
std::optional<CensusMapping> censusMappingFor(const QString &bankItemOrQuestion);

} // namespace chorus::exports
