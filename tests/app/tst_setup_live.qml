// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// First run against a real chorus-receiver on 127.0.0.1: a bundle made by `chorusctl enroll`'s
// code, the survey fetched and verified against the enrolled key, home ready to collect.
SetupTestCase {
    name: "LiveFirstRun"

    function test_liveFirstRun_enrolsFetchesAndShowsTheSurvey() {
        openMain("liveFirstRun");
        item("passphraseField").text = TestDevice.passphrase();
        item("passphraseAgainField").text = TestDevice.passphrase();
        press("continueButton");
        press("bundleFromFile");
        item("bundleFileField").text = TestDevice.liveBundlePath();
        press("continueButton");
        compare(item("confirmCouncil").Accessible.name, "Council: Test Borough Council");
        compare(item("confirmFingerprint").Accessible.name, "Council key fingerprint: " + TestDevice.liveFingerprint());
        press("continueButton");
        press("modeOutreach");
        item("operatorField").text = "Sam Jones";
        press("continueButton");
        item("homePage");
        const card = item("survey_libraries_consultation_2026");
        verify(card.Accessible.name.indexOf("Libraries and community hubs: have your say") >= 0, card.Accessible.name);
        compare(item("fetchResult").text, "1 new or updated survey installed.");
        // A second check finds nothing new.
        press("checkSurveysButton");
        tryVerify(() => item("fetchResult").text.indexOf("already up to date") >= 0, 10000, item("fetchResult").text);
        verify(TestDevice.settingValue("enrollment.sealedBundle").indexOf("library-tablet-1") < 0, "the bundle is sealed");
    }
}
