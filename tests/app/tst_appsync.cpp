// SPDX-License-Identifier: GPL-3.0-or-later
// "Sync now" on an enrolled device: AppSync sends with the endpoint, token and TLS settings of
// the enrollment (not command-line flags), against a real receiver on 127.0.0.1; a revoked
// device is told so on the records screen.
#include "AppSync.h"
#include "CoreEnrollment.h"
#include "CurlTransport.h"
#include "LiveReceiver.h"
#include "PackageAdmin.h"
#include "RecordsModel.h"
#include "crypto/DeviceVault.h"
#include "crypto/Signing.h"
#include "store/SqliteStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

class TstAppSync : public QObject
{
    Q_OBJECT

    // A finalized response shaped like ODK's envelope (the receiver never decrypts).
    static store::FinalizedResponse envelope(int index)
    {
        store::FinalizedResponse r;
        r.instanceId = QStringLiteral("uuid:00000000-0000-4000-8000-%1").arg(index, 12, 10, QLatin1Char('0'));
        r.surveyId = QStringLiteral("equality");
        r.surveyVersion = QStringLiteral("1");
        r.manifest = "<data xmlns=\"http://opendatakit.org/submissions\" xmlns:orx=\"http://openrosa.org/xforms\" "
                     "id=\"equality\" version=\"1\" encrypted=\"yes\"><base64EncryptedKey>a2V5</base64EncryptedKey>"
                     "<orx:meta><orx:instanceID>"
                     + r.instanceId.toUtf8()
                     + "</orx:instanceID></orx:meta><encryptedXmlFile>submission.xml.enc</encryptedXmlFile>"
                       "<base64EncryptedElementSignature>c2ln</base64EncryptedElementSignature></data>";
        r.encryptedFiles = {FilePart{QStringLiteral("submission.xml.enc"), QByteArray(256, '\x5a')}};
        r.finalizedAt = QDateTime::currentDateTimeUtc();
        return r;
    }

    static QString syncOnce(ui::RecordsModel &records)
    {
        QSignalSpy done(&records, &ui::RecordsModel::syncingChanged);
        records.requestSync();
        // syncingChanged fires when the run starts and when it ends.
        while (records.isSyncing() || done.count() < 2) {
            if (!done.wait(20000)) {
                break;
            }
        }
        return records.lastSyncResult();
    }

    // Enrols a new device database at `dbPath` on `live` the way the setup screens do, with one
    // response queued; `settings` is what the app's sync uses for it.
    static void enrollWithOneQueued(testing::LiveReceiver &live, const QString &dbPath, const QString &device,
                                    std::unique_ptr<store::SqliteStore> &deviceStore, AppSync::Settings &settings)
    {
        auto key = crypto::SigningKey::generate();
        QVERIFY(key);
        sync::CurlOptions adminOptions;
        adminOptions.allowHttpLoopback = true;
        sync::CurlTransport adminTransport(adminOptions);
        sync::ReceiverAdmin admin(adminTransport, QUrl(live.base()), live.adminToken);
        sync::EnrollRequest request;
        request.device = device;
        request.allowHttpLoopback = true;
        auto enrolled = sync::enrollDevice(admin, QUrl(live.base()), *key, request);
        QVERIFY2(enrolled, enrolled ? "" : qPrintable(enrolled.error().message));
        auto opened = store::SqliteStore::open(dbPath);
        QVERIFY(opened);
        deviceStore = std::move(*opened);
        crypto::DeviceVault::Options options;
        options.kdf = crypto::KdfParams::minimum();
        auto vault = crypto::DeviceVault::create(QByteArrayLiteral("correct horse battery staple"), options);
        QVERIFY(vault);
        ui::CoreEnrollment port(deviceStore->settings(), dbPath);
        QVERIFY(port.enroll(enrolled->bundleFile, *vault));
        QVERIFY(deviceStore->responses().finalize(envelope(1)));
        auto target = port.syncTarget(*vault);
        QVERIFY(target);
        settings = AppSync::fromTarget(*target, dbPath);
    }

private Q_SLOTS:
    void syncNow_enrolledDevice_sendsWithTheEnrollmentAndReportsARevokedToken()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        QTemporaryDir dir;
        const QString dbPath = dir.filePath(QStringLiteral("device.db"));

        std::unique_ptr<store::SqliteStore> deviceStore;
        AppSync::Settings settings;
        enrollWithOneQueued(live, dbPath, QStringLiteral("library-tablet-1"), deviceStore, settings);
        if (QTest::currentTestFailed()) {
            return;
        }
        ui::RecordsModel records(&deviceStore->responses());
        AppSync appSync(settings, &records);
        QCOMPARE(syncOnce(records), QStringLiteral("1 response(s) sent."));
        records.refresh();
        QCOMPARE(records.counts().value(QStringLiteral("accepted")).toInt(), 1);

        // The council revokes the device: the next sync says so instead of failing silently.
        sync::CurlOptions adminOptions;
        adminOptions.allowHttpLoopback = true;
        sync::CurlTransport adminTransport(adminOptions);
        sync::ReceiverAdmin admin(adminTransport, QUrl(live.base()), live.adminToken);
        QVERIFY(admin.revokeDevice(QStringLiteral("library-tablet-1")));
        QVERIFY(deviceStore->responses().finalize(envelope(2)));
        const QString stopped = syncOnce(records);
        QVERIFY2(stopped.startsWith(QStringLiteral("Sync stopped:")), qPrintable(stopped));
        QVERIFY2(stopped.contains(QStringLiteral("enrol"), Qt::CaseInsensitive), qPrintable(stopped));
    }
    void timer_enrolledDevice_sendsWithoutAnyoneTappingSync()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        QTemporaryDir dir;
        std::unique_ptr<store::SqliteStore> deviceStore;
        AppSync::Settings settings;
        enrollWithOneQueued(live, dir.filePath(QStringLiteral("device.db")), QStringLiteral("library-tablet-2"),
                            deviceStore, settings);
        if (QTest::currentTestFailed()) {
            return;
        }
        ui::RecordsModel records(&deviceStore->responses());
        AppSync appSync(settings, &records);
        // The 50 ms timer keeps going: a later run finds nothing left and says so, so the test
        // keeps every result, not only the latest.
        QStringList results;
        QObject::connect(&records, &ui::RecordsModel::syncingChanged, &records,
                         [&] { results.append(records.lastSyncResult()); });
        appSync.syncAutomatically(std::chrono::milliseconds(50));
        QTRY_VERIFY_WITH_TIMEOUT(results.contains(QStringLiteral("1 response(s) sent.")), 20000);
        records.refresh();
        QCOMPARE(records.counts().value(QStringLiteral("accepted")).toInt(), 1);
        // Every run after it found nothing to send; none stopped or left anything behind.
        for (const QString &result : std::as_const(results)) {
            QVERIFY2(result.isEmpty() || result.endsWith(QLatin1String("response(s) sent.")), qPrintable(result));
        }
    }

    void timer_deviceNotEnrolled_staysQuiet()
    {
        QTemporaryDir dir;
        auto store = store::SqliteStore::open(dir.filePath(QStringLiteral("device.db")));
        QVERIFY(store);
        ui::RecordsModel records(&(*store)->responses());
        AppSync appSync(AppSync::Settings{}, &records);
        QSignalSpy syncing(&records, &ui::RecordsModel::syncingChanged);
        appSync.syncAutomatically(std::chrono::milliseconds(10));
        // Five timer periods and more: an unenrolled device neither runs nor reports "not set up".
        QTest::qWait(100);
        QCOMPARE(syncing.count(), 0);
        QVERIFY(records.lastSyncResult().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstAppSync)

#include "tst_appsync.moc"
