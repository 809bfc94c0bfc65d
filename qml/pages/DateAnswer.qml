// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Chorus.Ui

// A date the GOV.UK way: Day, Month and Year boxes side by side (a year-only question has just
// the Year box), the error above them naming the part that is wrong and that box outlined in
// red, then "or" and "Prefer not to say" when the question offers it.
Column {
    id: root

    required property var page
    // The message shown after Continue found a problem, "" otherwise.
    property string problem: ""
    readonly property bool yearOnly: page.type === "year"
    readonly property var parts: page.state === "answered" ? String(page.value).split("-") : []

    function firstOption() {
        return yearOnly ? yearBox : dayBox;
    }
    function focusInput() {
        firstOption().focusInput();
    }
    function send() {
        root.problem = "";
        if (preferNot.checked)
            preferNot.checked = false;
        Session.setDateParts(dayBox.text, monthBox.text, yearBox.text);
    }

    spacing: Theme.spacingS
    width: parent ? parent.width : implicitWidth

    Text {
        Accessible.ignored: true
        color: Theme.secondaryText
        font.pixelSize: Theme.hintSize
        horizontalAlignment: Text.AlignLeft
        text: root.yearOnly ? qsTr("For example, 1984") : qsTr("For example, 27 3 2007")
        width: root.width
        wrapMode: Text.Wrap
    }
    Text {
        Accessible.ignored: true
        color: Theme.error
        font.bold: true
        font.pixelSize: Theme.bodySize
        horizontalAlignment: Text.AlignLeft
        objectName: "dateProblem"
        text: root.problem
        visible: text.length > 0
        width: root.width
        wrapMode: Text.Wrap
    }
    Flow {
        spacing: Theme.spacingM
        width: root.width

        DateBox {
            id: dayBox

            field.objectName: "dateDay"
            invalid: root.problem.length > 0 && Session.inputProblemField() === "day"
            label: qsTr("Day")
            problem: root.problem
            text: root.parts.length === 3 ? String(Number(root.parts[2])) : ""
            visible: !root.yearOnly

            onEdited: root.send()
        }
        DateBox {
            id: monthBox

            field.objectName: "dateMonth"
            invalid: root.problem.length > 0 && Session.inputProblemField() === "month"
            label: qsTr("Month")
            problem: root.problem
            text: root.parts.length === 3 ? String(Number(root.parts[1])) : ""
            visible: !root.yearOnly

            onEdited: root.send()
        }
        DateBox {
            id: yearBox

            characters: 4
            field.objectName: "dateYear"
            invalid: root.problem.length > 0 && (Session.inputProblemField() === "year" || root.yearOnly)
            label: qsTr("Year")
            problem: root.problem
            text: root.parts.length > 0 ? root.parts[0] : ""

            onEdited: root.send()
        }
    }
    OrDivider {
        visible: root.page.offersPreferNotToSay === true
    }
    CheckOption {
        id: preferNot

        checked: root.page.state === "prefer_not_to_say"
        objectName: "preferNotToSay"
        text: qsTr("Prefer not to say")
        visible: root.page.offersPreferNotToSay === true

        onCheckedChanged: {
            if (checked) {
                dayBox.text = "";
                monthBox.text = "";
                yearBox.text = "";
                root.problem = "";
            }
            Session.setPreferNotToSay(checked);
        }
    }
}
