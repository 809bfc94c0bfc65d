// SPDX-License-Identifier: GPL-3.0-or-later
// chorus-admin: the council officer's desktop app. Builds the workspace and the page models,
// hands them to QML, shows AdminMain.qml. The work itself is cli/AdminOperations, shared with
// chorusctl.
#include "AdminServices.h"
#include "LanguageController.h"
#include "QmlSelfTest.h"
#include "QmlServices.h"
#include "Theme.h"
#include "common/ProcessHardening.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickWindow>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(Chorus_UiPlugin)
Q_IMPORT_QML_PLUGIN(Chorus_AdminPlugin)

using namespace chorus::admin;
using namespace chorus::ui;

namespace
{

int fail(const QString &message)
{
    std::fprintf(stderr, "chorus-admin: %s\n", qPrintable(message));
    return 1;
}


// The language when --language is not given: the first of Welsh and English in the system's
// preferred languages, else English. (Arabic is offered only to test right-to-left layout, so
// only --language ar chooses it.)
QString systemLanguage()
{
    const QStringList preferred = QLocale::system().uiLanguages();
    for (const QString &tag : preferred) {
        const QString code = tag.section(QLatin1Char('-'), 0, 0).toLower();
        if (code == QLatin1String("cy") || code == QLatin1String("en"))
            return code;
    }
    return QStringLiteral("en");
}

// Opens every page in the window: a page that compiles but cannot be instantiated in place
// (a binding or component error) leaves the page loader empty.
int selfTestPages(QQuickWindow *window, bool workspaceOpen)
{
    auto *loader = window->findChild<QObject *>(QStringLiteral("pageLoader"));
    if (!loader)
        return 1;
    int failures = 0;
    const QStringList pages = workspaceOpen
        ? QStringList { QStringLiteral("keys"), QStringLiteral("surveys"), QStringLiteral("devices"),
              QStringLiteral("pull"), QStringLiteral("export"), QStringLiteral("report") }
        : QStringList { QStringLiteral("workspace") };
    for (const QString &page : pages) {
        QMetaObject::invokeMethod(window, "openPage", Q_ARG(QVariant, page));
        if (!loader->property("item").value<QObject *>()) {
            std::fprintf(stderr, "chorus-admin: self-test: page %s did not load\n", qPrintable(page));
            ++failures;
        }
    }
    return failures == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything holds a secret: no core dumps, no ptrace by other processes.
    if (const chorus::Status hardened = chorus::hardenProcess(); !hardened) {
        std::fprintf(stderr, "%s: warning: %s\n", "chorus-admin", qPrintable(hardened.error().message));
    }
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Chorus Admin"));
    QCoreApplication::setOrganizationName(QStringLiteral("Chorus"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Chorus admin: keys, download, export and the equality report for council officers"));
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(QStringLiteral("workspace"),
        QStringLiteral("Open the workspace folder <dir> (created if missing)."), QStringLiteral("dir"));
    const QCommandLineOption pageOption(QStringLiteral("page"),
        QStringLiteral("Open <page> first (keys, surveys, devices, pull, export, report)."), QStringLiteral("page"),
        QStringLiteral("keys"));
    const QCommandLineOption scaleOption(QStringLiteral("text-scale"), QStringLiteral("Text size in percent (100-200)."),
        QStringLiteral("percent"), QStringLiteral("100"));
    const QCommandLineOption contrastOption(QStringLiteral("high-contrast"), QStringLiteral("High contrast colours."));
    const QCommandLineOption kdfOption(QStringLiteral("light-kdf"),
        QStringLiteral("New keys use the lighter Argon2id cost (64 MiB) for low-memory machines."));
    const QCommandLineOption languageOption(QStringLiteral("language"),
        QStringLiteral("Start in language <code> (en or cy). Default: the system's language if it is one of "
                       "these, else en."),
        QStringLiteral("code"));
    const QCommandLineOption selfTestOption(
        QStringLiteral("self-test"), QStringLiteral("Load every QML file and exit (0 when all load)."));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Save the first frame to <file> and exit."), QStringLiteral("file"));
    parser.addOptions(
        { workspaceOption, pageOption, scaleOption, contrastOption, languageOption, kdfOption, selfTestOption,
            screenshotOption });
    parser.process(app);

    Theme theme;
    theme.setTextScale(parser.value(scaleOption).toInt());
    theme.setHighContrast(parser.isSet(contrastOption));
    LanguageController language({ QStringLiteral("en"), QStringLiteral("cy"), QStringLiteral("ar") });
    AdminWorkspace workspace;
    if (parser.isSet(workspaceOption) && !workspace.openFolder(parser.value(workspaceOption)))
        return fail(workspace.lastError());
    KeysModel keys(workspace);
    keys.setFastKdf(parser.isSet(kdfOption));
    PullModel pull(workspace);
    ExportRunModel exporter(workspace);
    ReportModel reporter(workspace);
    SurveysModel surveys(workspace);
    DevicesModel devices(workspace);

    ThemeSingleton::inject(&theme);
    LanguageSingleton::inject(&language);
    AdminWorkspaceSingleton::inject(&workspace);
    AdminKeysSingleton::inject(&keys);
    AdminPullSingleton::inject(&pull);
    AdminExportSingleton::inject(&exporter);
    AdminReportSingleton::inject(&reporter);
    AdminSurveysSingleton::inject(&surveys);
    AdminDevicesSingleton::inject(&devices);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    language.setEngine(&engine);
    const QString languageCode = parser.isSet(languageOption) ? parser.value(languageOption) : systemLanguage();
    if (!language.setLanguage(languageCode))
        return fail(QStringLiteral("no translation for language '%1'").arg(languageCode));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Chorus/Admin/AdminMain.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return fail(QStringLiteral("AdminMain.qml did not create a window"));
    if (parser.isSet(selfTestOption))
        return std::min(1, compileEveryQmlFile(engine, QStringLiteral(":/qt/qml/Chorus/Admin"), "chorus-admin")) + selfTestPages(window, workspace.isOpen());
    QMetaObject::invokeMethod(window, "openPage", Q_ARG(QVariant, parser.value(pageOption)));

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        // Wrapping text settles over a few polish passes: grab the third frame.
        auto frames = std::make_shared<int>(0);
        QObject::connect(window, &QQuickWindow::frameSwapped, window, [window, file, frames] {
            if (++*frames < 3) {
                window->update();
                return;
            }
            QTimer::singleShot(
                0, window, [window, file] { QCoreApplication::exit(window->grabWindow().save(file) ? 0 : 1); });
        });
    }
    const int code = app.exec();
    // Let a running export or report stop cleanly before the models go away.
    for (AdminJob *job : std::initializer_list<AdminJob *> { &keys, &surveys, &devices, &pull, &exporter, &reporter }) {
        job->cancel();
        job->wait();
    }
    return code;
}
