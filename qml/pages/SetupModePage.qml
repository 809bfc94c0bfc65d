// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui

// Setup, step 3: how this device is used. Outreach: staff hold it and ask the questions (their
// name goes with each response). Kiosk: residents use it alone, full screen, and only the staff
// PIN leaves the survey.
QuestionPage {
    id: root

    continueText: Device.busy ? qsTr("Getting your surveys…") : qsTr("Continue")
    heading: qsTr("How will this device be used?")
    objectName: "setupModePage"
    canGoBack: false
    progressText: qsTr("Step %1 of %2").arg(4).arg(4)

    onContinueRequested: {
        let done = false;
        if (outreach.checked)
            done = Device.chooseOutreach(operatorName.text);
        else if (kiosk.checked)
            done = Device.chooseKiosk(pin.text, pinAgain.text);
        else {
            root.showErrors([
                    {
                        "message": qsTr("Choose how this device will be used"),
                        "target": outreach
                    }
                ]);
            return;
        }
        if (!done) {
            pin.text = "";
            pinAgain.text = "";
            root.showErrors([
                    {
                        "message": Device.error,
                        "target": outreach.checked ? operatorName.field : pin.field
                    }
                ]);
        }
    }

    ChoiceOption {
        id: outreach

        hint: qsTr("A member of staff holds the device and asks the questions")
        objectName: "modeOutreach"
        text: qsTr("Outreach")
    }
    TextAnswer {
        id: operatorName

        hint: qsTr("Recorded with each response you collect")
        label: qsTr("Your name or staff id")
        objectName: "operatorField"
        visible: outreach.checked
    }
    ChoiceOption {
        id: kiosk

        hint: qsTr("Residents answer on their own; the screen is locked to the survey")
        objectName: "modeKiosk"
        text: qsTr("Kiosk")
    }
    TextAnswer {
        id: pin

        field.echoMode: TextInput.Password
        hint: qsTr("4 to 12 digits. Staff need it to leave the survey.")
        inputMethodHints: Qt.ImhDigitsOnly
        label: qsTr("Staff PIN")
        objectName: "pinField"
        visible: kiosk.checked
    }
    TextAnswer {
        id: pinAgain

        field.echoMode: TextInput.Password
        inputMethodHints: Qt.ImhDigitsOnly
        label: qsTr("Type the PIN again")
        objectName: "pinAgainField"
        visible: kiosk.checked
    }
}
