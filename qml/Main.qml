// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chorus.Ui

// The window: a header with the Help button in the same place on every screen, the page stack,
// and the overlays (idle warning, help, staff PIN). When the idle warning runs out, or a
// respondent finishes, everything they chose is reset and the welcome screen returns.
ApplicationWindow {
    id: window

    // For main()'s --page and for tests: open a page by name over the welcome screen.
    function openPage(name) {
        if (name === "sample")
            stack.push(sampleQuestion);
        else if (name === "notice" && Session.hasSurvey) {
            Session.begin(Language.language);
            stack.push(noticePage);
        } else if (name === "question" && Session.hasSurvey) {
            Session.begin(Language.language);
            stack.push(surveyQuestion);
        }
    }
    function begin() {
        if (!Session.hasSurvey) {
            stack.push(sampleQuestion);
            return;
        }
        Session.begin(Session.languages.some(l => l.code === Language.language) ? Language.language : "");
        stack.push(noticePage);
    }
    function submit() {
        if (!Session.submit()) {
            stack.currentItem.showErrors([
                    {
                        "message": qsTr("Your answers could not be saved: %1. Ask a member of staff.").arg(Session.lastError()),
                        "target": null
                    }
                ]);
            return;
        }
        // Nothing before the receipt stays reachable.
        stack.clear();
        stack.push(receiptPage);
    }
    // An interrupted interview was reopened (Session.resume): back to the page it was left on.
    function showResumed() {
        stack.clear();
        stack.push(surveyQuestion);
        if (Session.atReview)
            stack.push(reviewPage);
    }
    // Leaves the previous respondent's screens for good: the stack is emptied (the pages are
    // destroyed, not hidden) and the session forgets the answers, so Back cannot reach them.
    function startOver() {
        help.close();
        staffPin.close();
        Session.wipe();
        Theme.resetToDefaults();
        Language.setLanguage("en");
        stack.clear();
        stack.push(welcomePage);
    }
    // The screen for where the device is in its life (DeviceSetup.stage): setup, unlock, or
    // collecting. A kiosk goes full screen on its welcome page once unlocked.
    function showStage() {
        help.close();
        staffPin.close();
        if (Device.stage === "ready") {
            if (Session.mode === "kiosk") {
                window.showFullScreen();
                window.startOver();
            } else {
                window.showHome();
            }
            return;
        }
        stack.clear();
        stack.push(window.stageComponent());
    }
    function stageComponent() {
        if (Device.stage === "unlock")
            return unlockPage;
        if (Device.stage === "setup")
            return {
                "passphrase": setupPassphrasePage,
                "bundle": setupBundlePage,
                "confirm": setupConfirmPage,
                "mode": setupModePage,
                "fetching": setupFetchPage
            }[Device.step];
        return Session.mode === "kiosk" ? welcomePage : homePage;
    }
    // Staff and outreach workers: the operator's screen, never reachable by a respondent
    // without the PIN in kiosk mode.
    function showHome() {
        Session.wipe();
        Theme.resetToDefaults();
        stack.clear();
        stack.push(homePage);
    }

    color: Theme.background
    height: 768
    objectName: "mainWindow"
    title: qsTr("Chorus")
    visible: true
    width: 1024

    header: Rectangle {
        LayoutMirroring.childrenInherit: true
        LayoutMirroring.enabled: Language.rightToLeft
        color: Theme.text
        implicitHeight: headerRow.implicitHeight + 2 * Theme.spacingS

        RowLayout {
            id: headerRow

            anchors.fill: parent
            anchors.leftMargin: Theme.spacingM
            anchors.margins: Theme.spacingS
            anchors.rightMargin: Theme.spacingM
            spacing: Theme.spacingM

            Text {
                Accessible.ignored: true
                Layout.fillWidth: true
                color: Theme.background
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignLeft
                font.bold: true
                font.pixelSize: Theme.bodySize * 1.2
                text: qsTr("Chorus")
            }
            HelpButton {
                onClicked: help.open()
            }
        }
        Rectangle {
            anchors.bottom: parent.bottom
            color: Theme.primary
            height: 4
            width: parent.width
        }
    }

    // The idle timeout guards a respondent's answers (and their receipt code) on screen.
    Binding {
        property: "enabled"
        target: Idle
        // On the welcome screen too once someone changed its settings, so the next person
        // does not inherit 200 % text or another language.
        value: Session.active || Session.submitted || (stack.currentItem !== null && stack.currentItem.objectName === "sampleQuestionPage") || (Session.mode === "kiosk" && (!Theme.atDefaults || Language.language !== "en"))
    }
    Connections {
        function onExpired() {
            window.startOver();
        }

        target: Idle
    }
    Item {
        LayoutMirroring.childrenInherit: true
        LayoutMirroring.enabled: Language.rightToLeft
        anchors.fill: parent

        StackView {
            id: stack

            anchors.fill: parent
            initialItem: window.stageComponent()
            objectName: "pageStack"
            popEnter: null
            popExit: null
            pushEnter: null
            pushExit: null
            replaceEnter: null
            replaceExit: null

            onCurrentItemChanged: if (currentItem)
                currentItem.forceActiveFocus()
        }
    }
    Connections {
        function onStageChanged() {
            window.showStage();
        }

        target: Device
    }
    Component {
        id: unlockPage

        UnlockPage {
        }
    }
    Component {
        id: setupPassphrasePage

        SetupPassphrasePage {
        }
    }
    Component {
        id: setupBundlePage

        SetupBundlePage {
        }
    }
    Component {
        id: setupConfirmPage

        SetupConfirmPage {
        }
    }
    Component {
        id: setupModePage

        SetupModePage {
        }
    }
    Component {
        id: setupFetchPage

        SetupFetchPage {
        }
    }
    Component {
        id: welcomePage

        WelcomePage {
            objectName: "welcomePage"

            // Kiosk: staff only, with the PIN. Elsewhere the operator is holding the device.
            onStaffRequested: Session.mode === "kiosk" ? staffPin.open() : window.showHome()
            onStartRequested: window.begin()
        }
    }
    Component {
        id: sampleQuestion

        SampleQuestionPage {
            objectName: "sampleQuestionPage"

            onBackRequested: stack.pop()
        }
    }
    Component {
        id: homePage

        HomePage {
            objectName: "homePage"

            onCloseRequested: Qt.quit()
            onRecordsRequested: stack.push(recordsPage)
            onResumed: window.showResumed()
            onStartRequested: window.startOver()
        }
    }
    Component {
        id: recordsPage

        RecordsPage {
            onBackRequested: stack.pop()
        }
    }
    Component {
        id: noticePage

        NoticePage {
            objectName: "noticePage"

            onBackRequested: window.startOver()
            onConsented: stack.push(surveyQuestion)
        }
    }
    Component {
        id: surveyQuestion

        SurveyQuestionPage {
            onLeftFirstPage: stack.pop()
        }
    }
    Component {
        id: reviewPage

        ReviewPage {
            onBackRequested: {
                Session.previous();
                stack.pop();
            }
            onChangeRequested: path => {
                if (Session.change(path))
                    stack.pop();
            }
            onSubmitRequested: window.submit()
        }
    }
    Component {
        id: receiptPage

        ReceiptPage {
            onContinueRequested: {
                Session.wipe();
                stack.clear();
                stack.push(privacyPage);
            }
        }
    }
    Component {
        id: privacyPage

        PrivacyPage {
            onContinueRequested: window.startOver()
        }
    }
    Connections {
        function onPageChanged() {
            if (Session.active && Session.atReview && stack.currentItem && stack.currentItem.objectName === "surveyQuestionPage")
                stack.push(reviewPage);
        }

        target: Session
    }
    StillThereOverlay {
        parent: Overlay.overlay
    }
    HelpDialog {
        id: help

    }
    StaffPinDialog {
        id: staffPin

        onUnlocked: window.showHome()
    }
}
