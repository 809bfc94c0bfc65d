// SPDX-License-Identifier: GPL-3.0-or-later
// chorus: the app people hold. Builds the services, hands them to QML, shows Main.qml.
#include "AppSync.h"
#include "CoreEnrollment.h"
#include "DeviceMemory.h"
#include "DeviceSetup.h"
#include "IdleMonitor.h"
#include "InstalledSurveys.h"
#include "KeyStore.h"
#include "LanguageController.h"
#include "QmlSelfTest.h"
#include "QmlServices.h"
#include "RecordsModel.h"
#include "RespondentSession.h"
#include "ResponseSink.h"
#include "StaffLock.h"
#include "Theme.h"
#include "VaultKeeper.h"
#include "store/Retention.h"
#include "store/SqliteStore.h"
#include "survey/PackageSignature.h"
#include "survey/SurveyLoader.h"
#include "common/ProcessHardening.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(Chorus_UiPlugin)

using namespace chorus::ui;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "chorus: %s\n", qPrintable(message));
    return 1;
}


int setStaffPin(StaffLock &lock, const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        return fail(QStringLiteral("cannot read %1: %2").arg(file, in.errorString()));
    }
    const QString pin = QString::fromUtf8(in.readLine(64)).trimmed();
    if (!lock.setPin(pin)) {
        return fail(lock.lastError());
    }
    std::fprintf(stdout, "chorus: staff PIN saved\n");
    return 0;
}

// Consent records name the device as it was enrolled; before enrollment (or on the developer
// path) as --device-id or chorus@hostname.
class DeviceSink : public ResponseSink
{
public:
    DeviceSink(chorus::store::Store &store, std::function<QString()> deviceId)
        : m_store(store), m_deviceId(std::move(deviceId))
    {
    }
    chorus::Result<SubmitReceipt> submit(const chorus::survey::SurveyPackage &package,
                                         const chorus::response::Response &response,
                                         const ConsentChoices &consent) override
    {
        return FinalizerSink(m_store, m_deviceId()).submit(package, response, consent);
    }

private:
    chorus::store::Store &m_store;
    std::function<QString()> m_deviceId;
};

} // namespace

int main(int argc, char *argv[])
{
    // Before anything holds a secret: no core dumps, no ptrace by other processes.
    if (const chorus::Status hardened = chorus::hardenProcess(); !hardened) {
        std::fprintf(stderr, "%s: warning: %s\n", "chorus", qPrintable(hardened.error().message));
    }
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Chorus"));
    QCoreApplication::setOrganizationName(QStringLiteral("Chorus"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Chorus: accessible, offline survey collection.\n"
        "On first start it asks for an operator passphrase and the enrollment your administrator made\n"
        "(chorusctl enroll), then fetches the device's surveys; later starts ask for the passphrase.\n"
        "The options marked 'Developer path' skip enrollment and are for development and demos."));
    parser.addHelpOption();
    const QCommandLineOption selfTestOption(QStringLiteral("self-test"),
                                            QStringLiteral("Load every QML file and exit (0 when all load)."));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Save the first frame to <file> and exit."),
                                              QStringLiteral("file"));
    const QCommandLineOption pageOption(QStringLiteral("page"), QStringLiteral("Open <page> first (welcome, sample)."),
                                        QStringLiteral("page"), QStringLiteral("welcome"));
    const QCommandLineOption scaleOption(QStringLiteral("text-scale"), QStringLiteral("Text size in percent (100-200) on every screen (staff can change it on home)."),
                                         QStringLiteral("percent"), QStringLiteral("100"));
    const QCommandLineOption contrastOption(QStringLiteral("high-contrast"), QStringLiteral("High contrast on every screen (staff can change it on home)."));
    const QCommandLineOption languageOption(QStringLiteral("language"), QStringLiteral("Start in language <code>."),
                                            QStringLiteral("code"), QStringLiteral("en"));
    const QCommandLineOption kioskOption(QStringLiteral("kiosk"), QStringLiteral("Full screen, staff PIN to leave."));
    const QCommandLineOption assistedOption(QStringLiteral("assisted"),
                                            QStringLiteral("An interviewer is present: no idle timeout."));
    const QCommandLineOption idleOption(QStringLiteral("idle-seconds"),
                                        QStringLiteral("Seconds without input before the warning (default: the survey's own, 120 unless it sets one; 90 before a survey is installed)."),
                                        QStringLiteral("seconds"), QStringLiteral("90"));
    const QCommandLineOption warningOption(QStringLiteral("warning-seconds"),
                                           QStringLiteral("Length of the warning countdown (at least 20, default 30)."),
                                           QStringLiteral("seconds"), QStringLiteral("30"));
    const QCommandLineOption pinOption(QStringLiteral("set-staff-pin-from"),
                                       QStringLiteral("Store the staff PIN read from <file> (4-12 digits) and exit."),
                                       QStringLiteral("file"));
    const QCommandLineOption surveyOption(QStringLiteral("survey"),
                                          QStringLiteral("Developer path: collect with the survey package <file> (.chorus.json), "
                                                         "skipping enrollment and the operator passphrase. Its signature "
                                                         "<file>.sig must verify against --signing-key."),
                                          QStringLiteral("file"));
    const QCommandLineOption signingKeyOption(QStringLiteral("signing-key"),
                                              QStringLiteral("Developer path: the council's signing public key "
                                                             "(signing-ed25519.pub) that --survey must be signed with."),
                                              QStringLiteral("file"));
    const QCommandLineOption unsignedOption(QStringLiteral("unsigned-test-package"),
                                            QStringLiteral("Developer path, demos and screenshots only: use --survey "
                                                           "without checking its signature."));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("Device database (default: chorus.db in the app's data folder)."),
                                      QStringLiteral("file"));
    const QCommandLineOption endpointOption(QStringLiteral("endpoint"),
                                            QStringLiteral("Developer path: receiver for Sync now (https://host or .../submission)."),
                                            QStringLiteral("url"));
    const QCommandLineOption tokenOption(QStringLiteral("token-file"), QStringLiteral("Developer path: file holding the device token."),
                                         QStringLiteral("file"));
    const QCommandLineOption httpOption(QStringLiteral("allow-http-loopback"),
                                        QStringLiteral("Developer path: allow plain http to 127.0.0.1 (testing only)."));
    const QCommandLineOption caOption(QStringLiteral("ca-file"), QStringLiteral("Developer path: extra CA certificates (PEM)."),
                                      QStringLiteral("file"));
    const QCommandLineOption pinKeyOption(QStringLiteral("pin"),
                                          QStringLiteral("Developer path: server public-key pin sha256//BASE64 (repeatable)."),
                                          QStringLiteral("pin"));
    const QCommandLineOption deviceOption(QStringLiteral("device-id"),
                                          QStringLiteral("Device id recorded with consent (default chorus@hostname)."),
                                          QStringLiteral("id"));
    const QCommandLineOption operatorOption(QStringLiteral("operator"),
                                            QStringLiteral("Operator id for --assisted (recorded with consent)."),
                                            QStringLiteral("id"));
    const QCommandLineOption enrollmentOption(QStringLiteral("enrollment"),
                                              QStringLiteral("Offer the enrollment file <file> on the setup screen "
                                                             "(chorusctl enroll --out)."),
                                              QStringLiteral("file"));
    const QCommandLineOption kdfOption(QStringLiteral("kdf"),
                                       QStringLiteral("Argon2id cost when the operator passphrase is first set: auto "
                                                      "(default: interactive below 3 GiB of memory, moderate above), "
                                                      "moderate or interactive."),
                                       QStringLiteral("cost"), QStringLiteral("auto"));
    parser.addOptions({deviceOption, operatorOption, enrollmentOption, kdfOption});
    parser.addOptions({surveyOption, dbOption, endpointOption, tokenOption, httpOption, caOption, pinKeyOption});
    parser.addOptions({signingKeyOption, unsignedOption});
    parser.addOptions({selfTestOption, screenshotOption, pageOption, scaleOption, contrastOption, languageOption,
                       kioskOption, assistedOption, idleOption, warningOption, pinOption});
    parser.process(app);
    const auto kdf = chorus::crypto::KdfParams::named(parser.value(kdfOption), chorus::platform::usableMemoryBytes());
    if (!kdf) {
        return fail(QStringLiteral("--kdf: %1").arg(kdf.error().message));
    }

    const QString configDir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    QDir().mkpath(configDir);

    Theme theme;
    theme.setDefaults(parser.value(scaleOption).toInt(), parser.isSet(contrastOption));
    LanguageController language({QStringLiteral("en"), QStringLiteral("cy"), QStringLiteral("ar")});
    IdleMonitor idle;
    idle.setTimeouts(std::chrono::seconds(parser.value(idleOption).toInt()),
                     std::chrono::seconds(parser.value(warningOption).toInt()));
    idle.setSwitchedOff(parser.isSet(assistedOption));
    idle.install(&app);
    idle.startTicking();
    StaffLock staffLock(configDir + QStringLiteral("/kiosk.ini"));

    if (parser.isSet(pinOption)) {
        return setStaffPin(staffLock, parser.value(pinOption));
    }

    // The developer path (--survey FILE, with --endpoint/--token-file for Sync now) skips
    // enrollment. Otherwise the device database drives the app: setup on first run, then the
    // operator passphrase. --self-test and screenshots without --db touch no data.
    const bool developerPath = parser.isSet(surveyOption);
    const bool preview = parser.isSet(selfTestOption) || (parser.isSet(screenshotOption) && !parser.isSet(dbOption));
    std::unique_ptr<chorus::store::SqliteStore> store;
    std::unique_ptr<DeviceSink> sink;
    std::optional<chorus::survey::SurveyPackage> package;
    QString dbPathInUse;
    DeviceSetup *device = nullptr;
    if (developerPath || !preview) {
        QString dbPath = parser.value(dbOption);
        if (dbPath.isEmpty()) {
            const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
            QDir().mkpath(dataDir);
            dbPath = dataDir + QStringLiteral("/chorus.db");
        }
        dbPathInUse = dbPath;
        auto opened = chorus::store::SqliteStore::open(dbPath);
        if (!opened) {
            return fail(opened.error().message);
        }
        store = std::move(*opened);
        // Envelopes the receiver has accepted and the retention setting says to drop go at start-up too.
        if (auto retained = chorus::store::applyRetention(*store, QDateTime::currentDateTimeUtc()); !retained) {
            std::fprintf(stderr, "chorus: %s\n", qPrintable(retained.error().message));
        }
        const QString fallbackId = parser.isSet(deviceOption) ? parser.value(deviceOption)
                                                             : QStringLiteral("chorus@") + QSysInfo::machineHostName();
        sink = std::make_unique<DeviceSink>(*store, [&device, fallbackId] {
            const QString enrolled = device ? device->deviceName() : QString();
            return enrolled.isEmpty() ? fallbackId : enrolled;
        });
    }
    if (developerPath) {
        // The package carries the key every answer is sealed to: it is checked like an
        // installed one, unless a demo says explicitly that it is not needed.
        chorus::Result<chorus::survey::SurveyPackage> loaded =
            chorus::makeError(chorus::ErrorKind::InvalidInput,
                              QStringLiteral("--survey needs --signing-key <file> (the council's signing-ed25519.pub; "
                                             "<file>.sig must verify against it), or --unsigned-test-package for a demo"));
        if (parser.isSet(signingKeyOption) && parser.isSet(unsignedOption)) {
            return fail(QStringLiteral("--signing-key and --unsigned-test-package contradict each other; give one"));
        }
        if (parser.isSet(signingKeyOption)) {
            const auto key = chorus::survey::readSigningPublicKeyFile(parser.value(signingKeyOption));
            if (!key) {
                return fail(key.error().message);
            }
            chorus::survey::AcceptPolicy policy;
            policy.enrolledSigningKey = *key;
            loaded = chorus::survey::acceptSignedPackageFile(parser.value(surveyOption), QString(), policy);
        } else if (parser.isSet(unsignedOption)) {
            std::fprintf(stderr, "chorus: warning: %s: signature not checked (--unsigned-test-package); only for "
                                 "demos, never for real respondents\n",
                         qPrintable(parser.value(surveyOption)));
            loaded = chorus::survey::SurveyLoader::loadFile(parser.value(surveyOption));
        }
        if (!loaded) {
            return fail(loaded.error().message);
        }
        package = std::move(*loaded);
        idle.setTimeouts(std::chrono::seconds(parser.isSet(idleOption) ? parser.value(idleOption).toInt()
                                                                        : package->kiosk.idleSeconds),
                         std::chrono::seconds(parser.isSet(warningOption) ? parser.value(warningOption).toInt()
                                                                          : package->kiosk.warningSeconds));
    }
    RecordsModel records(store ? &store->responses() : nullptr);
    AppSync::Settings syncSettings;
    syncSettings.dbPath = store ? dbPathInUse : QString();
    syncSettings.endpoint = parser.value(endpointOption);
    syncSettings.allowHttpLoopback = parser.isSet(httpOption);
    syncSettings.caFile = parser.value(caOption);
    syncSettings.pins = parser.values(pinKeyOption);
    if (parser.isSet(tokenOption)) {
        QFile tokenFile(parser.value(tokenOption));
        if (!tokenFile.open(QIODevice::ReadOnly)) {
            return fail(QStringLiteral("cannot read the device token from %1: %2")
                            .arg(parser.value(tokenOption), tokenFile.errorString()));
        }
        syncSettings.token = tokenFile.readLine(4096).trimmed();
    }
    AppSync appSync(syncSettings, &records);
    // Besides "Sync now": every 15 minutes, and as soon as the network comes back.
    appSync.syncAutomatically(std::chrono::minutes(15));
    RespondentSession session(sink.get());
    session.setPackage(std::move(package));
    if (parser.isSet(assistedOption) && parser.value(operatorOption).isEmpty()) {
        return fail(QStringLiteral("--assisted needs --operator ID: the consent record names who asked the questions"));
    }
    session.setMode(parser.isSet(assistedOption) ? QStringLiteral("assisted")
                                                 : parser.isSet(kioskOption) ? QStringLiteral("kiosk")
                                                                             : QStringLiteral("handheld"));
    session.setOperatorId(parser.value(operatorOption));

    // The enrolled device: vault, enrollment, mode, installed surveys.
    const bool enrolledPath = store && !developerPath;
    // The computer account's keyring, when there is one, can open the vault without the passphrase.
    const std::unique_ptr<chorus::platform::KeyStore> keyStore = chorus::platform::systemKeyStore();
    chorus::crypto::DeviceVault::Options vaultOptions;
    vaultOptions.kdf = *kdf;
    VaultKeeper vault(enrolledPath ? &store->settings() : nullptr, vaultOptions, keyStore.get());
    std::unique_ptr<CoreEnrollment> port;
    if (enrolledPath) {
        port = std::make_unique<CoreEnrollment>(store->settings(), dbPathInUse);
    }
    DeviceSetup deviceSetup(&vault, port.get(), enrolledPath ? &store->settings() : nullptr, &staffLock, &session);
    device = &deviceSetup;
    deviceSetup.setSuggestedBundlePath(parser.value(enrollmentOption));
    InstalledSurveys surveys(enrolledPath ? &store->surveys() : nullptr, store ? &store->responses() : nullptr,
                             store ? &store->drafts() : nullptr, &session);
    QObject::connect(&deviceSetup, &DeviceSetup::ready, &app, [&] {
        if (const auto enrolled = deviceSetup.enrolled()) {
            surveys.setSigningKey(enrolled->signingPublicKey);
        }
        if (const auto target = deviceSetup.syncTarget()) {
            appSync.setSettings(AppSync::fromTarget(*target, dbPathInUse));
        }
    });
    QObject::connect(&deviceSetup, &DeviceSetup::fetchFinished, &surveys, &InstalledSurveys::refresh);
    // The survey's own kiosk timeouts, unless the command line set them.
    QObject::connect(&surveys, &InstalledSurveys::chosenChanged, &app, [&] {
        if (const auto chosen = surveys.chosenPackage()) {
            idle.setTimeouts(std::chrono::seconds(parser.isSet(idleOption) ? parser.value(idleOption).toInt()
                                                                            : chosen->kiosk.idleSeconds),
                             std::chrono::seconds(parser.isSet(warningOption) ? parser.value(warningOption).toInt()
                                                                              : chosen->kiosk.warningSeconds));
        }
    });

    ThemeSingleton::inject(&theme);
    LanguageSingleton::inject(&language);
    IdleMonitorSingleton::inject(&idle);
    StaffLockSingleton::inject(&staffLock);
    SessionSingleton::inject(&session);
    RecordsSingleton::inject(&records);
    VaultSingleton::inject(&vault);
    DeviceSingleton::inject(&deviceSetup);
    SurveysSingleton::inject(&surveys);
    // Drafts are kept only while the device vault is unlocked: never a plaintext draft.
    DraftKeeper drafts;
    session.setDrafts(&drafts);
    QObject::connect(&vault, &VaultKeeper::stateChanged, &drafts, [&] {
        if (chorus::crypto::DeviceVault *unlocked = vault.vault(); unlocked && store) {
            drafts.attach(store->drafts(), *unlocked);
        } else if (!vault.isBusy()) {
            drafts.detach();
        }
    });
    drafts.setTitleLookup([&session, &surveys](const QString &id) {
        const QString installed = surveys.titleOf(id);
        return !installed.isEmpty() ? installed : id == session.surveyId() ? session.title() : QString();
    });
    DraftsSingleton::inject(&drafts);
    EventSession event(&session);
    EventSingleton::inject(&event);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    language.setEngine(&engine);
    if (!language.setLanguage(parser.value(languageOption))) {
        return fail(QStringLiteral("no translation for language '%1'").arg(parser.value(languageOption)));
    }
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Chorus/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    if (parser.isSet(selfTestOption)) {
        return std::min(1, compileEveryQmlFile(engine, QStringLiteral(":/qt/qml/Chorus/Ui"), "chorus"));
    }
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window) {
        return fail(QStringLiteral("Main.qml did not create a window"));
    }
    QMetaObject::invokeMethod(window, "openPage", Q_ARG(QVariant, parser.value(pageOption)));
    if (parser.isSet(kioskOption)) {
        window->showFullScreen();
    }

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        // Layouts with wrapping text settle over a few polish passes: grab the third frame.
        auto frames = std::make_shared<int>(0);
        QObject::connect(window, &QQuickWindow::frameSwapped, window, [window, file, frames] {
            if (++*frames < 3) {
                window->update();
                return;
            }
            QTimer::singleShot(0, window, [window, file] {
                QCoreApplication::exit(window->grabWindow().save(file) ? 0 : 1);
            });
        });
    }
    return app.exec();
}
