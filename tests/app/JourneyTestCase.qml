// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// Issue 8's "done when", one device per file against the journey receiver the fixture shares:
// first-run setup, respondents answering the demo survey through to their receipt, then the
// operator's Sync now and the records screen.
SetupTestCase {
    id: journey

    readonly property string surveyId: "libraries_consultation_2026"

    // Anywhere in the window, popups included (the staff PIN dialog is not on the page).
    function anywhere(name) {
        let found = null;
        tryVerify(() => (found = visibleFind(window.contentItem.parent, name)) !== null, 5000, "no visible item named " + name);
        return found;
    }
    // Passphrase, the bundle `chorusctl enroll` wrote, the council check, then the mode.
    function setUp(scenario, chooseMode) {
        openMain(scenario);
        item("passphraseField").text = TestDevice.passphrase();
        item("passphraseAgainField").text = TestDevice.passphrase();
        press("continueButton");
        press("bundleFromFile");
        item("bundleFileField").text = TestDevice.liveBundlePath();
        press("continueButton");
        compare(item("confirmFingerprint").Accessible.name, "Council key fingerprint: " + TestDevice.liveFingerprint());
        press("continueButton");
        chooseMode();
        tryCompare(Device, "stage", "ready", 20000);
        tryVerify(() => Session.hasSurvey, 10000, "the fetched survey is open for respondents");
    }
    // Continue on the current question page and wait for the next one (or check your answers).
    function next() {
        const before = Session.pagePath;
        press("continueButton");
        tryVerify(() => Session.atReview || Session.pagePath !== before, 5000, "stuck on " + before + ": " + errors());
        // Let the previous question's options go before looking for the next one's.
        window.contentItem.update();
        waitForRendering(window.contentItem);
    }
    // Taps an answer and checks it took.
    function choose(name) {
        const target = item(name);
        verify(!target.checked, name + " is already selected before the tap");
        press(name);
        tryVerify(() => target.checked, 2000, name + " is not selected");
    }
    function errors() {
        const summary = visibleFind(window.contentItem, "errorSummaryHeading");
        if (!summary)
            return "no error summary";
        const texts = [];
        for (let i = 0; i < summary.parent.children.length; ++i)
            texts.push(summary.parent.children[i].text || "");
        return texts.join(" | ");
    }
    // One respondent from the welcome screen to the next welcome screen. `variant` varies the
    // answers so the records differ.
    function respond(variant) {
        press("startButton");
        item("noticePage");
        press("purpose_consultation");
        press("purpose_equality_monitoring");
        press("continueButton");
        tryVerify(() => Session.active && Session.pageNumber >= 1);
        for (let pages = 0; !Session.atReview; ++pages) {
            verify(pages < 40, "the survey never reached check your answers");
            const path = Session.pagePath;
            if (path.endsWith("uses_library"))
                choose(variant % 2 === 0 ? "choice_yes" : "choice_no");
            else if (path.endsWith("libraries_used"))
                choose("choice_central");
            else if (path.endsWith("satisfaction"))
                choose("choice_4");
            // The third person gives both agreement questions the same answer: the second must
            // start unticked (it once showed the first one's tick without recording it).
            else if (path.endsWith("agree_evening_hours"))
                choose("choice_" + (3 + variant % 3));
            else if (path.endsWith("agree_hubs"))
                choose("choice_5");
            else if (path.indexOf("sex") >= 0 || path.indexOf("ethnicity") >= 0)
                choose("preferNotToSay");
            next();
        }
        item("reviewPage");
        verify(item("reviewAnswer_uses_library").text.length > 0);
        press("continueButton"); // Send my answers
        item("receiptPage");
        verify(item("receiptCode").text.length >= 8, "a receipt code: " + item("receiptCode").text);
        verify(!Session.active, "the answers are gone from memory once sealed");
        press("continueButton"); // Finish
        item("privacyPage");
        press("continueButton"); // next person
        item("welcomePage");
    }
    // Sync now from home, then every record on the records screen says accepted.
    function syncAndCheck(expected) {
        item("homePage");
        press("syncButton");
        tryCompare(item("lastSyncResult"), "text", expected + " responses sent.", 60000);
        press("recordsButton");
        item("recordsPage");
        compare(Records.count, expected);
        tryVerify(() => {
                const rows = [];
                collect(window.contentItem.parent, rows);
                return rows.length === expected;
            }, 5000, "one row per response");
        const rows = [];
        collect(window.contentItem.parent, rows);
        for (const row of rows) {
            compare(row.recordState, "accepted", row.objectName);
            verify(row.Accessible.name.indexOf("Sent") >= 0, row.Accessible.name);
        }
        compare(Records.counts.accepted, expected);
    }
    function collect(node, rows) {
        if (!node || node.visible === false)
            return;
        if (node.objectName.startsWith("record_"))
            rows.push(node);
        const kids = node.children || [];
        for (let i = 0; i < kids.length; ++i)
            collect(kids[i], rows);
    }
}
