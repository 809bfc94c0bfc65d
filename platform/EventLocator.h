// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGeoCoordinate>
#include <QGeoPositionInfo>
#include <QGeoPositionInfoSource>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <memory>

namespace chorus::platform {

// One location fix for an event (never the respondent): positions come from whatever
// QGeoPositionInfoSource it is given (the platform's real one from defaultSource(), or a
// QNmeaPositionInfoSource replaying a file in tests) until one is accurate enough or the time
// runs out. Denied or unavailable positioning ends with a reason the app shows next to a
// manual ward choice. The coordinate it reports is already coarsened.
class EventLocator : public QObject
{
    Q_OBJECT

public:
    enum class Failure {
        Unavailable,    // no positioning on this device
        Denied,         // the user or the OS refused access
        TimedOut,       // nothing accurate enough in time (the best fix so far is kept)
    };
    Q_ENUM(Failure)

    struct Settings {
        double accuracyMetres = 100;
        std::chrono::milliseconds timeout{std::chrono::seconds(60)};
        int coarsenDecimals = 3;
    };

    // Takes ownership of `source` (null = no positioning available).
    EventLocator(std::unique_ptr<QGeoPositionInfoSource> source, Settings settings, QObject *parent = nullptr);
    ~EventLocator() override;

    // The platform's positioning, or null when there is none.
    static std::unique_ptr<QGeoPositionInfoSource> defaultSource();

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // The most accurate position seen in this run (valid or not), coarsened.
    QGeoCoordinate best() const;
    double bestAccuracy() const { return m_bestAccuracy; }

    // People's words for a failure, with what to do.
    static QString message(Failure failure);

Q_SIGNALS:
    void located(const QGeoCoordinate &coarsened, double accuracyMetres);
    void failed(chorus::platform::EventLocator::Failure failure, const QString &message);

private:
    void onUpdate(const QGeoPositionInfo &info);
    void onError(QGeoPositionInfoSource::Error error);
    void finishFailed(Failure failure);

    std::unique_ptr<QGeoPositionInfoSource> m_source;
    Settings m_settings;
    QTimer m_timeout;
    QGeoCoordinate m_best;
    double m_bestAccuracy = -1;
    bool m_running = false;
};

} // namespace chorus::platform
