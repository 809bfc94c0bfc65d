// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// What the Help button shows: how to get a person, and that nothing is lost by asking.
Popup {
    id: root

    anchors.centerIn: Overlay.overlay
    focus: true
    modal: true
    objectName: "helpDialog"
    padding: Theme.spacingL
    width: Math.min(parent ? parent.width - 2 * Theme.spacingM : 600, Theme.maxContentWidth)

    background: Rectangle {
        Accessible.name: title.text
        Accessible.role: Accessible.Dialog
        border.color: Theme.border
        border.width: Theme.borderWidth
        color: Theme.background
    }
    contentItem: Column {
        spacing: Theme.spacingM

        Text {
            id: title

            Accessible.name: text
            Accessible.role: Accessible.Heading
            width: parent.width
            color: Theme.text
            font.bold: true
            font.pixelSize: Theme.headingSize
            text: qsTr("Getting help")
            horizontalAlignment: Text.AlignLeft
            wrapMode: Text.Wrap
        }
        Text {
            Accessible.name: text
            Accessible.role: Accessible.StaticText
            width: parent.width
            color: Theme.text
            font.pixelSize: Theme.bodySize
            text: qsTr("Ask a member of staff nearby. They can help you use this screen, read the questions aloud or fill in the form with you. Your answers so far will stay on this screen.")
            horizontalAlignment: Text.AlignLeft
            wrapMode: Text.Wrap
        }
        PrimaryButton {
            id: close

            // Buttons sit at the start edge, which a right-to-left language mirrors.
            anchors.left: parent.left
            objectName: "helpCloseButton"
            text: qsTr("Close help")

            onClicked: root.close()
        }
    }

    onOpened: close.forceActiveFocus(Qt.OtherFocusReason)
}
