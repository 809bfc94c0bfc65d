// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Chorus.Ui
import Chorus.Admin

// Devices: enrol a device (bundle file and QR code), list the receiver's devices, revoke one.
AdminPage {
    id: root

    intro: qsTr("Enrolling a device gives it its own token for the receiver and tells it which surveys to run and which council key to trust. The bundle holds that token: hand it over like a password and delete it once the device is set up.")
    title: qsTr("Devices")

    ReceiverFields {
    }
    SettingGroup {
        objectName: "deviceEnroll"
        title: qsTr("Enrol a device")

        TextAnswer {
            id: deviceName

            hint: qsTr("Letters, digits, dots and dashes, for example tablet-07.")
            label: qsTr("Device name")
            objectName: "deviceName"
        }
        TextAnswer {
            id: deviceSurveys

            hint: qsTr("Survey ids separated by commas. Leave empty for every survey.")
            label: qsTr("Surveys for this device")
            objectName: "deviceSurveys"
        }
        TextAnswer {
            id: expires

            hint: qsTr("The bundle must be used on the device within this many days.")
            inputMethodHints: Qt.ImhDigitsOnly
            label: qsTr("Days to use the bundle")
            objectName: "deviceExpires"
            text: "14"
        }
        TextAnswer {
            id: passphrase

            field.echoMode: TextInput.Password
            hint: qsTr("To sign the bundle with the council signing key.")
            label: qsTr("Key passphrase")
            objectName: "devicePassphrase"
        }
        PrimaryButton {
            enabled: !AdminDevices.running
            objectName: "deviceEnrollButton"
            text: qsTr("Enrol device")

            onClicked: {
                AdminDevices.enroll(deviceName.text, deviceSurveys.text, parseInt(expires.text) || 0, passphrase.text);
                passphrase.text = "";
            }
        }
    }
    JobStatus {
        job: AdminDevices
    }
    SettingGroup {
        objectName: "deviceBundle"
        title: qsTr("Bundle for %1").arg(AdminDevices.enrolledDevice)
        visible: AdminDevices.bundlePath.length > 0 && !AdminDevices.running

        BodyText {
            objectName: "deviceFingerprint"
            font.family: "monospace"
            text: qsTr("Council key fingerprint: %1").arg(AdminDevices.fingerprint)
        }
        BodyText {
            text: qsTr("Bundle file: %1").arg(AdminDevices.bundlePath)
        }
        Image {
            Accessible.name: qsTr("QR code of the enrolment bundle for %1. Scan it with the device's camera.").arg(AdminDevices.enrolledDevice)
            Accessible.role: Accessible.Graphic
            cache: false
            fillMode: Image.PreserveAspectFit
            height: Math.min(width, 480)
            objectName: "deviceQr"
            smooth: false
            source: AdminDevices.qrPath.length > 0 ? "file://" + AdminDevices.qrPath : ""
            visible: AdminDevices.qrPath.length > 0
            width: parent.width
        }
        BodyText {
            color: Theme.error
            text: qsTr("No QR code: %1").arg(AdminDevices.qrProblem)
            visible: AdminDevices.qrProblem.length > 0
        }
    }
    SettingGroup {
        objectName: "deviceList"
        title: qsTr("Devices on the receiver")

        SecondaryButton {
            enabled: !AdminDevices.running
            objectName: "deviceRefresh"
            text: qsTr("Show devices")

            onClicked: AdminDevices.refresh()
        }
        Repeater {
            model: AdminDevices.devices

            delegate: Column {
                id: row

                required property var modelData
                // Revoking cannot be undone from here: it asks first.
                property bool confirming: false

                spacing: Theme.spacingS
                width: parent ? parent.width : implicitWidth

                BodyText {
                    font.bold: true
                    text: row.modelData.name
                }
                BodyText {
                    text: qsTr("%1. Surveys: %2").arg(row.modelData.status).arg(row.modelData.surveys)
                }
                SecondaryButton {
                    description: qsTr("Stops %1 sending responses and fetching surveys.").arg(row.modelData.name)
                    enabled: !AdminDevices.running
                    objectName: "deviceRevoke_" + row.modelData.name
                    text: qsTr("Revoke %1").arg(row.modelData.name)
                    visible: row.modelData.active && !row.confirming

                    onClicked: {
                        row.confirming = true;
                        confirmRevoke.forceActiveFocus(Qt.TabFocusReason);
                    }
                }
                BodyText {
                    text: qsTr("Revoke %1? It will no longer send responses or fetch surveys, and must be enrolled again to collect.").arg(row.modelData.name)
                    visible: row.confirming
                }
                Flow {
                    spacing: Theme.spacingM
                    visible: row.confirming
                    width: parent.width

                    PrimaryButton {
                        id: confirmRevoke

                        enabled: !AdminDevices.running
                        objectName: "deviceConfirmRevoke_" + row.modelData.name
                        text: qsTr("Yes, revoke %1").arg(row.modelData.name)

                        onClicked: {
                            row.confirming = false;
                            AdminDevices.revoke(row.modelData.name);
                        }
                    }
                    SecondaryButton {
                        objectName: "deviceCancelRevoke_" + row.modelData.name
                        text: qsTr("Cancel")

                        onClicked: row.confirming = false
                    }
                }
            }
        }
    }
}
