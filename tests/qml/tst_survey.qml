// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Test
import Chorus.Ui

// A respondent's whole journey through a real survey package, in kiosk mode: consent, every
// question type, check your answers with a change, submit, receipt, privacy screen, and the
// next respondent starting clean.
TestCase {
    id: test

    name: "Survey"
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
    function openMain() {
        verify(TestSurvey.load());
        TestSurvey.clear();
        const window = createTemporaryObject(mainComponent, test);
        window.requestActivate();
        tryVerify(() => window.active);
        settle(window.contentItem);
        return window;
    }
    function cleanup() {
        Session.wipe();
        TestSurvey.unload();
        Language.setLanguage("en");
        Theme.resetToDefaults();
    }

    function test_fullJourney_inKiosk_submitsEveryAnswerStateAndClearsForNextPerson() {
        const window = openMain();
        compare(item(window, "welcomeTitle").text, "Library test survey");
        tap(item(window, "startButton"));

        // Consent: nothing ticked, and Continue without a tick explains why.
        const purpose = item(window, "purpose_consultation");
        verify(!purpose.checked);
        tap(item(window, "continueButton"));
        tryVerify(() => item(window, "errorSummaryHeading").activeFocus);
        tap(purpose);
        tap(item(window, "continueButton"));

        // Single choice, required: Continue without an answer shows the engine's message.
        tryCompare(Session, "pageNumber", 1);
        tap(item(window, "continueButton"));
        tryVerify(() => item(window, "errorSummaryHeading").visible);
        tap(item(window, "choice_monthly"));
        tap(item(window, "continueButton"));

        // Multiple choice with a write-in.
        tryCompare(Session, "pageNumber", 2);
        tap(item(window, "choice_books"));
        tap(item(window, "choice_other"));
        const writeIn = item(window, "writeIn_other");
        writeIn.focusInput();
        keyClick(Qt.Key_M); keyClick(Qt.Key_A); keyClick(Qt.Key_P); keyClick(Qt.Key_S);
        tap(item(window, "continueButton"));

        // A note, then a ranking by taps.
        tryCompare(Session, "pageNumber", 3);
        tap(item(window, "continueButton"));
        tryCompare(Session, "pageNumber", 4);
        tap(item(window, "moveUp_weekends"));
        tap(item(window, "continueButton"));

        // Year of birth: Prefer not to say.
        tryCompare(Session, "pageNumber", 5);
        tap(item(window, "preferNotToSay"));
        tap(item(window, "continueButton"));

        // Free text, skipped.
        tryCompare(Session, "pageNumber", 6);
        tap(item(window, "continueButton"));

        // Check your answers, change one, come straight back.
        tryVerify(() => Session.atReview);
        compare(item(window, "reviewAnswer_frequency").text, "Every month");
        compare(item(window, "reviewAnswer_birth_year").text, "Prefer not to say");
        tap(item(window, "change_frequency"));
        tryCompare(Session, "pageNumber", 1);
        verify(item(window, "choice_monthly").checked, "the earlier answer is still there");
        tap(item(window, "choice_weekly"));
        tap(item(window, "continueButton"));
        tryVerify(() => Session.atReview);
        tryCompare(item(window, "reviewAnswer_frequency"), "text", "Every week");
        compare(item(window, "reviewAnswer_reasons").text, "To borrow books, Something else: maps");

        tap(item(window, "continueButton")); // Send my answers
        tryCompare(item(window, "receiptCode"), "text", "K7Q2-M9XD");
        compare(TestSurvey.submittedCount(), 1);
        compare(TestSurvey.submittedValue(0, "frequency"), "weekly");
        compare(TestSurvey.submittedValue(0, "reasons"), "books other");
        compare(TestSurvey.submittedWriteIn(0, "reasons"), "maps");
        compare(TestSurvey.submittedValue(0, "priorities"), "weekends evenings mornings");
        compare(TestSurvey.submittedState(0, "birth_year"), "prefer_not_to_say");
        compare(TestSurvey.submittedState(0, "comments"), "not_answered");
        verify(TestSurvey.consented(0, "consultation"));
        verify(!TestSurvey.consented(0, "equality_monitoring"));
        verify(!Session.active, "the answers are gone from memory once sealed");

        tap(item(window, "continueButton")); // Finish
        item(window, "privacyPage");
        compare(lookup(window, "pageStack").depth, 1, "no way back to the receipt or the answers");
        tap(item(window, "continueButton")); // next person
        item(window, "welcomePage");
        tap(item(window, "startButton"));
        verify(!item(window, "purpose_consultation").checked, "the next person starts unticked");
    }

    function test_surveyLanguage_followsTheRespondentsChoice() {
        const window = openMain();
        tap(item(window, "language_cy"));
        compare(item(window, "welcomeTitle").text, "Arolwg prawf y llyfrgell");
        compare(item(window, "startButton").text, "Dechrau nawr");
        tap(item(window, "startButton"));
        tap(item(window, "purpose_consultation"));
        tap(item(window, "continueButton"));
        tryCompare(Session, "pageNumber", 1);
        compare(heading(window), "Pa mor aml ydych chi’n ymweld â’r llyfrgell?");
    }

    function test_idleExpiryMidSurvey_wipesTheDraftAnswers() {
        const window = openMain();
        tap(item(window, "startButton"));
        tap(item(window, "purpose_consultation"));
        tap(item(window, "continueButton"));
        tap(item(window, "choice_rarely"));
        verify(Session.active);
        TestClock.advance(Idle.idleTimeoutSeconds * 1000);
        TestClock.advance(Idle.warningSeconds * 1000);
        item(window, "welcomePage");
        verify(!Session.active);
        compare(TestSurvey.submittedCount(), 0, "nothing half-finished is sent");
        tap(item(window, "startButton"));
        tap(item(window, "purpose_consultation"));
        tap(item(window, "continueButton"));
        tryCompare(Session, "pageNumber", 1);
        verify(!item(window, "choice_rarely").checked, "the previous respondent's answer is gone");
    }

    Component {
        id: mainComponent

        Main {
            height: 700
            width: 900
        }
    }
}
