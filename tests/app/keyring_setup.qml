// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// First run with an open keyring (tst_setup_keyring, under with-keyring.sh): the keyring option
// is offered unticked, and ticking it keeps the key in the keyring as the vault is made.
SetupTestCase {
    name: "KeyringSetup"

    function test_setup_keyringOptionTicked_keepsTheKeyInTheKeyring() {
        openMain("keyringFirstRun");
        item("setupPassphrasePage");
        tryVerify(() => Vault.keyStoreAvailable, 10000, "the keyring answered");
        const option = item("keyringOption");
        verify(!option.checked, "unticked unless chosen");
        compare(option.Accessible.role, Accessible.CheckBox);
        verify(option.Accessible.description.indexOf("Anyone who can use this computer account") >= 0);
        item("passphraseField").text = TestDevice.passphrase();
        item("passphraseAgainField").text = TestDevice.passphrase();
        press("keyringOption");
        verify(option.checked);
        press("continueButton");
        item("setupBundlePage");
        tryVerify(() => Vault.keyStoreRemembered, 10000, Vault.keyStoreMessage);
        verify(TestDevice.settingValue("vault.keyStoreEntry").length > 0, "the entry is recorded");
        verify(TestDevice.settingValue("vault.keyCheck").length > 0, "with the key check");
    }
}
