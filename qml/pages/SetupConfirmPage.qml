// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui

// Setup, step 2 (check): who this device will trust. The operator reads the key fingerprint
// against the one the administrator shows; a different one means someone swapped the file.
QuestionPage {
    id: root

    continueText: qsTr("Yes, enrol this device")
    heading: qsTr("Check this is your council")
    hint: qsTr("Compare the key fingerprint with the one your administrator shows you. If any part is different, do not continue: go back and ask them.")
    objectName: "setupConfirmPage"
    progressText: qsTr("Step %1 of %2").arg(3).arg(4)

    onBackRequested: Device.back()
    onContinueRequested: {
        if (!Device.confirmBundle())
            root.showErrors([
                    {
                        "message": Device.error,
                        "target": null
                    }
                ]);
    }

    Repeater {
        model: [
            {
                "label": qsTr("Council"),
                "value": Device.bundle["councilName"] || "",
                "name": "confirmCouncil"
            },
            {
                "label": qsTr("Council key fingerprint"),
                "value": Device.bundle["fingerprint"] || "",
                "name": "confirmFingerprint"
            },
            {
                "label": qsTr("Sends responses to"),
                "value": Device.bundle["endpoint"] || "",
                "name": "confirmEndpoint"
            },
            {
                "label": qsTr("This device's name"),
                "value": Device.bundle["deviceName"] || "",
                "name": "confirmDevice"
            },
            {
                "label": qsTr("Enrollment valid until"),
                "value": Device.bundle["expires"] || "",
                "name": "confirmExpires"
            }
        ]

        delegate: Column {
            id: row

            required property var modelData

            Accessible.name: row.modelData.label + ": " + row.modelData.value
            Accessible.role: Accessible.StaticText
            objectName: row.modelData.name
            spacing: 2
            width: parent ? parent.width : 0

            Text {
                Accessible.ignored: true
                color: Theme.secondaryText
                font.pixelSize: Theme.hintSize
                horizontalAlignment: Text.AlignLeft
                text: row.modelData.label
                width: parent.width
                wrapMode: Text.Wrap
            }
            Text {
                Accessible.ignored: true
                color: Theme.text
                font.bold: true
                // "" is no family at all, which fontconfig fills with a serif: keep the app's font.
                font.family: row.modelData.name === "confirmFingerprint" ? "monospace" : Qt.application.font.family
                font.pixelSize: row.modelData.name === "confirmFingerprint" ? Theme.headingSize : Theme.bodySize
                horizontalAlignment: Text.AlignLeft
                text: row.modelData.value
                width: parent.width
                wrapMode: Text.WrapAnywhere
            }
        }
    }
}
