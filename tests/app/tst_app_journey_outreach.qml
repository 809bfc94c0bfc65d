// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// An outreach worker's tablet: set up with their name, two residents answer, then Sync now.
// With tst_app_journey_kiosk.qml (same receiver) the receiver then holds exactly five.
JourneyTestCase {
    name: "JourneyOutreach"

    function test_outreachDevice_twoRespondentsThenSync_everyRecordAccepted() {
        setUp("journeyOutreach", () => {
                press("modeOutreach");
                item("operatorField").text = "Sam Jones";
                press("continueButton");
            });
        compare(Session.mode, "assisted");
        compare(Session.operatorId, "Sam Jones");
        item("homePage");
        press("start_" + surveyId);
        item("welcomePage");
        for (let person = 0; person < 2; ++person)
            respond(person);

        press("staffButton"); // the operator holds the device: straight back to home
        syncAndCheck(2);
        compare(TestDevice.receivedCount(), TestDevice.journeyResponses());
        if (TestDevice.journeyDevices() === 2)
            compare(TestDevice.receivedCount(), 5, "three from the kiosk and two from outreach");
    }
}
