// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Cli.h"

#include <QCommandLineParser>
#include <QString>

namespace chorus::survey {
struct SurveyPackage;
}

namespace chorus::cli {

inline constexpr const char *kAnswersJsonlOption = "answers-jsonl";

// `chorusctl collect --answers-jsonl FILE`: one response per line of FILE (each line an answers
// object, docs/formats/answers-json.md), with the consent flags of the command applying to
// every line. The database is opened once; each response is finalized in its own transaction,
// so a bad line is reported ("FILE:LINE: why") and the others still go in. Prints one result
// line per input line. Exit 0 when every line was finalized, 1 otherwise.
// `trust` says how the package was checked (CollectPackage.h); it goes to the audit log once.
int collectAnswersJsonl(const QCommandLineParser &parser, const survey::SurveyPackage &package, const QString &trust,
                        Io &io);

} // namespace chorus::cli
