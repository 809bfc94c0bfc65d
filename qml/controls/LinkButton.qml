// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// Underlined text that acts ("Back", "Change", a link in the error summary), still 48 px tall.
Button {
    id: control

    property color textColor: Theme.link
    property string description: ""

    Accessible.description: description
    Accessible.name: text
    Accessible.role: Accessible.Link
    flat: true
    focusPolicy: Qt.StrongFocus
    implicitHeight: Math.max(Theme.minTarget, implicitContentHeight + topPadding + bottomPadding)
    implicitWidth: Math.max(Theme.minTarget, implicitContentWidth + leftPadding + rightPadding)
    padding: 4

    background: Item {
        FocusRing {
            visible: control.visualFocus
        }
    }
    contentItem: Text {
        Accessible.ignored: true
        color: control.textColor
        font.pixelSize: Theme.bodySize
        font.underline: true
        horizontalAlignment: Text.AlignLeft
        text: control.text
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
    }

    Accessible.onPressAction: control.clicked()
    Keys.onEnterPressed: control.clicked()
    Keys.onReturnPressed: control.clicked()
}
