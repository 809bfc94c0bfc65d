// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Chorus.Ui
import Chorus.Admin

// Report: the publishable equality report with disclosure control and census comparison.
AdminPage {
    id: root

    intro: qsTr("Builds the equality report as a web page and a CSV file, ready to publish: small counts are hidden so nobody can be singled out, and each characteristic is compared with the Census 2021 population of your area.")
    title: qsTr("Equality report")

    Component.onCompleted: {
        if (AdminReport.surveyPackage.length === 0)
            AdminReport.surveyPackage = Workspace.firstFile(Workspace.surveysDir, "*.json");
        if (AdminReport.censusFile.length === 0)
            AdminReport.censusFile = Workspace.firstFile(Workspace.censusDir, "*");
    }

    FileField {
        label: qsTr("Survey package")
        nameFilters: [qsTr("Survey packages (*.json)")]
        objectName: "reportSurvey"
        text: AdminReport.surveyPackage

        onTextChanged: AdminReport.surveyPackage = text
    }
    FileField {
        hint: qsTr("Census 2021 tables for your area: the Chorus JSON format or the Nomis bulk CSV download.")
        label: qsTr("Census table file")
        objectName: "reportCensus"
        text: AdminReport.censusFile

        onTextChanged: AdminReport.censusFile = text
    }
    TextAnswer {
        hint: qsTr("Counts from 1 to k−1 are hidden. 10 is the usual choice.")
        inputMethodHints: Qt.ImhDigitsOnly
        label: qsTr("Smallest count shown (k)")
        objectName: "reportK"
        text: AdminReport.k

        field.onTextEdited: AdminReport.k = parseInt(text) || 0
    }
    CheckOption {
        checked: AdminReport.roundTo5
        hint: qsTr("Percentages are then worked out from the rounded counts.")
        objectName: "reportRound5"
        text: qsTr("Round counts to the nearest 5")

        onCheckedChanged: AdminReport.roundTo5 = checked
    }
    CheckOption {
        checked: AdminReport.suppressZeros
        objectName: "reportSuppressZeros"
        text: qsTr("Hide zero counts too")

        onCheckedChanged: AdminReport.suppressZeros = checked
    }
    TextAnswer {
        label: qsTr("Report title (optional)")
        objectName: "reportTitle"
        text: AdminReport.title

        field.onTextEdited: AdminReport.title = text
    }
    TextAnswer {
        id: passphrase

        field.echoMode: TextInput.Password
        label: qsTr("Key passphrase")
        objectName: "reportPassphrase"
    }
    PrimaryButton {
        enabled: !AdminReport.running
        objectName: "reportStart"
        text: qsTr("Build the report")

        onClicked: {
            AdminReport.start(passphrase.text);
            passphrase.text = "";
        }
    }
    JobStatus {
        job: AdminReport
    }
    SettingGroup {
        objectName: "reportWarnings"
        title: qsTr("Check before publishing")
        visible: !AdminReport.running && AdminReport.warnings.length > 0

        Repeater {
            model: AdminReport.warnings

            delegate: BodyText {
                required property string modelData

                color: Theme.error
                text: modelData
            }
        }
    }
    SecondaryButton {
        objectName: "reportOpen"
        text: qsTr("Open the report")
        visible: !AdminReport.running && AdminReport.htmlPath.length > 0

        onClicked: Workspace.openExternally(AdminReport.htmlPath)
    }
}
