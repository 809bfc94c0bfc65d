// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// One box of a GOV.UK date input ("Day", "Month", "Year"): its label above, digits only, sized
// for the number of characters it takes, a thick red border when its part is wrong.
Column {
    id: root

    property int characters: 2
    property bool invalid: false
    property string label: ""
    property string problem: ""
    property alias field: input
    property alias text: input.text

    signal edited

    function focusInput() {
        input.forceActiveFocus(Qt.TabFocusReason);
    }

    spacing: Theme.spacingS

    Text {
        Accessible.ignored: true
        color: Theme.text
        font.pixelSize: Theme.bodySize
        text: root.label
    }
    TextField {
        id: input

        Accessible.description: root.invalid ? root.problem : ""
        Accessible.name: root.label
        Accessible.role: Accessible.EditableText
        color: Theme.text
        font.pixelSize: Theme.bodySize
        implicitHeight: Math.max(Theme.minTarget, contentHeight + topPadding + bottomPadding)
        inputMethodHints: Qt.ImhDigitsOnly
        maximumLength: root.characters
        padding: Theme.spacingS
        selectByMouse: true
        // Room for the digits at any text size, never less than a touch target.
        width: Math.max(Theme.minTarget, root.characters * Theme.bodySize * 0.75 + 2 * padding)

        background: Rectangle {
            border.color: root.invalid ? Theme.error : Theme.border
            border.width: root.invalid ? 2 * Theme.borderWidth : Theme.borderWidth
            color: Theme.background

            FocusRing {
                visible: input.activeFocus
            }
        }

        onTextEdited: root.edited()
    }
}
