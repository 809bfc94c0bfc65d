// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import Chorus.Ui

// The operator starts an outreach event: its name, and its ward, found from one location fix
// or chosen from the survey's wards (always possible, and the way on when positioning is
// denied, unavailable or too slow). Only the ward code is kept, never the location.
QuestionPage {
    id: root

    property bool showList: false
    readonly property bool listed: OutreachEvent.wards.length > 0 && (OutreachEvent.state === "manual" || showList)

    signal done

    canGoBack: true
    continueText: OutreachEvent.running ? qsTr("Done") : qsTr("Start the event")
    heading: OutreachEvent.running ? qsTr("Event running") : qsTr("Start an event")
    hint: OutreachEvent.running ? "" : qsTr("Every response collected during the event is marked with its name and ward. The location itself is never stored.")
    objectName: "eventPage"

    onBackRequested: {
        OutreachEvent.cancelLocate();
        root.done();
    }
    onContinueRequested: {
        if (OutreachEvent.running) {
            root.done();
            return;
        }
        const problem = OutreachEvent.start(nameField.text);
        if (problem.length > 0) {
            showErrors([
                    {
                        "message": problem,
                        "target": nameField.text.trim().length === 0 ? nameField.field : (wardList.count > 0 ? wardList.itemAt(0) : locateButton)
                    }
                ]);
            return;
        }
        root.done();
    }

    BodyText {
        objectName: "eventRunningText"
        text: qsTr("“%1” is running in %2. Every response collected now is marked with this event.").arg(OutreachEvent.name).arg(OutreachEvent.wardName.length > 0 ? OutreachEvent.wardName : qsTr("no ward"))
        visible: OutreachEvent.running
    }
    SecondaryButton {
        anchors.left: parent.left
        objectName: "endEventButton"
        text: qsTr("End the event")
        visible: OutreachEvent.running

        onClicked: OutreachEvent.end()
    }
    TextAnswer {
        id: nameField

        field.objectName: "eventNameField"
        hint: qsTr("For example, Library open day")
        label: qsTr("Event name")
        visible: !OutreachEvent.running
    }
    SecondaryButton {
        id: locateButton

        anchors.left: parent.left
        objectName: "locateButton"
        text: qsTr("Find the ward from this device’s location")
        visible: !OutreachEvent.running && OutreachEvent.wards.length > 0 && OutreachEvent.state !== "locating"

        onClicked: {
            root.showList = false;
            OutreachEvent.locate();
        }
    }
    BodyText {
        objectName: "locatingText"
        text: qsTr("Finding where you are. This takes up to %1 seconds.").arg(OutreachEvent.timeoutSeconds)
        visible: !OutreachEvent.running && OutreachEvent.state === "locating"
    }
    LinkButton {
        anchors.left: parent.left
        objectName: "stopLocating"
        text: qsTr("Stop and choose the ward yourself")
        visible: !OutreachEvent.running && OutreachEvent.state === "locating"

        onClicked: {
            OutreachEvent.cancelLocate();
            root.showList = true;
        }
    }
    BodyText {
        color: Theme.error
        font.bold: true
        objectName: "eventLocationMessage"
        text: OutreachEvent.message
        visible: !OutreachEvent.running && text.length > 0
    }
    BodyText {
        objectName: "eventWardText"
        text: qsTr("Ward: %1").arg(OutreachEvent.wardName)
        visible: !OutreachEvent.running && OutreachEvent.wardName.length > 0
    }
    LinkButton {
        anchors.left: parent.left
        objectName: "chooseWardButton"
        text: OutreachEvent.wardName.length > 0 ? qsTr("Choose a different ward") : qsTr("Choose the ward yourself")
        visible: !OutreachEvent.running && OutreachEvent.wards.length > 0 && !root.listed && OutreachEvent.state !== "locating"

        onClicked: root.showList = true
    }
    Column {
        Accessible.name: qsTr("Ward")
        Accessible.role: Accessible.Grouping
        spacing: Theme.spacingS
        visible: !OutreachEvent.running && root.listed
        width: parent.width

        // The group's name, shown as well as heard.
        Text {
            Accessible.ignored: true
            color: Theme.text
            font.bold: true
            font.pixelSize: Theme.bodySize
            horizontalAlignment: Text.AlignLeft
            objectName: "wardListLabel"
            text: qsTr("Ward")
            width: parent.width
            wrapMode: Text.Wrap
        }
        Repeater {
            id: wardList

            model: OutreachEvent.wards

            delegate: ChoiceOption {
                required property var modelData

                checked: OutreachEvent.wardCode === modelData.code
                objectName: "ward_" + modelData.code
                text: modelData.name

                onCheckedChanged: if (checked)
                    OutreachEvent.chooseWard(modelData.code)
            }
        }
    }
}
