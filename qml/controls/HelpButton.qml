// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// "Help" in the same corner of every screen (WCAG 3.2.6). Opens the help dialog.
SecondaryButton {
    description: qsTr("How to get help from a member of staff")
    objectName: "helpButton"
    text: qsTr("Help")
}
