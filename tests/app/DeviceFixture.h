// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The device the setup tests drive: prepare(scenario) builds it fresh and injects it into the
// QML singletons (Device, Vault, Surveys, Session, Records, StaffLock).
// The journey scenarios are a real device: responses sealed and stored, Sync now through AppSync,
// and two devices (kiosk, outreach) sending to one receiver that outlives prepare().

#include "AdminClient.h"
#include "AppSync.h"
#include "CoreEnrollment.h"
#include "CurlTransport.h"
#include "KeyStore.h"
#include "LiveReceiver.h"
#include "PackageAdmin.h"
#include "QmlServices.h"
#include "SetupHarness.h"
#include "VaultKeyring.h"
#include "crypto/Signing.h"
#include "enrollment/EnrollmentBundle.h"
#include "store/SqliteStore.h"
#include "consent/QrMatrix.h"
#include "consent/QrPng.h"
#include "store/ResponseRepository.h"

#include <QObject>

#include <algorithm>
#include <optional>

namespace setup_test {

using namespace chorus::ui;
using namespace std::chrono;

class TestDevice : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kPassphrase = "correct horse battery staple";

    TestDevice()
    {
        m_keys = chorus::survey::generateSigningKeyPair();
        QFile bundle(m_dir.filePath(QStringLiteral("enrol.json")));
        bundle.open(QIODevice::WriteOnly);
        bundle.write(kGoodBundle + '\n');
        QFile forged(m_dir.filePath(QStringLiteral("forged.json")));
        forged.open(QIODevice::WriteOnly);
        forged.write(QByteArrayLiteral("CHORUS-TEST-BUNDLE: Not Your Council\n"));
        QFile qr(m_dir.filePath(QStringLiteral("enrol.png")));
        qr.open(QIODevice::WriteOnly);
        qr.write(chorus::consent::qrPng(*chorus::consent::encodeQr(QString::fromLatin1(kGoodBundle)), 6));
    }
    ~TestDevice() override { chorus::survey::wipeSecret(m_keys.secretKey); }

    Q_INVOKABLE QString bundlePath() const { return m_dir.filePath(QStringLiteral("enrol.json")); }
    Q_INVOKABLE QString forgedBundlePath() const { return m_dir.filePath(QStringLiteral("forged.json")); }
    Q_INVOKABLE QString qrPath() const { return m_dir.filePath(QStringLiteral("enrol.png")); }
    Q_INVOKABLE QString passphrase() const { return QString::fromLatin1(kPassphrase); }
    Q_INVOKABLE void advanceClock(int milliseconds) { m_now += std::chrono::milliseconds(milliseconds); }
    Q_INVOKABLE QString settingValue(const QString &key)
    {
        auto v = m_store->settings().value(key);
        return v && v->has_value() ? **v : QString();
    }
    Q_INVOKABLE QString liveBundlePath() const { return m_dir.filePath(QStringLiteral("live-enrol.json")); }
    Q_INVOKABLE QString liveQrPath() const { return m_dir.filePath(QStringLiteral("live-enrol.png")); }
    Q_INVOKABLE QString liveFingerprint() const { return m_liveFingerprint; }
    DeviceSetup *device() const { return m_device.get(); }
    // The keyring the vault may use (tests/app/tst_setup_keyring); null: none, as before.
    void setKeyStore(chorus::platform::KeyStore *keyStore) { m_keyStore = keyStore; }
    VaultKeeper *vault() const { return m_vault.get(); }
    Q_INVOKABLE bool staffPinWorks(const QString &pin) { return m_lock->unlock(pin); }
    // What the shared journey receiver holds (tombstones left out), through its admin API; -1
    // when it cannot be asked.
    Q_INVOKABLE int receivedCount()
    {
        if (!m_journeyLive) {
            return -1;
        }
        chorus::sync::CurlOptions options;
        options.allowHttpLoopback = true;
        chorus::sync::CurlTransport transport(options);
        chorus::sync::AdminClient admin(transport, QUrl(m_journeyLive->base()), m_journeyLive->adminToken);
        auto listed = admin.list();
        if (!listed) {
            qWarning("admin list: %s", qPrintable(listed.error().message));
            return -1;
        }
        return static_cast<int>(std::count_if(listed->cbegin(), listed->cend(),
                                              [](const auto &s) { return !s.deleted && s.complete; }));
    }
    // Responses finalized on every journey device of this run, and how many devices that was.
    Q_INVOKABLE int journeyResponses() const { return m_journeyCarried + (m_records ? m_records->size() : 0); }
    Q_INVOKABLE int journeyDevices() const { return m_journeyDevices; }

    // firstRun: empty device. enrolled / enrolledKiosk: vault (kPassphrase), enrollment, mode and
    // a signed survey installed. tampered: as enrolled, but the stored package was changed.
    Q_INVOKABLE void prepare(const QString &scenario)
    {
        m_appSync.reset();
        if (m_records && m_journeyDevices > 0) {
            m_records->refresh();
            m_journeyCarried += m_records->size();
        }
        m_surveys.reset();
        m_device.reset();
        m_vault.reset();
        m_port.reset();
        m_records.reset();
        m_session.reset();
        m_lock.reset();
        m_store.reset();
        m_live.reset();
        m_finalizer.reset();
        m_now = {};
        const bool journey = scenario.startsWith(QLatin1String("journey"));
        const bool live = scenario.startsWith(QLatin1String("live")) || journey;
        const QString dbPath = m_dir.filePath(scenario + QStringLiteral(".db"));
        if (journey) {
            // One receiver for every journey device of this run, the demo survey published once.
            if (!m_journeyLive) {
                m_journeyLive = std::make_unique<chorus::testing::LiveReceiver>();
                newCouncilKey(*m_journeyLive);
                if (!m_journeyLive->start()) {
                    qFatal("the receiver did not start: %s", qPrintable(m_journeyLive->skipReason));
                }
                publish(*m_journeyLive, false);
            }
            auto opened = chorus::store::SqliteStore::open(dbPath);
            m_store = std::move(opened.value());
            enroll(*m_journeyLive, scenario);
            m_port = std::make_unique<CoreEnrollment>(m_store->settings(), dbPath);
            m_finalizer = std::make_unique<FinalizerSink>(*m_store, scenario);
            ++m_journeyDevices;
        } else if (live) {
            // A real receiver on 127.0.0.1, a real signed bundle, a device database on disk.
            m_store.reset();
            m_live = std::make_unique<chorus::testing::LiveReceiver>();
            newCouncilKey(*m_live);
            if (!m_live->start()) {
                qFatal("the receiver did not start: %s", qPrintable(m_live->skipReason));
            }
            auto opened = chorus::store::SqliteStore::open(dbPath);
            m_store = std::move(opened.value());
            publish(*m_live, scenario == QStringLiteral("liveTampered"));
            enroll(*m_live, QStringLiteral("library-tablet-1"));
            m_port = std::make_unique<CoreEnrollment>(m_store->settings(), dbPath);
        } else {
            m_store = std::make_unique<chorus::store::InMemoryStore>();
            auto stub = std::make_unique<StubEnrollment>(m_store->settings(), m_keys.publicKey);
            stub->onFetch = [this] { installSurvey(false); };
            m_port = std::move(stub);
        }
        auto &settings = m_store->settings();
        if (scenario != QStringLiteral("firstRun") && scenario != QStringLiteral("keyringFirstRun") && !live) {
            auto vault = chorus::crypto::DeviceVault::create(QByteArray(kPassphrase), vaultOptions());
            // keyring*: set up earlier with keyring unlock ticked.
            if (scenario.startsWith(QLatin1String("keyring")) && m_keyStore
                && !chorus::platform::rememberInKeyStore(*vault, *m_keyStore, settings)) {
                qFatal("the test keyring did not take the key");
            }
            (void)settings.setValue(QStringLiteral("vault.wrappedKey"), QString::fromLatin1(vault->wrappedKey().toBase64()));
            (void)settings.setValue(QStringLiteral("test.enrolled"), QStringLiteral("1"));
            (void)settings.setValue(QStringLiteral("device.mode"), scenario == QStringLiteral("enrolledKiosk")
                                                                      ? QStringLiteral("kiosk")
                                                                      : QStringLiteral("outreach"));
            (void)settings.setValue(QStringLiteral("device.operator"), QStringLiteral("Sam Jones"));
            installSurvey(scenario == QStringLiteral("tampered"));
        }
        if (scenario == QStringLiteral("syncFailed")) {
            seedFailedRecord();
        }
        m_lock = std::make_unique<StaffLock>(m_dir.filePath(scenario + QStringLiteral("-kiosk.ini")));
        if (scenario == QStringLiteral("enrolledKiosk")) {
            m_lock->setPin(QStringLiteral("2468"));
        }
        m_session = std::make_unique<RespondentSession>(m_finalizer ? static_cast<ResponseSink *>(m_finalizer.get())
                                                                    : &m_sink);
        m_records = std::make_unique<RecordsModel>(&m_store->responses());
        m_vault = std::make_unique<VaultKeeper>(&settings, vaultOptions(), m_keyStore);
        m_device = std::make_unique<DeviceSetup>(m_vault.get(), m_port.get(), &settings, m_lock.get(), m_session.get());
        m_surveys = std::make_unique<InstalledSurveys>(&m_store->surveys(), &m_store->responses(), &m_store->drafts(),
                                                       m_session.get());
        // As main() does: once ready, trust the enrolled key.
        connect(m_device.get(), &DeviceSetup::ready, m_surveys.get(), [this] {
            m_surveys->setSigningKey(m_device->enrolled()->signingPublicKey);
        });
        if (journey) {
            // As main() does: Sync now with the enrollment's endpoint and token.
            m_appSync = std::make_unique<AppSync>(AppSync::Settings{}, m_records.get());
            connect(m_device.get(), &DeviceSetup::ready, m_appSync.get(), [this, dbPath] {
                if (const auto target = m_device->syncTarget()) {
                    m_appSync->setSettings(AppSync::fromTarget(*target, dbPath));
                }
            });
            connect(m_device.get(), &DeviceSetup::fetchFinished, m_surveys.get(), &InstalledSurveys::refresh);
        }
        StaffLockSingleton::inject(m_lock.get());
        SessionSingleton::inject(m_session.get());
        RecordsSingleton::inject(m_records.get());
        VaultSingleton::inject(m_vault.get());
        DeviceSingleton::inject(m_device.get());
        SurveysSingleton::inject(m_surveys.get());
    }

private:
    chorus::crypto::DeviceVault::Options vaultOptions()
    {
        chorus::crypto::DeviceVault::Options options;
        options.kdf = chorus::crypto::KdfParams::minimum();
        options.clock = [this] { return m_now; };
        options.baseDelay = seconds(2);
        return options;
    }
    // A council signing key for a receiver about to start: it publishes only what this key signed.
    void newCouncilKey(chorus::testing::LiveReceiver &live)
    {
        m_councilKey.emplace(std::move(chorus::crypto::SigningKey::generate().value()));
        live.signingPublicKey = m_councilKey->publicKey();
    }
    // Publishes the demo survey (signed, or swapped on the receiver after signing) with the
    // receiver's council key.
    void publish(chorus::testing::LiveReceiver &live, bool tamper)
    {
        const auto &key = m_councilKey;
        QFile demo(QStringLiteral(CHORUS_SOURCE_DIR "/examples/demo.chorus.json"));
        demo.open(QIODevice::ReadOnly);
        const QByteArray package = demo.readAll();
        chorus::sync::CurlOptions options;
        options.allowHttpLoopback = true;
        chorus::sync::CurlTransport transport(options);
        chorus::sync::ReceiverAdmin admin(transport, QUrl(live.base()), live.adminToken);
        if (tamper) {
            QByteArray swapped = package;
            swapped.replace("Libraries and community hubs", "Libraries and community hubz");
            const chorus::server::PublishedPackage published{
                {QStringLiteral("libraries_consultation_2026"), QStringLiteral("2026112401"), swapped.size(), {}, {}},
                swapped, key->sign(package)};
            if (!live.storage->publishPackage(published)) {
                qFatal("could not plant the tampered package");
            }
        } else if (auto published = admin.publishPackage(QStringLiteral("libraries_consultation_2026"), package,
                                                         key->sign(package));
                   !published) {
            qFatal("publish failed: %s", qPrintable(published.error().message));
        }
    }
    // Writes the bundle `chorusctl enroll` would, for a device assigned every survey.
    void enroll(chorus::testing::LiveReceiver &live, const QString &deviceName)
    {
        chorus::sync::CurlOptions options;
        options.allowHttpLoopback = true;
        chorus::sync::CurlTransport transport(options);
        chorus::sync::ReceiverAdmin admin(transport, QUrl(live.base()), live.adminToken);
        chorus::sync::EnrollRequest request;
        request.device = deviceName;
        request.council = QStringLiteral("Test Borough Council");
        request.allowHttpLoopback = true;
        auto enrolled = chorus::sync::enrollDevice(admin, QUrl(live.base()), *m_councilKey, request);
        if (!enrolled) {
            qFatal("enroll failed: %s", qPrintable(enrolled.error().message));
        }
        m_liveFingerprint = enrolled->fingerprint;
        QFile bundle(liveBundlePath());
        bundle.open(QIODevice::WriteOnly);
        bundle.write(enrolled->bundleFile);
        // And as the QR picture `chorusctl enroll --qr` writes.
        QFile qr(liveQrPath());
        qr.open(QIODevice::WriteOnly);
        qr.write(chorus::consent::qrPng(*chorus::enrollment::bundleQr(enrolled->bundleFile), 4));
    }

    // One response the receiver refused, as a sync run leaves it.
    void seedFailedRecord()
    {
        chorus::store::FinalizedResponse r;
        r.instanceId = QStringLiteral("uuid:00000000-0000-4000-8000-0000000000c3");
        r.surveyId = QStringLiteral("kiosk-flow-test");
        r.surveyVersion = QStringLiteral("2026112401");
        r.manifest = QByteArrayLiteral("<data/>");
        r.encryptedFiles = {chorus::FilePart{QStringLiteral("submission.xml.enc"), QByteArrayLiteral("x")}};
        r.finalizedAt = QDateTime::currentDateTimeUtc();
        (void)m_store->responses().finalize(r);
        (void)m_store->responses().markSending(r.instanceId);
        (void)m_store->responses().markFailed(r.instanceId,
                                              QStringLiteral("HTTP 401: the receiver does not know this device token"));
    }
    void installSurvey(bool tamper)
    {
        QFile file(QStringLiteral(CHORUS_SOURCE_DIR "/tests/qml/data/kiosk-flow.chorus.json"));
        file.open(QIODevice::ReadOnly);
        chorus::store::StoredSurvey s;
        s.package = file.readAll();
        s.signature = *chorus::survey::signPackage(s.package, m_keys.secretKey);
        s.surveyId = QStringLiteral("kiosk-flow-test");
        s.version = QStringLiteral("2026112401");
        s.storedAt = QDateTime::currentDateTimeUtc();
        if (tamper) {
            s.package.replace("Library test survey", "Library test surveY");
        }
        (void)m_store->surveys().store(s);
    }

    QTemporaryDir m_dir;
    chorus::survey::SigningKeyPair m_keys;
    steady_clock::time_point m_now{};
    StubSink m_sink;
    std::unique_ptr<chorus::testing::LiveReceiver> m_live;
    std::unique_ptr<chorus::testing::LiveReceiver> m_journeyLive;
    std::optional<chorus::crypto::SigningKey> m_councilKey;
    int m_journeyCarried = 0;
    int m_journeyDevices = 0;
    QString m_liveFingerprint;
    std::unique_ptr<chorus::store::Store> m_store;
    std::unique_ptr<StaffLock> m_lock;
    std::unique_ptr<RespondentSession> m_session;
    std::unique_ptr<RecordsModel> m_records;
    std::unique_ptr<EnrollmentPort> m_port;
    std::unique_ptr<VaultKeeper> m_vault;
    chorus::platform::KeyStore *m_keyStore = nullptr;
    std::unique_ptr<DeviceSetup> m_device;
    std::unique_ptr<InstalledSurveys> m_surveys;
    std::unique_ptr<FinalizerSink> m_finalizer;
    std::unique_ptr<AppSync> m_appSync;
};

} // namespace setup_test
