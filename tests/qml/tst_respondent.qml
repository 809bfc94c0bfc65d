// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Test
import Chorus.Ui

// The welcome screen and kiosk behaviour, driven by taps and keys.
TestCase {
    id: test

    function openMain() {
        const window = createTemporaryObject(mainComponent, test);
        verify(window);
        window.requestActivate();
        tryVerify(() => window.active);
        settle(window.contentItem);
        return window;
    }
    // By objectName through the visual tree, which reaches Repeater delegates, stacked pages and popups.
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
        return deepFind(window.contentItem.parent, name) || findChild(window, name);
    }
    // Taps an item the way a person would: scroll it into view first (pages are long at 200 %).
    // Lets pending layout (polish) and one frame happen: ask for a frame, then wait for it.
    function settle(item) {
        item.Window.window.update();
        waitForRendering(item.Window.window.contentItem);
    }
    function tap(target, x, y) {
        settle(target);
        for (let p = target.parent; p; p = p.parent) {
            if (p.contentY !== undefined && p.contentHeight !== undefined) {
                const top = target.mapToItem(p.contentItem, 0, 0).y;
                p.contentY = Math.max(0, Math.min(top - 20, p.contentHeight - p.height));
                break;
            }
        }
        settle(target);
        mouseClick(target, x === undefined ? target.width / 2 : x, y === undefined ? target.height / 2 : y);
    }
    function item(window, name) {
        const found = lookup(window, name);
        verify(found, "no item named " + name);
        return found;
    }

    name: "Respondent"
    when: windowShown

    function cleanup() {
        Language.setLanguage("en");
        Theme.resetToDefaults();
        Idle.switchedOff = false;
    }

    function test_languageSwitch_retranslatesWithoutRestart() {
        const window = openMain();
        const start = item(window, "startButton");
        compare(start.text, "Start now");
        tap(item(window, "language_cy"));
        compare(Language.language, "cy");
        compare(start.text, "Dechrau nawr");
        tap(item(window, "language_en"));
        compare(start.text, "Start now");
    }

    function test_rightToLeftLanguage_mirrorsTheLayout() {
        const window = openMain();
        const start = item(window, "startButton");
        const leftToRightX = start.mapToItem(null, 0, 0).x;
        verify(leftToRightX < window.width / 2);
        tap(item(window, "language_ar"));
        verify(Language.rightToLeft);
        settle(window.contentItem);
        const mirroredX = start.mapToItem(null, 0, 0).x + start.width;
        verify(mirroredX > window.width / 2, "the start button stays on the left in a right-to-left language");
    }

    function test_wholeRowOfAnOption_isTheTarget() {
        const window = openMain();
        const option = item(window, "textSize_200");
        tap(option, option.width - 5, option.height / 2);
        verify(option.checked);
        compare(Theme.textScale, 200);
    }

    function test_largestText_needsNoSidewaysScrolling() {
        const window = openMain();
        tap(item(window, "textSize_200"));
        settle(window.contentItem);
        const start = item(window, "startButton");
        verify(start.mapToItem(null, start.width, 0).x <= window.width);
        verify(start.height >= 48);
        const option = item(window, "highContrastOption");
        verify(option.mapToItem(null, option.width, 0).x <= window.width);
    }

    function test_welcomeScreen_statesTheTimeout() {
        const window = openMain();
        verify(item(window, "timeoutStatement").text.indexOf("30 seconds") >= 0);
        Idle.switchedOff = true;
        verify(item(window, "timeoutStatement").text.indexOf("will not clear") >= 0);
    }

    function test_idleWarning_countsDownAndAnyTapExtends() {
        const window = openMain();
        tap(item(window, "startButton"));
        const poster = item(window, "option_poster");
        tap(poster);
        verify(poster.checked);
        verify(Idle.enabled);
        const overlay = item(window, "stillThereOverlay");
        verify(!overlay.visible);

        TestClock.advance(30000);
        tryVerify(() => overlay.opened);
        compare(item(window, "countdownNumber").text, "20");
        TestClock.advance(5000);
        compare(item(window, "countdownNumber").text, "15");
        tap(item(window, "moreTimeButton"));
        tryVerify(() => !overlay.visible);
        compare(Idle.extensions, 1);
        verify(poster.checked, "extending keeps the answers");

        TestClock.advance(30000);
        tryVerify(() => overlay.opened);
        keyClick(Qt.Key_Space); // any key counts as "more time"
        tryVerify(() => !overlay.visible);
        compare(Idle.extensions, 2);
    }

    function test_idleWarningRunsOut_wipesAnswersAndReturnsToWelcome() {
        const window = openMain();
        tap(item(window, "textSize_150"));
        tap(item(window, "startButton"));
        tap(item(window, "option_newsletter"));
        TestClock.advance(30000);
        TestClock.advance(20000);
        tryVerify(() => lookup(window, "welcomePage") !== null);
        tryVerify(() => lookup(window, "sampleQuestionPage") === null, 5000,
                  "the previous respondent's page is destroyed, not hidden");
        compare(lookup(window, "option_newsletter"), null);
        compare(Theme.textScale, 100, "the next person starts with the defaults");
        verify(!item(window, "stillThereOverlay").visible);
        verify(!Idle.enabled, "nothing to protect on the welcome screen");
    }

    function test_welcomeSettingsLeftChanged_areResetAfterTheTimeout() {
        const window = openMain();
        tap(item(window, "textSize_200"));
        verify(Idle.enabled, "a changed welcome screen is guarded too");
        TestClock.advance(Idle.idleTimeoutSeconds * 1000);
        TestClock.advance(Idle.warningSeconds * 1000);
        tryCompare(Theme, "textScale", 100);
        verify(!Idle.enabled);
    }

    function test_errorSummary_linkMovesFocusToTheField() {
        const window = openMain();
        tap(item(window, "startButton"));
        tap(item(window, "continueButton"));
        const heading = item(window, "errorSummaryHeading");
        tryVerify(() => heading.visible && heading.activeFocus);
        const poster = item(window, "option_poster");
        const summary = heading.parent;
        let linkButton = null;
        for (let i = 0; i < summary.children.length; ++i)
            if (summary.children[i].text && summary.children[i].text.indexOf("Select how") === 0)
                linkButton = summary.children[i];
        verify(linkButton);
        tap(linkButton);
        verify(poster.activeFocus);
    }

    function test_preferNotToSay_clearsOtherOptions() {
        const window = openMain();
        tap(item(window, "startButton"));
        tap(item(window, "option_poster"));
        tap(item(window, "option_preferNotToSay"));
        verify(!item(window, "option_poster").checked);
    }

    function test_staffPin_wrongPinShowsError_rightPinUnlocks() {
        const window = openMain();
        tap(item(window, "staffButton"));
        const dialog = item(window, "staffPinDialog");
        tryVerify(() => dialog.opened);
        const field = item(window, "staffPinField");
        tryVerify(() => field.activeFocus);
        keyClick(Qt.Key_1); keyClick(Qt.Key_1); keyClick(Qt.Key_1); keyClick(Qt.Key_1);
        tap(item(window, "staffUnlockButton"));
        verify(StaffLock.lastError.length > 0);
        compare(field.text, "", "a wrong PIN is cleared, never kept");
        const unlocked = signalSpy.createObject(test, {target: StaffLock, signalName: "unlocked"});
        keyClick(Qt.Key_2); keyClick(Qt.Key_4); keyClick(Qt.Key_6); keyClick(Qt.Key_8);
        // Unlocking quits the app; here only the signal is checked.
        StaffLock.unlock("2468");
        compare(unlocked.count, 1);
    }

    Component {
        id: mainComponent

        Main {
            width: 800
            height: 600
        }
    }
    Component {
        id: signalSpy

        SignalSpy {
        }
    }
}
