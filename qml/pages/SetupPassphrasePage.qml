// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// Setup, step 1: the operator passphrase that opens the device vault at every start. Creating
// the vault takes a moment (Argon2id), so the button says so while it works.
QuestionPage {
    id: root

    canGoBack: false
    continueText: Vault.busy ? qsTr("Setting up…") : qsTr("Continue")
    heading: qsTr("Set the operator passphrase")
    hint: qsTr("Staff type this passphrase each time Chorus starts. It protects unfinished responses on this device. Nobody can recover it, so keep it somewhere safe.")
    objectName: "setupPassphrasePage"
    progressText: qsTr("Step %1 of %2").arg(1).arg(4)

    onContinueRequested: {
        if (!Vault.busy)
            Vault.create(first.text, second.text, keyringOption.visible && keyringOption.checked);
    }

    Connections {
        function onErrorChanged() {
            root.showErrors(Vault.error.length > 0 ? [
                    {
                        "message": Vault.error,
                        "target": first.field
                    }
                ] : []);
        }

        target: Vault
    }
    TextAnswer {
        id: first

        errorText: Vault.error
        field.echoMode: TextInput.Password
        label: qsTr("Passphrase")
        objectName: "passphraseField"
    }
    BodyText {
        readonly property var strength: Vault.passphraseStrength(first.text)

        Accessible.name: text
        Accessible.role: Accessible.StaticText
        color: strength.acceptable ? Theme.text : Theme.secondaryText
        objectName: "passphraseStrength"
        text: qsTr("Strength: %1").arg(strength.text)
    }
    TextAnswer {
        id: second

        field.echoMode: TextInput.Password
        label: qsTr("Type the passphrase again")
        objectName: "passphraseAgainField"
    }
    // Only where the computer account has an open keyring; unticked unless someone chooses it.
    CheckOption {
        id: keyringOption

        hint: qsTr("Anyone who can use this computer account can then open Chorus's unfinished responses.")
        objectName: "keyringOption"
        text: qsTr("Open Chorus without the passphrase while this computer account is signed in")
        visible: Vault.keyStoreAvailable
    }
    BusyIndicator {
        Accessible.name: qsTr("Setting up the vault")
        running: Vault.busy
        visible: running
    }
}
