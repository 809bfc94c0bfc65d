// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui
import Chorus.Admin

// The admin window: the workspace chooser first, then one page per task, chosen from the
// navigation along the top (in the order of the work: keys, surveys, devices, download,
// export, report).
ApplicationWindow {
    id: window

    property string currentPage: "keys"
    readonly property var pages: [{
            "name": "keys",
            "text": qsTr("Keys")
        }, {
            "name": "surveys",
            "text": qsTr("Surveys")
        }, {
            "name": "devices",
            "text": qsTr("Devices")
        }, {
            "name": "pull",
            "text": qsTr("Download")
        }, {
            "name": "export",
            "text": qsTr("Export")
        }, {
            "name": "report",
            "text": qsTr("Report")
        }]

    // For main()'s --page and for tests.
    function openPage(name) {
        if (pages.some(p => p.name === name))
            currentPage = name;
    }

    color: Theme.background
    height: 800
    objectName: "adminWindow"
    title: Workspace.isOpen ? qsTr("Chorus admin — %1").arg(Workspace.path) : qsTr("Chorus admin")
    visible: true
    width: 1100

    header: Rectangle {
        color: Theme.text
        implicitHeight: headerColumn.implicitHeight + 2 * Theme.spacingS

        Column {
            id: headerColumn

            spacing: Theme.spacingS
            width: parent.width - 2 * Theme.spacingM
            x: Theme.spacingM
            y: Theme.spacingS

            Text {
                Accessible.name: text
                Accessible.role: Accessible.StaticText
                color: Theme.background
                elide: Text.ElideMiddle
                font.bold: true
                font.pixelSize: Theme.bodySize
                objectName: "workspacePath"
                text: Workspace.isOpen ? qsTr("Chorus admin · %1").arg(Workspace.path) : qsTr("Chorus admin")
                width: parent.width
            }
            PageTabs {
                current: window.currentPage
                pages: window.pages
                visible: Workspace.isOpen
                width: parent.width

                onChosen: name => window.currentPage = name
            }
        }
    }

    Loader {
        anchors.fill: parent
        focus: true
        objectName: "pageLoader"
        sourceComponent: !Workspace.isOpen ? workspacePage : window.currentPage === "surveys" ? surveysPage : window.currentPage === "devices" ? devicesPage : window.currentPage === "pull" ? pullPage : window.currentPage === "export" ? exportPage : window.currentPage === "report" ? reportPage : keysPage
    }
    Component {
        id: workspacePage

        WorkspacePage {
        }
    }
    Component {
        id: keysPage

        KeysPage {
        }
    }
    Component {
        id: surveysPage

        SurveysPage {
        }
    }
    Component {
        id: devicesPage

        DevicesPage {
        }
    }
    Component {
        id: pullPage

        PullPage {
        }
    }
    Component {
        id: exportPage

        ExportPage {
        }
    }
    Component {
        id: reportPage

        ReportPage {
        }
    }
}
