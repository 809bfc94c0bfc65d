// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chorus.Ui

// A labelled text box with its hint and, when there is one, its error in red above it (GOV.UK).
// The label is the accessible name; hint and error are the description.
ColumnLayout {
    id: root

    property string errorText: ""
    property alias field: input
    property string hint: ""
    property alias inputMethodHints: input.inputMethodHints
    property string label: ""
    property alias text: input.text

    function focusInput() {
        input.forceActiveFocus(Qt.TabFocusReason);
    }

    Layout.fillWidth: true
    spacing: Theme.spacingS

    Text {
        Accessible.ignored: true
        Layout.fillWidth: true
        color: Theme.text
        font.bold: true
        font.pixelSize: Theme.bodySize
        text: root.label
        visible: text.length > 0
        horizontalAlignment: Text.AlignLeft
        wrapMode: Text.Wrap
    }
    Text {
        Accessible.ignored: true
        Layout.fillWidth: true
        color: Theme.secondaryText
        font.pixelSize: Theme.hintSize
        text: root.hint
        visible: text.length > 0
        horizontalAlignment: Text.AlignLeft
        wrapMode: Text.Wrap
    }
    Text {
        Accessible.ignored: true
        Layout.fillWidth: true
        color: Theme.error
        font.bold: true
        font.pixelSize: Theme.bodySize
        text: root.errorText
        visible: text.length > 0
        horizontalAlignment: Text.AlignLeft
        wrapMode: Text.Wrap
    }
    TextField {
        id: input

        Accessible.description: [root.errorText, root.hint].filter(s => s.length > 0).join(". ")
        Accessible.name: root.label
        Accessible.role: Accessible.EditableText
        Layout.fillWidth: true
        color: Theme.text
        font.pixelSize: Theme.bodySize
        implicitHeight: Math.max(Theme.minTarget, contentHeight + topPadding + bottomPadding)
        padding: Theme.spacingS
        selectByMouse: true

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
