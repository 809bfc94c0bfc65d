// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Templates as T
import Chorus.Ui

// How an answer option looks: a round indicator (one of several) or a square one with a tick
// (any number), then the label and its hint. Shared by ChoiceOption and CheckOption, whose base
// types (RadioButton, CheckBox) are what give a screen reader the right role on Qt 6.4.
Item {
    id: root

    required property T.AbstractButton control
    property string hint: ""
    property bool multiple: false

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
        radius: root.multiple ? 0 : width / 2
        width: Theme.choiceIndicator

        Rectangle {
            anchors.centerIn: parent
            color: Theme.selected
            height: width
            radius: width / 2
            visible: root.control.checked && !root.multiple
            width: parent.width / 2
        }
        Item {
            // GOV.UK's tick: an L turned on its side.
            anchors.centerIn: parent
            anchors.verticalCenterOffset: -height / 4
            height: parent.height * 0.3
            rotation: -45
            visible: root.control.checked && root.multiple
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
            text: root.control.text
            width: parent.width
            wrapMode: Text.Wrap
        }
        Text {
            id: hintText

            Accessible.ignored: true
            color: Theme.secondaryText
            font.pixelSize: Theme.hintSize
            horizontalAlignment: Text.AlignLeft
            text: root.hint
            visible: text.length > 0
            width: parent.width
            wrapMode: Text.Wrap
        }
    }
}
