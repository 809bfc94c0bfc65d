// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui
import Chorus.Admin

// Pull: download the receiver's new submissions, still encrypted, into the workspace.
AdminPage {
    id: root

    intro: qsTr("Download the responses the receiver holds. They stay encrypted until you export them. Only new and changed ones are downloaded, and you can stop and carry on later.")
    title: qsTr("Download responses")

    TextAnswer {
        id: endpoint

        hint: qsTr("For example https://survey.example.gov.uk")
        label: qsTr("Receiver address")
        objectName: "pullEndpoint"
        text: AdminPull.endpoint

        field.onTextEdited: AdminPull.endpoint = text
    }
    FileField {
        hint: qsTr("The file your IT team gave you with the receiver's admin token.")
        label: qsTr("Admin token file")
        objectName: "pullTokenFile"
        text: AdminPull.tokenFile

        onTextChanged: AdminPull.tokenFile = text
    }
    PrimaryButton {
        enabled: !AdminPull.running
        objectName: "pullStart"
        text: qsTr("Download")

        onClicked: AdminPull.start()
    }
    JobStatus {
        job: AdminPull
    }
}
