// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui

// Drawn around the control with keyboard focus: a dark ring with a bright halo inside, so it
// reads on white, on a green button and in high contrast (WCAG 2.4.7 and 1.4.11).
Rectangle {
    anchors.fill: parent
    anchors.margins: -2 * Theme.focusWidth
    border.color: Theme.focusRing
    border.width: Theme.focusWidth
    color: "transparent"
    z: 10

    Rectangle {
        anchors.fill: parent
        anchors.margins: Theme.focusWidth
        border.color: Theme.focusHalo
        border.width: Theme.focusWidth
        color: "transparent"
    }
}
