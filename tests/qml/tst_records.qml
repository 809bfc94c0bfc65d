// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui

// The operator's screens: counts on home, and every record with why it was not sent.
TestCase {
    id: test

    name: "Records"
    when: windowShown

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
        tryVerify(() => (found = visibleFind(window.contentItem.parent, name)) !== null, 3000, "no visible item named " + name);
        return found;
    }

    function test_recordsScreen_showsEachStateAndTheFailureReason() {
        const window = createTemporaryObject(mainComponent, test);
        window.requestActivate();
        tryVerify(() => window.active);
        window.showHome();
        compare(item(window, "homeCounts").text, "1 sent. 1 waiting to send.");
        mouseClick(item(window, "recordsButton"));
        const failed = item(window, "record_uuid:00000000-0000-4000-8000-0000000000b2");
        verify(failed.Accessible.name.indexOf("Not sent yet") >= 0);
        verify(failed.Accessible.description.indexOf("HTTP 400: the server could not read this survey version") >= 0);
        verify(failed.Accessible.description.indexOf("administrator") >= 0, "says what to do");
        const reason = visibleFind(failed, "recordReason");
        compare(reason.text, "HTTP 400: the server could not read this survey version");
        const sent = item(window, "record_uuid:00000000-0000-4000-8000-0000000000a1");
        verify(sent.Accessible.name.indexOf("Sent") >= 0);
    }

    function test_syncNow_withoutEnrolment_saysSoInsteadOfSpinning() {
        const window = createTemporaryObject(mainComponent, test);
        window.showHome();
        let requested = 0;
        const onRequested = () => {
            ++requested;
            Records.setSyncResult("This device is not set up to send responses yet.");
        };
        Records.syncRequested.connect(onRequested);
        mouseClick(item(window, "syncButton"));
        Records.syncRequested.disconnect(onRequested);
        compare(requested, 1);
        tryCompare(item(window, "lastSyncResult"), "text", "This device is not set up to send responses yet.");
        verify(!Records.syncing);
    }

    Component {
        id: mainComponent

        Main {
            height: 700
            width: 900
        }
    }
}
