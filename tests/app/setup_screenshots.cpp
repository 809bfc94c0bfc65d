// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshots of the setup, unlock and home screens at 100 % and 200 % text, on a real X
// server (Xvfb), for people to look at: setup_screenshots OUTDIR. The device is the test
// fixture (stub enrollment, in-memory store), driven as the operator would.
// With --hold it also prints "shown NAME" once each screen is up and waits for a line on
// stdin before the next, so an outside reader (the AT-SPI walk, atspi_walk.py) sees every
// screen as a screen reader would.
#include "AccessibleTree.h"
#include "DeviceFixture.h"
#include "IdleMonitor.h"
#include "LanguageController.h"
#include "Theme.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QGuiApplication>
#include <QMetaObject>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSocketNotifier>
#include <QStandardPaths>

#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>

Q_IMPORT_QML_PLUGIN(Chorus_UiPlugin)

using namespace chorus::ui;
using namespace std::chrono;
using accessible_tree::findIn;

namespace {

bool waitFor(const std::function<bool()> &condition)
{
    QDeadlineTimer deadline(10000);
    while (!condition()) {
        if (deadline.hasExpired()) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const bool hold = argc == 3 && std::strcmp(argv[1], "--hold") == 0;
    if (argc != 2 && !hold) {
        std::fprintf(stderr, "usage: setup_screenshots [--hold] OUTDIR\n");
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[argc - 1]));
    QDir().mkpath(out.path());

    Theme theme;
    LanguageController language({QStringLiteral("en"), QStringLiteral("cy"), QStringLiteral("ar")});
    IdleMonitor idle;
    idle.setTimeouts(seconds(300), seconds(30));
    ThemeSingleton::inject(&theme);
    LanguageSingleton::inject(&language);
    IdleMonitorSingleton::inject(&idle);
    setup_test::TestDevice fixture;

    struct Shot {
        const char *name;
        const char *scenario;
        const char *page; // objectName to wait for
        std::function<void()> drive;
        // Once the page is up: what the operator does next on it (window root object).
        std::function<void(QObject *)> then = {};
    };
    const auto check = [](const char *objectName) {
        return [objectName](QObject *root) {
            if (QObject *option = root->findChild<QObject *>(QLatin1String(objectName))) {
                option->setProperty("checked", true);
            }
        };
    };
    const auto createVault = [&] {
        fixture.vault()->create(fixture.passphrase(), fixture.passphrase());
        waitFor([&] { return fixture.device()->step() == QStringLiteral("bundle"); });
    };
    const QList<Shot> shots{
        {"setup-passphrase", "firstRun", "setupPassphrasePage", [] {}},
        {"setup-bundle", "firstRun", "setupBundlePage",
         [&] {
             fixture.device()->setSuggestedBundlePath(QStringLiteral("/media/usb/library-tablet-1.enrol.json"));
             createVault();
         }},
        {"setup-confirm", "firstRun", "setupConfirmPage",
         [&] {
             createVault();
             fixture.device()->readBundleFile(fixture.bundlePath());
         }},
        {"setup-mode", "firstRun", "setupModePage",
         [&] {
             createVault();
             fixture.device()->readBundleFile(fixture.bundlePath());
             fixture.device()->confirmBundle();
         }},
        {"setup-mode-kiosk", "firstRun", "setupModePage",
         [&] {
             createVault();
             fixture.device()->readBundleFile(fixture.bundlePath());
             fixture.device()->confirmBundle();
         },
         check("modeKiosk")},
        {"unlock-wrong-passphrase", "enrolled", "unlockPage",
         [&] {
             fixture.vault()->unlock(QStringLiteral("not the passphrase"));
             waitFor([&] { return !fixture.vault()->error().isEmpty(); });
         }},
        {"home-enrolled", "enrolled", "survey_kiosk-flow-test", [&] { fixture.vault()->unlock(fixture.passphrase()); }},
        {"home-refused-package", "tampered", "survey_kiosk-flow-test",
         [&] { fixture.vault()->unlock(fixture.passphrase()); }},
        {"staff-pin", "enrolledKiosk", "welcomePage", [&] { fixture.vault()->unlock(fixture.passphrase()); },
         [](QObject *root) {
             if (QObject *dialog = root->findChild<QObject *>(QStringLiteral("staffPinDialog"))) {
                 QMetaObject::invokeMethod(dialog, "open");
             }
         }},
    };

    int failures = 0;
    for (const int scale : {100, 200}) {
        for (const Shot &shot : shots) {
            theme.setDefaults(scale, false); // as --text-scale does
            fixture.prepare(QLatin1String(shot.scenario));
            QQmlApplicationEngine engine;
            engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
            language.setEngine(&engine);
            language.setLanguage(QStringLiteral("en"));
            engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Chorus/Ui/Main.qml")));
            auto *window = engine.rootObjects().isEmpty() ? nullptr
                                                          : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
            if (!window) {
                return 1;
            }
            window->resize(1024, 768);
            shot.drive();
            const QString page = QLatin1String(shot.page);
            int frames = 0;
            QObject::connect(window, &QQuickWindow::frameSwapped, window, [&frames] { ++frames; });
            const bool shown = waitFor([&] {
                window->update();
                return findIn(window->contentItem(), page) != nullptr && frames >= 3;
            });
            if (shot.then) {
                shot.then(window);
            }
            // Let the layout settle.
            frames = 0;
            const bool settled = waitFor([&] {
                window->update();
                return frames >= 3;
            });
            const QString file = out.filePath(QStringLiteral("%1-%2.png").arg(QLatin1String(shot.name)).arg(scale));
            if (!shown || !settled || !window->grabWindow().save(file)) {
                std::fprintf(stderr, "setup_screenshots: %s failed\n", qPrintable(file));
                ++failures;
            }
            if (hold) {
                std::printf("shown %s-%d\n", shot.name, scale);
                std::fflush(stdout);
                // Keep answering (the reader asks over D-Bus) until it says "next".
                QSocketNotifier input(0, QSocketNotifier::Read);
                bool next = false;
                QObject::connect(&input, &QSocketNotifier::activated, &input, [&next] { next = true; });
                while (!next) {
                    QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
                }
                char line[16];
                if (!std::fgets(line, sizeof line, stdin)) {
                    return failures == 0 ? 0 : 1;
                }
            }
        }
    }
    return failures == 0 ? 0 : 1;
}
