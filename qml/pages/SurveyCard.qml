// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui

// One survey on the home screen: its title, its responses by state, and Start — or, for a
// package that failed the signature check, why it cannot be used.
Rectangle {
    id: card

    required property int drafts
    required property int failed
    required property string problem
    required property int queued
    required property int sent
    required property string surveyId
    required property string title
    required property bool usable
    required property string version

    signal startRequested(string id)

    Accessible.description: card.usable ? counts.text : card.problem
    Accessible.name: qsTr("Survey: %1").arg(card.title)
    Accessible.role: Accessible.Grouping
    border.color: card.usable ? Theme.border : Theme.error
    border.width: Theme.borderWidth
    color: Theme.background
    height: body.height + 2 * Theme.spacingM
    objectName: "survey_" + card.surveyId
    width: parent ? parent.width : 0

    Column {
        id: body

        spacing: Theme.spacingS
        width: parent.width - 2 * Theme.spacingM
        x: Theme.spacingM
        y: Theme.spacingM

        Text {
            Accessible.ignored: true
            color: Theme.text
            font.bold: true
            font.pixelSize: Theme.headingSize
            horizontalAlignment: Text.AlignLeft
            text: card.title
            width: parent.width
            wrapMode: Text.Wrap
        }
        BodyText {
            id: counts

            Accessible.ignored: true
            objectName: "surveyCounts"
            text: qsTr("Version %1. %2 unfinished, %3 waiting to send, %4 sent, %5 not sent.").arg(card.version).arg(card.drafts).arg(card.queued).arg(card.sent).arg(card.failed)
            visible: card.usable
        }
        BodyText {
            Accessible.ignored: true
            color: Theme.error
            objectName: "surveyProblem"
            text: card.problem
            visible: !card.usable
        }
        PrimaryButton {
            anchors.left: parent.left
            objectName: "start_" + card.surveyId
            text: qsTr("Start this survey")
            visible: card.usable

            onClicked: card.startRequested(card.surveyId)
        }
    }
}
