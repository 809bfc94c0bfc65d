// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// The operator's screen (outreach mode, or kiosk staff after the PIN): the surveys on this
// device with their responses by state, checking for new surveys, sync, every record, and
// starting to collect.
FocusScope {
    id: root

    signal closeRequested
    signal recordsRequested
    signal resumed
    signal startRequested

    Component.onCompleted: {
        Records.refresh();
        Surveys.refresh();
    }

    Connections {
        function onFetchFinished() {
            Surveys.refresh();
        }

        target: Device
    }
    PageFlickable {
        anchors.fill: parent
        contentHeight: column.height + 2 * Theme.spacingL

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
                objectName: "homeHeading"
                text: Device.councilName.length > 0 ? Device.councilName : Session.hasSurvey ? Session.title : qsTr("Chorus")
                width: parent.width
                wrapMode: Text.Wrap
            }
            BodyText {
                color: Theme.secondaryText
                text: Device.mode === "kiosk" ? qsTr("Kiosk mode") : Device.operatorName.length > 0 ? qsTr("Outreach mode, collecting as %1").arg(Device.operatorName) : ""
                visible: text.length > 0
            }
            // Assisted interviews: the interviewer holds the device, so the idle wipe can be turned
            // off. Handing the device to a resident to fill in alone? Leave it on.
            CheckOption {
                checked: Idle.switchedOff
                hint: qsTr("Only while you stay with each person answering. Turn it back on before handing the device over.")
                objectName: "idleOffOption"
                text: qsTr("I am with the respondent: do not clear the screen when idle")
                visible: Device.mode === "outreach"
                width: parent.width

                onCheckedChanged: Idle.switchedOff = checked
            }
            // Keyring unlock: Chorus opens without the passphrase while this account is signed in.
            CheckOption {
                id: keyringUnlock

                checked: Vault.keyStoreRemembered
                enabled: !Vault.keyStoreBusy
                hint: Vault.keyStoreMessage.length > 0 ? Vault.keyStoreMessage : qsTr("Anyone who can use this computer account can then open Chorus's unfinished responses.")
                objectName: "keyringUnlockOption"
                text: Vault.keyStoreRemembered ? qsTr("Keyring unlock: on") : qsTr("Keyring unlock: off")
                visible: Vault.keyStoreAvailable || Vault.keyStoreRemembered
                width: parent.width

                onCheckedChanged: {
                    if (checked !== Vault.keyStoreRemembered)
                        Vault.setKeyStoreRemembered(checked);
                }

                // A tap breaks the binding; a change that failed must not leave the box showing it.
                Connections {
                    function onKeyStoreChanged() {
                        if (!Vault.keyStoreBusy)
                            keyringUnlock.checked = Vault.keyStoreRemembered;
                    }

                    target: Vault
                }
            }
            BodyText {
                objectName: "homeCounts"
                text: qsTr("%1 sent. %2 waiting to send.").arg(Records.counts.accepted || 0).arg(Records.waiting)
            }
            BodyText {
                color: Theme.error
                text: [Records.loadError, Surveys.loadError].filter(s => s.length > 0).join(" ")
                visible: text.length > 0
            }
            PrimaryButton {
                anchors.left: parent.left
                objectName: "homeStartButton"
                text: qsTr("Start collecting")
                visible: Session.hasSurvey && Surveys.count === 0

                onClicked: root.startRequested()
            }
            Repeater {
                model: Surveys

                delegate: SurveyCard {
                    onStartRequested: id => {
                        if (Surveys.choose(id))
                            root.startRequested();
                    }
                }
            }
            BodyText {
                objectName: "noSurveys"
                text: qsTr("There are no surveys on this device yet. Check for new surveys, or ask your administrator to assign one to this device.")
                visible: Device.enrolled && Surveys.count === 0
            }
            SecondaryButton {
                anchors.left: parent.left
                description: Device.fetchResult
                objectName: "checkSurveysButton"
                text: Device.busy ? qsTr("Checking…") : qsTr("Check for new surveys")
                visible: Device.enrolled

                onClicked: Device.fetchSurveys()
            }
            BodyText {
                objectName: "fetchResult"
                text: Device.fetchResult
                visible: text.length > 0
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
            // The device's text size and colours for staff screens and every respondent after.
            LookSettings {
                asDefault: true
                objectName: "homeLook"
            }
        }
    }
}
