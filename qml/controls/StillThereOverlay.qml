// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// "Are you still there?": covers the screen (so the answers behind it are hidden) while the
// idle warning runs, counts down in large figures, and offers one big "I need more time".
// Any tap or key extends (IdleMonitor sees it first), as often as needed.
Popup {
    id: root

    closePolicy: Popup.NoAutoClose
    focus: true
    height: parent ? parent.height : 0
    modal: true
    objectName: "stillThereOverlay"
    padding: Theme.spacingL
    visible: Idle.warning
    width: parent ? parent.width : 0
    x: 0
    y: 0

    background: Rectangle {
        Accessible.description: countdown.text
        Accessible.name: heading.text
        Accessible.role: Accessible.Dialog
        color: Theme.background
    }
    contentItem: Item {
        Column {
            anchors.centerIn: parent
            spacing: Theme.spacingL
            width: Math.min(parent.width, Theme.maxContentWidth)

            Text {
                id: heading

                Accessible.name: text
                Accessible.role: Accessible.Heading
                width: parent.width
                color: Theme.text
                font.bold: true
                font.pixelSize: Theme.titleSize
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("Are you still there?")
                wrapMode: Text.Wrap
            }
            Text {
                Accessible.ignored: true
                width: parent.width
                color: Theme.text
                font.bold: true
                font.pixelSize: Theme.countdownSize
                horizontalAlignment: Text.AlignHCenter
                objectName: "countdownNumber"
                text: Idle.secondsRemaining
            }
            Text {
                id: countdown

                Accessible.ignored: true
                width: parent.width
                color: Theme.text
                font.pixelSize: Theme.bodySize
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("For your privacy, this screen will clear your answers and start again in %n second(s).", "", Idle.secondsRemaining)
                wrapMode: Text.Wrap
            }
            PrimaryButton {
                id: moreTime

                width: parent.width
                height: Math.max(implicitHeight, Theme.minTarget * 2)
                description: countdown.text
                objectName: "moreTimeButton"
                text: qsTr("I need more time")

                onClicked: Idle.extend()
            }
        }
    }

    onOpened: moreTime.forceActiveFocus(Qt.OtherFocusReason)
}
