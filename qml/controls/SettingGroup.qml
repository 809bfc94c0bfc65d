// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui

// A titled group of options on the welcome screen; the title labels the group for a screen reader.
// Columns, not Layouts, stack wrapping text: they follow a height change after a language switch.
Column {
    id: root

    default property alias options: group.data
    property string title: ""

    spacing: Theme.spacingS
    width: parent ? parent.width : implicitWidth

    Text {
        Accessible.ignored: true
        color: Theme.text
        font.bold: true
        font.pixelSize: Theme.headingSize * 0.75
        horizontalAlignment: Text.AlignLeft
        text: root.title
        width: parent.width
        wrapMode: Text.Wrap
    }
    Column {
        id: group

        Accessible.name: root.title
        Accessible.role: Accessible.Grouping
        spacing: Theme.spacingS
        width: parent.width
    }
}
