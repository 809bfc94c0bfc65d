// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Chorus.Ui

// The options of a single, multiple or rating question, then "or" and "Prefer not to say" when
// the question offers it. Built once per page from `page` (a snapshot), so choosing an option
// never rebuilds the list and keyboard focus stays where it is.
Column {
    id: root

    required property var page
    readonly property bool multiple: page.type === "multiple"

    function firstOption() {
        return options.count > 0 ? options.itemAt(0) : preferNot;
    }

    spacing: Theme.spacingS
    width: parent ? parent.width : implicitWidth

    Repeater {
        id: options

        model: root.page.choices

        delegate: Column {
            id: row

            required property var modelData
            property alias option: option

            spacing: Theme.spacingS
            width: root.width

            ChoiceOption {
                id: option

                checked: row.modelData.selected
                multiple: root.multiple
                objectName: "choice_" + row.modelData.code
                text: row.modelData.label

                onCheckedChanged: {
                    if (checked && preferNot.checked)
                        preferNot.checked = false;
                    Session.setChoice(row.modelData.code, checked, writeIn.text);
                }
            }
            TextAnswer {
                id: writeIn

                label: qsTr("Please describe (optional)")
                objectName: "writeIn_" + row.modelData.code
                text: row.modelData.selected ? root.page.writeIn : ""
                visible: row.modelData.writeIn && option.checked

                onTextChanged: if (option.checked)
                    Session.setChoice(row.modelData.code, true, text)
            }
        }
    }
    OrDivider {
        visible: root.page.offersPreferNotToSay && options.count > 0
    }
    ChoiceOption {
        id: preferNot

        checked: root.page.state === "prefer_not_to_say"
        multiple: root.multiple
        objectName: "preferNotToSay"
        text: qsTr("Prefer not to say")
        visible: root.page.offersPreferNotToSay

        onCheckedChanged: {
            if (checked && root.multiple) {
                for (let i = 0; i < options.count; ++i)
                    options.itemAt(i).option.checked = false;
            }
            Session.setPreferNotToSay(checked);
        }
    }
}
