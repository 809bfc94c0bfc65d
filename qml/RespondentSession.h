// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ResponseSink.h"
#include "response/DraftContent.h"
#include "survey/FormEngine.h"
#include "survey/SurveyPackage.h"

#include <QObject>
#include <QVariantList>
#include <QVariantMap>

#include <memory>
#include <optional>

namespace chorus::ui {

class DraftKeeper;

// One respondent's journey through the loaded survey, for the pages to draw: consent, one
// question per page, check your answers, submit. The rules live in FormEngine; this adds what
// the screens need (texts in the respondent's language, review rows, "return to check your
// answers after a change") and hands the finished response to the ResponseSink.
//
// Drafts: after every move between pages (so after every answered question) the whole state —
// answers, page, consent boxes — is sealed into the draft (DraftKeeper), so a crash loses at
// most the question on screen; resume() puts it back.
//
// wipe() forgets everything the respondent entered: the engine, the consent choices, the
// receipt, and the draft on disk. The kiosk calls it on idle expiry and before the next
// respondent. suspend() forgets the in-memory state but keeps the draft for the operator.
class RespondentSession : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool hasSurvey READ hasSurvey NOTIFY surveyChanged)
    Q_PROPERTY(QVariantList languages READ languages NOTIFY surveyChanged)
    Q_PROPERTY(QString title READ title NOTIFY textsChanged)
    Q_PROPERTY(QString controller READ controller NOTIFY surveyChanged)
    Q_PROPERTY(QString noticeText READ noticeText NOTIFY textsChanged)
    Q_PROPERTY(QVariantList purposes READ purposes NOTIFY textsChanged)
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)
    Q_PROPERTY(QVariantMap page READ page NOTIFY pageChanged)
    Q_PROPERTY(QString pagePath READ current NOTIFY pageChanged)
    Q_PROPERTY(bool atReview READ atReview NOTIFY pageChanged)
    Q_PROPERTY(int pageNumber READ pageNumber NOTIFY pageChanged)
    Q_PROPERTY(int pageCount READ pageCount NOTIFY pageChanged)
    Q_PROPERTY(QVariantList review READ review NOTIFY pageChanged)
    Q_PROPERTY(QString receiptCode READ receiptCode NOTIFY submittedChanged)
    Q_PROPERTY(bool submitted READ isSubmitted NOTIFY submittedChanged)
    Q_PROPERTY(QString mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(QString operatorId READ operatorId WRITE setOperatorId NOTIFY modeChanged)
    Q_PROPERTY(QString receiptQr READ receiptQr NOTIFY submittedChanged)

public:
    explicit RespondentSession(ResponseSink *sink, QObject *parent = nullptr);

    // Where drafts go; without one (or before it is attached to the vault) none are kept.
    void setDrafts(DraftKeeper *drafts) { m_drafts = drafts; }

    void setPackage(std::optional<survey::SurveyPackage> package);
    bool hasSurvey() const { return m_package.has_value(); }
    QString surveyId() const { return m_package ? m_package->id : QString(); }
    QByteArray wardsGeoJson() const { return m_package ? m_package->wardsGeoJson : QByteArray(); }
    // The outreach event now running (EventSession): every response begun from now on carries
    // its name and ward code. Empty strings: no event.
    void setEvent(const QString &name, const QString &wardCode);
    QVariantList languages() const;
    QString title() const;
    QString controller() const;
    QString noticeText() const;
    QVariantList purposes() const;

    bool isActive() const { return m_engine != nullptr; }
    QVariantMap page() const;
    bool atReview() const;
    int pageNumber() const;
    int pageCount() const;
    QVariantList review() const;
    QString receiptCode() const { return m_receipt.receiptCode; }
    bool isSubmitted() const { return m_submitted; }
    // consent::CollectionMode names: kiosk, handheld, assisted, proxy.
    QString mode() const { return m_mode; }
    void setMode(const QString &mode);
    QString operatorId() const { return m_operatorId; }
    void setOperatorId(const QString &id);
    // The receipt code as a QR image (a data: URL for an Image), empty when there is none.
    QString receiptQr() const;

    // Starts a fresh response in `language` (nothing answered, nothing consented).
    Q_INVOKABLE void begin(const QString &language);
    // Survey texts follow the respondent's language choice (the app's own words follow Language).
    Q_INVOKABLE void setLanguage(const QString &language);
    Q_INVOKABLE void setConsent(const QString &purposeId, bool granted);
    // Empty when the respondent may go on to the questions, else why not.
    Q_INVOKABLE QString consentProblem() const;

    // Answers the current page. Returns the problem in the respondent's words, or "".
    Q_INVOKABLE QString setAnswer(const QString &value, const QString &writeIn = {});
    Q_INVOKABLE QString setChoice(const QString &code, bool selected, const QString &writeIn = {});
    Q_INVOKABLE QString moveRank(const QString &code, int delta);
    Q_INVOKABLE void setPreferNotToSay(bool on);
    // Date questions: the GOV.UK day / month / year boxes (year-only: pass the year alone).
    // Returns what is wrong (also returned by next() until fixed), or "".
    Q_INVOKABLE QString setDateParts(const QString &day, const QString &month, const QString &year);
    // Which box the last date problem is about: "day", "month", "year", "" for none / all.
    Q_INVOKABLE QString inputProblemField() const { return m_inputProblemField; }
    // Repeats: adds an instance and opens its first page; removes one and returns to the page
    // before it. Each returns the problem in the respondent's words, or "".
    Q_INVOKABLE QString addRepeat(const QString &repeat);
    Q_INVOKABLE QString removeRepeat(const QString &repeat, int instance);
    Q_INVOKABLE void clearAnswer();

    // Continue: problems of the current page (the page stays), or [] after moving on.
    Q_INVOKABLE QStringList next();
    Q_INVOKABLE bool previous();
    // From "Check your answers": change one answer, then come straight back.
    Q_INVOKABLE bool change(const QString &path);
    // Seals and stores the response. False with lastError when it could not be stored.
    Q_INVOKABLE bool submit();
    Q_INVOKABLE QString lastError() const { return m_lastError; }
    Q_INVOKABLE void wipe();
    // Leaves the interview for now: the draft is saved and stays; memory is cleared.
    Q_INVOKABLE void suspend();
    // Reopens an interrupted interview of the loaded survey where it was left. False with
    // lastError when it cannot (another survey, a version no longer installed, a locked vault).
    Q_INVOKABLE bool resume(const QString &responseId);

Q_SIGNALS:
    void surveyChanged();
    void textsChanged();
    void activeChanged();
    void pageChanged();
    void submittedChanged();
    void modeChanged();

private:
    QString current() const;
    QString store(const response::Answer &answer);
    void saveDraft();
    void forget(bool keepDraft);

    ResponseSink *m_sink;
    DraftKeeper *m_drafts = nullptr;
    std::optional<survey::SurveyPackage> m_package;
    std::unique_ptr<survey::FormEngine> m_engine;
    QString m_language;
    QMap<QString, bool> m_consent;
    bool m_returnToReview = false;
    QString m_inputProblem; // what the boxes on screen hold that is not yet an answer
    QString m_inputProblemField;
    bool m_submitted = false;
    SubmitReceipt m_receipt;
    QString m_lastError;
    QString m_mode = QStringLiteral("kiosk");
    QString m_operatorId;
    QString m_eventName; // the running event
    QString m_eventWard;
    QString m_responseEventName; // the event the current response was begun at
    QString m_responseEventWard;
};

} // namespace chorus::ui
