// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// Later starts: the operator passphrase opens the device. A wrong one is explained and makes
// the next attempt wait; the screen keeps responding while the passphrase is checked.
SetupTestCase {
    name: "UnlockKiosk"

    function test_unlock_kioskDevice_opensFullScreenOnTheWelcomePage() {
        openMain("enrolledKiosk");
        item("unlockField").text = TestDevice.passphrase();
        press("continueButton");
        item("welcomePage");
        compare(Session.mode, "kiosk");
        compare(window.visibility, Window.FullScreen);
    }
}
