// SPDX-License-Identifier: GPL-3.0-or-later
// The event's location: an NMEA replay stands in for the GPS; wards from GeoJSON; coarsening.
#include "EventLocator.h"
#include "WardBoundaries.h"

#include <QFile>
#include <QNmeaPositionInfoSource>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono;
using chorus::platform::EventLocator;
using chorus::platform::WardBoundaries;

namespace {
QString fixture(const char *name)
{
    return QStringLiteral(CHORUS_SOURCE_DIR "/tests/ui/data/") + QLatin1String(name);
}

std::unique_ptr<QGeoPositionInfoSource> replay(QObject *owner)
{
    auto source = std::make_unique<QNmeaPositionInfoSource>(QNmeaPositionInfoSource::SimulationMode);
    auto *file = new QFile(fixture("event.nmea"), owner);
    if (!file->open(QIODevice::ReadOnly)) {
        return nullptr;
    }
    source->setDevice(file);
    // Qt reports 2 x UERE x HDOP (a 95 % radius): 2.5 m makes HDOP 8 a 40 m fix.
    source->setUserEquivalentRangeError(2.5);
    source->setUpdateInterval(100);
    return source;
}
} // namespace

class TstEventLocation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void locate_waitsForAnAccurateFix_andReportsItCoarsened()
    {
        EventLocator::Settings settings;
        settings.accuracyMetres = 50;
        settings.timeout = seconds(30);
        EventLocator locator(replay(this), settings);
        QSignalSpy located(&locator, &EventLocator::located);
        QSignalSpy failed(&locator, &EventLocator::failed);
        locator.start();
        QVERIFY(located.wait(15000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(located.at(0).at(1).toDouble(), 40.0); // HDOP 8: the first fix within 50 m
        const auto where = located.at(0).at(0).value<QGeoCoordinate>();
        QCOMPARE(where.latitude(), 51.409);  // 51°24.552' N = 51.40920, to 3 places
        QCOMPARE(where.longitude(), -0.306); // 0°18.384' W = -0.30640
        QVERIFY(!locator.isRunning());
    }

    void locate_neverAccurateEnough_timesOutKeepingTheBestFix()
    {
        EventLocator::Settings settings;
        settings.accuracyMetres = 5;
        settings.timeout = milliseconds(2500);
        EventLocator locator(replay(this), settings);
        QSignalSpy failed(&locator, &EventLocator::failed);
        locator.start();
        QVERIFY(failed.wait(15000));
        QCOMPARE(failed.at(0).at(0).value<EventLocator::Failure>(), EventLocator::Failure::TimedOut);
        QVERIFY(!failed.at(0).at(1).toString().isEmpty());
        QVERIFY(locator.best().isValid());
    }

    void locate_withoutPositioning_failsAsUnavailable()
    {
        EventLocator locator(nullptr, {});
        QSignalSpy failed(&locator, &EventLocator::failed);
        locator.start();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).value<EventLocator::Failure>(), EventLocator::Failure::Unavailable);
        QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("ward")));
    }

    void wardAt_findsTheWardAndHonoursHoles()
    {
        QFile file(fixture("wards.geojson"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto wards = WardBoundaries::fromGeoJson(file.readAll());
        QVERIFY2(wards.ok(), wards.ok() ? "" : qPrintable(wards.error().message));
        QCOMPARE(wards->wards().size(), 2);
        QCOMPARE(wards->wardAt(QGeoCoordinate(51.41, -0.31))->code, QStringLiteral("TEST0001"));
        QCOMPARE(wards->wardAt(QGeoCoordinate(51.41, -0.29))->code, QStringLiteral("TEST0002"));
        QCOMPARE(wards->wardAt(QGeoCoordinate(51.405, -0.255))->code, QStringLiteral("TEST0002")); // second part
        QVERIFY(!wards->wardAt(QGeoCoordinate(51.406, -0.3135)).has_value()); // in the hole
        QVERIFY(!wards->wardAt(QGeoCoordinate(52.0, -0.31)).has_value());
    }

    void fromGeoJson_rejectsWhatIsNotWardPolygons()
    {
        QVERIFY(!WardBoundaries::fromGeoJson("{").ok());
        QVERIFY(!WardBoundaries::fromGeoJson(R"({"type":"Feature"})").ok());
        QVERIFY(!WardBoundaries::fromGeoJson(
                     R"({"type":"FeatureCollection","features":[{"properties":{"code":"A","name":"B"},)"
                     R"("geometry":{"type":"Point","coordinates":[0,0]}}]})")
                     .ok());
    }

    void coarsen_roundsToAbout110Metres()
    {
        const QGeoCoordinate c = chorus::platform::coarsen(QGeoCoordinate(51.408512, -0.306449));
        QCOMPARE(c.latitude(), 51.409);
        QCOMPARE(c.longitude(), -0.306);
    }
};

QTEST_GUILESS_MAIN(TstEventLocation)
#include "tst_eventlocation.moc"
