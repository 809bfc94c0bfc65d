// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Chorus.Ui

// A titled set of radio options; `value` is the chosen option's value. `choices` is a list of
// {value, text, hint}.
SettingGroup {
    id: root

    property var choices: []
    property string value: ""

    Repeater {
        model: root.choices

        delegate: ChoiceOption {
            required property var modelData

            checked: root.value === modelData.value
            hint: modelData.hint || ""
            objectName: root.objectName + "_" + modelData.value
            text: modelData.text

            onCheckedChanged: if (checked)
                root.value = modelData.value
        }
    }
}
