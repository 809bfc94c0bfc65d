// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// The admin window's navigation: one tab a page. `pages` is a list of {name, text}; `current`
// is the open page's name; choosing a tab emits chosen(name). A file of its own so its delegate
// can be a bound component (AdminMain's page Loader cannot instantiate bound components on
// Qt 6.4).
Flow {
    id: tabs

    property string current
    property var pages: []

    signal chosen(string name)

    Accessible.name: qsTr("Pages")
    Accessible.role: Accessible.PageTabList
    spacing: Theme.spacingS

    Repeater {
        model: tabs.pages

        // A TabButton, so a screen reader hears "page tab": on Qt 6.4 a Control's own type, not
        // Accessible.role, sets its role (a Button was "push button").
        delegate: TabButton {
            id: tab

            required property var modelData
            readonly property bool current: tabs.current === tab.modelData.name

            Accessible.name: text
            Accessible.role: Accessible.PageTab
            Accessible.selected: current
            checkable: false
            focusPolicy: Qt.StrongFocus
            implicitHeight: Math.max(Theme.minTarget, implicitContentHeight + topPadding + bottomPadding)
            leftPadding: Theme.spacingM
            objectName: "nav_" + tab.modelData.name
            rightPadding: Theme.spacingM
            text: tab.modelData.text

            background: Rectangle {
                color: tab.current ? Theme.background : "transparent"
                border.color: Theme.background
                border.width: Theme.borderWidth

                FocusRing {
                    visible: tab.visualFocus
                }
            }
            contentItem: Text {
                Accessible.ignored: true
                color: tab.current ? Theme.text : Theme.background
                font.bold: true
                font.pixelSize: Theme.bodySize
                horizontalAlignment: Text.AlignHCenter
                text: tab.text
                verticalAlignment: Text.AlignVCenter
            }

            Accessible.onPressAction: clicked()
            Keys.onEnterPressed: clicked()
            Keys.onReturnPressed: clicked()
            onClicked: tabs.chosen(tab.modelData.name)
        }
    }
}
