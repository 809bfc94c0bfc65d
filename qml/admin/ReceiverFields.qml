// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui
import Chorus.Admin

// The receiver's address and the admin token file, shared by the pages that talk to the
// receiver and remembered between runs.
Column {
    spacing: Theme.spacingM
    width: parent ? parent.width : implicitWidth

    TextAnswer {
        hint: qsTr("For example https://survey.example.gov.uk")
        label: qsTr("Receiver address")
        objectName: "receiverEndpoint"
        text: Workspace.endpoint

        field.onTextEdited: Workspace.endpoint = text
    }
    FileField {
        hint: qsTr("The file your IT team gave you with the receiver's admin token.")
        label: qsTr("Admin token file")
        objectName: "receiverTokenFile"
        text: Workspace.adminTokenFile

        onTextChanged: Workspace.adminTokenFile = text
    }
    FileField {
        hint: qsTr("Only if your receiver's certificate comes from the council's own certificate authority: its certificate file (PEM).")
        label: qsTr("Council CA certificate (optional)")
        objectName: "receiverCaFile"
        text: Workspace.caFile

        onTextChanged: Workspace.caFile = text
    }
    TextAnswer {
        hint: qsTr("Optional. sha256//… for the receiver's key, then a backup, separated by a space. Devices you enrol refuse any other key.")
        label: qsTr("Public-key pins")
        objectName: "receiverPins"
        text: Workspace.pins

        field.onTextEdited: Workspace.pins = text
    }
}
