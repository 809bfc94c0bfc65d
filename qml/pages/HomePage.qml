// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// The operator's screen (outreach mode, or kiosk staff after the PIN): how many responses are
// waiting, sync, see every record, start collecting.
FocusScope {
    id: root

    signal closeRequested
    signal recordsRequested
    signal resumed
    signal startRequested

    Component.onCompleted: Records.refresh()

    Flickable {
        anchors.fill: parent
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        contentHeight: column.height + 2 * Theme.spacingL
        contentWidth: width

        ScrollBar.vertical: ScrollBar {
            Accessible.name: qsTr("Scroll the page")
        }

        Column {
            id: column

            spacing: Theme.spacingM
            width: Math.min(root.width - 2 * Theme.spacingM, Theme.maxContentWidth)
            x: Math.max(Theme.spacingM, (root.width - width) / 2)
            y: Theme.spacingL

            Text {
                Accessible.name: text
                Accessible.role: Accessible.Heading
                color: Theme.text
                font.bold: true
                font.pixelSize: Theme.titleSize
                horizontalAlignment: Text.AlignLeft
                text: Session.hasSurvey ? Session.title : qsTr("Chorus")
                width: parent.width
                wrapMode: Text.Wrap
            }
            BodyText {
                objectName: "homeCounts"
                text: qsTr("%1 sent. %2 waiting to send.").arg(Records.counts.accepted || 0).arg(Records.waiting)
            }
            BodyText {
                color: Theme.error
                text: Records.loadError
                visible: text.length > 0
            }
            PrimaryButton {
                anchors.left: parent.left
                objectName: "homeStartButton"
                text: qsTr("Start collecting")
                visible: Session.hasSurvey

                onClicked: root.startRequested()
            }
            EventSummary {
                stack: root.StackView.view
                width: parent.width
            }
            DraftList {
                width: parent.width

                onResumed: root.resumed()
            }
            SecondaryButton {
                anchors.left: parent.left
                description: Records.lastSyncResult
                objectName: "syncButton"
                text: Records.syncing ? qsTr("Sending…") : qsTr("Sync now")

                onClicked: Records.requestSync()
            }
            BodyText {
                objectName: "lastSyncResult"
                text: Records.lastSyncResult
                visible: text.length > 0
            }
            LinkButton {
                anchors.left: parent.left
                objectName: "recordsButton"
                text: qsTr("See every response and its state")

                onClicked: root.recordsRequested()
            }
            LinkButton {
                anchors.left: parent.left
                objectName: "closeButton"
                text: qsTr("Close Chorus")
                textColor: Theme.secondaryText

                onClicked: root.closeRequested()
            }
        }
    }
}
