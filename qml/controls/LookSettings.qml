// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Chorus.Ui

// Text size and colours: on the welcome screen for the respondent (reset for the next one), and
// on the operator's home with `asDefault`, where the choice becomes the device's look that
// every later screen and respondent starts from (as --text-scale and --high-contrast do).
Column {
    id: root

    property bool asDefault: false

    spacing: Theme.spacingM
    width: parent ? parent.width : implicitWidth

    SettingGroup {
        objectName: "textSizeGroup"
        title: qsTr("Text size")

        Repeater {
            // Plain numbers, names looked up in the delegate: a language switch then
            // re-translates the labels without recreating the options (focus stays put).
            model: [100, 150, 200]

            delegate: ChoiceOption {
                required property int modelData

                checked: Theme.textScale === modelData
                objectName: "textSize_" + modelData
                text: modelData === 100 ? qsTr("Standard") : modelData === 150 ? qsTr("Large") : qsTr("Largest")

                onCheckedChanged: {
                    if (!checked)
                        return;
                    Theme.textScale = modelData;
                    if (root.asDefault)
                        Theme.keepAsDefaults();
                }
            }
        }
    }
    SettingGroup {
        objectName: "contrastGroup"
        title: qsTr("Colours")

        CheckOption {
            checked: Theme.highContrast
            hint: qsTr("Light text on a black background")
            objectName: "highContrastOption"
            text: qsTr("High contrast")

            onCheckedChanged: {
                Theme.highContrast = checked;
                if (root.asDefault)
                    Theme.keepAsDefaults();
            }
        }
    }
}
