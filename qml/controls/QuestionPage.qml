// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chorus.Ui

// One question per page, the GOV.UK way: Back, the error summary, the question as the heading,
// its hint, the answer controls (labelled as one group) and a Continue button at the bottom.
// Scrolls vertically only, so 200 % text never needs sideways scrolling.
FocusScope {
    id: root

    property bool canGoBack: true
    default property alias content: answers.data
    property string continueText: qsTr("Continue")
    property var errors: []
    property string heading: ""
    property string hint: ""
    property string progressText: ""

    signal backRequested
    signal continueRequested

    function showErrors(list) {
        errors = list;
        if (list.length > 0) {
            flick.contentY = 0;
            summary.takeFocus();
        }
    }

    Flickable {
        id: flick

        anchors.fill: parent
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        contentHeight: column.implicitHeight + 2 * Theme.spacingL
        contentWidth: width

        ScrollBar.vertical: ScrollBar {
            Accessible.name: qsTr("Scroll the page")
        }

        ColumnLayout {
            id: column

            spacing: Theme.spacingM
            width: Math.min(root.width - 2 * Theme.spacingM, Theme.maxContentWidth)
            x: Math.max(Theme.spacingM, (root.width - width) / 2)
            y: Theme.spacingM

            LinkButton {
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
                Layout.fillWidth: true
                color: Theme.secondaryText
                font.pixelSize: Theme.hintSize
                text: root.progressText
                visible: text.length > 0
                horizontalAlignment: Text.AlignLeft
                wrapMode: Text.Wrap
            }
            Text {
                Accessible.name: text
                Accessible.role: Accessible.Heading
                Layout.fillWidth: true
                color: Theme.text
                font.bold: true
                font.pixelSize: Theme.headingSize
                objectName: "questionHeading"
                text: root.heading
                horizontalAlignment: Text.AlignLeft
                wrapMode: Text.Wrap
            }
            Text {
                Accessible.ignored: true
                Layout.fillWidth: true
                color: Theme.secondaryText
                font.pixelSize: Theme.hintSize
                text: root.hint
                visible: text.length > 0
                horizontalAlignment: Text.AlignLeft
                wrapMode: Text.Wrap
            }
            ColumnLayout {
                id: answers

                Accessible.description: root.hint
                Accessible.name: root.heading
                Accessible.role: Accessible.Grouping
                Layout.fillWidth: true
                spacing: Theme.spacingS
            }
            PrimaryButton {
                Layout.topMargin: Theme.spacingM
                objectName: "continueButton"
                text: root.continueText

                onClicked: root.continueRequested()
            }
        }
    }
}
