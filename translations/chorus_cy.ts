<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy">
<context>
    <name>AppSync</name>
    <message>
        <source>This device is not set up to send responses yet. Ask your administrator to enrol it.</source>
        <translation>Nid yw’r ddyfais hon wedi’i gosod i anfon ymatebion eto. Gofynnwch i’ch gweinyddwr ei chofrestru.</translation>
    </message>
    <message numerus="yes">
        <source>%n response(s) sent.</source>
        <translation>
            <numerusform>%n ymateb wedi’u hanfon.</numerusform>
            <numerusform>%n ymateb wedi’u hanfon.</numerusform>
            <numerusform>%n ymateb wedi’u hanfon.</numerusform>
            <numerusform>%n ymateb wedi’u hanfon.</numerusform>
            <numerusform>%n ymateb wedi’u hanfon.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sent, %2 not sent: see each response below for why.</source>
        <translation>%1 wedi’u hanfon, %2 heb eu hanfon: gweler pob ymateb isod i weld pam.</translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation>Daeth y cysoni i ben: %1</translation>
    </message>
</context>
<context>
    <name>ChoiceAnswers</name>
    <message>
        <source>Please describe (optional)</source>
        <translation>Disgrifiwch (dewisol)</translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation>Mae&apos;n well gennyf beidio â dweud</translation>
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message>
        <source>There is a problem</source>
        <translation>Mae problem wedi codi</translation>
    </message>
</context>
<context>
    <name>EventLocator</name>
    <message>
        <source>This device cannot find its location. Choose the ward from the list.</source>
        <translation>Ni all y ddyfais hon ddod o hyd i’w lleoliad. Dewiswch y ward o’r rhestr.</translation>
    </message>
    <message>
        <source>Chorus is not allowed to use the location. Choose the ward from the list, or allow location in the device settings and try again.</source>
        <translation>Nid oes gan Chorus ganiatâd i ddefnyddio’r lleoliad. Dewiswch y ward o’r rhestr, neu rhowch ganiatâd yng ngosodiadau’r ddyfais a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>The location was not found accurately enough in time. Choose the ward from the list, or try again outdoors.</source>
        <translation>Ni chafwyd y lleoliad yn ddigon cywir mewn pryd. Dewiswch y ward o’r rhestr, neu rhowch gynnig arall arni yn yr awyr agored.</translation>
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
    <name>HomePage</name>
    <message>
        <source>Scroll the page</source>
        <translation>Sgrolio&apos;r dudalen</translation>
    </message>
    <message>
        <source>Chorus</source>
        <translation>Chorus</translation>
    </message>
    <message>
        <source>%1 sent. %2 waiting to send.</source>
        <translation>%1 wedi’u hanfon. %2 yn aros i’w hanfon.</translation>
    </message>
    <message>
        <source>Start collecting</source>
        <translation>Dechrau casglu</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wrthi’n anfon…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Cysoni nawr</translation>
    </message>
    <message>
        <source>See every response and its state</source>
        <translation>Gweld pob ymateb a’i gyflwr</translation>
    </message>
    <message>
        <source>Close Chorus</source>
        <translation>Cau Chorus</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Chorus</source>
        <translation>Chorus</translation>
    </message>
    <message>
        <source>Your answers could not be saved: %1. Ask a member of staff.</source>
        <translation>Nid oedd modd cadw eich atebion: %1. Gofynnwch i aelod o staff.</translation>
    </message>
</context>
<context>
    <name>NoticePage</name>
    <message>
        <source>Agree and continue</source>
        <translation>Cytuno a pharhau</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Cyn i chi ddechrau</translation>
    </message>
    <message>
        <source>Your answers are private. They are locked on this device so that only %1 can read them.</source>
        <translation>Mae eich atebion yn breifat. Maen nhw wedi’u cloi ar y ddyfais hon fel mai dim ond %1 all eu darllen.</translation>
    </message>
    <message>
        <source>What you agree to</source>
        <translation>Yr hyn rydych chi’n cytuno iddo</translation>
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
    <name>PrivacyPage</name>
    <message>
        <source>Start for the next person</source>
        <translation>Dechrau i’r person nesaf</translation>
    </message>
    <message>
        <source>This screen is now clear</source>
        <translation>Mae’r sgrin hon bellach yn glir</translation>
    </message>
    <message>
        <source>Your answers are no longer on this screen. Please leave the device here for the next person.</source>
        <translation>Nid yw eich atebion ar y sgrin hon mwyach. Gadewch y ddyfais yma i’r person nesaf.</translation>
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
    <name>QuestionView</name>
    <message>
        <source>Prefer not to say</source>
        <translation>Mae&apos;n well gennyf beidio â dweud</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Heb ateb</translation>
    </message>
</context>
<context>
    <name>RankingAnswers</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Symud i fyny</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Symud i lawr</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <source>Finish</source>
        <translation>Gorffen</translation>
    </message>
    <message>
        <source>Thank you, your answers have been saved</source>
        <translation>Diolch, mae eich atebion wedi’u cadw</translation>
    </message>
    <message>
        <source>They are locked so that only %1 can read them, and will be sent when this device is next online.</source>
        <translation>Maen nhw wedi’u cloi fel mai dim ond %1 all eu darllen, a byddan nhw’n cael eu hanfon y tro nesaf y bydd y ddyfais hon ar-lein.</translation>
    </message>
    <message>
        <source>Your receipt code</source>
        <translation>Eich cod derbynneb</translation>
    </message>
    <message>
        <source>Your receipt code is %1</source>
        <translation>Eich cod derbynneb yw %1</translation>
    </message>
    <message>
        <source>Write it down or take a photo. If you change your mind, quote this code to %1 and they will delete your answers.</source>
        <translation>Ysgrifennwch ef neu tynnwch lun ohono. Os byddwch chi’n newid eich meddwl, rhowch y cod hwn i %1 a byddan nhw’n dileu eich atebion.</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Not finished</source>
        <translation>Heb ei orffen</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Yn aros i’w anfon</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wrthi’n anfon</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Wedi’i anfon</translation>
    </message>
    <message>
        <source>Not sent: the server has a different copy</source>
        <translation>Heb ei anfon: mae gan y gweinydd gopi gwahanol</translation>
    </message>
    <message>
        <source>Not sent: deleted on the server</source>
        <translation>Heb ei anfon: wedi’i ddileu ar y gweinydd</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Heb ei anfon eto</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Wedi’i dynnu’n ôl</translation>
    </message>
    <message>
        <source>It will be sent again at the next sync. Nothing is lost.</source>
        <translation>Bydd yn cael ei anfon eto y tro nesaf y byddwch yn cysoni. Does dim wedi’i golli.</translation>
    </message>
    <message>
        <source>The server refused it. Tell your administrator; the response is kept safely on this device.</source>
        <translation>Gwrthododd y gweinydd ef. Dywedwch wrth eich gweinyddwr; mae’r ymateb yn cael ei gadw’n ddiogel ar y ddyfais hon.</translation>
    </message>
    <message>
        <source>Tell your administrator. The response is kept on this device.</source>
        <translation>Dywedwch wrth eich gweinyddwr. Mae’r ymateb yn cael ei gadw ar y ddyfais hon.</translation>
    </message>
    <message>
        <source>Press Sync now when the device is online.</source>
        <translation>Pwyswch Cysoni nawr pan fydd y ddyfais ar-lein.</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Sending…</source>
        <translation>Wrthi’n anfon…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Cysoni nawr</translation>
    </message>
    <message>
        <source>Responses on this device</source>
        <translation>Ymatebion ar y ddyfais hon</translation>
    </message>
    <message>
        <source>There are no responses on this device yet.</source>
        <translation>Does dim ymatebion ar y ddyfais hon eto.</translation>
    </message>
    <message>
        <source>Response %1: %2</source>
        <translation>Ymateb %1: %2</translation>
    </message>
    <message>
        <source>Response …%1, %2</source>
        <translation>Ymateb …%1, %2</translation>
    </message>
</context>
<context>
    <name>RespondentSession</name>
    <message>
        <source>Tick at least one box to take part. If you do not want to take part, you can stop now: nothing has been saved.</source>
        <translation>Ticiwch o leiaf un blwch i gymryd rhan. Os nad ydych chi eisiau cymryd rhan, gallwch stopio nawr: does dim wedi’i gadw.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Send my answers</source>
        <translation>Anfon fy atebion</translation>
    </message>
    <message>
        <source>Check your answers</source>
        <translation>Gwirio eich atebion</translation>
    </message>
    <message>
        <source>You can change any answer before you send them.</source>
        <translation>Gallwch newid unrhyw ateb cyn i chi eu hanfon.</translation>
    </message>
    <message>
        <source>Change your answer to: %1</source>
        <translation>Newid eich ateb i: %1</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Newid</translation>
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
    <name>SurveyQuestionPage</name>
    <message>
        <source>Question %1 of %2</source>
        <translation>Cwestiwn %1 o %2</translation>
    </message>
    <message>
        <source>For example, 2024-03-27 (year-month-day)</source>
        <translation>Er enghraifft, 2024-03-27 (blwyddyn-mis-diwrnod)</translation>
    </message>
    <message>
        <source>For example, 1980</source>
        <translation>Er enghraifft, 1980</translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation>Mae&apos;n well gennyf beidio â dweud</translation>
    </message>
    <message>
        <source>A member of staff records the location of the event. You do not need to do anything here.</source>
        <translation>Mae aelod o staff yn cofnodi lleoliad y digwyddiad. Does dim angen i chi wneud dim yma.</translation>
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
<!-- collect: drafts, dates, repeats, events (session 2) -->
<context>
    <name>DateAnswer</name>
    <message>
        <source>Day</source>
        <translation>Diwrnod</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mis</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Blwyddyn</translation>
    </message>
    <message>
        <source>For example, 27 3 2007</source>
        <translation>Er enghraifft, 27 3 2007</translation>
    </message>
    <message>
        <source>For example, 1984</source>
        <translation>Er enghraifft, 1984</translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation>Mae&apos;n well gennyf beidio â dweud</translation>
    </message>
</context>
<context>
    <name>DateParts</name>
    <message>
        <source>The year must include 4 numbers, for example 1984</source>
        <translation>Rhaid i&apos;r flwyddyn gynnwys 4 rhif, er enghraifft 1984</translation>
    </message>
    <message>
        <source>The date must include a day and month</source>
        <translation>Rhaid i&apos;r dyddiad gynnwys diwrnod a mis</translation>
    </message>
    <message>
        <source>The date must include a day and year</source>
        <translation>Rhaid i&apos;r dyddiad gynnwys diwrnod a blwyddyn</translation>
    </message>
    <message>
        <source>The date must include a month and year</source>
        <translation>Rhaid i&apos;r dyddiad gynnwys mis a blwyddyn</translation>
    </message>
    <message>
        <source>The date must include a day</source>
        <translation>Rhaid i&apos;r dyddiad gynnwys diwrnod</translation>
    </message>
    <message>
        <source>The date must include a month</source>
        <translation>Rhaid i&apos;r dyddiad gynnwys mis</translation>
    </message>
    <message>
        <source>The date must include a year</source>
        <translation>Rhaid i&apos;r dyddiad gynnwys blwyddyn</translation>
    </message>
    <message>
        <source>The day must be a number from 1 to 31</source>
        <translation>Rhaid i&apos;r diwrnod fod yn rhif rhwng 1 a 31</translation>
    </message>
    <message>
        <source>The month must be a number from 1 to 12</source>
        <translation>Rhaid i&apos;r mis fod yn rhif rhwng 1 a 12</translation>
    </message>
    <message>
        <source>The date must be a real date: that month does not have %1 days</source>
        <translation>Rhaid i&apos;r dyddiad fod yn ddyddiad go iawn: nid oes %1 diwrnod yn y mis hwnnw</translation>
    </message>
</context>
<context>
    <name>DraftList</name>
    <message>
        <source>Interrupted interviews</source>
        <translation>Cyfweliadau a dorrwyd ar eu hanner</translation>
    </message>
    <message>
        <source>%1, saved %2</source>
        <translation>%1, cadwyd %2</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Ailddechrau</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Taflu</translation>
    </message>
    <message>
        <source>Delete these answers for good? They cannot be recovered.</source>
        <translation>Dileu&apos;r atebion hyn am byth? Nid oes modd eu hadfer.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dileu</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Cadw</translation>
    </message>
</context>
<context>
    <name>EventPage</name>
    <message>
        <source>Done</source>
        <translation>Wedi gorffen</translation>
    </message>
    <message>
        <source>Start the event</source>
        <translation>Dechrau&apos;r digwyddiad</translation>
    </message>
    <message>
        <source>Event running</source>
        <translation>Digwyddiad ar waith</translation>
    </message>
    <message>
        <source>Start an event</source>
        <translation>Dechrau digwyddiad</translation>
    </message>
    <message>
        <source>Every response collected during the event is marked with its name and ward. The location itself is never stored.</source>
        <translation>Mae pob ymateb a gesglir yn ystod y digwyddiad yn cael ei farcio â&apos;i enw a&apos;i ward. Nid yw&apos;r lleoliad ei hun byth yn cael ei gadw.</translation>
    </message>
    <message>
        <source>“%1” is running in %2. Every response collected now is marked with this event.</source>
        <translation>Mae “%1” ar waith yn %2. Mae pob ymateb a gesglir nawr yn cael ei farcio â&apos;r digwyddiad hwn.</translation>
    </message>
    <message>
        <source>no ward</source>
        <translation>dim ward</translation>
    </message>
    <message>
        <source>End the event</source>
        <translation>Dod â&apos;r digwyddiad i ben</translation>
    </message>
    <message>
        <source>For example, Library open day</source>
        <translation>Er enghraifft, Diwrnod agored y llyfrgell</translation>
    </message>
    <message>
        <source>Event name</source>
        <translation>Enw&apos;r digwyddiad</translation>
    </message>
    <message>
        <source>Find the ward from this device’s location</source>
        <translation>Dod o hyd i&apos;r ward o leoliad y ddyfais hon</translation>
    </message>
    <message>
        <source>Finding where you are. This takes up to %1 seconds.</source>
        <translation>Yn canfod ble rydych chi. Mae hyn yn cymryd hyd at %1 eiliad.</translation>
    </message>
    <message>
        <source>Stop and choose the ward yourself</source>
        <translation>Stopio a dewis y ward eich hun</translation>
    </message>
    <message>
        <source>Ward: %1</source>
        <translation>Ward: %1</translation>
    </message>
    <message>
        <source>Choose a different ward</source>
        <translation>Dewis ward wahanol</translation>
    </message>
    <message>
        <source>Choose the ward yourself</source>
        <translation>Dewis y ward eich hun</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Ward</translation>
    </message>
</context>
<context>
    <name>EventSession</name>
    <message>
        <source>This survey has no ward boundaries, so the location cannot be turned into a ward. Choose the ward yourself, or leave it empty.</source>
        <translation>Nid oes gan yr arolwg hwn ffiniau wardiau, felly nid oes modd troi&apos;r lleoliad yn ward. Dewiswch y ward eich hun, neu gadewch hi&apos;n wag.</translation>
    </message>
    <message>
        <source>This location is outside every ward of this survey. Choose the ward yourself.</source>
        <translation>Mae&apos;r lleoliad hwn y tu allan i bob ward yn yr arolwg hwn. Dewiswch y ward eich hun.</translation>
    </message>
    <message>
        <source>Enter a name for the event, for example &quot;Library open day&quot;</source>
        <translation>Rhowch enw i&apos;r digwyddiad, er enghraifft &quot;Diwrnod agored y llyfrgell&quot;</translation>
    </message>
    <message>
        <source>Choose the ward the event is in, or find it from this device&apos;s location</source>
        <translation>Dewiswch y ward y mae&apos;r digwyddiad ynddi, neu dewch o hyd iddi o leoliad y ddyfais hon</translation>
    </message>
</context>
<context>
    <name>EventSummary</name>
    <message>
        <source>Event: %1, %2</source>
        <translation>Digwyddiad: %1, %2</translation>
    </message>
    <message>
        <source>no ward</source>
        <translation>dim ward</translation>
    </message>
    <message>
        <source>No event running.</source>
        <translation>Dim digwyddiad ar waith.</translation>
    </message>
    <message>
        <source>See or end the event</source>
        <translation>Gweld neu orffen y digwyddiad</translation>
    </message>
    <message>
        <source>Start an event</source>
        <translation>Dechrau digwyddiad</translation>
    </message>
</context>
<context>
    <name>RepeatAnswers</name>
    <message>
        <source>Remove %1</source>
        <translation>Tynnu %1</translation>
    </message>
    <message>
        <source>Remove %1 and every answer given for them? This cannot be undone.</source>
        <translation>Tynnu %1 a phob ateb a roddwyd ar eu cyfer? Nid oes modd dadwneud hyn.</translation>
    </message>
    <message>
        <source>Yes, remove</source>
        <translation>Ydw, tynnu</translation>
    </message>
    <message>
        <source>No, keep</source>
        <translation>Na, cadw</translation>
    </message>
    <message>
        <source>Add %1 %2</source>
        <translation>Ychwanegu %1 %2</translation>
    </message>
</context>
<context>
    <name>RepeatView</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>RespondentSession</name>
    <message>
        <source>There is no survey to resume.</source>
        <translation>Nid oes arolwg i&apos;w ailddechrau.</translation>
    </message>
    <message>
        <source>This interview belongs to survey %1 version %2, which is not the survey open now. Open that survey to resume it, or discard it.</source>
        <translation>Mae&apos;r cyfweliad hwn yn perthyn i arolwg %1 fersiwn %2, nad yw&apos;n agored nawr. Agorwch yr arolwg hwnnw i&apos;w ailddechrau, neu taflwch ef.</translation>
    </message>
</context>
</TS>
