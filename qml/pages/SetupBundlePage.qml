// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import Chorus.Ui

// Setup, step 2: the enrollment your administrator made for this device, as a file, as pasted
// text, or as a picture of its QR code. Nothing is trusted until its signature checks out and
// the operator has compared the council's key fingerprint on the next screen.
QuestionPage {
    id: root

    canGoBack: false
    heading: qsTr("Enrol this device")
    hint: qsTr("Use the enrollment your administrator gave you for this device.")
    objectName: "setupBundlePage"
    progressText: qsTr("Step %1 of %2").arg(2).arg(4)

    onContinueRequested: {
        let done = false;
        if (fromFile.checked)
            done = Device.readBundleFile(filePath.text);
        else if (fromText.checked)
            done = Device.readBundleText(pasted.text);
        else if (fromImage.checked)
            done = Device.readBundleImage(imagePath.text);
        else
            root.showErrors([
                    {
                        "message": qsTr("Choose how you will give the enrollment"),
                        "target": fromFile
                    }
                ]);
        if (!done && Device.error.length > 0)
            root.showErrors([
                    {
                        "message": Device.error,
                        "target": fromFile.checked ? filePath.field : fromText.checked ? pasted : imagePath.field
                    }
                ]);
    }

    ChoiceOption {
        id: fromFile

        checked: Device.suggestedBundlePath.length > 0
        objectName: "bundleFromFile"
        text: qsTr("From a file")
    }
    Row {
        spacing: Theme.spacingS
        visible: fromFile.checked
        width: parent.width

        TextAnswer {
            id: filePath

            label: qsTr("Enrollment file")
            objectName: "bundleFileField"
            text: Device.suggestedBundlePath
            width: parent.width - chooseFile.width - Theme.spacingS
        }
        SecondaryButton {
            id: chooseFile

            anchors.bottom: parent.bottom
            objectName: "chooseBundleFile"
            text: qsTr("Choose…")

            onClicked: fileDialog.open()
        }
    }
    ChoiceOption {
        id: fromText

        objectName: "bundleFromText"
        text: qsTr("Paste the text")
    }
    TextArea {
        id: pasted

        Accessible.name: qsTr("Enrollment text")
        Accessible.role: Accessible.EditableText
        color: Theme.text
        font.pixelSize: Theme.hintSize
        implicitHeight: Math.max(Theme.minTarget * 3, contentHeight + topPadding + bottomPadding)
        objectName: "bundleTextField"
        placeholderText: qsTr("Paste the enrollment here")
        placeholderTextColor: Theme.secondaryText
        visible: fromText.checked
        width: parent.width
        wrapMode: TextEdit.WrapAnywhere

        background: Rectangle {
            border.color: Theme.border
            border.width: Theme.borderWidth
            color: Theme.background

            FocusRing {
                visible: pasted.activeFocus
            }
        }
    }
    ChoiceOption {
        id: fromImage

        hint: qsTr("A photo or screenshot of the QR code (PNG or JPEG)")
        objectName: "bundleFromImage"
        text: qsTr("From a QR code picture")
    }
    Row {
        spacing: Theme.spacingS
        visible: fromImage.checked
        width: parent.width

        TextAnswer {
            id: imagePath

            label: qsTr("QR picture")
            objectName: "bundleImageField"
            width: parent.width - chooseImage.width - Theme.spacingS
        }
        SecondaryButton {
            id: chooseImage

            anchors.bottom: parent.bottom
            text: qsTr("Choose…")

            onClicked: imageDialog.open()
        }
    }
    FileDialog {
        id: fileDialog

        nameFilters: [qsTr("Enrollment files (*.json)"), qsTr("All files (*)")]
        title: qsTr("Choose the enrollment file")

        onAccepted: filePath.text = String(selectedFile)
    }
    FileDialog {
        id: imageDialog

        nameFilters: [qsTr("Pictures (*.png *.jpg *.jpeg)")]
        title: qsTr("Choose the QR code picture")

        onAccepted: imagePath.text = String(selectedFile)
    }
}
