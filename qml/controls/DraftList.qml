// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Chorus.Ui

// The operator's list of interrupted interviews: which survey and when, never an answer.
// Resume reopens one where it was left; Discard asks first, then deletes it for good.
Column {
    id: root

    // The stack has to show the question (or check-your-answers) page next.
    signal resumed

    property string problem: ""
    property string confirming: ""

    objectName: "draftList"
    spacing: Theme.spacingS
    visible: Drafts.drafts.length > 0

    Text {
        Accessible.name: text
        Accessible.role: Accessible.Heading
        color: Theme.text
        font.bold: true
        font.pixelSize: Theme.bodySize * 1.2
        horizontalAlignment: Text.AlignLeft
        text: qsTr("Interrupted interviews")
        width: root.width
        wrapMode: Text.Wrap
    }
    BodyText {
        color: Theme.error
        objectName: "draftProblem"
        text: root.problem
        visible: text.length > 0
        width: root.width
    }
    Repeater {
        model: Drafts.drafts

        delegate: Column {
            id: entry

            required property var modelData
            required property int index

            spacing: Theme.spacingS
            width: root.width

            BodyText {
                text: qsTr("%1, saved %2").arg(entry.modelData.title).arg(entry.modelData.when)
                width: entry.width
            }
            Row {
                spacing: Theme.spacingM
                visible: root.confirming !== entry.modelData.responseId

                SecondaryButton {
                    description: entry.modelData.title
                    objectName: "resumeDraft" + entry.index
                    text: qsTr("Resume")

                    onClicked: {
                        if (Session.resume(entry.modelData.responseId)) {
                            root.problem = "";
                            root.resumed();
                        } else {
                            root.problem = Session.lastError();
                        }
                    }
                }
                LinkButton {
                    description: entry.modelData.title
                    objectName: "discardDraft" + entry.index
                    text: qsTr("Discard")

                    onClicked: root.confirming = entry.modelData.responseId
                }
            }
            BodyText {
                text: qsTr("Delete these answers for good? They cannot be recovered.")
                visible: root.confirming === entry.modelData.responseId
                width: entry.width
            }
            Row {
                spacing: Theme.spacingM
                visible: root.confirming === entry.modelData.responseId

                SecondaryButton {
                    objectName: "confirmDiscard" + entry.index
                    text: qsTr("Delete")

                    onClicked: {
                        root.confirming = "";
                        Drafts.discard(entry.modelData.responseId);
                    }
                }
                LinkButton {
                    text: qsTr("Keep")

                    onClicked: root.confirming = ""
                }
            }
        }
    }
}
