// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// One answer option of "any number": a CheckBox, so a screen reader hears "check box" (on Qt 6.4
// a Control's type, not Accessible.role, decides that). ChoiceOption is the radio-button twin.
// Pages react to `checked`, never to toggled/clicked, because a screen reader's press action
// and Enter change `checked` without those signals.
CheckBox {
    id: control

    property string hint: ""

    function activate() {
        checked = !checked;
    }

    Accessible.checkable: true
    Accessible.checked: checked
    Accessible.description: hint
    Accessible.name: text
    Accessible.role: Accessible.CheckBox
    focusPolicy: Qt.StrongFocus
    implicitHeight: Math.max(Theme.minTarget, implicitContentHeight + topPadding + bottomPadding)
    implicitWidth: implicitContentWidth + leftPadding + rightPadding
    indicator: null
    padding: 4
    spacing: 0
    width: parent ? parent.width : implicitWidth

    background: Item {
        FocusRing {
            visible: control.visualFocus
        }
    }
    contentItem: ChoiceContent {
        control: control
        hint: control.hint
        multiple: true
    }

    // A screen reader's (or switch or voice control's) action is activity, as a tap is.
    Accessible.onPressAction: {
        Idle.activity();
        control.activate();
    }
    Accessible.onToggleAction: {
        Idle.activity();
        control.activate();
    }
    Keys.onEnterPressed: control.activate()
    Keys.onReturnPressed: control.activate()
}
