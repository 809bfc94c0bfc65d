// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DraftKeeper.h"
#include "RespondentSession.h"
#include "ResponseSink.h"
#include "survey/SurveyLoader.h"

#include <QObject>

// Stands in for the finalizer: keeps what would have been sealed, so tests can check it.
class FakeSink : public chorus::ui::ResponseSink
{
public:
    chorus::Result<chorus::ui::SubmitReceipt> submit(const chorus::survey::SurveyPackage &,
                                                     const chorus::response::Response &response,
                                                     const chorus::ui::ConsentChoices &consent) override
    {
        responses.append(response);
        consents.append(consent);
        return chorus::ui::SubmitReceipt{response.instanceId, QStringLiteral("K7Q2-M9XD"), {}};
    }
    QList<chorus::response::Response> responses;
    QList<chorus::ui::ConsentChoices> consents;
};

// The tests' handle on the session: load the test survey, read back what was submitted.
class TestSurvey : public QObject
{
    Q_OBJECT

public:
    TestSurvey(chorus::ui::RespondentSession *session, FakeSink *sink) : m_session(session), m_sink(sink) {}

    void setDrafts(chorus::ui::DraftKeeper *drafts) { m_drafts = drafts; }

    Q_INVOKABLE bool load(const QString &file = QStringLiteral("kiosk-flow.chorus.json"))
    {
        auto package = chorus::survey::SurveyLoader::loadFile(QStringLiteral(CHORUS_SOURCE_DIR "/tests/qml/data/")
                                                              + file);
        if (!package) {
            qWarning("test survey: %s", qPrintable(package.error().message));
            return false;
        }
        m_session->setPackage(std::move(*package));
        return true;
    }
    Q_INVOKABLE void unload() { m_session->setPackage(std::nullopt); }
    // What a crash leaves: the session's memory gone, the drafts exactly as the last autosave
    // wrote them (nothing is saved or discarded on the way down).
    Q_INVOKABLE void simulateCrash()
    {
        m_session->setDrafts(nullptr);
        m_session->wipe();
        m_session->setDrafts(m_drafts);
    }
    // Which NMEA log (tests/platform/data) the event screen's "GPS" replays; "" = no positioning.
    Q_INVOKABLE void setNmea(const QString &file) { m_nmea = file; }
    QString nmea() const { return m_nmea; }
    // Where tst_screenshots.qml writes its pictures; "" (the default) skips it.
    Q_INVOKABLE QString screenshotDir() const { return qEnvironmentVariable("CHORUS_SCREENSHOT_DIR"); }
    Q_INVOKABLE int draftCount() const { return m_drafts ? int(m_drafts->drafts().size()) : 0; }
    Q_INVOKABLE int submittedCount() const { return static_cast<int>(m_sink->responses.size()); }
    Q_INVOKABLE QString submittedState(int index, const QString &path) const
    {
        return chorus::response::answerStateName(m_sink->responses.at(index).answer(path).state);
    }
    Q_INVOKABLE QString submittedValue(int index, const QString &path) const
    {
        return m_sink->responses.at(index).answer(path).value;
    }
    Q_INVOKABLE QString submittedWriteIn(int index, const QString &path) const
    {
        return m_sink->responses.at(index).answer(path).writeIn;
    }
    Q_INVOKABLE QString submittedEvent(int index) const
    {
        return m_sink->responses.at(index).eventName + u' ' + m_sink->responses.at(index).eventWard;
    }
    Q_INVOKABLE bool consented(int index, const QString &purpose) const
    {
        return m_sink->consents.at(index).purposes.value(purpose, false);
    }
    Q_INVOKABLE void clear()
    {
        m_sink->responses.clear();
        m_sink->consents.clear();
    }

private:
    chorus::ui::RespondentSession *m_session;
    FakeSink *m_sink;
    chorus::ui::DraftKeeper *m_drafts = nullptr;
    QString m_nmea;
};
