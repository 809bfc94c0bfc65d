// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui

// The frame of every admin page: a scrolling column at a readable width with the page's
// heading and introduction. Pages put their content inside.
FocusScope {
    id: root

    default property alias content: column.data
    property string intro: ""
    property string title: ""

    PageFlickable {
        id: flick

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
                color: Theme.text
                font.bold: true
                font.pixelSize: Theme.headingSize
                horizontalAlignment: Text.AlignLeft
                text: root.title
                width: parent.width
                wrapMode: Text.Wrap
            }
            BodyText {
                text: root.intro
                visible: text.length > 0
            }
        }
    }
}
