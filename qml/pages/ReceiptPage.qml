// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui

// Sent: what happened to the answers and, when there is one, the code to quote to withdraw them.
QuestionPage {
    id: root

    canGoBack: false
    continueText: qsTr("Finish")
    heading: qsTr("Thank you, your answers have been saved")
    hint: qsTr("They are locked so that only %1 can read them, and will be sent when this device is next online.").arg(Session.controller)
    objectName: "receiptPage"

    Column {
        spacing: Theme.spacingS
        visible: Session.receiptCode.length > 0
        width: parent ? parent.width : 0

        BodyText {
            text: qsTr("Your receipt code")
        }
        BodyText {
            Accessible.name: qsTr("Your receipt code is %1").arg(Session.receiptCode.split("").join(" "))
            font.bold: true
            font.letterSpacing: 2
            font.pixelSize: Theme.headingSize
            objectName: "receiptCode"
            text: Session.receiptCode
        }
        Image {
            Accessible.ignored: true
            fillMode: Image.PreserveAspectFit
            height: Math.min(200, parent.width)
            objectName: "receiptQr"
            smooth: false
            source: Session.receiptQr
            visible: Session.receiptQr.length > 0
            width: height
        }
        BodyText {
            text: qsTr("Write it down or take a photo. If you change your mind, quote this code to %1 and they will delete your answers.").arg(Session.controller)
        }
    }
}
