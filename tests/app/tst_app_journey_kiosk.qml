// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// A library kiosk: set up with a staff PIN, three residents answer in turn, then staff unlock
// it and sync. (tst_app_journey_outreach.qml sends the other two to the same receiver.)
JourneyTestCase {
    name: "JourneyKiosk"

    function test_kioskDevice_threeRespondentsThenSync_everyRecordAccepted() {
        setUp("journeyKiosk", () => {
                press("modeKiosk");
                item("pinField").text = "2468";
                item("pinAgainField").text = "2468";
                press("continueButton");
            });
        compare(Session.mode, "kiosk");
        item("welcomePage");
        for (let person = 0; person < 3; ++person)
            respond(person);

        // Staff leave the kiosk with the PIN, to the operator's screen.
        press("staffButton");
        anywhere("staffPinField").text = "2468";
        mouseClick(anywhere("staffUnlockButton"));
        syncAndCheck(3);
        compare(TestDevice.receivedCount(), TestDevice.journeyResponses());
        if (TestDevice.journeyDevices() === 2)
            compare(TestDevice.receivedCount(), 5, "three from the kiosk and two from outreach");
    }
}
