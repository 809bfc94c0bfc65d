// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Chorus.Ui

// Under a question that belongs to a repeat ("Person 2"): Remove, which asks first. Under the
// page a repeat can grow from: "Add Person 3" while there is room for one more.
Column {
    id: root

    required property var page
    readonly property var repeat: page.repeat || ({})
    readonly property bool inRepeat: repeat.name !== undefined
    property bool confirming: false
    property string problem: ""

    spacing: Theme.spacingS
    visible: inRepeat || (page.addable || []).length > 0
    width: parent ? parent.width : implicitWidth

    BodyText {
        color: Theme.error
        objectName: "repeatProblem"
        text: root.problem
        visible: text.length > 0
    }
    LinkButton {
        anchors.left: parent.left
        objectName: "removeRepeat"
        text: qsTr("Remove %1").arg(root.repeat.caption || "")
        visible: root.inRepeat && root.repeat.canRemove === true && !root.confirming

        onClicked: root.confirming = true
    }
    BodyText {
        objectName: "removeRepeatQuestion"
        text: qsTr("Remove %1 and every answer given for them? This cannot be undone.").arg(root.repeat.caption || "")
        visible: root.confirming
    }
    Row {
        spacing: Theme.spacingM
        visible: root.confirming

        SecondaryButton {
            objectName: "confirmRemoveRepeat"
            text: qsTr("Yes, remove")

            onClicked: {
                root.confirming = false;
                root.problem = Session.removeRepeat(root.repeat.name, root.repeat.instance);
            }
        }
        LinkButton {
            objectName: "cancelRemoveRepeat"
            text: qsTr("No, keep")

            onClicked: root.confirming = false
        }
    }
    Repeater {
        model: root.page.addable || []

        delegate: SecondaryButton {
            required property var modelData

            anchors.left: parent ? parent.left : undefined
            objectName: "addRepeat_" + modelData.name
            text: qsTr("Add %1 %2").arg(modelData.label).arg(modelData.count + 1)

            onClicked: root.problem = Session.addRepeat(modelData.name)
        }
    }
}
