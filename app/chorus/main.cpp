// SPDX-License-Identifier: GPL-3.0-or-later
// chorus: the app people hold. Builds the services, hands them to QML, shows Main.qml.
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QUrl>

Q_IMPORT_QML_PLUGIN(Chorus_UiPlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Chorus"));
    QCoreApplication::setOrganizationName(QStringLiteral("Chorus"));
    const bool selfTest = QCoreApplication::arguments().contains(QStringLiteral("--self-test"));

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Chorus/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    if (selfTest) {
        return 0;
    }
    return app.exec();
}
