// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui

// Underlined text that acts ("Back", "Change", a link in the error summary), still 48 px tall.
// A plain Item, not a Button: on Qt 6.4 a Control reports its own role to a screen reader
// (Button: "push button") whatever Accessible.role says, and this must be heard as a link.
Item {
    id: control

    property string description: ""
    property alias font: label.font
    property string text: ""
    property color textColor: Theme.link

    signal clicked

    function activate() {
        if (enabled)
            clicked();
    }

    Accessible.description: description
    Accessible.focusable: true
    Accessible.name: text
    Accessible.role: Accessible.Link
    activeFocusOnTab: true
    implicitHeight: Math.max(Theme.minTarget, label.implicitHeight + 8)
    implicitWidth: Math.max(Theme.minTarget, label.implicitWidth + 8)

    Text {
        id: label

        Accessible.ignored: true
        anchors.fill: parent
        anchors.margins: 4
        color: control.textColor
        font.pixelSize: Theme.bodySize
        font.underline: true
        horizontalAlignment: Text.AlignLeft
        text: control.text
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
    }
    FocusRing {
        visible: control.activeFocus
    }
    TapHandler {
        onTapped: control.activate()
    }

    // A screen reader's (or switch or voice control's) action is activity, as a tap is.
    Accessible.onPressAction: {
        Idle.activity();
        control.activate();
    }
    Keys.onEnterPressed: control.activate()
    Keys.onReturnPressed: control.activate()
    Keys.onSpacePressed: control.activate()
}
