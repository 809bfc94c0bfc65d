// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <thread>

namespace chorus::ui {
class RecordsModel;
struct SyncTarget;
}

// "Sync now" in the app: one SyncEngine run on a worker thread, with its own connection to the
// device database (a SQLite connection belongs to one thread), then the result in words on the
// records screen. Without an endpoint it says the device is not set up for sync. Besides the
// button, a run starts on a timer and when the network comes back (syncAutomatically()); a
// trigger during a run is dropped, since the run in progress sends everything queued.
class AppSync : public QObject
{
    Q_OBJECT

public:
    struct Settings {
        QString dbPath;
        QString endpoint;
        QByteArray token;
        bool allowHttpLoopback = false;
        QString caFile;
        QByteArray caPem; // from the enrollment
        QStringList pins;
    };

    // The enrolled device's endpoint, token and TLS settings, syncing the database at `dbPath`.
    static Settings fromTarget(const chorus::ui::SyncTarget &target, const QString &dbPath);

    AppSync(Settings settings, chorus::ui::RecordsModel *records, QObject *parent = nullptr);
    ~AppSync() override;

    void start();
    // Runs every `interval` (0: never) and when QNetworkInformation reports the network back,
    // where a backend exists. Only an enrolled device (an endpoint is set) syncs by itself.
    // Returns whether the network is watched.
    bool syncAutomatically(std::chrono::milliseconds interval);
    // The enrolled endpoint, token and TLS settings, once the device is unlocked.
    void setSettings(Settings settings) { m_settings = std::move(settings); }

private:
    void finish(const QString &summary);
    void trigger();

    Settings m_settings;
    chorus::ui::RecordsModel *m_records;
    std::thread m_worker;
    QTimer m_timer;
};
