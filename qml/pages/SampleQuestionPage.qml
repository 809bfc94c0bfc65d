// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Chorus.Ui

// A fixed question showing every control, used until the survey engine drives the pages.
QuestionPage {
    id: root

    heading: qsTr("How did you hear about this consultation?")
    hint: qsTr("Select all that apply.")
    progressText: qsTr("Question %1 of %2").arg(1).arg(1)

    onContinueRequested: {
        const any = [poster, newsletter, friend].some(o => o.checked) || other.text.length > 0 || preferNot.checked;
        showErrors(any ? [] : [
                {
                    "message": qsTr("Select how you heard about this consultation, or select 'Prefer not to say'"),
                    "target": poster
                }
            ]);
    }

    CheckOption {
        id: poster

        objectName: "option_poster"
        text: qsTr("A poster or leaflet")
    }
    CheckOption {
        id: newsletter

        objectName: "option_newsletter"
        text: qsTr("The council's newsletter")
    }
    CheckOption {
        id: friend

        hint: qsTr("Including family and neighbours")
        objectName: "option_friend"
        text: qsTr("Someone told me")
    }
    TextAnswer {
        id: other

        label: qsTr("Somewhere else")
        hint: qsTr("Optional")
    }
    OrDivider {
    }
    CheckOption {
        id: preferNot

        objectName: "option_preferNotToSay"
        text: qsTr("Prefer not to say")

        onCheckedChanged: if (checked) {
            poster.checked = false;
            newsletter.checked = false;
            friend.checked = false;
        }
    }
}
