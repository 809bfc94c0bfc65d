// SPDX-License-Identifier: GPL-3.0-or-later
// The event screen's logic with an NMEA replay for the GPS: a good fix becomes a ward from the
// survey package's boundaries; poor accuracy, no fix, a fix outside every ward or no
// positioning at all end in the manual ward choice with a reason; the event's name and ward
// code (never the location) go into each response begun during it.
#include "EventSession.h"
#include "NmeaReplay.h"
#include "RespondentSession.h"
#include "TestSurvey.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

using namespace std::chrono;
using namespace chorus;
using namespace chorus::ui;

namespace {
QString fixture(const QString &name)
{
    return QStringLiteral(CHORUS_SOURCE_DIR "/tests/platform/data/") + name;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The kiosk test survey with the two test wards in it.
survey::SurveyPackage surveyWithWards(bool withWards = true)
{
    QJsonObject root = QJsonDocument::fromJson(readAll(QStringLiteral(CHORUS_SOURCE_DIR
                                                                      "/tests/qml/data/kiosk-flow.chorus.json")))
                           .object();
    if (withWards) {
        root.insert(QStringLiteral("wards"), QJsonDocument::fromJson(readAll(fixture(QStringLiteral("wards.geojson"))))
                                                 .object());
    }
    auto package = survey::SurveyLoader::load(QJsonDocument(root).toJson());
    if (!package) {
        qFatal("test survey: %s", qPrintable(package.error().message));
    }
    return *package;
}
} // namespace

class TestEventSession : public QObject
{
    Q_OBJECT

    FakeSink m_sink;
    std::unique_ptr<RespondentSession> m_session;

    std::unique_ptr<EventSession> eventWith(const QString &nmea, milliseconds timeout, double accuracy = 50)
    {
        platform::EventLocator::Settings settings;
        settings.accuracyMetres = accuracy;
        settings.timeout = timeout;
        auto event = std::make_unique<EventSession>(m_session.get(), settings);
        event->setSourceFactory([nmea]() -> std::unique_ptr<QGeoPositionInfoSource> {
            if (nmea.isEmpty()) {
                return nullptr;
            }
            return platform::nmeaReplaySource(fixture(nmea));
        });
        return event;
    }

    // Waits, bounded, for locating to end one way or the other.
    static QString settle(EventSession &event)
    {
        QDeadlineTimer deadline(15000);
        while (event.state() == QLatin1String("locating") && !deadline.hasExpired()) {
            QTest::qWait(20);
        }
        return event.state();
    }

private Q_SLOTS:
    void init()
    {
        m_sink.responses.clear();
        m_session = std::make_unique<RespondentSession>(&m_sink);
        m_session->setPackage(surveyWithWards());
    }

    void locate_accurateFixInsideAWard_givesThatWard()
    {
        auto event = eventWith(QStringLiteral("riverside-fix.nmea"), seconds(20));
        QCOMPARE(event->wards().size(), 2);
        event->locate();
        QCOMPARE(event->state(), QStringLiteral("locating"));
        QCOMPARE(settle(*event), QStringLiteral("located"));
        QCOMPARE(event->wardCode(), QStringLiteral("TEST0001"));
        QCOMPARE(event->wardName(), QStringLiteral("Riverside (test)"));
        QVERIFY(event->message().isEmpty());
    }

    void locate_poorAccuracyOnly_fallsBackToManualChoiceWithAReason()
    {
        auto event = eventWith(QStringLiteral("poor-accuracy.nmea"), milliseconds(2500));
        event->locate();
        QCOMPARE(settle(*event), QStringLiteral("manual"));
        QVERIFY(event->wardCode().isEmpty());
        QVERIFY(!event->message().isEmpty());
    }

    void locate_noFixBeforeTheTimeout_fallsBackToManualChoice()
    {
        auto event = eventWith(QStringLiteral("no-fix.nmea"), milliseconds(1500));
        event->locate();
        QCOMPARE(settle(*event), QStringLiteral("manual"));
        QVERIFY(!event->message().isEmpty());
    }

    void locate_fixOutsideEveryWard_asksForTheWard()
    {
        auto event = eventWith(QStringLiteral("outside-wards.nmea"), seconds(20));
        event->locate();
        QCOMPARE(settle(*event), QStringLiteral("manual"));
        QVERIFY2(event->message().contains(QStringLiteral("outside")), qPrintable(event->message()));
    }

    void locate_withoutPositioning_saysSoAndOffersTheList()
    {
        auto event = eventWith({}, seconds(5));
        event->locate();
        QCOMPARE(settle(*event), QStringLiteral("manual"));
        QVERIFY(event->message().contains(QStringLiteral("ward")));
        QVERIFY(event->chooseWard(QStringLiteral("TEST0002")));
        QVERIFY(!event->chooseWard(QStringLiteral("NOPE")));
        QCOMPARE(event->wardName(), QStringLiteral("Hillside (test)"));
    }

    void start_needsANameAndAWard()
    {
        auto event = eventWith({}, seconds(5));
        QVERIFY(!event->start(QStringLiteral("  ")).isEmpty());
        QVERIFY(event->start(QStringLiteral("Market day")).contains(QStringLiteral("ward")));
        QVERIFY(!event->isRunning());
        QVERIFY(event->chooseWard(QStringLiteral("TEST0001")));
        QCOMPARE(event->start(QStringLiteral(" Market day ")), QString());
        QVERIFY(event->isRunning());
        QCOMPARE(event->name(), QStringLiteral("Market day"));
    }

    void surveyWithoutWards_startsWithoutAWard()
    {
        m_session->setPackage(surveyWithWards(false));
        auto event = eventWith(QStringLiteral("riverside-fix.nmea"), seconds(5));
        QVERIFY(event->wards().isEmpty());
        event->locate();
        QCOMPARE(event->state(), QStringLiteral("manual"));
        QCOMPARE(event->start(QStringLiteral("Market day")), QString());
        QVERIFY(event->wardCode().isEmpty());
    }

    void responses_begunDuringTheEvent_carryItsNameAndWardOnly()
    {
        auto event = eventWith({}, seconds(5));
        QVERIFY(event->chooseWard(QStringLiteral("TEST0002")));
        QCOMPARE(event->start(QStringLiteral("Market day")), QString());

        const auto collectOne = [this] {
            m_session->begin(QStringLiteral("en"));
            m_session->setConsent(QStringLiteral("consultation"), true);
            QCOMPARE(m_session->setChoice(QStringLiteral("weekly"), true), QString());
            while (!m_session->atReview()) {
                QVERIFY(m_session->next().isEmpty());
            }
            QVERIFY(m_session->submit());
        };
        collectOne();
        event->end();
        collectOne();
        QCOMPARE(m_sink.responses.size(), 2);
        QCOMPARE(m_sink.responses.at(0).eventName, QStringLiteral("Market day"));
        QCOMPARE(m_sink.responses.at(0).eventWard, QStringLiteral("TEST0002"));
        QVERIFY(m_sink.responses.at(1).eventName.isEmpty());
        QVERIFY(m_sink.responses.at(1).eventWard.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEventSession)

#include "tst_eventsession.moc"
