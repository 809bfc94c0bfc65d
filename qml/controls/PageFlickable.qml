// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// The scrolling body of every page (survey, operator and admin). Vertical only, so 200 % text
// reflows instead of scrolling sideways. Keyboard focus never leaves the screen: FocusInView
// scrolls to each control that takes focus (WCAG 2.4.11). The scroll bar stays shown whenever
// the page is taller than the window, the cue that more is below the fold.
Flickable {
    id: root

    boundsBehavior: Flickable.StopAtBounds
    clip: true
    contentWidth: width

    ScrollBar.vertical: ScrollBar {
        Accessible.name: qsTr("Scroll the page")
        objectName: "pageScrollBar"
        policy: root.contentHeight > root.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
    }

    FocusInView {
        flickable: root
        margin: Theme.spacingM
    }
}
