// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Chorus.Ui

// On the operator's Home: the outreach event now running (name and ward), and the way to
// start or end one on the event screen.
Column {
    id: root

    // The stack Home is on; the event screen goes on top of it.
    property var stack: null

    spacing: Theme.spacingS

    BodyText {
        objectName: "eventSummary"
        text: OutreachEvent.running ? qsTr("Event: %1, %2").arg(OutreachEvent.name).arg(OutreachEvent.wardName.length > 0 ? OutreachEvent.wardName : qsTr("no ward")) : qsTr("No event running.")
    }
    LinkButton {
        anchors.left: parent.left
        objectName: "eventButton"
        text: OutreachEvent.running ? qsTr("See or end the event") : qsTr("Start an event")

        onClicked: if (root.stack)
            root.stack.push(eventPage)
    }
    Component {
        id: eventPage

        EventPage {
            onDone: if (root.stack)
                root.stack.pop()
        }
    }
}
