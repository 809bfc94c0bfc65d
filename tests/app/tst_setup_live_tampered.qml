// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// A package changed on the receiver after it was signed never reaches the device: the fetch
// says it was refused and why, and home offers nothing to start.
SetupTestCase {
    name: "LiveTampered"

    function test_liveTamperedPackage_isRefusedWithAClearMessage() {
        openMain("liveTampered");
        item("passphraseField").text = TestDevice.passphrase();
        item("passphraseAgainField").text = TestDevice.passphrase();
        press("continueButton");
        // The real bundle's QR picture, read with libzbar, byte for byte.
        press("bundleFromImage");
        item("bundleImageField").text = TestDevice.liveQrPath();
        press("continueButton");
        compare(item("confirmFingerprint").Accessible.name, "Council key fingerprint: " + TestDevice.liveFingerprint());
        press("continueButton");
        press("modeKiosk");
        item("pinField").text = "2468";
        item("pinAgainField").text = "2468";
        press("continueButton");
        // Kiosk lands on the welcome page; staff go home with the PIN.
        item("welcomePage");
        window.showHome();
        const result = item("fetchResult").text;
        verify(result.indexOf("refused") >= 0 && result.indexOf("not signed") >= 0, result);
        compare(Surveys.count, 0);
        verify(item("noSurveys").visible);
    }
}
