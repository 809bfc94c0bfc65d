// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui

// Before the questions: who is asking, why, and what the respondent agrees to, one box per
// purpose, none ticked. Nothing is stored until the last screen.
QuestionPage {
    id: root

    continueText: qsTr("Agree and continue")
    heading: qsTr("Before you start")
    hint: qsTr("Your answers are private. They are locked on this device so that only %1 can read them.").arg(Session.controller)

    onContinueRequested: {
        const problem = Session.consentProblem();
        showErrors(problem.length > 0 ? [
                {
                    "message": problem,
                    "target": purposes.itemAt(0)
                }
            ] : []);
        if (problem.length === 0)
            root.consented();
    }

    signal consented

    BodyText {
        objectName: "noticeText"
        text: Session.noticeText
    }
    SettingGroup {
        title: qsTr("What you agree to")

        Repeater {
            id: purposes

            model: Session.purposes

            delegate: CheckOption {
                required property var modelData

                objectName: "purpose_" + modelData.id
                text: modelData.text

                onCheckedChanged: Session.setConsent(modelData.id, checked)
            }
        }
    }
}
