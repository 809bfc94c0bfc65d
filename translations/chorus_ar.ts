<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ErrorSummary</name>
    <message>
        <source>There is a problem</source>
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
    <name>Main</name>
    <message>
        <source>Chorus</source>
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
