// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// Later starts: the operator passphrase opens the device. A wrong one is explained and makes
// the next attempt wait; the screen keeps responding while the passphrase is checked.
SetupTestCase {
    name: "UnlockWrongPassphrase"

    function test_unlock_wrongPassphrase_saysSoAndMakesTheNextAttemptWait() {
        openMain("enrolled");
        item("unlockPage");
        compare(Device.stage, "unlock");
        verify(item("questionHeading").parent !== null);
        compare(Device.councilName, "Test Borough Council", "named before unlocking");
        item("unlockField").text = "not the passphrase at all";
        press("continueButton");
        tryVerify(() => Vault.error.indexOf("That passphrase is not right") >= 0);
        compare(item("unlockField").text, "", "the typed passphrase is cleared");
        verify(Vault.retrySeconds > 0);
        verify(item("continueButton").text.indexOf("Try again in") >= 0);
        // Too early: refused without even trying.
        item("unlockField").text = TestDevice.passphrase();
        press("continueButton");
        compare(Device.stage, "unlock");
        compare(TestDevice.settingValue("vault.failedAttempts"), "1", "the count survives a restart");

        TestDevice.advanceClock(3000);
        item("unlockField").text = TestDevice.passphrase();
        tryVerify(() => Vault.retrySeconds === 0, 3000);
        press("continueButton");
        item("homePage");
        compare(Device.stage, "ready");
        compare(TestDevice.settingValue("vault.failedAttempts"), "0");
        compare(Session.mode, "assisted");
        compare(Session.operatorId, "Sam Jones");
    }
}
