// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui

// The "or" before "Prefer not to say". Visual only: a screen reader hears the options, and the
// divider must not sound like one of them.
Text {
    Accessible.ignored: true
    color: Theme.text
    font.pixelSize: Theme.bodySize
    leftPadding: Theme.choiceIndicator / 4
    text: qsTr("or")
}
