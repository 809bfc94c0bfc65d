// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// One question per page, the GOV.UK way: Back, the error summary, the question as the heading,
// its hint, the answer controls (labelled as one group) and a Continue button at the bottom.
// Scrolls vertically only, so 200 % text never needs sideways scrolling.
FocusScope {
    id: root

    property bool canGoBack: true
    default property alias content: answers.data
    // Above the heading: which repeat instance the question is about ("Person 2").
    property string caption: ""
    property string continueText: qsTr("Continue")
    property var errors: []
    property string heading: ""
    property string hint: ""
    property string progressText: ""

    signal backRequested
    signal continueRequested

    StackView.onActivated: announce()

    // Moves focus to the heading, so a screen reader reads the new question: the page is reused
    // from question to question, and focus used to stay on the container or a hidden error heading.
    function announce() {
        flick.contentY = 0;
        heading.forceActiveFocus(Qt.OtherFocusReason);
    }
    function showErrors(list) {
        errors = list;
        if (list.length > 0) {
            flick.contentY = 0;
            summary.takeFocus();
        }
    }

    PageFlickable {
        id: flick

        anchors.fill: parent
        contentHeight: column.height + 2 * Theme.spacingL

        Column {
            id: column

            spacing: Theme.spacingM
            width: Math.min(root.width - 2 * Theme.spacingM, Theme.maxContentWidth)
            x: Math.max(Theme.spacingM, (root.width - width) / 2)
            y: Theme.spacingM

            LinkButton {
                // Buttons sit at the start edge, which a right-to-left language mirrors.
                anchors.left: parent.left
                objectName: "backButton"
                text: qsTr("Back")
                textColor: Theme.text
                visible: root.canGoBack

                onClicked: root.backRequested()
            }
            ErrorSummary {
                id: summary

                errors: root.errors
            }
            Text {
                Accessible.ignored: true
                width: parent.width
                color: Theme.secondaryText
                font.pixelSize: Theme.hintSize
                text: root.progressText
                visible: text.length > 0
                horizontalAlignment: Text.AlignLeft
                wrapMode: Text.Wrap
            }
            Text {
                Accessible.name: text
                Accessible.role: Accessible.StaticText
                width: parent.width
                color: Theme.text
                font.pixelSize: Theme.bodySize
                objectName: "questionCaption"
                text: root.caption
                visible: text.length > 0
                horizontalAlignment: Text.AlignLeft
                wrapMode: Text.Wrap
            }
            Text {
                id: heading

                Accessible.name: text
                Accessible.role: Accessible.Heading
                width: parent.width
                color: Theme.text
                focus: true
                font.bold: true
                font.pixelSize: Theme.headingSize
                objectName: "questionHeading"
                text: root.heading
                horizontalAlignment: Text.AlignLeft
                wrapMode: Text.Wrap
            }
            Text {
                Accessible.ignored: true
                width: parent.width
                color: Theme.secondaryText
                font.pixelSize: Theme.hintSize
                text: root.hint
                visible: text.length > 0
                horizontalAlignment: Text.AlignLeft
                wrapMode: Text.Wrap
            }
            Column {
                id: answers

                Accessible.description: root.hint
                Accessible.name: root.heading
                Accessible.role: Accessible.Grouping
                spacing: Theme.spacingS
                width: parent.width
            }
            Item {
                height: Theme.spacingS
                width: 1
            }
            PrimaryButton {
                // Buttons sit at the start edge, which a right-to-left language mirrors.
                anchors.left: parent.left
                objectName: "continueButton"
                text: root.continueText

                onClicked: root.continueRequested()
            }
        }
    }
}
