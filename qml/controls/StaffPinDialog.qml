// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// Staff only: the PIN that leaves kiosk mode. Checked against the stored Argon2id hash.
Popup {
    id: root

    signal unlocked

    anchors.centerIn: Overlay.overlay
    focus: true
    modal: true
    objectName: "staffPinDialog"
    padding: Theme.spacingL
    width: Math.min(parent ? parent.width - 2 * Theme.spacingM : 600, Theme.maxContentWidth)

    background: Rectangle {
        Accessible.name: qsTr("Staff PIN")
        Accessible.role: Accessible.Dialog
        border.color: Theme.border
        border.width: Theme.borderWidth
        color: Theme.background
    }
    contentItem: Column {
        spacing: Theme.spacingM

        TextAnswer {
            id: pin

            errorText: StaffLock.lastError
            field.echoMode: TextInput.Password
            field.objectName: "staffPinField"
            hint: qsTr("Only staff can leave this screen.")
            inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            label: qsTr("Staff PIN")
        }
        Row {
            anchors.left: parent.left
            spacing: Theme.spacingM

            PrimaryButton {
                objectName: "staffUnlockButton"
                text: qsTr("Unlock")

                onClicked: {
                    const ok = StaffLock.unlock(pin.text);
                    pin.text = "";
                    if (ok) {
                        root.close();
                        root.unlocked();
                    } else {
                        pin.focusInput();
                    }
                }
            }
            SecondaryButton {
                objectName: "staffCancelButton"
                text: qsTr("Cancel")

                onClicked: {
                    pin.text = "";
                    root.close();
                }
            }
        }
    }

    onOpened: pin.focusInput()
}
