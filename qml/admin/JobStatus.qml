// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// Progress, Cancel and the outcome of a page's task. The outcome takes focus when the task
// ends, which is how a screen reader hears it on Qt 6.4.
Column {
    id: root

    required property var job

    spacing: Theme.spacingS
    width: parent ? parent.width : implicitWidth

    Connections {
        function onFinished() {
            if (outcome.visible)
                outcome.forceActiveFocus(Qt.OtherFocusReason);
        }

        target: root.job
    }
    ProgressBar {
        id: bar

        Accessible.name: root.job.progressText
        Accessible.role: Accessible.ProgressBar
        from: 0
        indeterminate: root.job.progress < 0
        objectName: "jobProgress"
        to: 1
        value: Math.max(0, root.job.progress)
        visible: root.job.running
        width: parent.width
    }
    BodyText {
        objectName: "jobProgressText"
        text: root.job.progressText
        visible: root.job.running && text.length > 0
    }
    SecondaryButton {
        objectName: "jobCancel"
        text: qsTr("Cancel")
        visible: root.job.running

        onClicked: root.job.cancel()
    }
    Rectangle {
        id: outcome

        Accessible.description: message.text
        Accessible.name: root.job.error.length > 0 ? qsTr("There is a problem") : qsTr("Done")
        Accessible.role: Accessible.StaticText
        activeFocusOnTab: true
        border.color: root.job.error.length > 0 ? Theme.error : Theme.primary
        border.width: 2 * Theme.borderWidth
        color: Theme.background
        height: message.height + 2 * Theme.spacingM
        objectName: "jobOutcome"
        visible: !root.job.running && (root.job.error.length > 0 || root.job.summary.length > 0)
        width: parent.width

        BodyText {
            id: message

            font.bold: root.job.error.length > 0
            objectName: "jobOutcomeText"
            text: root.job.error.length > 0 ? root.job.error : root.job.summary
            width: parent.width - 2 * Theme.spacingM
            x: Theme.spacingM
            y: Theme.spacingM
        }
        FocusRing {
            visible: outcome.activeFocus
        }
    }
}
