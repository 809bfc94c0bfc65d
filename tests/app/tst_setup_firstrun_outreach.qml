// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// First run, as an operator would do it: passphrase, enrollment, mode, then home with the
// surveys the device fetched. Mistakes on the way are explained on screen.
SetupTestCase {
    name: "FirstRunOutreach"

    function test_firstRun_passphraseThenBundleThenModeLandsOnHome() {
        openMain("firstRun");
        item("setupPassphrasePage");
        compare(item("passphraseField").text, "", "no pre-filled secret");

        // Two different passphrases: said so, nothing created.
        item("passphraseField").text = "a long enough passphrase";
        item("passphraseAgainField").text = "another long passphrase";
        press("continueButton");
        tryVerify(() => Vault.error.indexOf("different") >= 0);
        verify(!Vault.exists);

        // Too short: the strength hint says so before Continue, the error after.
        item("passphraseField").text = "short";
        item("passphraseAgainField").text = "short";
        verify(item("passphraseStrength").text.indexOf("Too short") >= 0);
        press("continueButton");
        tryVerify(() => Vault.error.indexOf("Too short") >= 0);

        item("passphraseField").text = TestDevice.passphrase();
        verify(item("passphraseStrength").text.indexOf("Strong") >= 0);
        item("passphraseAgainField").text = TestDevice.passphrase();
        press("continueButton");

        // Enrollment: a forged file is refused with the reason, the real one accepted.
        item("setupBundlePage");
        verify(Vault.exists && Vault.unlocked);
        verify(TestDevice.settingValue("vault.wrappedKey").length > 0, "the wrapped key is persisted");
        press("bundleFromFile");
        item("bundleFileField").text = TestDevice.forgedBundlePath();
        press("continueButton");
        tryVerify(() => Device.error.indexOf("signature does not match") >= 0);
        compare(Device.step, "bundle");
        item("bundleFileField").text = TestDevice.bundlePath();
        press("continueButton");

        // The operator checks who they are about to trust.
        item("setupConfirmPage");
        compare(item("confirmCouncil").Accessible.name, "Council: Test Borough Council");
        compare(item("confirmFingerprint").Accessible.name, "Council key fingerprint: 7K3M-Q9XA-2B4D-HJ8P");
        verify(item("confirmEndpoint").Accessible.name.indexOf("https://collect.test-borough.example") >= 0);
        press("continueButton");

        // Mode: mismatched kiosk PINs are refused and cleared; outreach needs a name.
        tryVerify(() => Device.step === "mode", 3000, "step " + Device.step + " error " + Device.error);
        item("setupModePage");
        press("modeKiosk");
        item("pinField").text = "2468";
        item("pinAgainField").text = "1357";
        press("continueButton");
        tryVerify(() => Device.error.indexOf("different") >= 0);
        compare(item("pinField").text, "", "a refused PIN is not kept on screen");
        press("modeOutreach");
        press("continueButton");
        tryVerify(() => Device.error.indexOf("name") >= 0);
        item("operatorField").text = "Sam Jones";
        press("continueButton");

        // Home: the fetched survey, trusted because it verifies against the enrolled key.
        item("homePage");
        compare(Device.stage, "ready");
        compare(Session.mode, "assisted");
        compare(Session.operatorId, "Sam Jones");
        compare(item("homeHeading").text, "Test Borough Council");
        compare(item("fetchResult").text, "1 new or updated survey installed.");
        const card = item("survey_kiosk-flow-test");
        verify(card.Accessible.name.indexOf("Library test survey") >= 0);
        verify(visibleFind(card, "surveyCounts").text.indexOf("0 sent") >= 0);
        press("start_kiosk-flow-test");
        tryVerify(() => Session.hasSurvey);
        compare(TestDevice.settingValue("device.mode"), "outreach");
    }
}
