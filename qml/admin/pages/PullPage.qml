// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui
import Chorus.Admin

// Pull: download the receiver's new submissions, still encrypted, into the workspace.
AdminPage {
    id: root

    intro: qsTr("Download the responses the receiver holds. They stay encrypted until you export them. Only new and changed ones are downloaded, and you can stop and carry on later.")
    title: qsTr("Download responses")

    ReceiverFields {
    }
    PrimaryButton {
        enabled: !AdminPull.running
        objectName: "pullStart"
        text: qsTr("Download the responses")

        onClicked: AdminPull.start()
    }
    JobStatus {
        job: AdminPull
    }
}
