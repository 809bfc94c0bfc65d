// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui

// Every response on this device with its state and, when something went wrong, why and what
// to do. Shows identifiers and states only, never answers.
QuestionPage {
    id: root

    continueText: Records.syncing ? qsTr("Sending…") : qsTr("Sync now")
    heading: qsTr("Responses on this device")
    hint: Records.count === 0 ? qsTr("There are no responses on this device yet.") : Records.lastSyncResult
    objectName: "recordsPage"

    Component.onCompleted: Records.refresh()
    onContinueRequested: Records.requestSync()

    Repeater {
        model: Records

        delegate: Rectangle {
            id: record

            required property string advice
            required property string instanceId
            required property string reason
            required property string recordState
            required property string stateText
            required property string when

            Accessible.description: reason.length > 0 && advice.length > 0 ? reason + ". " + advice : reason + advice
            Accessible.name: qsTr("Response %1: %2").arg(instanceId.slice(-8)).arg(stateText)
            Accessible.role: Accessible.ListItem
            border.color: recordState === "failed" || recordState === "conflict" || recordState === "deleted_on_server" ? Theme.error : Theme.secondaryText
            border.width: Theme.borderWidth
            color: Theme.background
            height: body.height + 2 * Theme.spacingS
            objectName: "record_" + instanceId
            width: parent ? parent.width : 0

            Column {
                id: body

                spacing: 2
                width: parent.width - 2 * Theme.spacingS
                x: Theme.spacingS
                y: Theme.spacingS

                BodyText {
                    Accessible.ignored: true
                    font.bold: true
                    text: record.stateText
                }
                BodyText {
                    Accessible.ignored: true
                    color: Theme.secondaryText
                    text: qsTr("Response …%1, %2").arg(record.instanceId.slice(-8)).arg(record.when)
                }
                BodyText {
                    Accessible.ignored: true
                    objectName: "recordReason"
                    text: record.reason
                    visible: record.reason.length > 0
                }
                BodyText {
                    Accessible.ignored: true
                    text: record.advice
                    visible: record.advice.length > 0
                }
            }
        }
    }
    // Rows are read a page at a time: a device with a full outbox opens this page at once.
    SecondaryButton {
        objectName: "showMoreRecords"
        text: qsTr("Show more responses")
        visible: Records.hasMore

        onClicked: Records.loadMore()
    }
}
