// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// "There is a problem", at the top of the page, with a link to each field that needs attention.
// `errors` is a list of {message, target}; pressing a link moves focus to its target. When it
// appears it takes focus, which is how a screen reader hears it on Qt 6.4 (no announce()).
Rectangle {
    id: root

    property var errors: []

    function takeFocus() {
        summaryHeading.forceActiveFocus(Qt.OtherFocusReason);
    }

    border.color: Theme.error
    border.width: 2 * Theme.borderWidth
    color: Theme.background
    height: visible ? column.height + 2 * Theme.spacingM : 0
    visible: errors.length > 0
    width: parent ? parent.width : implicitWidth

    Column {
        id: column

        spacing: Theme.spacingS
        width: parent.width - 2 * Theme.spacingM
        x: Theme.spacingM
        y: Theme.spacingM

        Text {
            id: summaryHeading

            Accessible.description: root.errors.map(e => e.message).join(". ")
            Accessible.name: text
            Accessible.role: Accessible.Heading
            activeFocusOnTab: true
            color: Theme.text
            font.bold: true
            font.pixelSize: Theme.headingSize * 0.75
            horizontalAlignment: Text.AlignLeft
            objectName: "errorSummaryHeading"
            text: qsTr("There is a problem")
            width: parent.width
            wrapMode: Text.Wrap
        }
        Repeater {
            model: root.errors

            delegate: LinkButton {
                required property var modelData

                font.bold: true
                text: modelData.message
                textColor: Theme.error
                width: parent.width

                onClicked: {
                    if (modelData.target && modelData.target.focusInput)
                        modelData.target.focusInput();
                    else if (modelData.target)
                        modelData.target.forceActiveFocus(Qt.TabFocusReason);
                }
            }
        }
    }
}
