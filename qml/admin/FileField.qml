// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Dialogs
import Chorus.Ui
import Chorus.Admin

// A path typed in or chosen with the system's file (or folder) dialog. The typed path is what
// counts, so keyboard and screen-reader users never need the dialog.
Column {
    id: root

    property string errorText: ""
    property bool folder: false
    property string hint: ""
    property string label: ""
    property var nameFilters: []
    property alias text: answer.text

    function focusInput() {
        answer.focusInput();
    }

    spacing: Theme.spacingS
    width: parent ? parent.width : implicitWidth

    TextAnswer {
        id: answer

        errorText: root.errorText
        hint: root.hint
        label: root.label
        objectName: root.objectName + "Input"
    }
    SecondaryButton {
        description: root.label
        objectName: root.objectName + "Choose"
        text: root.folder ? qsTr("Choose a folder…") : qsTr("Choose a file…")

        onClicked: root.folder ? folderDialog.open() : fileDialog.open()
    }
    FileDialog {
        id: fileDialog

        nameFilters: root.nameFilters
        title: root.label

        onAccepted: answer.text = Workspace.localPath(String(selectedFile))
    }
    FolderDialog {
        id: folderDialog

        title: root.label

        onAccepted: answer.text = Workspace.localPath(String(selectedFolder))
    }
}
