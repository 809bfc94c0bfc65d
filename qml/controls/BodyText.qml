// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui

// A paragraph: wraps, follows the text size, and is read by a screen reader as static text.
Text {
    Accessible.name: text
    Accessible.role: Accessible.StaticText
    color: Theme.text
    font.pixelSize: Theme.bodySize
    horizontalAlignment: Text.AlignLeft
    lineHeight: 1.2
    width: parent ? parent.width : implicitWidth
    wrapMode: Text.Wrap
}
