// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// Setup, last: the surveys assigned to this device are fetched and checked. Home follows.
FocusScope {
    id: root

    objectName: "setupFetchPage"

    Column {
        spacing: Theme.spacingM
        width: Math.min(root.width - 2 * Theme.spacingM, Theme.maxContentWidth)
        x: Math.max(Theme.spacingM, (root.width - width) / 2)
        y: Theme.spacingL

        Text {
            Accessible.name: text
            Accessible.role: Accessible.Heading
            color: Theme.text
            focus: true
            font.bold: true
            font.pixelSize: Theme.headingSize
            horizontalAlignment: Text.AlignLeft
            text: qsTr("Getting your surveys")
            width: parent.width
            wrapMode: Text.Wrap
        }
        BodyText {
            text: qsTr("Chorus is fetching the surveys assigned to this device and checking that your council signed them.")
        }
        BusyIndicator {
            Accessible.name: qsTr("Fetching surveys")
            running: Device.busy
        }
    }
}
