// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Chorus.Ui
import Chorus.Admin

// Surveys: start a package from a template, check it, sign it, publish it.
AdminPage {
    id: root

    intro: qsTr("A survey package holds the questions, the privacy notice and the council's public key. Devices only accept a package signed with the council signing key.")
    title: qsTr("Surveys")

    Component.onCompleted: AdminSurveys.refresh()

    SettingGroup {
        objectName: "surveysList"
        title: qsTr("Surveys in this workspace")
        visible: AdminSurveys.files.length > 0

        Repeater {
            model: AdminSurveys.files

            delegate: ChoiceOption {
                required property string modelData

                checked: AdminSurveys.selected === modelData
                objectName: "survey_" + modelData.split("/").pop()
                text: modelData.split("/").pop()

                onCheckedChanged: if (checked)
                    AdminSurveys.selected = modelData
            }
        }
    }
    BodyText {
        text: qsTr("No survey yet. Start one from a template below.")
        visible: AdminSurveys.files.length === 0
    }
    SettingGroup {
        objectName: "surveySelected"
        title: qsTr("Selected survey")
        visible: AdminSurveys.selected.length > 0

        BodyText {
            objectName: "surveyDescription"
            text: AdminSurveys.description
            visible: text.length > 0
        }
        BodyText {
            objectName: "surveySigned"
            text: AdminSurveys.signedByCouncil ? qsTr("Signed with the council signing key.") : qsTr("Not signed yet (or changed since it was signed).")
        }
        Repeater {
            model: AdminSurveys.problems

            delegate: BodyText {
                required property var modelData

                color: Theme.error
                objectName: "surveyProblem"
                text: modelData.path.length > 0 ? qsTr("%1: %2").arg(modelData.path).arg(modelData.message) : modelData.message
            }
        }
        SecondaryButton {
            objectName: "surveyCheck"
            text: qsTr("Check for problems")

            onClicked: AdminSurveys.check()
        }
        TextAnswer {
            id: passphrase

            field.echoMode: TextInput.Password
            hint: qsTr("To sign with the council signing key.")
            label: qsTr("Key passphrase")
            objectName: "surveyPassphrase"
        }
        PrimaryButton {
            enabled: !AdminSurveys.running
            objectName: "surveySign"
            text: qsTr("Sign")

            onClicked: {
                AdminSurveys.sign(passphrase.text);
                passphrase.text = "";
            }
        }
    }
    SettingGroup {
        objectName: "surveyPublish"
        title: qsTr("Publish to the receiver")
        visible: AdminSurveys.selected.length > 0

        ReceiverFields {
        }
        PrimaryButton {
            enabled: !AdminSurveys.running && AdminSurveys.signedByCouncil
            objectName: "surveyPublishButton"
            text: qsTr("Publish")

            onClicked: AdminSurveys.publish()
        }
    }
    SettingGroup {
        objectName: "surveyNew"
        title: qsTr("New survey from a template")

        OptionGroup {
            id: templateChoice

            choices: AdminSurveys.templates.map(t => ({
                        "value": t.id,
                        "text": t.title
                    }))
            objectName: "surveyTemplate"
            title: qsTr("Template")
            value: AdminSurveys.templates.length > 0 ? AdminSurveys.templates[0].id : ""
        }
        TextAnswer {
            id: fileName

            hint: qsTr("Letters, digits and dashes, for example library-survey-2026.")
            label: qsTr("File name")
            objectName: "surveyFileName"
        }
        TextAnswer {
            id: submissionUrl

            hint: qsTr("Where devices send responses, for example https://survey.example.gov.uk. Leave empty to keep the template's.")
            label: qsTr("Receiver address for responses (optional)")
            objectName: "surveyEndpoint"
            text: Workspace.endpoint
        }
        SecondaryButton {
            objectName: "surveyCreate"
            text: qsTr("Create survey")

            onClicked: AdminSurveys.createFromTemplate(templateChoice.value, fileName.text, submissionUrl.text)
        }
    }
    JobStatus {
        job: AdminSurveys
    }
}
