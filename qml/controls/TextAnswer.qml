// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// A labelled text box with its hint and, when there is one, its error in red above it (GOV.UK).
// The label is the accessible name; hint and error are the description.
Column {
    id: root

    property string errorText: ""
    property alias field: input
    property string hint: ""
    property alias inputMethodHints: input.inputMethodHints
    property string label: ""
    // Off when the page heading already shows the label (one question per page): the label
    // stays the field's accessible name.
    property bool labelVisible: true
    property alias text: input.text

    function focusInput() {
        input.forceActiveFocus(Qt.TabFocusReason);
    }

    spacing: Theme.spacingS
    width: parent ? parent.width : implicitWidth

    Text {
        Accessible.ignored: true
        color: Theme.text
        font.bold: true
        font.pixelSize: Theme.bodySize
        horizontalAlignment: Text.AlignLeft
        text: root.label
        visible: root.labelVisible && text.length > 0
        width: parent.width
        wrapMode: Text.Wrap
    }
    Text {
        Accessible.ignored: true
        color: Theme.secondaryText
        font.pixelSize: Theme.hintSize
        horizontalAlignment: Text.AlignLeft
        text: root.hint
        visible: text.length > 0
        width: parent.width
        wrapMode: Text.Wrap
    }
    Text {
        Accessible.ignored: true
        color: Theme.error
        font.bold: true
        font.pixelSize: Theme.bodySize
        horizontalAlignment: Text.AlignLeft
        text: root.errorText
        visible: text.length > 0
        width: parent.width
        wrapMode: Text.Wrap
    }
    TextField {
        id: input

        Accessible.description: root.errorText.length > 0 && root.hint.length > 0 ? root.errorText + ". " + root.hint : root.errorText + root.hint
        Accessible.name: root.label
        Accessible.role: Accessible.EditableText
        color: Theme.text
        font.pixelSize: Theme.bodySize
        implicitHeight: Math.max(Theme.minTarget, contentHeight + topPadding + bottomPadding)
        padding: Theme.spacingS
        selectByMouse: true
        width: parent.width

        // Qt 6.4 blanks the accessible name and description of an item whose Accessible.passwordEdit
        // is set, and TextInput sets it for password echo, so a screen reader heard only "password
        // text". The AT-SPI role still comes from the echo mode ("password text"), so clearing the
        // flag each time Qt sets it gives the field its name back and keeps it announced as a
        // password. Proved by the AT-SPI walk (tests/app/atspi_walk.py).
        Accessible.onPasswordEditChanged: {
            if (Accessible.passwordEdit)
                Accessible.passwordEdit = false;
        }

        background: Rectangle {
            border.color: root.errorText.length > 0 ? Theme.error : Theme.border
            border.width: root.errorText.length > 0 ? 2 * Theme.borderWidth : Theme.borderWidth
            color: Theme.background

            FocusRing {
                visible: input.activeFocus
            }
        }
    }
}
