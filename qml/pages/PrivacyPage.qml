// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui

// Between respondents: nothing of the last person's answers is on screen or reachable from here.
QuestionPage {
    canGoBack: false
    continueText: qsTr("Start for the next person")
    heading: qsTr("This screen is now clear")
    hint: qsTr("Your answers are no longer on this screen. Please leave the device here for the next person.")
    objectName: "privacyPage"
}
