// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// Home on an enrolled device: only packages that verify against the enrolled key can start.
SetupTestCase {
    name: "Home"

    function test_home_tamperedPackage_isRefusedWithTheReasonAndCannotStart() {
        openMain("tampered");
        item("unlockField").text = TestDevice.passphrase();
        press("continueButton");
        item("homePage");
        const card = item("survey_kiosk-flow-test");
        const problem = visibleFind(card, "surveyProblem");
        verify(problem !== null);
        verify(problem.text.indexOf("not signed by this device's council signing key") >= 0, problem.text);
        verify(card.Accessible.description.indexOf("Do not use it") >= 0);
        compare(visibleFind(card, "start_kiosk-flow-test"), null, "no way to start it");
        verify(!Surveys.choose("kiosk-flow-test"));
        verify(!Session.hasSurvey);
    }
}
