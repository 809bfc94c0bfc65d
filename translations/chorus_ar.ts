<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AppSync</name>
    <message>
        <source>This device is not set up to send responses yet. Ask your administrator to enrol it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n response(s) sent.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sent, %2 not sent: see each response below for why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceAnswers</name>
    <message>
        <source>Please describe (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message>
        <source>There is a problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventLocator</name>
    <message>
        <source>This device cannot find its location. Choose the ward from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chorus is not allowed to use the location. Choose the ward from the list, or allow location in the device settings and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The location was not found accurately enough in time. Choose the ward from the list, or try again outdoors.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <source>How to get help from a member of staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Getting help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a member of staff nearby. They can help you use this screen, read the questions aloud or fill in the form with you. Your answers so far will stay on this screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Scroll the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chorus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent. %2 waiting to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start collecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See every response and its state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Chorus</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Chorus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answers could not be saved: %1. Ask a member of staff.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticePage</name>
    <message>
        <source>Agree and continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answers are private. They are locked on this device so that only %1 can read them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you agree to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrDivider</name>
    <message>
        <source>or</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Start for the next person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This screen is now clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answers are no longer on this screen. Please leave the device here for the next person.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionView</name>
    <message>
        <source>Prefer not to say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RankingAnswers</name>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you, your answers have been saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They are locked so that only %1 can read them, and will be sent when this device is next online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your receipt code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your receipt code is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it down or take a photo. If you change your mind, quote this code to %1 and they will delete your answers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the server has a different copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: deleted on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will be sent again at the next sync. Nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused it. Tell your administrator; the response is kept safely on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell your administrator. The response is kept on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Sync now when the device is online.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responses on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no responses on this device yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response …%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show more responses</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RespondentSession</name>
    <message>
        <source>Tick at least one box to take part. If you do not want to take part, you can stop now: nothing has been saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Send my answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can change any answer before you send them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your answer to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SampleQuestionPage</name>
    <message>
        <source>How did you hear about this consultation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all that apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select how you heard about this consultation, or select &apos;Prefer not to say&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A poster or leaflet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The council&apos;s newsletter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Including family and neighbours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone told me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somewhere else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffPinDialog</name>
    <message>
        <source>Staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only staff can leave this screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StillThereOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>For your privacy, this screen will clear your answers and start again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>I need more time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveyQuestionPage</name>
    <message>
        <source>Question %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example, 2024-03-27 (year-month-day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example, 1980</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A member of staff records the location of the event. You do not need to do anything here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Have your say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light text on a black background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A member of staff is with you, so this screen will not clear itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>For your privacy, if nobody touches the screen for %n second(s), it asks if you need more time, then clears your answers.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Start now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For staff: leave this screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::StaffLock</name>
    <message>
        <source>The staff PIN could not be saved. Check the disk has space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs. Wait a minute, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That PIN is not right. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
