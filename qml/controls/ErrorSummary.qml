// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
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

    Layout.fillWidth: true
    border.color: Theme.error
    border.width: 2 * Theme.borderWidth
    color: Theme.background
    implicitHeight: column.implicitHeight + 2 * Theme.spacingM
    visible: errors.length > 0

    ColumnLayout {
        id: column

        anchors.fill: parent
        anchors.margins: Theme.spacingM
        spacing: Theme.spacingS

        Text {
            id: summaryHeading

            Accessible.description: root.errors.map(e => e.message).join(". ")
            Accessible.name: text
            Accessible.role: Accessible.Heading
            Layout.fillWidth: true
            activeFocusOnTab: true
            color: Theme.text
            font.bold: true
            font.pixelSize: Theme.headingSize * 0.75
            objectName: "errorSummaryHeading"
            text: qsTr("There is a problem")
            horizontalAlignment: Text.AlignLeft
            wrapMode: Text.Wrap
        }
        Repeater {
            model: root.errors

            delegate: LinkButton {
                required property var modelData

                Layout.fillWidth: true
                font.bold: true
                text: modelData.message
                textColor: Theme.error

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
