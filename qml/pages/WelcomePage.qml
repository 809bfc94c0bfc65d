// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chorus.Ui

// The first screen a resident sees: choose a language, text size and contrast, read how long
// the screen waits, then start. The choices apply at once, so the page itself changes as you pick.
FocusScope {
    id: root

    property string surveyTitle: qsTr("Have your say")

    signal startRequested
    signal staffRequested

    Flickable {
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
            y: Theme.spacingL

            Text {
                Accessible.name: text
                Accessible.role: Accessible.Heading
                Layout.fillWidth: true
                color: Theme.text
                font.bold: true
                font.pixelSize: Theme.titleSize
                objectName: "welcomeTitle"
                text: root.surveyTitle
                horizontalAlignment: Text.AlignLeft
                wrapMode: Text.Wrap
            }
            SettingGroup {
                objectName: "languageGroup"
                title: qsTr("Language")

                Repeater {
                    model: Language.languages

                    delegate: ChoiceOption {
                        required property var modelData

                        checked: Language.language === modelData.code
                        objectName: "language_" + modelData.code
                        text: modelData.name

                        onCheckedChanged: if (checked)
                            Language.setLanguage(modelData.code)
                    }
                }
            }
            SettingGroup {
                objectName: "textSizeGroup"
                title: qsTr("Text size")

                Repeater {
                    model: [
                        {
                            "scale": 100,
                            "name": qsTr("Standard")
                        },
                        {
                            "scale": 150,
                            "name": qsTr("Large")
                        },
                        {
                            "scale": 200,
                            "name": qsTr("Largest")
                        }
                    ]

                    delegate: ChoiceOption {
                        required property var modelData

                        checked: Theme.textScale === modelData.scale
                        objectName: "textSize_" + modelData.scale
                        text: modelData.name

                        onCheckedChanged: if (checked)
                            Theme.textScale = modelData.scale
                    }
                }
            }
            SettingGroup {
                objectName: "contrastGroup"
                title: qsTr("Colours")

                ChoiceOption {
                    checked: Theme.highContrast
                    hint: qsTr("Light text on a black background")
                    multiple: true
                    objectName: "highContrastOption"
                    text: qsTr("High contrast")

                    onCheckedChanged: Theme.highContrast = checked
                }
            }
            Text {
                Accessible.name: text
                Accessible.role: Accessible.StaticText
                Layout.fillWidth: true
                color: Theme.text
                font.pixelSize: Theme.bodySize
                objectName: "timeoutStatement"
                text: Idle.switchedOff ? qsTr("A member of staff is with you, so this screen will not clear itself.") : qsTr("For your privacy, if nobody touches the screen for %n second(s), it asks if you need more time, then clears your answers.", "", Idle.idleTimeoutSeconds)
                horizontalAlignment: Text.AlignLeft
                wrapMode: Text.Wrap
            }
            PrimaryButton {
                objectName: "startButton"
                text: qsTr("Start now")

                onClicked: root.startRequested()
            }
            LinkButton {
                Layout.topMargin: Theme.spacingL
                description: qsTr("For staff: leave this screen")
                objectName: "staffButton"
                text: qsTr("Staff")
                textColor: Theme.secondaryText

                onClicked: root.staffRequested()
            }
        }
    }
}
