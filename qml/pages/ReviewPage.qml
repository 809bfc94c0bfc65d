// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Chorus.Ui

// "Check your answers": every answer in words, each with its own Change link that goes to that
// one question and comes straight back, keeping everything else (WCAG 3.3.7).
QuestionPage {
    id: root

    signal changeRequested(string path)
    signal submitRequested

    continueText: qsTr("Send my answers")
    heading: qsTr("Check your answers")
    hint: qsTr("You can change any answer before you send them.")
    objectName: "reviewPage"

    onContinueRequested: root.submitRequested()

    Repeater {
        model: Session.review

        delegate: Rectangle {
            id: entry

            required property var modelData

            color: Theme.background
            height: row.height + Theme.spacingM
            width: parent ? parent.width : 0

            Rectangle {
                anchors.bottom: parent.bottom
                color: Theme.secondaryText
                height: 1
                width: parent.width
            }
            Column {
                id: row

                spacing: 4
                width: parent.width

                BodyText {
                    font.bold: true
                    text: entry.modelData.label
                }
                BodyText {
                    objectName: "reviewAnswer_" + entry.modelData.path
                    text: entry.modelData.answer
                }
                LinkButton {
                    Accessible.name: qsTr("Change your answer to: %1").arg(entry.modelData.label)
                    anchors.left: parent.left
                    objectName: "change_" + entry.modelData.path
                    text: qsTr("Change")

                    onClicked: root.changeRequested(entry.modelData.path)
                }
            }
        }
    }
}
