// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Layouts
import Chorus.Ui

// A titled group of options on the welcome screen; the title labels the group for a screen reader.
ColumnLayout {
    id: root

    default property alias options: group.data
    property string title: ""

    Layout.fillWidth: true
    spacing: Theme.spacingS

    Text {
        Accessible.ignored: true
        Layout.fillWidth: true
        color: Theme.text
        font.bold: true
        font.pixelSize: Theme.headingSize * 0.75
        text: root.title
        horizontalAlignment: Text.AlignLeft
        wrapMode: Text.Wrap
    }
    ColumnLayout {
        id: group

        Accessible.name: root.title
        Accessible.role: Accessible.Grouping
        Layout.fillWidth: true
        spacing: Theme.spacingS
    }
}
