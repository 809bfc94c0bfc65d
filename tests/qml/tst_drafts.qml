// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Test
import Chorus.Ui

// Drafts, dates and repeats on screen: an interview interrupted by a crash is resumed from the
// operator's list where it was left; idle expiry deletes the draft; the GOV.UK date boxes say
// which part is wrong; repeat instances are added and removed (after a confirmation).
TestCase {
    id: test

    name: "DraftsDatesRepeats"
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
    function startSurvey(window) {
        tap(item(window, "startButton"));
        tap(item(window, "purpose_consultation"));
        tap(item(window, "continueButton"));
        tryCompare(Session, "pageNumber", 1);
    }

    function test_resumeAfterCrash_returnsToTheSamePageWithEveryAnswer() {
        let window = openMain();
        startSurvey(window);
        tap(item(window, "choice_monthly"));
        tap(item(window, "continueButton"));
        tryCompare(Session, "pageNumber", 2);
        tap(item(window, "choice_books"));
        tap(item(window, "continueButton"));
        tryCompare(Session, "pageNumber", 3);
        compare(TestSurvey.draftCount(), 1);

        TestSurvey.simulateCrash();
        window.destroy();
        verify(!Session.active);
        compare(TestSurvey.draftCount(), 1, "the crash left the last autosave");

        // The operator's screen after the restart lists it without any answer in it.
        Session.mode = "handheld";
        window = createTemporaryObject(mainComponent, test);
        window.requestActivate();
        item(window, "homePage");
        const list = item(window, "draftList");
        verify(list.visible);
        tap(item(window, "resumeDraft0"));
        tryVerify(() => Session.active);
        tryCompare(Session, "pageNumber", 3);
        tap(item(window, "backButton"));
        tryCompare(Session, "pageNumber", 2);
        verify(item(window, "choice_books").checked, "the answer came back");
        tap(item(window, "continueButton"));
        while (!Session.atReview) {
            tap(item(window, "continueButton"));
            wait(0);
        }
        tryVerify(() => item(window, "reviewPage") !== null);
        tap(item(window, "continueButton")); // Send my answers
        tryCompare(item(window, "receiptCode"), "text", "K7Q2-M9XD");
        compare(TestSurvey.submittedValue(0, "frequency"), "monthly");
        verify(TestSurvey.consented(0, "consultation"), "consent came back with the draft");
        compare(TestSurvey.draftCount(), 0, "a finished interview leaves no draft");
    }

    function test_discardDraft_asksFirstThenDeletes() {
        let window = openMain();
        startSurvey(window);
        tap(item(window, "choice_weekly"));
        tap(item(window, "continueButton"));
        tryCompare(Session, "pageNumber", 2);
        TestSurvey.simulateCrash();
        window.destroy();
        Session.mode = "handheld";
        window = createTemporaryObject(mainComponent, test);
        window.requestActivate();
        tap(item(window, "discardDraft0"));
        compare(TestSurvey.draftCount(), 1, "nothing is deleted before the confirmation");
        tap(item(window, "confirmDiscard0"));
        compare(TestSurvey.draftCount(), 0);
        tryVerify(() => !lookup(window, "draftList").visible);
    }

    function test_idleExpiry_deletesTheDraft() {
        const window = openMain();
        startSurvey(window);
        tap(item(window, "choice_rarely"));
        tap(item(window, "continueButton"));
        tryCompare(Session, "pageNumber", 2);
        compare(TestSurvey.draftCount(), 1);
        TestClock.advance(Idle.idleTimeoutSeconds * 1000);
        TestClock.advance(Idle.warningSeconds * 1000);
        item(window, "welcomePage");
        compare(TestSurvey.draftCount(), 0, "the next person cannot resume the last one's answers");
    }

    function test_dateBoxes_namePartThatIsWrong_andRepeatsAddAndRemove() {
        const window = openMain("dates-repeats.chorus.json");
        startSurvey(window);
        verify(item(window, "dateDay").visible);
        type(item(window, "dateDay"), "31");
        type(item(window, "dateMonth"), "2");
        type(item(window, "dateYear"), "2023");
        tap(item(window, "continueButton"));
        tryVerify(() => item(window, "errorSummaryHeading").visible);
        verify(item(window, "dateProblem").text.indexOf("real date") >= 0);
        compare(Session.pageNumber, 1);
        type(item(window, "dateDay"), "28");
        tap(item(window, "continueButton"));
        tryCompare(Session, "pageNumber", 2);

        // Year only: one box.
        verify(!lookup(window, "dateDay").visible);
        type(item(window, "dateYear"), "84");
        tap(item(window, "continueButton"));
        tryVerify(() => item(window, "dateProblem").text.indexOf("4 numbers") >= 0);
        type(item(window, "dateYear"), "1984");
        tap(item(window, "continueButton"));
        tryCompare(Session, "pageNumber", 3);

        // Repeat: Person 1 (the minimum, no Remove), add Person 2, remove it after confirming.
        compare(item(window, "questionCaption").text, "Person 1");
        verify(!lookup(window, "removeRepeat").visible);
        type(item(window, "answerField"), "Ann");
        tap(item(window, "addRepeat_household"));
        tryCompare(item(window, "questionCaption"), "text", "Person 2");
        type(item(window, "answerField"), "Bob");
        tap(item(window, "removeRepeat"));
        verify(item(window, "removeRepeatQuestion").visible);
        tap(item(window, "cancelRemoveRepeat"));
        compare(item(window, "questionCaption").text, "Person 2", "No keeps it");
        tap(item(window, "removeRepeat"));
        tap(item(window, "confirmRemoveRepeat"));
        tryCompare(item(window, "questionCaption"), "text", "Person 1");
        tap(item(window, "continueButton"));
        tap(item(window, "continueButton"));
        tryVerify(() => Session.atReview);
        tap(item(window, "continueButton"));
        tryCompare(item(window, "receiptCode"), "text", "K7Q2-M9XD");
        compare(TestSurvey.submittedValue(0, "visit_date"), "2023-02-28");
        compare(TestSurvey.submittedValue(0, "birth_year"), "1984");
        compare(TestSurvey.submittedValue(0, "household[1]/first_name"), "Ann");
        compare(TestSurvey.submittedState(0, "household[2]/first_name"), "not_asked");
    }

    function test_dateProblems_inWelsh() {
        const window = openMain("dates-repeats.chorus.json");
        tap(item(window, "language_cy"));
        startSurvey(window);
        compare(Session.setDateParts("", "3", "2007"), "Rhaid i'r dyddiad gynnwys diwrnod");
        compare(Session.inputProblemField(), "day");
    }

    Component {
        id: mainComponent

        Main {
            height: 700
            width: 900
        }
    }
}
