// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Chorus.Ui

// The first screen a resident sees: choose a language, text size and contrast, read how long
// the screen waits, then start. The choices apply at once, so the page itself changes as you pick.
FocusScope {
    id: root

    // The respondent's language: the survey's texts follow it, the app's own words too where
    // there is a translation.
    property string chosenLanguage: Language.language
    property string surveyTitle: Session.hasSurvey ? Session.title : qsTr("Have your say")

    signal startRequested
    signal staffRequested

    PageFlickable {
        anchors.fill: parent
        contentHeight: column.height + 2 * Theme.spacingL

        Column {
            id: column

            spacing: Theme.spacingM
            width: Math.min(root.width - 2 * Theme.spacingM, Theme.maxContentWidth)
            x: Math.max(Theme.spacingM, (root.width - width) / 2)
            y: Theme.spacingL

            Text {
                Accessible.name: text
                Accessible.role: Accessible.Heading
                width: parent.width
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
                visible: (Session.hasSurvey ? Session.languages.length : Language.languages.length) > 1

                Repeater {
                    // The survey's languages when one is loaded (the app's own words fall back
                    // to English where they have no translation), else the app's.
                    model: Session.hasSurvey ? Session.languages : Language.languages

                    delegate: ChoiceOption {
                        required property var modelData

                        checked: root.chosenLanguage === modelData.code
                        objectName: "language_" + modelData.code
                        text: modelData.name

                        onCheckedChanged: if (checked && root.chosenLanguage !== modelData.code) {
                            root.chosenLanguage = modelData.code;
                            if (!Language.setLanguage(modelData.code))
                                Language.setLanguage("en");
                            Session.setLanguage(modelData.code);
                        }
                    }
                }
            }
            LookSettings {
            }
            Text {
                Accessible.name: text
                Accessible.role: Accessible.StaticText
                width: parent.width
                color: Theme.text
                font.pixelSize: Theme.bodySize
                objectName: "timeoutStatement"
                text: Idle.switchedOff ? qsTr("A member of staff is with you, so this screen will not clear itself.") : qsTr("For your privacy, if nobody touches the screen for %n second(s), it asks if you need more time, then clears your answers.", "", Idle.idleTimeoutSeconds)
                horizontalAlignment: Text.AlignLeft
                wrapMode: Text.Wrap
            }
            PrimaryButton {
                // Buttons sit at the start edge, which a right-to-left language mirrors.
                anchors.left: parent.left
                objectName: "startButton"
                text: qsTr("Start now")

                onClicked: root.startRequested()
            }
            Item {
                height: Theme.spacingM
                width: 1
            }
            LinkButton {
                description: qsTr("For staff: leave this screen")
                // Buttons sit at the start edge, which a right-to-left language mirrors.
                anchors.left: parent.left
                objectName: "staffButton"
                text: qsTr("Staff")
                textColor: Theme.secondaryText

                onClicked: root.staffRequested()
            }
        }
    }
}
