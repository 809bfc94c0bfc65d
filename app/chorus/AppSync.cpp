// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppSync.h"

#include "CurlTransport.h"
#include "DeviceOutbox.h"
#include "EnrollmentPort.h"
#include "Endpoint.h"
#include "RecordsModel.h"
#include "SyncEngine.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QNetworkInformation>
#include <QPointer>

AppSync::Settings AppSync::fromTarget(const chorus::ui::SyncTarget &target, const QString &dbPath)
{
    Settings settings;
    settings.dbPath = dbPath;
    settings.endpoint = target.endpoint;
    settings.token = target.token;
    settings.allowHttpLoopback = target.allowHttpLoopback;
    settings.caFile = target.caFile;
    settings.caPem = target.caPem;
    settings.pins = target.pins;
    return settings;
}

AppSync::AppSync(Settings settings, chorus::ui::RecordsModel *records, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_records(records)
{
    connect(records, &chorus::ui::RecordsModel::syncRequested, this, &AppSync::start);
}

AppSync::~AppSync()
{
    if (m_worker.joinable()) {
        m_worker.join();
    }
}

void AppSync::start()
{
    if (m_settings.endpoint.isEmpty() || m_settings.dbPath.isEmpty()) {
        finish(tr("This device is not set up to send responses yet. Ask your administrator to enrol it."));
        return;
    }
    if (m_worker.joinable()) {
        m_worker.join();
    }
    m_worker = std::thread([this, settings = m_settings] {
        QString summary;
        const auto url = chorus::sync::submissionUrl(settings.endpoint, settings.allowHttpLoopback);
        chorus::Error openError;
        std::unique_ptr<chorus::sync::Outbox> outbox;
        if (!url) {
            summary = url.error().message;
        } else if (!(outbox = chorus::cli::openDeviceOutbox(settings.dbPath, &openError))) {
            summary = openError.message;
        } else {
            chorus::sync::CurlOptions curl;
            curl.allowHttpLoopback = settings.allowHttpLoopback;
            curl.caFile = settings.caFile;
            curl.caPem = settings.caPem;
            curl.pins = settings.pins;
            chorus::sync::SyncEngine engine([curl] { return std::make_unique<chorus::sync::CurlTransport>(curl); },
                                            *url, settings.token);
            const chorus::sync::SyncReport report = engine.run(*outbox);
            const int accepted = report.count(chorus::sync::SubmitOutcome::Accepted);
            const int notSent = static_cast<int>(report.records.size()) - accepted;
            summary = notSent == 0 ? tr("%n response(s) sent.", "", accepted)
                                   : tr("%1 sent, %2 not sent: see each response below for why.")
                                         .arg(accepted)
                                         .arg(notSent);
            if (report.stopped) {
                summary = tr("Sync stopped: %1").arg(report.stopped->message);
            }
        }
        QMetaObject::invokeMethod(this, [this, summary] { finish(summary); }, Qt::QueuedConnection);
    });
}

bool AppSync::syncAutomatically(std::chrono::milliseconds interval)
{
    m_timer.stop();
    disconnect(&m_timer, nullptr, this, nullptr);
    connect(&m_timer, &QTimer::timeout, this, &AppSync::trigger);
    if (interval.count() > 0) {
        m_timer.start(interval);
    }
    const bool loaded = QNetworkInformation::instance() || QNetworkInformation::loadDefaultBackend()
                        || QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    if (!loaded || !QNetworkInformation::instance()) {
        return false;
    }
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                if (reachability == QNetworkInformation::Reachability::Online
                    || reachability == QNetworkInformation::Reachability::Site) {
                    trigger();
                }
            });
    return true;
}

void AppSync::trigger()
{
    // Through the records model, so the screen shows "Sending…" and a run in progress is not doubled.
    if (!m_settings.endpoint.isEmpty() && !m_records->isSyncing()) {
        m_records->requestSync();
    }
}

void AppSync::finish(const QString &summary)
{
    m_records->setSyncResult(summary);
}
