// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui

// The "or" before "Prefer not to say". Visual only: a screen reader hears the options, and the
// divider must not sound like one of them. It sits under the options' indicators at the start
// edge, which a right-to-left language mirrors (the padding and alignment follow).
Text {
    Accessible.ignored: true
    color: Theme.text
    font.pixelSize: Theme.bodySize
    horizontalAlignment: Text.AlignLeft
    leftPadding: LayoutMirroring.enabled ? 0 : Theme.choiceIndicator / 4
    objectName: "orDivider"
    rightPadding: LayoutMirroring.enabled ? Theme.choiceIndicator / 4 : 0
    text: qsTr("or")
    width: parent ? parent.width : implicitWidth
}
