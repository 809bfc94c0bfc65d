// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLocator.h"

#include "WardBoundaries.h"

#include <QCoreApplication>

namespace chorus::platform {

EventLocator::EventLocator(std::unique_ptr<QGeoPositionInfoSource> source, Settings settings, QObject *parent)
    : QObject(parent), m_source(std::move(source)), m_settings(settings)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { finishFailed(Failure::TimedOut); });
    if (m_source) {
        connect(m_source.get(), &QGeoPositionInfoSource::positionUpdated, this, &EventLocator::onUpdate);
        connect(m_source.get(), &QGeoPositionInfoSource::errorOccurred, this, &EventLocator::onError);
    }
}

EventLocator::~EventLocator()
{
    stop();
}

std::unique_ptr<QGeoPositionInfoSource> EventLocator::defaultSource()
{
    return std::unique_ptr<QGeoPositionInfoSource>(QGeoPositionInfoSource::createDefaultSource(nullptr));
}

void EventLocator::start()
{
    m_best = {};
    m_bestAccuracy = -1;
    if (!m_source) {
        // Reported from the event loop, like every other outcome, so callers connect first.
        QTimer::singleShot(0, this, [this] { Q_EMIT failed(Failure::Unavailable, message(Failure::Unavailable)); });
        return;
    }
    m_running = true;
    m_timeout.start(m_settings.timeout);
    m_source->startUpdates();
}

void EventLocator::stop()
{
    m_timeout.stop();
    if (m_source && m_running) {
        m_source->stopUpdates();
    }
    m_running = false;
}

QGeoCoordinate EventLocator::best() const
{
    return m_best.isValid() ? coarsen(m_best, m_settings.coarsenDecimals) : QGeoCoordinate();
}

void EventLocator::onUpdate(const QGeoPositionInfo &info)
{
    if (!m_running || !info.isValid()) {
        return;
    }
    const double accuracy = info.hasAttribute(QGeoPositionInfo::HorizontalAccuracy)
                                ? info.attribute(QGeoPositionInfo::HorizontalAccuracy)
                                : -1;
    if (accuracy < 0) {
        return; // a position of unknown accuracy cannot be trusted to pick a ward
    }
    if (m_bestAccuracy < 0 || accuracy < m_bestAccuracy) {
        m_best = info.coordinate();
        m_bestAccuracy = accuracy;
    }
    if (accuracy <= m_settings.accuracyMetres) {
        stop();
        Q_EMIT located(best(), accuracy);
    }
}

void EventLocator::onError(QGeoPositionInfoSource::Error error)
{
    if (!m_running) {
        return;
    }
    switch (error) {
    case QGeoPositionInfoSource::AccessError:
        finishFailed(Failure::Denied);
        break;
    case QGeoPositionInfoSource::ClosedError:
        finishFailed(Failure::Unavailable);
        break;
    case QGeoPositionInfoSource::UpdateTimeoutError:
    case QGeoPositionInfoSource::UnknownSourceError:
    case QGeoPositionInfoSource::NoError:
        break; // keep listening until our own timeout
    }
}

void EventLocator::finishFailed(Failure failure)
{
    stop();
    Q_EMIT failed(failure, message(failure));
}

QString EventLocator::message(Failure failure)
{
    switch (failure) {
    case Failure::Unavailable:
        return QCoreApplication::translate("EventLocator",
                                           "This device cannot find its location. Choose the ward from the list.");
    case Failure::Denied:
        return QCoreApplication::translate("EventLocator",
                                           "Chorus is not allowed to use the location. Choose the ward from the "
                                           "list, or allow location in the device settings and try again.");
    case Failure::TimedOut:
        return QCoreApplication::translate("EventLocator",
                                           "The location was not found accurately enough in time. Choose the ward "
                                           "from the list, or try again outdoors.");
    }
    return {};
}

} // namespace chorus::platform
