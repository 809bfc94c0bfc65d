// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Chorus.Ui

// Put the choices in order with "Move up" / "Move down" buttons: taps, never dragging (WCAG 2.5.7).
Column {
    id: root

    required property var page
    readonly property var ordered: {
        const list = page.choices.slice();
        if (list.length > 0 && list[0].rank > 0)
            list.sort((a, b) => a.rank - b.rank);
        return list;
    }

    function firstOption() {
        return ranks.count > 0 ? ranks.itemAt(0) : null;
    }

    spacing: Theme.spacingS
    width: parent ? parent.width : implicitWidth

    Repeater {
        id: ranks

        model: root.ordered

        delegate: Rectangle {
            id: entry

            required property int index
            required property var modelData

            border.color: Theme.border
            border.width: Theme.borderWidth
            color: Theme.background
            height: column.height + 2 * Theme.spacingS
            width: root.width

            Column {
                id: column

                spacing: Theme.spacingS
                width: parent.width - 2 * Theme.spacingS
                x: Theme.spacingS
                y: Theme.spacingS

                BodyText {
                    font.bold: true
                    text: qsTr("%1. %2").arg(entry.index + 1).arg(entry.modelData.label)
                }
                Row {
                    anchors.left: parent.left
                    spacing: Theme.spacingS

                    SecondaryButton {
                        description: entry.modelData.label
                        objectName: "moveUp_" + entry.modelData.code
                        text: qsTr("Move up")

                        onClicked: Session.moveRank(entry.modelData.code, -1)
                    }
                    SecondaryButton {
                        description: entry.modelData.label
                        objectName: "moveDown_" + entry.modelData.code
                        text: qsTr("Move down")

                        onClicked: Session.moveRank(entry.modelData.code, 1)
                    }
                }
            }
        }
    }
}
