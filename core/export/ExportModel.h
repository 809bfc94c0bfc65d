// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "response/Answer.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::exports
{

using response::Answer;
using response::AnswerState;

// The input side of every export and of the report. Records arrive one at a time (a decrypted
// stream); the catalogue says how to lay them out. Keeping the two apart is what lets the writers
// run in constant memory: nothing about record N+1 is needed to write record N.

enum class QuestionType {
    Text,
    Integer,
    Decimal,
    Date,
    SingleChoice,
    MultipleChoice,
    Rating,
    Ranking,
    Note,
    Geopoint,
};

enum class PopulationBase { AllUsualResidents, Aged16Plus, Aged5Plus };

struct Choice {
    QString code; // stable bank/survey code, what is stored in Answer::value
    QHash<QString, QString> labels; // language code -> label
    // Census 2021 output code this option maps to; empty if none. Several codes, space-separated
    // ("2 3 4 5 6"), when the option covers several census categories: the report merges them.
    QString censusCode;
};

struct Question {
    QString name;
    QuestionType type = QuestionType::Text;
    QHash<QString, QString> labels; // language code -> question text (headers use the name)
    QList<Choice> choices;
    bool allowsWriteIn = false; // some option invites a write-in (special-category free text)
    QString repeatGroup; // empty: top level; otherwise the repeat group's name

    // Equality items only: the census table this item is compared with (e.g. "TS021"), its
    // population base, and whether the census figures are official statistics in development.
    QString censusTable;
    PopulationBase base = PopulationBase::AllUsualResidents;
    bool lowConfidence = false;
    // The earlier steps of a multi-step item, nearest first (ethnicity: ethnic_group). When this
    // question has no answer of its own, a refusal or skip at a step is its state in the report:
    // "Prefer not to say" at the broad group is a refusal of the ethnic group, not "not asked".
    QStringList steps;

    bool isFreeText() const { return type == QuestionType::Text; }
    bool hasValue() const { return type != QuestionType::Note; }
    const Choice *choice(const QString &code) const;
};

struct Catalogue {
    QString surveyId;
    QString defaultLanguage = QStringLiteral("en");
    QList<Question> questions; // in survey order; export columns follow it

    const Question *question(const QString &name) const;
    QStringList repeatGroups() const; // in order of first appearance
    QList<const Question *> questionsIn(const QString &repeatGroup) const;
};

using Answers = QHash<QString, Answer>; // question name -> answer

struct Record {
    QString instanceId; // "uuid:..." as in the ODK submission
    QString surveyId;
    QString surveyVersion;
    QString bankVersion;
    std::optional<QString> ward; // ward code (e.g. E05013938) when the event was mapped to one
    Answers answers;
    QMap<QString, QList<Answers>> repeats; // repeat group -> instances in order
};

// How answers are rendered. Codes are the default: they are stable across languages and bank
// versions; labels are for people reading the file.
enum class ValueMode { Codes, Labels };

QString stateName(AnswerState state); // "answered", "prefer_not_to_say", "not_answered", "not_asked"

// Renders an answer's value: codes as stored, or labels in `language` (falling back to the
// catalogue's default language, then to the code). Multiple choice labels are joined by " | ".
QString renderValue(const Question &question, const Answer &answer, ValueMode mode, const QString &language,
    const QString &defaultLanguage);

} // namespace chorus::exports
