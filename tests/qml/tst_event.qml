// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Test
import Chorus.Ui

// The event screen with an NMEA replay for the GPS: a good fix names the ward; no fix in time
// explains why and offers the ward list; without a ward the event does not start; a response
// collected during the event carries its name and ward.
TestCase {
    id: test

    name: "Event"
    when: windowShown

    function deepFind(node, name) {
        if (!node)
            return null;
        if (node.objectName === name)
            return node;
        const kids = node.children || [];
        for (let i = 0; i < kids.length; ++i) {
            const found = deepFind(kids[i], name);
            if (found)
                return found;
        }
        return null;
    }
    function lookup(window, name) {
        return deepFind(window.contentItem.parent, name);
    }
    // Like deepFind, but only through visible items: pages below the current one are hidden.
    function visibleFind(node, name) {
        if (!node || node.visible === false)
            return null;
        if (node.objectName === name)
            return node;
        const kids = node.children || [];
        for (let i = 0; i < kids.length; ++i) {
            const found = visibleFind(kids[i], name);
            if (found)
                return found;
        }
        return null;
    }
    function item(window, name) {
        let found = null;
        tryVerify(() => {
                found = visibleFind(window.contentItem.parent, name);
                return found !== null;
            }, 3000, "no visible item named " + name);
        return found;
    }
    function settle(target) {
        target.Window.window.update();
        waitForRendering(target.Window.window.contentItem);
    }
    function tap(target) {
        settle(target);
        for (let p = target.parent; p; p = p.parent) {
            if (p.contentY !== undefined && p.contentHeight !== undefined) {
                const top = target.mapToItem(p.contentItem, 0, 0).y;
                p.contentY = Math.max(0, Math.min(top - 20, p.contentHeight - p.height));
                break;
            }
        }
        settle(target);
        mouseClick(target);
    }
    function heading(window) {
        const page = lookup(window, "pageStack").currentItem;
        return page.heading;
    }
    function openMain(file) {
        verify(TestSurvey.load(file || "kiosk-flow.chorus.json"));
        TestSurvey.clear();
        const window = createTemporaryObject(mainComponent, test);
        window.requestActivate();
        tryVerify(() => window.active);
        settle(window.contentItem);
        return window;
    }
    function cleanup() {
        OutreachEvent.end();
        TestSurvey.setNmea("");
        Session.wipe();
        Session.mode = "kiosk";
        TestSurvey.unload();
        Language.setLanguage("en");
        Theme.resetToDefaults();
    }
    function type(field, text) {
        tap(field);
        field.forceActiveFocus();
        field.selectAll();
        keyClick(Qt.Key_Backspace);
        for (const c of text)
            keyClick(c);
    }
    function openEventPage() {
        Session.mode = "handheld";
        const window = openMain("event-wards.chorus.json");
        item(window, "homePage");
        tap(item(window, "eventButton"));
        item(window, "eventPage");
        return window;
    }

    function test_locationFix_findsTheWard_thenTheEventRuns() {
        TestSurvey.setNmea("riverside-fix.nmea");
        const window = openEventPage();
        type(item(window, "eventNameField"), "Market day");
        tap(item(window, "locateButton"));
        verify(item(window, "locatingText").visible);
        tryVerify(() => OutreachEvent.state === "located", 10000);
        compare(item(window, "eventWardText").text, "Ward: Riverside (test)");
        tap(item(window, "continueButton")); // Start the event
        item(window, "homePage");
        compare(item(window, "eventSummary").text, "Event: Market day, Riverside (test)");
        compare(Session.active, false);
    }

    function test_noFixInTime_explainsAndOffersTheWardList() {
        TestSurvey.setNmea("no-fix.nmea");
        const window = openEventPage();
        type(item(window, "eventNameField"), "Open day");
        tap(item(window, "locateButton"));
        tryVerify(() => OutreachEvent.state === "manual", 10000);
        verify(item(window, "eventLocationMessage").text.length > 0);
        tap(item(window, "ward_TEST0002"));
        compare(OutreachEvent.wardCode, "TEST0002");
        tap(item(window, "continueButton"));
        item(window, "homePage");
        compare(item(window, "eventSummary").text, "Event: Open day, Hillside (test)");
    }

    function test_withoutAWard_theEventDoesNotStart() {
        const window = openEventPage();
        type(item(window, "eventNameField"), "Open day");
        tap(item(window, "continueButton"));
        tryVerify(() => item(window, "errorSummaryHeading").visible);
        verify(!OutreachEvent.running);
        // No positioning on this "device": the list is one tap away.
        tap(item(window, "chooseWardButton"));
        tap(item(window, "ward_TEST0001"));
        tap(item(window, "continueButton"));
        item(window, "homePage");
        verify(OutreachEvent.running);
    }

    function test_responseDuringTheEvent_carriesNameAndWard() {
        const window = openEventPage();
        type(item(window, "eventNameField"), "Fair");
        tap(item(window, "chooseWardButton"));
        tap(item(window, "ward_TEST0001"));
        tap(item(window, "continueButton"));
        tap(item(window, "homeStartButton"));
        tap(item(window, "startButton"));
        tap(item(window, "purpose_consultation"));
        tap(item(window, "continueButton"));
        tryCompare(Session, "pageNumber", 1);
        tap(item(window, "choice_weekly"));
        while (!Session.atReview) {
            tap(item(window, "continueButton"));
            wait(0);
        }
        tap(item(window, "continueButton"));
        tryCompare(item(window, "receiptCode"), "text", "K7Q2-M9XD");
        compare(TestSurvey.submittedEvent(0), "Fair TEST0001");
    }

    Component {
        id: mainComponent

        Main {
            height: 700
            width: 900
        }
    }
}
