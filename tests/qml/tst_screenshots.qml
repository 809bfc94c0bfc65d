// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Test
import Chorus.Ui

// Pictures for docs/screenshots: the date question with an error, a repeat instance, and the
// event screen after positioning failed, each at 100 % and 200 % text. Skipped unless
// CHORUS_SCREENSHOT_DIR is set; from build/tests/qml:
//   CHORUS_SCREENSHOT_DIR=$PWD/../../../docs/screenshots xvfb-run -a env QT_QPA_PLATFORM=xcb \
//       ./tst_qml -input ../../../tests/qml/tst_screenshots.qml
TestCase {
    id: test

    name: "Screenshots"
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
    function startSurvey(window) {
        tap(item(window, "startButton"));
        tap(item(window, "purpose_consultation"));
        tap(item(window, "continueButton"));
        tryCompare(Session, "pageNumber", 1);
    }
    // Scrolls so that `target` is in view, as a respondent would, then grabs the window.
    function shoot(window, file, target) {
        // Layout first: scrolling is clamped to the content height of the moment.
        settle(window.contentItem);
        wait(50);
        settle(window.contentItem);
        if (target) {
            for (let p = target.parent; p; p = p.parent) {
                if (p.contentY !== undefined && p.contentHeight !== undefined) {
                    const top = target.mapToItem(p.contentItem, 0, 0).y;
                    p.contentY = Math.max(0, Math.min(top - 20, p.contentHeight - p.height));
                    break;
                }
            }
        }
        settle(window.contentItem);
        wait(50);
        settle(window.contentItem);
        const image = grabImage(window.contentItem.parent);
        image.save(TestSurvey.screenshotDir() + "/" + file);
    }
    function init() {
        if (TestSurvey.screenshotDir().length === 0)
            skip("CHORUS_SCREENSHOT_DIR is not set");
    }

    function test_screens_data() {
        return [{tag: "100", scale: 100}, {tag: "200", scale: 200}];
    }
    function test_screens(data) {
        Theme.textScale = data.scale;
        let window = openMain("dates-repeats.chorus.json");
        startSurvey(window);
        type(item(window, "dateDay"), "31");
        type(item(window, "dateMonth"), "2");
        type(item(window, "dateYear"), "2023");
        tap(item(window, "continueButton"));
        tryVerify(() => item(window, "dateProblem").visible);
        shoot(window, "date-" + data.tag + ".png", data.scale > 100 ? item(window, "dateProblem") : null);
        type(item(window, "dateDay"), "28");
        tap(item(window, "continueButton"));
        tryCompare(Session, "pageNumber", 2);
        type(item(window, "dateYear"), "1984");
        tap(item(window, "continueButton"));
        tryCompare(Session, "pageNumber", 3);
        type(item(window, "answerField"), "Ann");
        tap(item(window, "addRepeat_household"));
        tryCompare(item(window, "questionCaption"), "text", "Person 2");
        tap(item(window, "removeRepeat"));
        shoot(window, "repeat-" + data.tag + ".png", data.scale > 100 ? item(window, "questionCaption") : null);
        window.destroy();
        Session.wipe();

        Session.mode = "handheld";
        window = openMain("event-wards.chorus.json");
        tap(item(window, "eventButton"));
        type(item(window, "eventNameField"), "Library open day");
        tap(item(window, "locateButton"));
        tryVerify(() => OutreachEvent.state === "manual", 5000);
        tap(item(window, "ward_TEST0001"));
        shoot(window, "event-" + data.tag + ".png", item(window, "eventNameField"));
    }

    Component {
        id: mainComponent

        Main {
            height: 768
            width: 1024
        }
    }
}
