// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EventLocator.h"
#include "WardBoundaries.h"

#include <QObject>
#include <QVariantList>

#include <functional>
#include <memory>
#include <optional>

namespace chorus::ui {

class RespondentSession;

// An outreach event for the operator's screen: a name and the ward it is held in, attached to
// every response started while it runs. The ward comes from one location fix (EventLocator,
// with an accuracy threshold and a timeout) mapped through the survey package's ward
// boundaries, or from the operator's choice when positioning is denied, unavailable, too slow,
// or lands outside every ward. Only the ward code is kept: the fix itself is dropped at once.
class EventSession : public QObject
{
    Q_OBJECT
    // "idle", "locating", "located" (a ward from the fix), "manual" (choose from the list).
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(bool running READ isRunning NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString wardCode READ wardCode NOTIFY changed)
    Q_PROPERTY(QString wardName READ wardName NOTIFY changed)
    // Why the location did not give a ward, and what to do; "" otherwise.
    Q_PROPERTY(QString message READ message NOTIFY changed)
    // The survey's wards: [{code, name}], sorted by name.
    Q_PROPERTY(QVariantList wards READ wards NOTIFY wardsChanged)
    Q_PROPERTY(int timeoutSeconds READ timeoutSeconds CONSTANT)

public:
    using SourceFactory = std::function<std::unique_ptr<QGeoPositionInfoSource>()>;

    explicit EventSession(RespondentSession *session, platform::EventLocator::Settings settings = {},
                          QObject *parent = nullptr);
    ~EventSession() override;

    // Where fixes come from: the platform's positioning by default, an NMEA replay in tests.
    void setSourceFactory(SourceFactory factory) { m_sourceFactory = std::move(factory); }

    QString state() const { return m_state; }
    bool isRunning() const { return m_running; }
    QString name() const { return m_name; }
    QString wardCode() const { return m_ward ? m_ward->code : QString(); }
    QString wardName() const { return m_ward ? m_ward->name : QString(); }
    QString message() const { return m_message; }
    QVariantList wards() const;
    int timeoutSeconds() const;

    Q_INVOKABLE void locate();
    Q_INVOKABLE void cancelLocate();
    // The operator's own choice (also after a fix, to correct it).
    Q_INVOKABLE bool chooseWard(const QString &code);
    // Starts the event; returns what is missing, or "" once it runs.
    Q_INVOKABLE QString start(const QString &name);
    Q_INVOKABLE void end();

Q_SIGNALS:
    void changed();
    void wardsChanged();

private:
    void loadWards();
    void setManual(const QString &why);
    void onLocated(const QGeoCoordinate &coarsened);

    RespondentSession *m_session;
    platform::EventLocator::Settings m_settings;
    SourceFactory m_sourceFactory;
    std::unique_ptr<platform::EventLocator> m_locator;
    std::optional<platform::WardBoundaries> m_boundaries;
    std::optional<platform::WardBoundaries::Ward> m_ward;
    QString m_state = QStringLiteral("idle");
    QString m_name;
    QString m_message;
    bool m_running = false;
};

} // namespace chorus::ui
