// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Chorus.Ui
import Chorus.Admin

// Export: decrypt the downloaded responses and write a record-level file.
AdminPage {
    id: root

    intro: qsTr("Writes every response, one row each, into a new folder under exports. Withdrawn responses are left out. The file holds personal and special-category data: each export is recorded in the audit log with your name and the time.")
    title: qsTr("Export responses")

    Component.onCompleted: {
        if (AdminExport.surveyPackage.length === 0)
            AdminExport.surveyPackage = Workspace.firstFile(Workspace.surveysDir, "*.json");
    }

    OptionGroup {
        objectName: "exportFormat"
        choices: [{
                "value": "xlsx",
                "text": qsTr("Excel (XLSX)"),
                "hint": qsTr("A sheet for the responses and one for each repeated group.")
            }, {
                "value": "csv",
                "text": qsTr("CSV"),
                "hint": qsTr("One file for the responses and one for each repeated group.")
            }, {
                "value": "json",
                "text": qsTr("JSON lines"),
                "hint": qsTr("For analysis software; the report can also read it.")
            }]
        title: qsTr("File format")
        value: AdminExport.format

        onValueChanged: AdminExport.format = value
    }
    OptionGroup {
        objectName: "exportValues"
        choices: [{
                "value": "codes",
                "text": qsTr("Codes"),
                "hint": qsTr("Stable across languages and question bank versions.")
            }, {
                "value": "labels",
                "text": qsTr("Answer labels"),
                "hint": qsTr("Easier to read.")
            }]
        title: qsTr("Answers as")
        value: AdminExport.labels ? "labels" : "codes"

        onValueChanged: AdminExport.labels = value === "labels"
    }
    TextAnswer {
        hint: qsTr("Language code of the labels, for example en or cy.")
        label: qsTr("Label language")
        objectName: "exportLanguage"
        text: AdminExport.language
        visible: AdminExport.labels

        field.onTextEdited: AdminExport.language = text
    }
    CheckOption {
        checked: AdminExport.includeWriteIns
        hint: qsTr("What people typed for \"Other, please describe\".")
        objectName: "exportWriteIns"
        text: qsTr("Include written-in answers")

        onCheckedChanged: AdminExport.includeWriteIns = checked
    }
    FileField {
        hint: qsTr("Optional: puts the columns in question order and supplies the labels.")
        label: qsTr("Survey package")
        nameFilters: [qsTr("Survey packages (*.json)")]
        objectName: "exportSurvey"
        text: AdminExport.surveyPackage

        onTextChanged: AdminExport.surveyPackage = text
    }
    TextAnswer {
        id: passphrase

        field.echoMode: TextInput.Password
        label: qsTr("Key passphrase")
        objectName: "exportPassphrase"
    }
    PrimaryButton {
        enabled: !AdminExport.running
        objectName: "exportStart"
        text: qsTr("Export the responses")

        onClicked: {
            AdminExport.start(passphrase.text);
            passphrase.text = "";
        }
    }
    JobStatus {
        job: AdminExport
    }
    SettingGroup {
        objectName: "exportFailures"
        title: qsTr("Responses that could not be opened (%1)").arg(AdminExport.failedCount)
        visible: !AdminExport.running && AdminExport.failedCount > 0

        BodyText {
            text: qsTr("They were probably sealed to another council key or damaged on the way. Everything else was exported.")
        }
        Repeater {
            model: AdminExport.failures

            delegate: BodyText {
                required property string modelData

                font.family: "monospace"
                text: modelData
            }
        }
    }
    SecondaryButton {
        objectName: "exportOpenFolder"
        text: qsTr("Open the export folder")
        visible: !AdminExport.running && AdminExport.outDir.length > 0

        onClicked: Workspace.openExternally(AdminExport.outDir)
    }
}
