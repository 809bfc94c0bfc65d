<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy">
<context>
    <name>ErrorSummary</name>
    <message>
        <source>There is a problem</source>
        <translation>Mae problem wedi codi</translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <source>How to get help from a member of staff</source>
        <translation>Sut i gael help gan aelod o staff</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Getting help</source>
        <translation>Cael help</translation>
    </message>
    <message>
        <source>Ask a member of staff nearby. They can help you use this screen, read the questions aloud or fill in the form with you. Your answers so far will stay on this screen.</source>
        <translation>Gofynnwch i aelod o staff gerllaw. Gallant eich helpu i ddefnyddio&apos;r sgrin hon, darllen y cwestiynau&apos;n uchel neu lenwi&apos;r ffurflen gyda chi. Bydd eich atebion hyd yma&apos;n aros ar y sgrin hon.</translation>
    </message>
    <message>
        <source>Close help</source>
        <translation>Cau&apos;r help</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Chorus</source>
        <translation>Chorus</translation>
    </message>
</context>
<context>
    <name>OrDivider</name>
    <message>
        <source>or</source>
        <translation>neu</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>LTR</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <source>Continue</source>
        <translation>Parhau</translation>
    </message>
    <message>
        <source>Scroll the page</source>
        <translation>Sgrolio&apos;r dudalen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
</context>
<context>
    <name>SampleQuestionPage</name>
    <message>
        <source>How did you hear about this consultation?</source>
        <translation>Sut glywsoch chi am yr ymgynghoriad hwn?</translation>
    </message>
    <message>
        <source>Select all that apply.</source>
        <translation>Dewiswch bob un sy&apos;n berthnasol.</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Cwestiwn %1 o %2</translation>
    </message>
    <message>
        <source>Select how you heard about this consultation, or select &apos;Prefer not to say&apos;</source>
        <translation>Dewiswch sut glywsoch chi am yr ymgynghoriad hwn, neu dewiswch &apos;Mae&apos;n well gennyf beidio â dweud&apos;</translation>
    </message>
    <message>
        <source>A poster or leaflet</source>
        <translation>Poster neu daflen</translation>
    </message>
    <message>
        <source>The council&apos;s newsletter</source>
        <translation>Cylchlythyr y cyngor</translation>
    </message>
    <message>
        <source>Including family and neighbours</source>
        <translation>Gan gynnwys teulu a chymdogion</translation>
    </message>
    <message>
        <source>Someone told me</source>
        <translation>Dywedodd rhywun wrthyf</translation>
    </message>
    <message>
        <source>Somewhere else</source>
        <translation>Rhywle arall</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Dewisol</translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation>Mae&apos;n well gennyf beidio â dweud</translation>
    </message>
</context>
<context>
    <name>StaffPinDialog</name>
    <message>
        <source>Staff PIN</source>
        <translation>PIN staff</translation>
    </message>
    <message>
        <source>Only staff can leave this screen.</source>
        <translation>Dim ond staff sy&apos;n gallu gadael y sgrin hon.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Datgloi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
</context>
<context>
    <name>StillThereOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation>Ydych chi&apos;n dal yno?</translation>
    </message>
    <message numerus="yes">
        <source>For your privacy, this screen will clear your answers and start again in %n second(s).</source>
        <translation>
            <numerusform>Er mwyn diogelu eich preifatrwydd, bydd y sgrin hon yn clirio eich atebion ac yn dechrau eto ymhen %n eiliad.</numerusform>
            <numerusform>Er mwyn diogelu eich preifatrwydd, bydd y sgrin hon yn clirio eich atebion ac yn dechrau eto ymhen %n eiliad.</numerusform>
            <numerusform>Er mwyn diogelu eich preifatrwydd, bydd y sgrin hon yn clirio eich atebion ac yn dechrau eto ymhen %n eiliad.</numerusform>
            <numerusform>Er mwyn diogelu eich preifatrwydd, bydd y sgrin hon yn clirio eich atebion ac yn dechrau eto ymhen %n eiliad.</numerusform>
            <numerusform>Er mwyn diogelu eich preifatrwydd, bydd y sgrin hon yn clirio eich atebion ac yn dechrau eto ymhen %n eiliad.</numerusform>
        </translation>
    </message>
    <message>
        <source>I need more time</source>
        <translation>Mae angen mwy o amser arnaf</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Have your say</source>
        <translation>Dweud eich dweud</translation>
    </message>
    <message>
        <source>Scroll the page</source>
        <translation>Sgrolio&apos;r dudalen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Maint y testun</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Safonol</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Mawr</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>Mwyaf</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Lliwiau</translation>
    </message>
    <message>
        <source>Light text on a black background</source>
        <translation>Testun golau ar gefndir du</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Cyferbyniad uchel</translation>
    </message>
    <message>
        <source>A member of staff is with you, so this screen will not clear itself.</source>
        <translation>Mae aelod o staff gyda chi, felly ni fydd y sgrin hon yn clirio ei hun.</translation>
    </message>
    <message numerus="yes">
        <source>For your privacy, if nobody touches the screen for %n second(s), it asks if you need more time, then clears your answers.</source>
        <translation>
            <numerusform>Er mwyn diogelu eich preifatrwydd, os na fydd neb yn cyffwrdd â&apos;r sgrin am %n eiliad, bydd yn gofyn a oes angen mwy o amser arnoch, ac yna&apos;n clirio eich atebion.</numerusform>
            <numerusform>Er mwyn diogelu eich preifatrwydd, os na fydd neb yn cyffwrdd â&apos;r sgrin am %n eiliad, bydd yn gofyn a oes angen mwy o amser arnoch, ac yna&apos;n clirio eich atebion.</numerusform>
            <numerusform>Er mwyn diogelu eich preifatrwydd, os na fydd neb yn cyffwrdd â&apos;r sgrin am %n eiliad, bydd yn gofyn a oes angen mwy o amser arnoch, ac yna&apos;n clirio eich atebion.</numerusform>
            <numerusform>Er mwyn diogelu eich preifatrwydd, os na fydd neb yn cyffwrdd â&apos;r sgrin am %n eiliad, bydd yn gofyn a oes angen mwy o amser arnoch, ac yna&apos;n clirio eich atebion.</numerusform>
            <numerusform>Er mwyn diogelu eich preifatrwydd, os na fydd neb yn cyffwrdd â&apos;r sgrin am %n eiliad, bydd yn gofyn a oes angen mwy o amser arnoch, ac yna&apos;n clirio eich atebion.</numerusform>
        </translation>
    </message>
    <message>
        <source>Start now</source>
        <translation>Dechrau nawr</translation>
    </message>
    <message>
        <source>For staff: leave this screen</source>
        <translation>I staff: gadael y sgrin hon</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
</context>
<context>
    <name>chorus::ui::StaffLock</name>
    <message>
        <source>The staff PIN could not be saved. Check the disk has space and try again.</source>
        <translation>Nid oedd modd cadw&apos;r PIN staff. Gwnewch yn siŵr bod lle ar y ddisg a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Wait a minute, then try again.</source>
        <translation>Gormod o PINau anghywir. Arhoswch funud, yna rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>That PIN is not right. Check it and try again.</source>
        <translation>Nid yw&apos;r PIN hwnnw&apos;n gywir. Gwiriwch ef a rhowch gynnig arall arni.</translation>
    </message>
</context>
</TS>
