// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// A later start of a device set up with keyring unlock: no passphrase is asked, and Home can
// turn keyring unlock off.
SetupTestCase {
    name: "KeyringRestart"

    function test_restart_keyringRemembered_opensWithoutThePassphrase() {
        openMain("keyringRemembered");
        item("homePage");
        compare(Device.stage, "ready");
        verify(Vault.unlocked);
        compare(Vault.keyStoreMessage, "");
        const option = item("keyringUnlockOption");
        verify(option.checked);
        compare(option.text, "Keyring unlock: on");
        press("keyringUnlockOption");
        tryVerify(() => !Vault.keyStoreRemembered && !Vault.keyStoreBusy, 10000);
        compare(TestDevice.settingValue("vault.keyStoreEntry"), "");
        compare(item("keyringUnlockOption").text, "Keyring unlock: off");
    }
}
