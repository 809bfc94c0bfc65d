// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// A lesser action beside the primary one: grey fill with an outline that keeps 3:1.
Button {
    id: control

    property string description: ""

    Accessible.description: description
    Accessible.name: text
    Accessible.role: Accessible.Button
    bottomPadding: Theme.spacingS
    focusPolicy: Qt.StrongFocus
    implicitHeight: Math.max(Theme.minTarget, implicitContentHeight + topPadding + bottomPadding)
    implicitWidth: Math.max(Theme.minTarget * 2, implicitContentWidth + leftPadding + rightPadding)
    leftPadding: Theme.spacingM
    rightPadding: Theme.spacingM
    topPadding: Theme.spacingS

    background: Rectangle {
        border.color: Theme.secondaryButtonBorder
        border.width: Theme.borderWidth
        color: control.down ? Qt.darker(Theme.surface, 1.1) : Theme.surface

        FocusRing {
            visible: control.visualFocus
        }
    }
    contentItem: Text {
        Accessible.ignored: true
        color: Theme.text
        font.pixelSize: Theme.bodySize
        horizontalAlignment: Text.AlignHCenter
        text: control.text
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
    }

    // A screen reader's (or switch or voice control's) action is activity, as a tap is.
    Accessible.onPressAction: {
        Idle.activity();
        control.clicked();
    }
    Keys.onEnterPressed: control.clicked()
    Keys.onReturnPressed: control.clicked()
}
