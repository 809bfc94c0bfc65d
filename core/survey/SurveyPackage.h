// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "survey/LocalizedText.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QUrl>

#include <optional>

namespace chorus::survey {

// The value types of a loaded survey package (format v1, docs/formats/survey-package.md).
// They are plain data: SurveyLoader builds and validates them, FormEngine reads them, nothing
// mutates them after loading. Bank references are already expanded into questions.

enum class QuestionType {
    Text,
    Integer,
    Decimal,
    Date,          // full date, or year only when Question::yearOnly
    SingleChoice,
    MultipleChoice,
    Rating,        // a single choice laid out as a scale of tap targets (Likert, 1-5)
    Ranking,       // orders every choice: value is the codes space-separated, most preferred first
    Note,          // display only, never answered
    Geopoint,      // "lat lon [altitude [accuracy]]", the event location
    Calculate,     // hidden, value computed by `calculate`
    Group,         // display grouping of `children`
    Repeat,        // `children` asked once per instance, minCount..maxCount instances
};

QString questionTypeName(QuestionType type);
std::optional<QuestionType> questionTypeFromName(const QString &name);

struct Choice {
    QString code; // stable stored code: [A-Za-z0-9_.-]{1,32}
    LocalizedText label;
    LocalizedText hint;   // e.g. "Including Church of England, Catholic, ..." under "Christian"
    bool writeIn = false; // "other, please write in"
    // Extra columns a choice filter can refer to by bare name (ODK's choices-sheet columns),
    // and mappings such as the Census 2021 output code ("census2021").
    QMap<QString, QString> attributes;
};

struct Question {
    QString name; // XML-name safe, unique in the survey
    QuestionType type = QuestionType::Text;
    LocalizedText label;
    LocalizedText hint;
    bool required = false;
    QString requiredIf;   // expression; when non-empty it overrides `required`
    QString relevant;     // expression; empty = always shown
    QString constraint;   // expression over `.` (this answer)
    LocalizedText constraintMessage;
    QString calculate;    // expression (Calculate type, or a default for others)
    QString choiceFilter; // expression evaluated per choice
    QString choiceListId; // the shared list the choices came from (empty = inline)
    QList<Choice> choices;
    bool preferNotToSay = false; // offers "Prefer not to say" (a distinct answer state)
    bool yearOnly = false;       // Date: ask for a year only (never a full date of birth)
    std::optional<int> minLength, maxLength;  // Text
    std::optional<double> minimum, maximum;   // Integer, Decimal, Date-year
    int minCount = 0, maxCount = 0;           // Repeat (maxCount 0 = the loader's limit)
    QList<Question> children;                 // Group, Repeat
    QString bankItem; // the bank item this came from ("gss/2025.1#ethnicity"), empty if own
    QString sourcePath; // where it was defined, for validation messages ("sections[1].questions[3]")

    bool isAnswerable() const
    {
        return type != QuestionType::Note && type != QuestionType::Group && type != QuestionType::Repeat
            && type != QuestionType::Calculate;
    }
    bool hasChoices() const
    {
        return type == QuestionType::SingleChoice || type == QuestionType::MultipleChoice
            || type == QuestionType::Rating || type == QuestionType::Ranking;
    }
    const Choice *choice(const QString &code) const;
};

struct Section {
    QString id;
    LocalizedText title;
    LocalizedText intro;
    QString relevant;
    QList<Question> questions;
};

struct Language {
    QString code; // BCP 47 ("en", "cy", "ur", "pa-Guru")
    QString name; // as shown to the respondent, in that language ("Cymraeg")
    bool rtl = false;
};

struct Controller {
    QString name;
    QString contact;
};

struct PrivacyNotice {
    QString id;
    QString version;
    LocalizedText text;
    QString lawfulBasis;   // e.g. "Article 6(1)(e) public task"
    QString art9Condition; // e.g. "Article 9(2)(g) substantial public interest"
};

struct Purpose {
    QString id;
    LocalizedText text;
};

// What happens when the respondent refuses consent to equality monitoring. Either way no
// equality answer is stored (NOT_ASKED); the survey says whether the rest of it goes on.
struct ConsentSettings {
    bool continueWithoutEquality = true;
};

struct KioskSettings {
    int idleSeconds = 120;
    int warningSeconds = 30;
};

struct SurveyPackage {
    QString formatVersion; // "chorus-survey/1"
    QString id;
    QString version; // digits; compare with compareVersions()
    LocalizedText title;
    QList<Language> languages; // default first
    QString nation;            // "england" | "wales"
    Controller controller;
    PrivacyNotice privacyNotice;
    QList<Purpose> purposes;
    QString publicKey; // ODK base64RsaPublicKey: base64 DER SubjectPublicKeyInfo, RSA-2048
    QUrl submissionUrl;
    KioskSettings kiosk;
    ConsentSettings consent;
    QMap<QString, QList<Choice>> choiceLists;
    QList<Section> sections;
    QString bankVersion; // the bank every bank item came from ("gss/2025.1"), empty if none
    QByteArray wardsGeoJson; // optional "wards": boundaries for mapping an event to its ward

    QString defaultLanguage() const { return languages.isEmpty() ? QString() : languages.constFirst().code; }
    const Language *language(const QString &code) const;
    // Depth-first lookup of any question (including group and repeat children) by name.
    const Question *question(const QString &name) const;
    // Every question in form order, depth first (groups and repeats before their children).
    QList<const Question *> allQuestions() const;
    // Name of the repeat that holds `name`, or empty.
    QString repeatOf(const QString &name) const;
};

// <0, 0, >0 as a numeric comparison of two digit strings (leading zeros ignored).
int compareVersions(const QString &a, const QString &b);

} // namespace chorus::survey
