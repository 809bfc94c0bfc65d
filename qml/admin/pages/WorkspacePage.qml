// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui
import Chorus.Admin

// First screen: the folder everything is kept in (keys, pulled responses, exports, reports).
AdminPage {
    id: root

    intro: qsTr("Choose the folder where Chorus keeps the council's keys, the downloaded responses, exports and reports. Use an encrypted drive that only the people allowed to see responses can open.")
    title: qsTr("Choose your workspace")

    ErrorSummary {
        id: problems

        errors: Workspace.lastError.length > 0 ? [{
                "message": Workspace.lastError,
                "target": folder
            }] : []
    }
    FileField {
        id: folder

        folder: true
        hint: qsTr("For example /home/you/chorus-admin. It is created if it does not exist.")
        label: qsTr("Workspace folder")
        objectName: "workspaceFolder"
        text: Workspace.recentPath
    }
    PrimaryButton {
        objectName: "workspaceOpen"
        text: qsTr("Open workspace")

        onClicked: {
            if (!Workspace.openFolder(folder.text))
                problems.takeFocus();
        }
    }
}
