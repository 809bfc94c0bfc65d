// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshots of the setup, unlock and home screens at 100 % and 200 % text, on a real X
// server (Xvfb), for people to look at: setup_screenshots OUTDIR. The device is the test
// fixture (stub enrollment, in-memory store), driven as the operator would.
#include "DeviceFixture.h"
#include "IdleMonitor.h"
#include "LanguageController.h"
#include "Theme.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>

#include <cstdio>
#include <functional>
#include <memory>

Q_IMPORT_QML_PLUGIN(Chorus_UiPlugin)

using namespace chorus::ui;
using namespace std::chrono;

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

QQuickItem *findIn(QQuickItem *item, const QString &objectName)
{
    if (!item->isVisible()) {
        return nullptr;
    }
    if (item->objectName() == objectName) {
        return item;
    }
    const auto children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findIn(child, objectName)) {
            return found;
        }
    }
    return nullptr;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    if (argc != 2) {
        std::fprintf(stderr, "usage: setup_screenshots OUTDIR\n");
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
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
        {"unlock-wrong-passphrase", "enrolled", "unlockPage",
         [&] {
             fixture.vault()->unlock(QStringLiteral("not the passphrase"));
             waitFor([&] { return !fixture.vault()->error().isEmpty(); });
         }},
        {"home-enrolled", "enrolled", "survey_kiosk-flow-test", [&] { fixture.vault()->unlock(fixture.passphrase()); }},
        {"home-refused-package", "tampered", "survey_kiosk-flow-test",
         [&] { fixture.vault()->unlock(fixture.passphrase()); }},
    };

    int failures = 0;
    for (const int scale : {100, 200}) {
        for (const Shot &shot : shots) {
            theme.setTextScale(scale);
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
            // Going home resets the text size (operator screens start at the defaults): set it
            // again once the page is up, and let the layout settle.
            theme.setTextScale(scale);
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
        }
    }
    return failures == 0 ? 0 : 1;
}
