// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1024
    height: 768
    visible: true
    title: qsTr("Chorus")
}
