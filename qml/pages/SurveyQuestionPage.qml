// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Chorus.Ui

// The current question of the survey, whatever its type. The page keeps a snapshot of the
// question while it is on screen and takes a new one only when the question changes, so
// answering never rebuilds the controls under the respondent's finger or keyboard focus.
QuestionPage {
    id: root

    property var snapshot: ({})
    readonly property string type: snapshot.type || ""

    signal leftFirstPage

    function refresh() {
        if (Session.pagePath !== snapshot.path) {
            // New controls for a new question: two in a row with the same options must not
            // show the last one's tick or typed text as if it were this one's answer.
            answers.active = false;
            snapshot = Session.page;
            errors = [];
            answers.active = true;
            announce();
        }
    }
    function firstControl() {
        if (answers.item && answers.item.firstOption)
            return answers.item.firstOption();
        return answers.item;
    }

    canGoBack: true
    caption: snapshot.repeat && snapshot.repeat.caption ? snapshot.repeat.caption : ""
    heading: snapshot.label || ""
    hint: snapshot.hint || ""
    objectName: "surveyQuestionPage"
    progressText: Session.pageCount > 0 ? qsTr("Question %1 of %2").arg(Session.pageNumber).arg(Session.pageCount) : ""

    Component.onCompleted: refresh()
    onBackRequested: {
        if (!Session.previous())
            root.leftFirstPage();
    }
    onContinueRequested: {
        const problems = Session.next();
        const target = firstControl();
        if (answers.item && answers.item.problem !== undefined)
            answers.item.problem = problems.length > 0 ? problems[0] : "";
        showErrors(problems.map(m => ({
                        "message": m,
                        "target": target
                    })));
    }

    Connections {
        function onPageChanged() {
            root.refresh();
        }
        function onTextsChanged() {
            root.snapshot = Session.page;
        }

        target: Session
    }
    Loader {
        id: answers

        sourceComponent: {
            switch (root.type) {
            case "single":
            case "multiple":
            case "rating":
                return choiceAnswers;
            case "ranking":
                return rankingAnswers;
            case "text":
            case "integer":
            case "decimal":
                return textAnswer;
            case "date":
            case "year":
                return dateAnswer;
            case "geopoint":
                return staffOnly;
            default:
                return null;
            }
        }
        width: parent.width
    }
    RepeatAnswers {
        page: root.snapshot
    }
    Component {
        id: dateAnswer

        DateAnswer {
            page: root.snapshot
        }
    }
    Component {
        id: choiceAnswers

        ChoiceAnswers {
            page: root.snapshot
        }
    }
    Component {
        id: rankingAnswers

        RankingAnswers {
            page: Session.page
        }
    }
    Component {
        id: textAnswer

        Column {
            function focusInput() {
                textField.focusInput();
            }

            spacing: Theme.spacingS
            width: parent ? parent.width : 0

            TextAnswer {
                id: textField

                field.objectName: "answerField"
                inputMethodHints: root.type === "text" ? Qt.ImhNone : Qt.ImhDigitsOnly
                label: root.snapshot.label || ""
                labelVisible: false
                text: root.snapshot.state === "answered" ? root.snapshot.value : ""

                // Only what the respondent types: setting the initial text must not overwrite
                // a "Prefer not to say".
                onTextChanged: if (textField.field.activeFocus)
                    Session.setAnswer(text)
            }
            OrDivider {
                visible: root.snapshot.offersPreferNotToSay === true
            }
            CheckOption {
                checked: root.snapshot.state === "prefer_not_to_say"
                objectName: "preferNotToSay"
                text: qsTr("Prefer not to say")
                visible: root.snapshot.offersPreferNotToSay === true

                onCheckedChanged: {
                    if (checked)
                        textField.text = "";
                    Session.setPreferNotToSay(checked);
                }
            }
        }
    }
    Component {
        id: staffOnly

        BodyText {
            text: qsTr("A member of staff records the location of the event. You do not need to do anything here.")
        }
    }
}
