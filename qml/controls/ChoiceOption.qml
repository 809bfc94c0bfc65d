// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// One answer option: a radio button, or a checkbox when `multiple`. The whole row (indicator,
// label and hint) is the target. Pages react to `checked`, never to toggled/clicked, because a
// screen reader's press action changes `checked` without those signals.
AbstractButton {
    id: control

    property string hint: ""
    property bool multiple: false

    function activate() {
        checked = multiple ? !checked : true;
    }

    Accessible.checkable: true
    Accessible.checked: checked
    Accessible.description: hint
    Accessible.name: text
    Accessible.role: multiple ? Accessible.CheckBox : Accessible.RadioButton
    autoExclusive: !multiple
    checkable: true
    focusPolicy: Qt.StrongFocus
    implicitHeight: Math.max(Theme.minTarget, implicitContentHeight + topPadding + bottomPadding)
    implicitWidth: implicitContentWidth + leftPadding + rightPadding
    padding: 4
    width: parent ? parent.width : implicitWidth

    background: Item {
        FocusRing {
            visible: control.visualFocus
        }
    }
    contentItem: Item {
        implicitHeight: Math.max(indicator.height, texts.height)
        implicitWidth: indicator.width + Theme.spacingM + Math.max(label.implicitWidth, hintText.implicitWidth)

        Rectangle {
            id: indicator

            anchors.left: parent.left
            anchors.top: parent.top
            border.color: Theme.border
            border.width: Theme.borderWidth
            color: Theme.background
            height: Theme.choiceIndicator
            radius: control.multiple ? 0 : width / 2
            width: Theme.choiceIndicator

            Rectangle {
                anchors.centerIn: parent
                color: Theme.selected
                height: width
                radius: width / 2
                visible: control.checked && !control.multiple
                width: parent.width / 2
            }
            Item {
                // GOV.UK's tick: an L turned on its side.
                anchors.centerIn: parent
                anchors.verticalCenterOffset: -height / 4
                height: parent.height * 0.3
                rotation: -45
                visible: control.checked && control.multiple
                width: parent.width * 0.6

                Rectangle {
                    color: Theme.selected
                    height: parent.height
                    width: 5
                }
                Rectangle {
                    color: Theme.selected
                    height: 5
                    width: parent.width
                    y: parent.height - height
                }
            }
        }
        Column {
            id: texts

            anchors.left: indicator.right
            anchors.leftMargin: Theme.spacingM
            anchors.right: parent.right
            spacing: 2
            y: Math.max(0, (indicator.height - label.height) / 2)

            Text {
                id: label

                Accessible.ignored: true
                color: Theme.text
                font.pixelSize: Theme.bodySize
                horizontalAlignment: Text.AlignLeft
                text: control.text
                width: parent.width
                wrapMode: Text.Wrap
            }
            Text {
                id: hintText

                Accessible.ignored: true
                color: Theme.secondaryText
                font.pixelSize: Theme.hintSize
                horizontalAlignment: Text.AlignLeft
                text: control.hint
                visible: text.length > 0
                width: parent.width
                wrapMode: Text.Wrap
            }
        }
    }

    Accessible.onPressAction: control.activate()
    Accessible.onToggleAction: control.activate()
    Keys.onEnterPressed: control.activate()
    Keys.onReturnPressed: control.activate()
}
