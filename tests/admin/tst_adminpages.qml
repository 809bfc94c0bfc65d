// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Chorus.Ui
import Chorus.Admin
import Chorus.AdminTest

// The admin pages driven as an officer would: choose the workspace, create the keys, export,
// build the report, each by typing and pressing buttons found by objectName.
TestCase {
    id: test

    name: "AdminPages"
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
    function type(window, name, text) {
        const input = item(window, name);
        input.text = text;
    }
    function press(window, name) {
        const button = item(window, name);
        verify(button.enabled, name + " is enabled");
        // The page scrolls; a click below the fold would miss, so press it as assistive
        // technology does.
        button.clicked();
    }
    function outcomeText(window) {
        let text = "";
        tryVerify(() => {
                const outcome = visibleFind(window.contentItem.parent, "jobOutcomeText");
                return outcome !== null && (text = outcome.text).length > 0;
            }, 60000, "the task finished");
        return text;
    }

    function test_1_workspace_keys_export_report() {
        const window = createTemporaryObject(mainComponent, test);
        tryVerify(() => window.visible);

        // A folder that cannot be created is refused with a message on the page.
        type(window, "workspaceFolderInput", "");
        press(window, "workspaceOpen");
        verify(item(window, "errorSummaryHeading").visible);

        type(window, "workspaceFolderInput", TestData.workspace);
        press(window, "workspaceOpen");
        verify(Workspace.isOpen);

        // Keys: mismatched entries are refused; matching ones create the keys.
        type(window, "keysPassphrase", TestData.passphrase);
        type(window, "keysPassphraseAgain", "something else entirely");
        press(window, "keysCreate");
        verify(outcomeText(window).indexOf("different") >= 0);
        type(window, "keysPassphrase", TestData.passphrase);
        type(window, "keysPassphraseAgain", TestData.passphrase);
        press(window, "keysCreate");
        tryVerify(() => AdminKeys.hasKeys, 60000);
        verify(item(window, "signingFingerprint").text.indexOf(AdminKeys.signingFingerprint) >= 0);

        TestData.sealResponses(6, 2);

        press(window, "nav_export");
        item(window, "exportFormat_csv").activate();
        compare(AdminExport.format, "csv");
        type(window, "exportPassphrase", TestData.passphrase);
        press(window, "exportStart");
        const exported = outcomeText(window);
        verify(exported.indexOf("5 response(s) exported") >= 0, exported);
        verify(item(window, "exportFailures").visible);
        verify(item(window, "exportOpenFolder").visible);

        press(window, "nav_report");
        verify(AdminReport.censusFile.length > 0, "the workspace's census file is offered");
        type(window, "reportPassphrase", TestData.passphrase);
        press(window, "reportStart");
        const reported = outcomeText(window);
        verify(reported.indexOf("Report written from 5 response(s)") >= 0, reported);
        verify(item(window, "reportOpen").visible);
    }

    function test_2_export_wrongPassphrase_isShownOnThePage() {
        const window = createTemporaryObject(mainComponent, test);
        window.openPage("export");
        type(window, "exportPassphrase", "not the passphrase");
        press(window, "exportStart");
        verify(outcomeText(window).indexOf("wrong passphrase") >= 0);
        verify(item(window, "jobOutcome").Accessible.name === "There is a problem");
    }

    function test_3_surveys_newFromTemplate_isCheckedAndListed() {
        const window = createTemporaryObject(mainComponent, test);
        window.openPage("surveys");
        type(window, "surveyFileName", "from-the-page");
        press(window, "surveyCreate");
        tryVerify(() => AdminSurveys.selected.indexOf("from-the-page.chorus.json") >= 0);
        verify(item(window, "surveyDescription").text.indexOf("no problems found") >= 0);
        verify(item(window, "survey_from-the-page.chorus.json").checked);
        compare(item(window, "surveySigned").text, "Not signed yet (or changed since it was signed).");
        verify(!item(window, "surveyPublishButton").enabled, "publishing waits for the signature");
    }

    function test_4_devices_withoutReceiver_saysWhatIsMissing() {
        const window = createTemporaryObject(mainComponent, test);
        window.openPage("devices");
        Workspace.endpoint = "";
        type(window, "deviceName", "tablet-07");
        type(window, "devicePassphrase", TestData.passphrase);
        press(window, "deviceEnrollButton");
        verify(outcomeText(window).indexOf("receiver's address") >= 0);
        type(window, "deviceName", "bad name!");
        press(window, "deviceEnrollButton");
        verify(outcomeText(window).indexOf("device name") >= 0);
    }

    // Keyboard users open a tab with Enter as well as Space; tabs are heard as page tabs.
    function test_5_tabs_enterOpensTheFocusedTab() {
        const window = createTemporaryObject(mainComponent, test);
        window.requestActivate();
        tryVerify(() => window.active);
        const tab = item(window, "nav_report");
        tab.forceActiveFocus(Qt.TabFocusReason);
        keyClick(Qt.Key_Return);
        tryCompare(window, "currentPage", "report");
        item(window, "nav_export").forceActiveFocus(Qt.TabFocusReason);
        keyClick(Qt.Key_Enter);
        tryCompare(window, "currentPage", "export");
    }

    Component {
        id: mainComponent

        AdminMain {
            height: 700
            width: 900
        }
    }
}
