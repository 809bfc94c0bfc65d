// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// First run, as an operator would do it: passphrase, enrollment, mode, then home with the
// surveys the device fetched. Mistakes on the way are explained on screen.
SetupTestCase {
    name: "FirstRunQr"

    function test_firstRun_enrollFromQrPicture_readsTheBundle() {
        openMain("firstRun");
        // The setup screens speak Welsh too, switched at runtime.
        Language.setLanguage("cy");
        tryCompare(item("questionHeading"), "text", "Gosod cyfrinymadrodd y gweithredwr");
        Language.setLanguage("en");
        tryCompare(item("questionHeading"), "text", "Set the operator passphrase");
        item("passphraseField").text = TestDevice.passphrase();
        item("passphraseAgainField").text = TestDevice.passphrase();
        press("continueButton");
        press("bundleFromImage");
        item("bundleImageField").text = "file://" + TestDevice.forgedBundlePath();
        press("continueButton");
        tryVerify(() => Device.error.indexOf("QR picture could not be read") >= 0);
        item("bundleImageField").text = "file://" + TestDevice.qrPath();
        press("continueButton");
        item("setupConfirmPage");
        compare(item("confirmCouncil").Accessible.name, "Council: Test Borough Council");
    }
}
