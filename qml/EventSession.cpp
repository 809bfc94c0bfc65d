// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventSession.h"

#include "RespondentSession.h"

#include <QCoreApplication>

#include <algorithm>

namespace chorus::ui {

using platform::EventLocator;
using platform::WardBoundaries;

EventSession::EventSession(RespondentSession *session, EventLocator::Settings settings, QObject *parent)
    : QObject(parent), m_session(session), m_settings(settings), m_sourceFactory(&EventLocator::defaultSource)
{
    if (m_session) {
        connect(m_session, &RespondentSession::surveyChanged, this, &EventSession::loadWards);
    }
    loadWards();
}

EventSession::~EventSession() = default;

void EventSession::loadWards()
{
    m_boundaries.reset();
    const QByteArray geoJson = m_session ? m_session->wardsGeoJson() : QByteArray();
    if (!geoJson.isEmpty()) {
        if (auto parsed = WardBoundaries::fromGeoJson(geoJson)) {
            m_boundaries = std::move(*parsed);
        }
    }
    Q_EMIT wardsChanged();
}

QVariantList EventSession::wards() const
{
    QVariantList list;
    if (!m_boundaries) {
        return list;
    }
    QList<WardBoundaries::Ward> sorted = m_boundaries->wards();
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    for (const WardBoundaries::Ward &w : std::as_const(sorted)) {
        list.append(QVariantMap{{QStringLiteral("code"), w.code}, {QStringLiteral("name"), w.name}});
    }
    return list;
}

int EventSession::timeoutSeconds() const
{
    return static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(m_settings.timeout).count());
}

void EventSession::locate()
{
    cancelLocate();
    if (!m_boundaries) {
        setManual(QCoreApplication::translate("EventSession",
                                              "This survey has no ward boundaries, so the location cannot be "
                                              "turned into a ward. Choose the ward yourself, or leave it empty."));
        return;
    }
    m_locator = std::make_unique<EventLocator>(m_sourceFactory ? m_sourceFactory() : nullptr, m_settings);
    connect(m_locator.get(), &EventLocator::located, this,
            [this](const QGeoCoordinate &where, double) { onLocated(where); });
    connect(m_locator.get(), &EventLocator::failed, this,
            [this](EventLocator::Failure, const QString &why) { setManual(why); });
    m_state = QStringLiteral("locating");
    m_message.clear();
    Q_EMIT changed();
    m_locator->start();
}

void EventSession::cancelLocate()
{
    if (m_locator) {
        m_locator->stop();
        // Deleted later: this may run inside one of its own signals.
        m_locator.release()->deleteLater();
    }
    if (m_state == QLatin1String("locating")) {
        m_state = QStringLiteral("idle");
        Q_EMIT changed();
    }
}

void EventSession::onLocated(const QGeoCoordinate &coarsened)
{
    // The fix is used once, here, and not kept.
    const auto ward = m_boundaries ? m_boundaries->wardAt(coarsened) : std::nullopt;
    cancelLocate();
    if (!ward) {
        setManual(QCoreApplication::translate("EventSession",
                                              "This location is outside every ward of this survey. Choose the ward "
                                              "yourself."));
        return;
    }
    m_ward = ward;
    m_state = QStringLiteral("located");
    m_message.clear();
    Q_EMIT changed();
}

void EventSession::setManual(const QString &why)
{
    if (m_locator) {
        m_locator->stop();
        m_locator.release()->deleteLater();
    }
    m_state = QStringLiteral("manual");
    m_message = why;
    Q_EMIT changed();
}

bool EventSession::chooseWard(const QString &code)
{
    if (!m_boundaries) {
        return false;
    }
    const QList<WardBoundaries::Ward> all = m_boundaries->wards();
    const auto it = std::find_if(all.cbegin(), all.cend(), [&](const auto &w) { return w.code == code; });
    if (it == all.cend()) {
        return false;
    }
    if (m_ward && m_ward->code == code) {
        return true; // no change: the list's own binding must not loop
    }
    m_ward = *it;
    Q_EMIT changed();
    return true;
}

QString EventSession::start(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        return QCoreApplication::translate("EventSession", "Enter a name for the event, for example "
                                                           "\"Library open day\"");
    }
    if (m_boundaries && !m_ward) {
        return QCoreApplication::translate("EventSession", "Choose the ward the event is in, or find it from "
                                                           "this device's location");
    }
    cancelLocate();
    m_name = trimmed;
    m_running = true;
    m_message.clear();
    if (m_session) {
        m_session->setEvent(m_name, wardCode());
    }
    Q_EMIT changed();
    return {};
}

void EventSession::end()
{
    cancelLocate();
    m_running = false;
    m_name.clear();
    m_ward.reset();
    m_message.clear();
    m_state = QStringLiteral("idle");
    if (m_session) {
        m_session->setEvent({}, {});
    }
    Q_EMIT changed();
}

} // namespace chorus::ui
