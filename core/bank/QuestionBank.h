// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace chorus::bank {

// One item a survey can pick by id ("ethnicity"). An item expands into one or more questions
// in the survey package question format (the two-step ethnicity question is two questions and
// the disability item adds a derived Equality Act flag), parsed by the survey loader.
struct BankItem {
    QString id;
    QString nation; // "england" | "wales"
    QString summary;
    // At least one of these items must come earlier in the same survey (the 16+ questions
    // need an age item to gate on).
    QStringList requiresOneOf;
    // Items that cannot be in the same survey (the two ways of asking age).
    QStringList conflictsWith;
    QJsonArray questions;
};

// A versioned, immutable set of items. A wording change is a new version; each response
// records the version its bank questions were asked with.
struct QuestionBank {
    QString version; // "gss/2025.1"
    QString source;
    QStringList languages;
    QList<BankItem> items;

    const BankItem *item(const QString &nation, const QString &id) const;
    QStringList itemIds(const QString &nation) const;
};

// Versions built into this Chorus, newest last.
QStringList builtinBankVersions();
// The built-in bank `version`, parsed from the data embedded at build time.
Result<QuestionBank> loadBuiltinBank(const QString &version);
// Parses bank JSON (the format of core/bank/data/*.json).
Result<QuestionBank> parseBank(const QByteArray &json);

} // namespace chorus::bank
