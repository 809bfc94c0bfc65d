// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
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
    Layout.fillWidth: true
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

    background: Item {
        FocusRing {
            visible: control.visualFocus
        }
    }
    contentItem: RowLayout {
        spacing: Theme.spacingM

        Rectangle {
            Layout.alignment: Qt.AlignTop
            border.color: Theme.border
            border.width: Theme.borderWidth
            color: Theme.background
            implicitHeight: Theme.choiceIndicator
            implicitWidth: Theme.choiceIndicator
            radius: control.multiple ? 0 : width / 2

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
        ColumnLayout {
            Layout.alignment: Qt.AlignVCenter
            Layout.fillWidth: true
            spacing: 2

            Text {
                Accessible.ignored: true
                Layout.fillWidth: true
                color: Theme.text
                font.pixelSize: Theme.bodySize
                horizontalAlignment: Text.AlignLeft
                text: control.text
                wrapMode: Text.Wrap
            }
            Text {
                Accessible.ignored: true
                Layout.fillWidth: true
                color: Theme.secondaryText
                font.pixelSize: Theme.hintSize
                horizontalAlignment: Text.AlignLeft
                text: control.hint
                visible: text.length > 0
                wrapMode: Text.Wrap
            }
        }
    }

    Accessible.onPressAction: control.activate()
    Accessible.onToggleAction: control.activate()
    Keys.onEnterPressed: control.activate()
    Keys.onReturnPressed: control.activate()
}
