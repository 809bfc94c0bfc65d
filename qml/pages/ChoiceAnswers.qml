// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// qmllint disable unqualified
// (Qt 6.4 cannot load bound components through a Loader, so the option components below reach
// `row` and `root` unbound.)
// The options of a single, multiple or rating question, then "or" and "Prefer not to say" when
// the question offers it. Built once per page from `page` (a snapshot), so choosing an option
// never rebuilds the list and keyboard focus stays where it is.
Column {
    id: root

    required property var page
    readonly property bool multiple: page.type === "multiple"

    readonly property var preferNot: preferNotLoader.item

    function choosePreferNot(checked) {
        if (checked && root.multiple) {
            for (let i = 0; i < options.count; ++i)
                options.itemAt(i).option.checked = false;
        }
        Session.setPreferNotToSay(checked);
    }
    function firstOption() {
        return options.count > 0 ? options.itemAt(0).option : preferNot;
    }

    spacing: Theme.spacingS
    width: parent ? parent.width : implicitWidth

    Repeater {
        id: options

        model: root.page.choices

        delegate: Column {
            id: row

            required property var modelData
            // The option itself: a radio button for one answer, a check box for any number.
            readonly property var option: optionLoader.item

            function choose(checked) {
                if (checked && root.preferNot && root.preferNot.checked)
                    root.preferNot.checked = false;
                Session.setChoice(row.modelData.code, checked, writeIn.text);
            }

            spacing: Theme.spacingS
            width: root.width

            Loader {
                id: optionLoader

                sourceComponent: root.multiple ? checkOption : radioOption
                width: parent.width
            }
            Component {
                id: radioOption

                ChoiceOption {
                    ButtonGroup.group: singleAnswer
                    checked: row.modelData.selected
                    objectName: "choice_" + row.modelData.code
                    text: row.modelData.label

                    onCheckedChanged: row.choose(checked)
                }
            }
            Component {
                id: checkOption

                CheckOption {
                    checked: row.modelData.selected
                    objectName: "choice_" + row.modelData.code
                    text: row.modelData.label

                    onCheckedChanged: row.choose(checked)
                }
            }
            TextAnswer {
                id: writeIn

                label: qsTr("Please describe (optional)")
                objectName: "writeIn_" + row.modelData.code
                text: row.modelData.selected ? root.page.writeIn : ""
                visible: row.modelData.writeIn && row.option && row.option.checked

                onTextChanged: if (row.option && row.option.checked)
                    Session.setChoice(row.modelData.code, true, text)
            }
        }
    }
    // One answer: choosing an option clears the others, wherever their rows sit.
    ButtonGroup {
        id: singleAnswer

        exclusive: true
    }
    OrDivider {
        visible: root.page.offersPreferNotToSay && options.count > 0
    }
    Loader {
        id: preferNotLoader

        sourceComponent: root.multiple ? preferNotCheck : preferNotRadio
        visible: root.page.offersPreferNotToSay
        width: parent.width
    }
    Component {
        id: preferNotRadio

        ChoiceOption {
            ButtonGroup.group: singleAnswer
            checked: root.page.state === "prefer_not_to_say"
            objectName: "preferNotToSay"
            text: qsTr("Prefer not to say")

            onCheckedChanged: root.choosePreferNot(checked)
        }
    }
    Component {
        id: preferNotCheck

        CheckOption {
            checked: root.page.state === "prefer_not_to_say"
            objectName: "preferNotToSay"
            text: qsTr("Prefer not to say")

            onCheckedChanged: root.choosePreferNot(checked)
        }
    }
}
