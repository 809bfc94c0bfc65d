// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// After a sync that went wrong: home counts the response as not sent, and the records screen
// says why and what to do.
SetupTestCase {
    name: "SyncFailed"

    function test_syncScreen_showsTheFailureReasonAndWhatToDo() {
        openMain("syncFailed");
        item("unlockField").text = TestDevice.passphrase();
        press("continueButton");
        const card = item("survey_kiosk-flow-test");
        verify(visibleFind(card, "surveyCounts").text.indexOf("1 not sent") >= 0, visibleFind(card, "surveyCounts").text);
        press("recordsButton");
        const record = item("record_uuid:00000000-0000-4000-8000-0000000000c3");
        compare(visibleFind(record, "recordReason").text, "HTTP 401: the receiver does not know this device token");
        verify(record.Accessible.description.indexOf("HTTP 401") >= 0);
        verify(record.Accessible.description.length > "HTTP 401: the receiver does not know this device token".length, "and what to do");
    }
}
