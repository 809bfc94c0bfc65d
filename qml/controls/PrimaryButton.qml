// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// The main action of a screen ("Start now", "Continue"): GOV.UK's green button.
Button {
    id: control

    property string description: ""

    Accessible.description: description
    Accessible.name: text
    Accessible.role: Accessible.Button
    bottomPadding: Theme.spacingS
    focusPolicy: Qt.StrongFocus
    implicitHeight: Math.max(Theme.minTarget, implicitContentHeight + topPadding + bottomPadding)
    implicitWidth: Math.max(Theme.minTarget * 3, implicitContentWidth + leftPadding + rightPadding)
    leftPadding: Theme.spacingM
    rightPadding: Theme.spacingM
    topPadding: Theme.spacingS

    background: Rectangle {
        color: control.down ? Qt.darker(Theme.primary, 1.25) : Theme.primary

        Rectangle {
            color: Qt.darker(Theme.primary, 1.8)
            height: 2
            width: parent.width
            y: parent.height
        }
        FocusRing {
            visible: control.visualFocus
        }
    }
    contentItem: Text {
        Accessible.ignored: true
        color: Theme.primaryText
        font.bold: true
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
