// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "response/Response.h"
#include "survey/FormEvaluator.h"
#include "survey/SurveyPackage.h"

#include <QDateTime>
#include <QStringList>

namespace chorus::survey {

// Walks one respondent through one survey: which questions are shown, in what order, which
// are required and valid, and what the finished response is. It is plain C++ so the Qt Quick
// view-models, `chorusctl collect` and tests all drive the same rules.
//
// Pages: one page per shown question (GOV.UK "one thing per page"), notes included; groups
// contribute their children; each repeat instance contributes its children. A page is
// addressed by its answer path: the question name, or "repeat[n]/name" inside a repeat.
//
// Answers are never lost to routing: an answer to a question that becomes hidden is kept and
// shown again if the question comes back; only finalizeResponse() turns it into NOT_ASKED.
// Messages returned to the respondent are in the engine's language (Qt translations for the
// built-in ones, the package's texts for constraint messages).
class FormEngine
{
public:
    explicit FormEngine(SurveyPackage package, const QString &language = {});
    // Resumes a draft (answers, repeat counts, instance id and start time are taken over).
    FormEngine(SurveyPackage package, const response::Response &draft);

    const SurveyPackage &package() const { return *m_package; }
    QString instanceId() const { return m_instanceId; }

    // Language: falls back to the survey's default when `code` is not one of its languages.
    QString language() const { return m_language; }
    void setLanguage(const QString &code);
    bool isRightToLeft() const;
    QString text(const LocalizedText &text) const { return text.text(m_language, m_package->defaultLanguage()); }

    // --- Navigation --------------------------------------------------------------------
    QStringList pages() const;          // answer paths shown now, in order
    QString current() const;            // current page, empty at review
    bool atReview() const { return m_atReview; }
    // Moves on if the current page has no problems (else returns them as the error), to the
    // next shown page or to review after the last.
    Status next();
    bool previous();                    // from review goes to the last page
    void goToReview() { m_atReview = true; }
    bool goTo(const QString &path);     // false if that page is not shown now

    // --- Questions and answers ---------------------------------------------------------
    const Question *question(const QString &path) const; // by answer path or name
    // The section a page belongs to (index into package().sections), -1 if unknown: the UI shows
    // a section's title and intro before its first page.
    int sectionIndex(const QString &path) const;
    bool isVisible(const QString &path) const;
    bool isRequired(const QString &path) const;
    // The choices shown for `path` now (after its choice filter).
    QList<Choice> choices(const QString &path) const;

    // Stores an answer after checking it fits the question (the error message is for the
    // respondent). An empty value or NotAnswered clears the answer.
    Status setAnswer(const QString &path, const response::Answer &answer);
    response::Answer answer(const QString &path) const;

    // What is wrong with one shown page now (empty = fine), and with every shown page (for
    // the error summary on the review page: pairs of path and message).
    QStringList problems(const QString &path) const;
    QList<std::pair<QString, QString>> allProblems() const;

    // --- Repeats -----------------------------------------------------------------------
    int repeatCount(const QString &repeat) const;
    Status addRepeatInstance(const QString &repeat);
    Status removeRepeatInstance(const QString &repeat, int instance); // 1-based; later instances move up

    // --- Output ------------------------------------------------------------------------
    // The answers as they stand, for saving a draft (hidden answers kept, nothing finalized).
    response::Response draft() const;
    // The current value of a calculation (or any question) as text, "" when hidden.
    QString calculatedValue(const QString &path) const;

    // The finished response: shown questions keep their answer or become NOT_ANSWERED,
    // hidden ones become NOT_ASKED. Fails, listing the problems, while any shown page has one.
    Result<response::Response> finalizeResponse(const QDateTime &finishedUtc = QDateTime::currentDateTimeUtc()) const;

private:
    struct Page {
        QString path;
        const Question *question;
    };
    QList<Page> visiblePages() const;
    void addPages(const QList<Question> &questions, const QString &repeat, int instance, QList<Page> &out) const;
    bool relevant(const Question &q, const QString &path) const { return m_eval.ownRelevant(q, path, m_data); }
    void changed() { m_eval.invalidate(); }
    QString nextShownAfter(const QString &path, const QStringList &shown) const;

    // Shared so that the compiled logic's pointers into it survive copies of the engine.
    std::shared_ptr<const SurveyPackage> m_package;
    std::shared_ptr<const FormLogic> m_logic;
    FormEvaluator m_eval;
    QString m_language;
    QString m_instanceId;
    QDateTime m_started;
    FormData m_data;
    QString m_current;
    bool m_atReview = false;
};

} // namespace chorus::survey
