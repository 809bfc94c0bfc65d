// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "survey/JsonReader.h"
#include "survey/SurveyLoader.h"
#include "survey/SurveyPackage.h"

#include <functional>

namespace chorus::survey {

// Parses questions and choices (package and question bank use the same question format).
class QuestionParser
{
public:
    // Expands {"bank": ..., "items": [...]} found at `path` into questions; null where bank
    // references are not allowed.
    using BankExpander = std::function<QList<Question>(const QJsonObject &, const QString &path)>;

    QuestionParser(JsonReader &reader, const LoadLimits &limits, const QMap<QString, QList<Choice>> &lists)
        : m_reader(reader), m_limits(limits), m_lists(lists)
    {
    }

    QList<Question> parseList(const QJsonArray &array, const QString &path, int depth,
                              const BankExpander &expandBank = {});
    std::optional<Question> parse(const QJsonObject &object, const QString &path, int depth);
    QList<Choice> parseChoices(const QJsonArray &array, const QString &path);

    int questionCount() const { return m_count; }

private:
    void parseTypeSpecific(const QJsonObject &o, const QString &path, int depth, Question &q);

    JsonReader &m_reader;
    const LoadLimits &m_limits;
    const QMap<QString, QList<Choice>> &m_lists;
    int m_count = 0;
};

bool isValidName(const QString &name);
// Names a question cannot have: the export's own record columns (instanceID, ward, ...), a
// question's companion columns (name__state, name__write_in) and the submission's meta.
bool isReservedName(const QString &name);
bool isValidChoiceCode(const QString &code);

} // namespace chorus::survey
