// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui
import Chorus.Admin

// Keys: create the council key pair and the signing key, see their ids, rotate.
AdminPage {
    id: root

    intro: AdminKeys.hasKeys ? qsTr("These keys open every response and sign every survey and device enrolment. Their private halves are stored only encrypted under your passphrase.") : qsTr("Create the council's keys. Responses are encrypted to the council key on each device and can only be read here, with your passphrase. Nobody, including Chorus, can recover a lost passphrase.")
    title: qsTr("Keys")

    SettingGroup {
        objectName: "keysInfo"
        title: qsTr("Keys in this workspace")
        visible: AdminKeys.hasKeys

        BodyText {
            objectName: "councilKeyId"
            text: qsTr("Council key (encryption): %1, created %2").arg(AdminKeys.councilKeyId).arg(AdminKeys.councilCreated)
        }
        BodyText {
            objectName: "signingKey"
            text: qsTr("Signing key: %1").arg(AdminKeys.signingKeyId)
        }
        BodyText {
            objectName: "signingFingerprint"
            font.family: "monospace"
            text: qsTr("Signing key fingerprint: %1").arg(AdminKeys.signingFingerprint)
        }
        BodyText {
            color: Theme.secondaryText
            text: qsTr("Devices show this fingerprint when they are enrolled: compare the two.")
        }
        BodyText {
            objectName: "retiredKeys"
            text: qsTr("Retired council keys, kept to read older responses: %1").arg(AdminKeys.retiredKeyIds.join(", "))
            visible: AdminKeys.retiredKeyIds.length > 0
        }
    }
    TextAnswer {
        id: passphrase

        field.echoMode: TextInput.Password
        hint: AdminKeys.hasKeys ? qsTr("Needed to rotate the council key.") : qsTr("At least 12 characters. Several unrelated words are easy to remember and hard to guess.")
        label: qsTr("Passphrase")
        objectName: "keysPassphrase"
    }
    TextAnswer {
        id: repeated

        field.echoMode: TextInput.Password
        label: qsTr("Type the passphrase again")
        objectName: "keysPassphraseAgain"
        visible: !AdminKeys.hasKeys
    }
    PrimaryButton {
        enabled: !AdminKeys.running
        objectName: "keysCreate"
        text: qsTr("Create keys")
        visible: !AdminKeys.hasKeys

        onClicked: {
            AdminKeys.init(passphrase.text, repeated.text);
            passphrase.text = "";
            repeated.text = "";
        }
    }
    SecondaryButton {
        description: qsTr("Makes a new council key for new responses; the old one is kept to read older responses.")
        enabled: !AdminKeys.running
        objectName: "keysRotate"
        text: qsTr("Rotate the council key")
        visible: AdminKeys.hasKeys

        onClicked: {
            AdminKeys.rotate(passphrase.text);
            passphrase.text = "";
        }
    }
    JobStatus {
        job: AdminKeys
    }
}
