// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.SetupTest

// Shared helpers for the setup suites: find visible items by objectName, press buttons.
// openMain() builds a fresh device; the QML singletons of one engine (one file) keep the first
// device they saw, so each file holds one test that calls it once.
TestCase {
    id: test

    property var window: null

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
    // Searches the page on top of the stack (a cleared page may linger until deleted) and then
    // the window.
    function item(name) {
        let found = null;
        const search = () => {
            const stack = visibleFind(window.contentItem, "pageStack");
            const page = stack ? stack.currentItem : null;
            if (page && page.objectName === name)
                return page;
            return (page ? visibleFind(page, name) : null) || (page ? null : visibleFind(window.contentItem.parent, name));
        };
        tryVerify(() => (found = search()) !== null, 5000, "no visible item named " + name);
        return found;
    }
    // Scrolls the page so the item is on screen, as a person would before tapping it.
    function scrollIntoView(target) {
        for (let p = target.parent; p; p = p.parent) {
            if (p.contentY !== undefined && p.flickableDirection !== undefined) {
                const pos = target.mapToItem(p.contentItem, 0, 0);
                p.contentY = Math.max(0, Math.min(pos.y - 20, p.contentHeight - p.height));
                return;
            }
        }
    }
    function press(name) {
        const target = item(name);
        scrollIntoView(target);
        tryVerify(() => target.enabled, 5000, name + " stays disabled");
        mouseClick(target);
    }
    function openMain(scenario) {
        TestDevice.prepare(scenario);
        window = createTemporaryObject(mainComponent, test);
        window.requestActivate();
        tryVerify(() => window.active);
    }

    when: windowShown

    Component {
        id: mainComponent

        Main {
            height: 720
            width: 900
        }
    }
}
