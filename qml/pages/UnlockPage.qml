// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// Every start after setup: the operator passphrase opens the device vault. After a wrong one
// the vault makes you wait, longer each time; the button says how long and the screen stays
// responsive while the passphrase is checked.
QuestionPage {
    id: root

    canGoBack: false
    continueText: Vault.openingWithKeyStore ? qsTr("Opening with the keyring…") : Vault.busy ? qsTr("Checking…") : Vault.retrySeconds > 0 ? qsTr("Try again in %n second(s)", "", Vault.retrySeconds) : qsTr("Unlock")
    heading: qsTr("Unlock Chorus")
    hint: Device.councilName.length > 0 ? qsTr("This device collects for %1. Type the operator passphrase set up on it.").arg(Device.councilName) : qsTr("Type the operator passphrase set up on this device.")
    objectName: "unlockPage"

    onContinueRequested: {
        if (Vault.busy || Vault.retrySeconds > 0)
            return;
        Vault.unlock(passphrase.text);
        passphrase.text = "";
    }

    Connections {
        function onErrorChanged() {
            root.showErrors(Vault.error.length > 0 ? [
                    {
                        "message": Vault.error,
                        "target": passphrase.field
                    }
                ] : []);
        }

        target: Vault
    }
    // Why the keyring did not open Chorus by itself, when it was meant to.
    BodyText {
        Accessible.name: text
        Accessible.role: Accessible.StaticText
        objectName: "keyringMessage"
        text: Vault.openingWithKeyStore ? qsTr("Opening with the keyring…") : Vault.keyStoreMessage
        visible: text.length > 0
    }
    TextAnswer {
        id: passphrase

        errorText: Vault.error
        field.echoMode: TextInput.Password
        label: qsTr("Operator passphrase")
        objectName: "unlockField"
    }
    BusyIndicator {
        Accessible.name: Vault.openingWithKeyStore ? qsTr("Opening with the keyring") : qsTr("Checking the passphrase")
        running: Vault.busy
        visible: running
    }
}
