// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// A later start with keyring unlock on but the keyring locked: the unlock page says why and
// the passphrase still opens Chorus.
SetupTestCase {
    name: "KeyringLocked"

    function test_restart_keyringLocked_asksForThePassphraseWithTheReason() {
        TestKeyring.prepareLocked();
        openMain("keyringRemembered");
        item("unlockPage");
        tryVerify(() => !Vault.openingWithKeyStore, 10000);
        const message = item("keyringMessage");
        verify(message.text.indexOf("The keyring is locked") >= 0, message.text);
        compare(Device.stage, "unlock");
        item("unlockField").text = TestDevice.passphrase();
        press("continueButton");
        item("homePage");
        compare(Device.stage, "ready");
    }
}
