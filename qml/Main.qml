// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chorus.Ui

// The window: a header with the Help button in the same place on every screen, the page stack,
// and the overlays (idle warning, help, staff PIN). When the idle warning runs out, or a
// respondent finishes, everything they chose is reset and the welcome screen returns.
ApplicationWindow {
    id: window

    // For main()'s --page and for tests: open a page by name over the welcome screen.
    function openPage(name) {
        if (name === "sample")
            stack.push(sampleQuestion);
    }
    function startOver() {
        help.close();
        staffPin.close();
        Theme.resetToDefaults();
        Language.setLanguage("en");
        stack.clear();
        stack.push(welcomePage);
    }

    color: Theme.background
    height: 768
    objectName: "mainWindow"
    title: qsTr("Chorus")
    visible: true
    width: 1024

    header: Rectangle {
        LayoutMirroring.childrenInherit: true
        LayoutMirroring.enabled: Language.rightToLeft
        color: Theme.text
        implicitHeight: headerRow.implicitHeight + 2 * Theme.spacingS

        RowLayout {
            id: headerRow

            anchors.fill: parent
            anchors.leftMargin: Theme.spacingM
            anchors.margins: Theme.spacingS
            anchors.rightMargin: Theme.spacingM
            spacing: Theme.spacingM

            Text {
                Accessible.ignored: true
                Layout.fillWidth: true
                color: Theme.background
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignLeft
                font.bold: true
                font.pixelSize: Theme.bodySize * 1.2
                text: qsTr("Chorus")
            }
            HelpButton {
                onClicked: help.open()
            }
        }
        Rectangle {
            anchors.bottom: parent.bottom
            color: Theme.primary
            height: 4
            width: parent.width
        }
    }

    Binding {
        property: "enabled"
        target: Idle
        value: stack.depth > 1
    }
    Connections {
        function onExpired() {
            window.startOver();
        }

        target: Idle
    }
    Item {
        LayoutMirroring.childrenInherit: true
        LayoutMirroring.enabled: Language.rightToLeft
        anchors.fill: parent

        StackView {
            id: stack

            anchors.fill: parent
            initialItem: welcomePage
            objectName: "pageStack"
            popEnter: null
            popExit: null
            pushEnter: null
            pushExit: null
            replaceEnter: null
            replaceExit: null

            onCurrentItemChanged: if (currentItem)
                currentItem.forceActiveFocus()
        }
    }
    Component {
        id: welcomePage

        WelcomePage {
            objectName: "welcomePage"

            onStaffRequested: staffPin.open()
            onStartRequested: stack.push(sampleQuestion)
        }
    }
    Component {
        id: sampleQuestion

        SampleQuestionPage {
            objectName: "sampleQuestionPage"

            onBackRequested: stack.pop()
        }
    }
    StillThereOverlay {
        parent: Overlay.overlay
    }
    HelpDialog {
        id: help

    }
    StaffPinDialog {
        id: staffPin

        onUnlocked: Qt.quit()
    }
}
