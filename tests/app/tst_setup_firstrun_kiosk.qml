// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// First run, as an operator would do it: passphrase, enrollment, mode, then home with the
// surveys the device fetched. Mistakes on the way are explained on screen.
SetupTestCase {
    name: "FirstRunKiosk"

    function test_firstRun_kioskMode_setsTheStaffPinAndOpensTheWelcomeScreen() {
        openMain("firstRun");
        item("passphraseField").text = TestDevice.passphrase();
        item("passphraseAgainField").text = TestDevice.passphrase();
        press("continueButton");
        press("bundleFromText");
        item("bundleTextField").text = "  CHORUS-TEST-BUNDLE: Test Borough Council\n";
        press("continueButton");
        item("setupConfirmPage");
        press("continueButton");
        press("modeKiosk");
        item("pinField").text = "97531";
        item("pinAgainField").text = "97531";
        press("continueButton");
        item("welcomePage");
        compare(Session.mode, "kiosk");
        verify(TestDevice.staffPinWorks("97531"));
    }
}
