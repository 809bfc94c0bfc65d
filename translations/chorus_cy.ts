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
        <source>Anyone who can use this computer account can then open Chorus&apos;s unfinished responses.</source>
        <translation>Gall unrhyw un sy’n gallu defnyddio’r cyfrif cyfrifiadur hwn agor ymatebion anorffenedig Chorus wedyn.</translation>
    </message>
    <message>
        <source>Keyring unlock: on</source>
        <translation>Datgloi gyda’r cylch allweddi: ymlaen</translation>
    </message>
    <message>
        <source>Keyring unlock: off</source>
        <translation>Datgloi gyda’r cylch allweddi: i ffwrdd</translation>
    </message>
    <message>
        <source>I am with the respondent: do not clear the screen when idle</source>
        <translation>Rydw i gyda&apos;r ymatebydd: peidiwch â chlirio&apos;r sgrin pan fydd yn segur</translation>
    </message>
    <message>
        <source>Only while you stay with each person answering. Turn it back on before handing the device over.</source>
        <translation>Dim ond tra byddwch chi&apos;n aros gyda phob person sy&apos;n ateb. Trowch ef yn ôl ymlaen cyn rhoi&apos;r ddyfais i rywun arall.</translation>
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
    <message>
        <source>Kiosk mode</source>
        <translation>Modd ciosg</translation>
    </message>
    <message>
        <source>Outreach mode, collecting as %1</source>
        <translation>Modd allgymorth, yn casglu fel %1</translation>
    </message>
    <message>
        <source>There are no surveys on this device yet. Check for new surveys, or ask your administrator to assign one to this device.</source>
        <translation>Does dim arolygon ar y ddyfais hon eto. Chwiliwch am arolygon newydd, neu gofynnwch i’ch gweinyddwr neilltuo un i’r ddyfais hon.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wrthi’n gwirio…</translation>
    </message>
    <message>
        <source>Check for new surveys</source>
        <translation>Chwilio am arolygon newydd</translation>
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
    <message>
        <source>Show more responses</source>
        <translation>Dangos rhagor o ymatebion</translation>
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
    <name>SetupBundlePage</name>
    <message>
        <source>Enrol this device</source>
        <translation>Cofrestru’r ddyfais hon</translation>
    </message>
    <message>
        <source>Use the enrollment your administrator gave you for this device.</source>
        <translation>Defnyddiwch y cofrestriad a roddodd eich gweinyddwr i chi ar gyfer y ddyfais hon.</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Cam %1 o %2</translation>
    </message>
    <message>
        <source>Choose how you will give the enrollment</source>
        <translation>Dewiswch sut y byddwch yn rhoi’r cofrestriad</translation>
    </message>
    <message>
        <source>From a file</source>
        <translation>O ffeil</translation>
    </message>
    <message>
        <source>Enrollment file</source>
        <translation>Ffeil gofrestru</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Dewis…</translation>
    </message>
    <message>
        <source>Paste the text</source>
        <translation>Gludo’r testun</translation>
    </message>
    <message>
        <source>Enrollment text</source>
        <translation>Testun y cofrestriad</translation>
    </message>
    <message>
        <source>Paste the enrollment here</source>
        <translation>Gludwch y cofrestriad yma</translation>
    </message>
    <message>
        <source>A photo or screenshot of the QR code (PNG or JPEG)</source>
        <translation>Llun neu sgrinlun o’r cod QR (PNG neu JPEG)</translation>
    </message>
    <message>
        <source>From a QR code picture</source>
        <translation>O lun o god QR</translation>
    </message>
    <message>
        <source>QR picture</source>
        <translation>Llun QR</translation>
    </message>
    <message>
        <source>Enrollment files (*.json)</source>
        <translation>Ffeiliau cofrestru (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Choose the enrollment file</source>
        <translation>Dewiswch y ffeil gofrestru</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Lluniau (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Choose the QR code picture</source>
        <translation>Dewiswch lun y cod QR</translation>
    </message>
</context>
<context>
    <name>SetupConfirmPage</name>
    <message>
        <source>Yes, enrol this device</source>
        <translation>Ydw, cofrestru’r ddyfais hon</translation>
    </message>
    <message>
        <source>Check this is your council</source>
        <translation>Gwiriwch mai dyma’ch cyngor</translation>
    </message>
    <message>
        <source>Compare the key fingerprint with the one your administrator shows you. If any part is different, do not continue: go back and ask them.</source>
        <translation>Cymharwch ôl bys yr allwedd â’r un y mae eich gweinyddwr yn ei ddangos i chi. Os oes unrhyw ran yn wahanol, peidiwch â pharhau: ewch yn ôl a gofynnwch iddyn nhw.</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Cam %1 o %2</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>Cyngor</translation>
    </message>
    <message>
        <source>Council key fingerprint</source>
        <translation>Ôl bys allwedd y cyngor</translation>
    </message>
    <message>
        <source>Sends responses to</source>
        <translation>Yn anfon ymatebion i</translation>
    </message>
    <message>
        <source>This device&apos;s name</source>
        <translation>Enw’r ddyfais hon</translation>
    </message>
    <message>
        <source>Enrollment valid until</source>
        <translation>Mae’r cofrestriad yn ddilys tan</translation>
    </message>
</context>
<context>
    <name>SetupFetchPage</name>
    <message>
        <source>Getting your surveys</source>
        <translation>Wrthi’n nôl eich arolygon</translation>
    </message>
    <message>
        <source>Chorus is fetching the surveys assigned to this device and checking that your council signed them.</source>
        <translation>Mae Chorus yn nôl yr arolygon a neilltuwyd i’r ddyfais hon ac yn gwirio bod eich cyngor wedi’u llofnodi.</translation>
    </message>
    <message>
        <source>Fetching surveys</source>
        <translation>Wrthi’n nôl arolygon</translation>
    </message>
</context>
<context>
    <name>SetupModePage</name>
    <message>
        <source>Getting your surveys…</source>
        <translation>Wrthi’n nôl eich arolygon…</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Parhau</translation>
    </message>
    <message>
        <source>How will this device be used?</source>
        <translation>Sut bydd y ddyfais hon yn cael ei defnyddio?</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Cam %1 o %2</translation>
    </message>
    <message>
        <source>Choose how this device will be used</source>
        <translation>Dewiswch sut bydd y ddyfais hon yn cael ei defnyddio</translation>
    </message>
    <message>
        <source>A member of staff holds the device and asks the questions</source>
        <translation>Mae aelod o staff yn dal y ddyfais ac yn gofyn y cwestiynau</translation>
    </message>
    <message>
        <source>Outreach</source>
        <translation>Allgymorth</translation>
    </message>
    <message>
        <source>Recorded with each response you collect</source>
        <translation>Caiff ei gofnodi gyda phob ymateb y byddwch yn ei gasglu</translation>
    </message>
    <message>
        <source>Your name or staff id</source>
        <translation>Eich enw neu’ch rhif staff</translation>
    </message>
    <message>
        <source>Residents answer on their own; the screen is locked to the survey</source>
        <translation>Mae preswylwyr yn ateb ar eu pen eu hunain; mae’r sgrin wedi’i chloi i’r arolwg</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Ciosg</translation>
    </message>
    <message>
        <source>4 to 12 digits. Staff need it to leave the survey.</source>
        <translation>4 i 12 digid. Mae ei angen ar staff i adael yr arolwg.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN staff</translation>
    </message>
    <message>
        <source>Type the PIN again</source>
        <translation>Teipiwch y PIN eto</translation>
    </message>
</context>
<context>
    <name>SetupPassphrasePage</name>
    <message>
        <source>Anyone who can use this computer account can then open Chorus&apos;s unfinished responses.</source>
        <translation>Gall unrhyw un sy’n gallu defnyddio’r cyfrif cyfrifiadur hwn agor ymatebion anorffenedig Chorus wedyn.</translation>
    </message>
    <message>
        <source>Open Chorus without the passphrase while this computer account is signed in</source>
        <translation>Agor Chorus heb y cyfrinymadrodd tra bo’r cyfrif cyfrifiadur hwn wedi mewngofnodi</translation>
    </message>
    <message>
        <source>Setting up…</source>
        <translation>Wrthi’n gosod…</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Parhau</translation>
    </message>
    <message>
        <source>Set the operator passphrase</source>
        <translation>Gosod cyfrinymadrodd y gweithredwr</translation>
    </message>
    <message>
        <source>Staff type this passphrase each time Chorus starts. It protects unfinished responses on this device. Nobody can recover it, so keep it somewhere safe.</source>
        <translation>Mae staff yn teipio’r cyfrinymadrodd hwn bob tro y bydd Chorus yn dechrau. Mae’n diogelu ymatebion heb eu gorffen ar y ddyfais hon. Does neb yn gallu ei adfer, felly cadwch ef yn rhywle diogel.</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Cam %1 o %2</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Strength: %1</source>
        <translation>Cryfder: %1</translation>
    </message>
    <message>
        <source>Type the passphrase again</source>
        <translation>Teipiwch y cyfrinymadrodd eto</translation>
    </message>
    <message>
        <source>Setting up the vault</source>
        <translation>Wrthi’n gosod y gladdgell</translation>
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
    <name>SurveyCard</name>
    <message>
        <source>Survey: %1</source>
        <translation>Arolwg: %1</translation>
    </message>
    <message>
        <source>Version %1. %2 unfinished, %3 waiting to send, %4 sent, %5 not sent.</source>
        <translation>Fersiwn %1. %2 heb eu gorffen, %3 yn aros i’w hanfon, %4 wedi’u hanfon, %5 heb eu hanfon.</translation>
    </message>
    <message>
        <source>Start this survey</source>
        <translation>Dechrau’r arolwg hwn</translation>
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
    <name>UnlockPage</name>
    <message>
        <source>Opening with the keyring…</source>
        <translation>Wrthi’n agor gyda’r cylch allweddi…</translation>
    </message>
    <message>
        <source>Opening with the keyring</source>
        <translation>Wrthi’n agor gyda’r cylch allweddi</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wrthi’n gwirio…</translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n second(s)</source>
        <translation>
            <numerusform>Rhowch gynnig arall arni ymhen %n eiliad</numerusform>
            <numerusform>Rhowch gynnig arall arni ymhen %n eiliad</numerusform>
            <numerusform>Rhowch gynnig arall arni ymhen %n eiliad</numerusform>
            <numerusform>Rhowch gynnig arall arni ymhen %n eiliad</numerusform>
            <numerusform>Rhowch gynnig arall arni ymhen %n eiliad</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Datgloi</translation>
    </message>
    <message>
        <source>Unlock Chorus</source>
        <translation>Datgloi Chorus</translation>
    </message>
    <message>
        <source>This device collects for %1. Type the operator passphrase set up on it.</source>
        <translation>Mae’r ddyfais hon yn casglu ar gyfer %1. Teipiwch y cyfrinymadrodd gweithredwr a osodwyd arni.</translation>
    </message>
    <message>
        <source>Type the operator passphrase set up on this device.</source>
        <translation>Teipiwch y cyfrinymadrodd gweithredwr a osodwyd ar y ddyfais hon.</translation>
    </message>
    <message>
        <source>Operator passphrase</source>
        <translation>Cyfrinymadrodd y gweithredwr</translation>
    </message>
    <message>
        <source>Checking the passphrase</source>
        <translation>Wrthi’n gwirio’r cyfrinymadrodd</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Have your say</source>
        <translation>Dweud eich dweud</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
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
    <name>chorus::ui::DeviceSetup</name>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 wedi’i wrthod: %2</translation>
    </message>
    <message>
        <source>No surveys are assigned to this device yet. Ask your administrator to assign one, then check again.</source>
        <translation>Does dim arolygon wedi’u neilltuo i’r ddyfais hon eto. Gofynnwch i’ch gweinyddwr neilltuo un, yna gwiriwch eto.</translation>
    </message>
    <message numerus="yes">
        <source>%n new or updated survey(s) installed.</source>
        <translation>
            <numerusform>%n arolwg newydd neu wedi’i ddiweddaru wedi’i osod.</numerusform>
            <numerusform>%n arolwg newydd neu wedi’i ddiweddaru wedi’i osod.</numerusform>
            <numerusform>%n arolwg newydd neu wedi’i ddiweddaru wedi’i osod.</numerusform>
            <numerusform>%n arolwg newydd neu wedi’i ddiweddaru wedi’i osod.</numerusform>
            <numerusform>%n arolwg newydd neu wedi’i ddiweddaru wedi’i osod.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already up to date.</source>
        <translation>
            <numerusform>%n eisoes yn gyfredol.</numerusform>
            <numerusform>%n eisoes yn gyfredol.</numerusform>
            <numerusform>%n eisoes yn gyfredol.</numerusform>
            <numerusform>%n eisoes yn gyfredol.</numerusform>
            <numerusform>%n eisoes yn gyfredol.</numerusform>
        </translation>
    </message>
    <message>
        <source>This device&apos;s enrollment cannot be read: %1</source>
        <translation>Does dim modd darllen cofrestriad y ddyfais hon: %1</translation>
    </message>
    <message>
        <source>Enter the path of the enrollment file, or choose it.</source>
        <translation>Rhowch lwybr y ffeil gofrestru, neu dewiswch hi.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Does dim modd darllen %1: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be an enrollment file. Choose the file your administrator gave you.</source>
        <translation>Mae %1 yn rhy fawr i fod yn ffeil gofrestru. Dewiswch y ffeil a roddodd eich gweinyddwr i chi.</translation>
    </message>
    <message>
        <source>Paste the enrollment text first.</source>
        <translation>Gludwch destun y cofrestriad yn gyntaf.</translation>
    </message>
    <message>
        <source>Enter the path of the QR picture, or choose it.</source>
        <translation>Rhowch lwybr y llun QR, neu dewiswch ef.</translation>
    </message>
    <message>
        <source>The QR picture could not be read: %1</source>
        <translation>Doedd dim modd darllen y llun QR: %1</translation>
    </message>
    <message>
        <source>This is not an enrollment this device can accept: %1</source>
        <translation>Nid yw hwn yn gofrestriad y gall y ddyfais hon ei dderbyn: %1</translation>
    </message>
    <message>
        <source>The enrollment could not be saved: %1</source>
        <translation>Doedd dim modd cadw’r cofrestriad: %1</translation>
    </message>
    <message>
        <source>Enter your name or staff id (up to %1 characters): it is recorded with each response you collect.</source>
        <translation>Rhowch eich enw neu’ch rhif staff (hyd at %1 nod): caiff ei gofnodi gyda phob ymateb y byddwch yn ei gasglu.</translation>
    </message>
    <message>
        <source>The two PINs are different. Type the same PIN in both boxes.</source>
        <translation>Mae’r ddau PIN yn wahanol. Teipiwch yr un PIN yn y ddau flwch.</translation>
    </message>
    <message>
        <source>The mode could not be saved: %1</source>
        <translation>Doedd dim modd cadw’r modd: %1</translation>
    </message>
    <message>
        <source>This device is not enrolled yet.</source>
        <translation>Nid yw’r ddyfais hon wedi’i chofrestru eto.</translation>
    </message>
    <message>
        <source>Could not check for surveys: %1. Try again with &quot;Check for new surveys&quot;.</source>
        <translation>Doedd dim modd chwilio am arolygon: %1. Rhowch gynnig arall arni gyda &quot;Chwilio am arolygon newydd&quot;.</translation>
    </message>
</context>
<context>
    <name>chorus::ui::InstalledSurveys</name>
    <message>
        <source>The surveys on this device cannot be read: %1</source>
        <translation>Does dim modd darllen yr arolygon ar y ddyfais hon: %1</translation>
    </message>
    <message>
        <source>This device is not enrolled, so no survey can be trusted yet.</source>
        <translation>Nid yw’r ddyfais hon wedi’i chofrestru, felly does dim modd ymddiried mewn unrhyw arolwg eto.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Wedi’i wrthod: %1</translation>
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
<context>
    <name>chorus::ui::VaultKeeper</name>
    <message>
        <source>The keyring is locked, so Chorus could not open by itself. Type the operator passphrase.</source>
        <translation>Mae’r cylch allweddi wedi’i gloi, felly ni allai Chorus agor ar ei ben ei hun. Teipiwch gyfrinymadrodd y gweithredwr.</translation>
    </message>
    <message>
        <source>The keyring no longer holds Chorus&apos;s key. Type the operator passphrase.</source>
        <translation>Nid yw’r cylch allweddi yn dal allwedd Chorus mwyach. Teipiwch gyfrinymadrodd y gweithredwr.</translation>
    </message>
    <message>
        <source>The key in the keyring belongs to another device. Type the operator passphrase.</source>
        <translation>Mae’r allwedd yn y cylch allweddi yn perthyn i ddyfais arall. Teipiwch gyfrinymadrodd y gweithredwr.</translation>
    </message>
    <message>
        <source>The keyring could not be reached. Type the operator passphrase.</source>
        <translation>Nid oedd modd cyrraedd y cylch allweddi. Teipiwch gyfrinymadrodd y gweithredwr.</translation>
    </message>
    <message>
        <source>Unlock Chorus with the passphrase first.</source>
        <translation>Datglowch Chorus gyda’r cyfrinymadrodd yn gyntaf.</translation>
    </message>
    <message>
        <source>Chorus could not prepare its key for the keyring.</source>
        <translation>Nid oedd modd i Chorus baratoi ei allwedd ar gyfer y cylch allweddi.</translation>
    </message>
    <message>
        <source>The keyring could not keep Chorus&apos;s key, so Chorus will ask for the passphrase at each start.</source>
        <translation>Nid oedd modd i’r cylch allweddi gadw allwedd Chorus, felly bydd Chorus yn gofyn am y cyfrinymadrodd bob tro y bydd yn dechrau.</translation>
    </message>
    <message>
        <source>The keyring could not remove Chorus&apos;s key: unlock the keyring and try again.</source>
        <translation>Nid oedd modd i’r cylch allweddi dynnu allwedd Chorus: datglowch y cylch allweddi a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>The device database could not record the keyring setting.</source>
        <translation>Nid oedd modd i gronfa ddata’r ddyfais gofnodi gosodiad y cylch allweddi.</translation>
    </message>
    <message>
        <source>The device database cannot be read: %1</source>
        <translation>Does dim modd darllen cronfa ddata’r ddyfais: %1</translation>
    </message>
    <message>
        <source>Use at least %1 characters. Three or four unrelated words are easy to remember and hard to guess.</source>
        <translation>Defnyddiwch o leiaf %1 nod. Mae tri neu bedwar gair digyswllt yn hawdd eu cofio ac yn anodd eu dyfalu.</translation>
    </message>
    <message>
        <source>Too short: use at least %1 characters.</source>
        <translation>Rhy fyr: defnyddiwch o leiaf %1 nod.</translation>
    </message>
    <message>
        <source>Too easy to guess: it repeats the same few characters.</source>
        <translation>Rhy hawdd ei ddyfalu: mae’n ailadrodd yr un ychydig nodau.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Cryf.</translation>
    </message>
    <message>
        <source>Good. A longer passphrase is stronger still.</source>
        <translation>Da. Mae cyfrinymadrodd hirach yn gryfach byth.</translation>
    </message>
    <message>
        <source>Acceptable, but longer is safer: try three or four unrelated words.</source>
        <translation>Derbyniol, ond mae hirach yn fwy diogel: rhowch gynnig ar dri neu bedwar gair digyswllt.</translation>
    </message>
    <message>
        <source>There is no device database to keep the vault in.</source>
        <translation>Does dim cronfa ddata ar y ddyfais i gadw’r gladdgell ynddi.</translation>
    </message>
    <message>
        <source>The two passphrases are different. Type the same passphrase in both boxes.</source>
        <translation>Mae’r ddau gyfrinymadrodd yn wahanol. Teipiwch yr un cyfrinymadrodd yn y ddau flwch.</translation>
    </message>
    <message>
        <source>The vault could not be created: %1</source>
        <translation>Doedd dim modd creu’r gladdgell: %1</translation>
    </message>
    <message>
        <source>The vault could not be saved: %1</source>
        <translation>Doedd dim modd cadw’r gladdgell: %1</translation>
    </message>
    <message numerus="yes">
        <source>Wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>Arhoswch %n eiliad cyn rhoi cynnig arall arni.</numerusform>
            <numerusform>Arhoswch %n eiliad cyn rhoi cynnig arall arni.</numerusform>
            <numerusform>Arhoswch %n eiliad cyn rhoi cynnig arall arni.</numerusform>
            <numerusform>Arhoswch %n eiliad cyn rhoi cynnig arall arni.</numerusform>
            <numerusform>Arhoswch %n eiliad cyn rhoi cynnig arall arni.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the operator passphrase.</source>
        <translation>Rhowch gyfrinymadrodd y gweithredwr.</translation>
    </message>
    <message>
        <source>The vault cannot be opened: %1</source>
        <translation>Does dim modd agor y gladdgell: %1</translation>
    </message>
    <message>
        <source>That passphrase is not right. Check it and try again: each wrong passphrase makes the next wait longer.</source>
        <translation>Nid yw’r cyfrinymadrodd hwnnw’n gywir. Gwiriwch ef a rhowch gynnig arall arni: mae pob cyfrinymadrodd anghywir yn gwneud yr aros nesaf yn hirach.</translation>
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
<context>
    <name>AdminMain</name>
    <message>
        <source>Keys</source>
        <translation>Allweddi</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>Arolygon</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dyfeisiau</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Lawrlwytho</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Allforio</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Adroddiad</translation>
    </message>
    <message>
        <source>Chorus admin — %1</source>
        <translation>Gweinyddu Chorus — %1</translation>
    </message>
    <message>
        <source>Chorus admin</source>
        <translation>Gweinyddu Chorus</translation>
    </message>
    <message>
        <source>Chorus admin · %1</source>
        <translation>Gweinyddu Chorus · %1</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Enrolling a device gives it its own token for the receiver and tells it which surveys to run and which council key to trust. The bundle holds that token: hand it over like a password and delete it once the device is set up.</source>
        <translation>Mae cofrestru dyfais yn rhoi ei thocyn ei hun iddi ar gyfer y derbynnydd ac yn dweud wrthi pa arolygon i’w cynnal a pha allwedd cyngor i ymddiried ynddi. Mae’r pecyn yn cynnwys y tocyn hwnnw: triniwch ef fel cyfrinair, a’i ddileu pan fydd y ddyfais wedi’i gosod.</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dyfeisiau</translation>
    </message>
    <message>
        <source>Enrol a device</source>
        <translation>Cofrestru dyfais</translation>
    </message>
    <message>
        <source>Letters, digits, dots and dashes, for example tablet-07.</source>
        <translation>Llythrennau, digidau, atalnodau llawn a chysylltnodau, er enghraifft tablet-07.</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Enw’r ddyfais</translation>
    </message>
    <message>
        <source>Survey ids separated by commas. Leave empty for every survey.</source>
        <translation>Dynodwyr arolygon, wedi’u gwahanu gan gomas. Gadewch yn wag ar gyfer pob arolwg.</translation>
    </message>
    <message>
        <source>Surveys for this device</source>
        <translation>Arolygon ar gyfer y ddyfais hon</translation>
    </message>
    <message>
        <source>The bundle must be used on the device within this many days.</source>
        <translation>Rhaid defnyddio’r pecyn ar y ddyfais o fewn y nifer hwn o ddiwrnodau.</translation>
    </message>
    <message>
        <source>Days to use the bundle</source>
        <translation>Diwrnodau i ddefnyddio’r pecyn</translation>
    </message>
    <message>
        <source>To sign the bundle with the council signing key.</source>
        <translation>I lofnodi’r pecyn ag allwedd lofnodi’r cyngor.</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Cyfrinymadrodd yr allweddi</translation>
    </message>
    <message>
        <source>Enrol device</source>
        <translation>Cofrestru’r ddyfais</translation>
    </message>
    <message>
        <source>Bundle for %1</source>
        <translation>Pecyn ar gyfer %1</translation>
    </message>
    <message>
        <source>Council key fingerprint: %1</source>
        <translation>Ôl bys allwedd y cyngor: %1</translation>
    </message>
    <message>
        <source>Bundle file: %1</source>
        <translation>Ffeil y pecyn: %1</translation>
    </message>
    <message>
        <source>QR code of the enrolment bundle for %1. Scan it with the device&apos;s camera.</source>
        <translation>Cod QR y pecyn cofrestru ar gyfer %1. Sganiwch ef â chamera’r ddyfais.</translation>
    </message>
    <message>
        <source>No QR code: %1</source>
        <translation>Dim cod QR: %1</translation>
    </message>
    <message>
        <source>Devices on the receiver</source>
        <translation>Dyfeisiau ar y derbynnydd</translation>
    </message>
    <message>
        <source>Show devices</source>
        <translation>Dangos y dyfeisiau</translation>
    </message>
    <message>
        <source>%1. Surveys: %2</source>
        <translation>%1. Arolygon: %2</translation>
    </message>
    <message>
        <source>Stops %1 sending responses and fetching surveys.</source>
        <translation>Mae’n atal %1 rhag anfon ymatebion a nôl arolygon.</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>Dirymu %1</translation>
    </message>
    <message>
        <source>Revoke %1? It will no longer send responses or fetch surveys, and must be enrolled again to collect.</source>
        <translation>Dirymu %1? Ni fydd yn anfon ymatebion nac yn nôl arolygon mwyach, a rhaid ei gofrestru eto i gasglu.</translation>
    </message>
    <message>
        <source>Yes, revoke %1</source>
        <translation>Ie, dirymu %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Writes every response, one row each, into a new folder under exports. Withdrawn responses are left out. The file holds personal and special-category data: each export is recorded in the audit log with your name and the time.</source>
        <translation>Mae’n ysgrifennu pob ymateb, un rhes yr un, i ffolder newydd o dan exports. Caiff ymatebion a dynnwyd yn ôl eu hepgor. Mae’r ffeil yn cynnwys data personol a data categori arbennig: caiff pob allforiad ei gofnodi yn y cofnod archwilio gyda’ch enw a’r amser.</translation>
    </message>
    <message>
        <source>Export responses</source>
        <translation>Allforio ymatebion</translation>
    </message>
    <message>
        <source>Excel (XLSX)</source>
        <translation>Excel (XLSX)</translation>
    </message>
    <message>
        <source>A sheet for the responses and one for each repeated group.</source>
        <translation>Dalen ar gyfer yr ymatebion ac un ar gyfer pob grŵp sy’n cael ei ailadrodd.</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>One file for the responses and one for each repeated group.</source>
        <translation>Un ffeil ar gyfer yr ymatebion ac un ar gyfer pob grŵp sy’n cael ei ailadrodd.</translation>
    </message>
    <message>
        <source>JSON lines</source>
        <translation>Llinellau JSON</translation>
    </message>
    <message>
        <source>For analysis software; the report can also read it.</source>
        <translation>Ar gyfer meddalwedd dadansoddi; gall yr adroddiad ei ddarllen hefyd.</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Fformat y ffeil</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codau</translation>
    </message>
    <message>
        <source>Stable across languages and question bank versions.</source>
        <translation>Yr un fath ym mhob iaith ac ym mhob fersiwn o’r banc cwestiynau.</translation>
    </message>
    <message>
        <source>Answer labels</source>
        <translation>Labeli’r atebion</translation>
    </message>
    <message>
        <source>Easier to read.</source>
        <translation>Haws eu darllen.</translation>
    </message>
    <message>
        <source>Answers as</source>
        <translation>Atebion fel</translation>
    </message>
    <message>
        <source>Language code of the labels, for example en or cy.</source>
        <translation>Cod iaith y labeli, er enghraifft en neu cy.</translation>
    </message>
    <message>
        <source>Label language</source>
        <translation>Iaith y labeli</translation>
    </message>
    <message>
        <source>What people typed for &quot;Other, please describe&quot;.</source>
        <translation>Yr hyn a deipiodd pobl ar gyfer &quot;Arall, disgrifiwch&quot;.</translation>
    </message>
    <message>
        <source>Include written-in answers</source>
        <translation>Cynnwys atebion a ysgrifennwyd</translation>
    </message>
    <message>
        <source>Optional: puts the columns in question order and supplies the labels.</source>
        <translation>Dewisol: mae’n rhoi’r colofnau yn nhrefn y cwestiynau ac yn darparu’r labeli.</translation>
    </message>
    <message>
        <source>Survey package</source>
        <translation>Pecyn arolwg</translation>
    </message>
    <message>
        <source>Survey packages (*.json)</source>
        <translation>Pecynnau arolwg (*.json)</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Cyfrinymadrodd yr allweddi</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Allforio</translation>
    </message>
    <message>
        <source>Responses that could not be opened (%1)</source>
        <translation>Ymatebion nad oedd modd eu hagor (%1)</translation>
    </message>
    <message>
        <source>They were probably sealed to another council key or damaged on the way. Everything else was exported.</source>
        <translation>Mae’n debyg iddyn nhw gael eu selio i allwedd cyngor arall neu eu difrodi ar y ffordd. Cafodd popeth arall ei allforio.</translation>
    </message>
    <message>
        <source>Open the export folder</source>
        <translation>Agor ffolder yr allforiad</translation>
    </message>
    <message>
        <source>Export the responses</source>
        <translation>Allforio&apos;r ymatebion</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <source>Choose a folder…</source>
        <translation>Dewis ffolder…</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Dewis ffeil…</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>There is a problem</source>
        <translation>Mae problem wedi codi</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wedi gorffen</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>These keys open every response and sign every survey and device enrolment. Their private halves are stored only encrypted under your passphrase.</source>
        <translation>Mae’r allweddi hyn yn agor pob ymateb ac yn llofnodi pob arolwg a phob cofrestriad dyfais. Dim ond wedi’u hamgryptio o dan eich cyfrinymadrodd y caiff eu rhannau preifat eu cadw.</translation>
    </message>
    <message>
        <source>Create the council&apos;s keys. Responses are encrypted to the council key on each device and can only be read here, with your passphrase. Nobody, including Chorus, can recover a lost passphrase.</source>
        <translation>Crëwch allweddi’r cyngor. Caiff ymatebion eu hamgryptio i allwedd y cyngor ar bob dyfais a dim ond yma, gyda’ch cyfrinymadrodd, y mae modd eu darllen. Does neb, gan gynnwys Chorus, yn gallu adfer cyfrinymadrodd a gollwyd.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Allweddi</translation>
    </message>
    <message>
        <source>Keys in this workspace</source>
        <translation>Allweddi yn y gweithle hwn</translation>
    </message>
    <message>
        <source>Council key (encryption): %1, created %2</source>
        <translation>Allwedd y cyngor (amgryptio): %1, crëwyd %2</translation>
    </message>
    <message>
        <source>Signing key: %1</source>
        <translation>Allwedd lofnodi: %1</translation>
    </message>
    <message>
        <source>Signing key fingerprint: %1</source>
        <translation>Ôl bys yr allwedd lofnodi: %1</translation>
    </message>
    <message>
        <source>Devices show this fingerprint when they are enrolled: compare the two.</source>
        <translation>Mae dyfeisiau’n dangos yr ôl bys hwn pan fyddan nhw’n cael eu cofrestru: cymharwch y ddau.</translation>
    </message>
    <message>
        <source>Retired council keys, kept to read older responses: %1</source>
        <translation>Hen allweddi’r cyngor, a gedwir i ddarllen ymatebion hŷn: %1</translation>
    </message>
    <message>
        <source>Needed to rotate the council key.</source>
        <translation>Mae ei angen i newid allwedd y cyngor.</translation>
    </message>
    <message>
        <source>At least 12 characters. Several unrelated words are easy to remember and hard to guess.</source>
        <translation>O leiaf 12 nod. Mae sawl gair digyswllt yn hawdd eu cofio ac yn anodd eu dyfalu.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Type the passphrase again</source>
        <translation>Teipiwch y cyfrinymadrodd eto</translation>
    </message>
    <message>
        <source>Create keys</source>
        <translation>Creu allweddi</translation>
    </message>
    <message>
        <source>Makes a new council key for new responses; the old one is kept to read older responses.</source>
        <translation>Mae’n creu allwedd cyngor newydd ar gyfer ymatebion newydd; caiff yr hen un ei chadw i ddarllen ymatebion hŷn.</translation>
    </message>
    <message>
        <source>Rotate the council key</source>
        <translation>Newid allwedd y cyngor</translation>
    </message>
</context>
<context>
    <name>PageTabs</name>
    <message>
        <source>Pages</source>
        <translation>Tudalennau</translation>
    </message>
</context>
<context>
    <name>PullPage</name>
    <message>
        <source>Download the responses the receiver holds. They stay encrypted until you export them. Only new and changed ones are downloaded, and you can stop and carry on later.</source>
        <translation>Lawrlwythwch yr ymatebion sydd gan y derbynnydd. Maen nhw’n aros wedi’u hamgryptio nes i chi eu hallforio. Dim ond rhai newydd a rhai sydd wedi newid sy’n cael eu lawrlwytho, a gallwch stopio a pharhau yn nes ymlaen.</translation>
    </message>
    <message>
        <source>Download responses</source>
        <translation>Lawrlwytho ymatebion</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Lawrlwytho</translation>
    </message>
    <message>
        <source>Download the responses</source>
        <translation>Lawrlwytho&apos;r ymatebion</translation>
    </message>
</context>
<context>
    <name>ReceiverFields</name>
    <message>
        <source>For example https://survey.example.gov.uk</source>
        <translation>Er enghraifft https://survey.example.gov.uk</translation>
    </message>
    <message>
        <source>Receiver address</source>
        <translation>Cyfeiriad y derbynnydd</translation>
    </message>
    <message>
        <source>The file your IT team gave you with the receiver&apos;s admin token.</source>
        <translation>Y ffeil a roddodd eich tîm TG i chi gyda thocyn gweinyddu’r derbynnydd.</translation>
    </message>
    <message>
        <source>Admin token file</source>
        <translation>Ffeil y tocyn gweinyddu</translation>
    </message>
    <message>
        <source>Only if your receiver&apos;s certificate comes from the council&apos;s own certificate authority: its certificate file (PEM).</source>
        <translation>Dim ond os daw tystysgrif eich derbynnydd gan awdurdod tystysgrifau’r cyngor ei hun: ffeil tystysgrif yr awdurdod hwnnw (PEM).</translation>
    </message>
    <message>
        <source>Council CA certificate (optional)</source>
        <translation>Tystysgrif awdurdod tystysgrifau’r cyngor (dewisol)</translation>
    </message>
    <message>
        <source>Optional. sha256//… for the receiver&apos;s key, then a backup, separated by a space. Devices you enrol refuse any other key.</source>
        <translation>Dewisol. sha256//… ar gyfer allwedd y derbynnydd, yna un wrth gefn, wedi’u gwahanu gan fwlch. Bydd y dyfeisiau y byddwch yn eu cofrestru yn gwrthod unrhyw allwedd arall.</translation>
    </message>
    <message>
        <source>Public-key pins</source>
        <translation>Pinnau allwedd gyhoeddus</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Builds the equality report as a web page and a CSV file, ready to publish: small counts are hidden so nobody can be singled out, and each characteristic is compared with the Census 2021 population of your area.</source>
        <translation>Mae’n creu’r adroddiad cydraddoldeb fel tudalen we a ffeil CSV, yn barod i’w gyhoeddi: caiff niferoedd bach eu cuddio fel na ellir adnabod neb, a chaiff pob nodwedd ei chymharu â phoblogaeth eich ardal yng Nghyfrifiad 2021.</translation>
    </message>
    <message>
        <source>Equality report</source>
        <translation>Adroddiad cydraddoldeb</translation>
    </message>
    <message>
        <source>Survey package</source>
        <translation>Pecyn arolwg</translation>
    </message>
    <message>
        <source>Survey packages (*.json)</source>
        <translation>Pecynnau arolwg (*.json)</translation>
    </message>
    <message>
        <source>Census 2021 tables for your area: the Chorus JSON format or the Nomis bulk CSV download.</source>
        <translation>Tablau Cyfrifiad 2021 ar gyfer eich ardal: fformat JSON Chorus neu lawrlwythiad CSV swmp Nomis.</translation>
    </message>
    <message>
        <source>Census table file</source>
        <translation>Ffeil tabl y Cyfrifiad</translation>
    </message>
    <message>
        <source>Counts from 1 to k−1 are hidden. 10 is the usual choice.</source>
        <translation>Caiff niferoedd o 1 i k−1 eu cuddio. 10 yw’r dewis arferol.</translation>
    </message>
    <message>
        <source>Smallest count shown (k)</source>
        <translation>Y nifer lleiaf a ddangosir (k)</translation>
    </message>
    <message>
        <source>Percentages are then worked out from the rounded counts.</source>
        <translation>Yna caiff y canrannau eu cyfrifo o’r niferoedd wedi’u talgrynnu.</translation>
    </message>
    <message>
        <source>Round counts to the nearest 5</source>
        <translation>Talgrynnu niferoedd i’r 5 agosaf</translation>
    </message>
    <message>
        <source>Hide zero counts too</source>
        <translation>Cuddio niferoedd sero hefyd</translation>
    </message>
    <message>
        <source>Report title (optional)</source>
        <translation>Teitl yr adroddiad (dewisol)</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Cyfrinymadrodd yr allweddi</translation>
    </message>
    <message>
        <source>Build the report</source>
        <translation>Creu’r adroddiad</translation>
    </message>
    <message>
        <source>Check before publishing</source>
        <translation>Gwiriwch cyn cyhoeddi</translation>
    </message>
    <message>
        <source>Open the report</source>
        <translation>Agor yr adroddiad</translation>
    </message>
</context>
<context>
    <name>SurveysPage</name>
    <message>
        <source>A survey package holds the questions, the privacy notice and the council&apos;s public key. Devices only accept a package signed with the council signing key.</source>
        <translation>Mae pecyn arolwg yn cynnwys y cwestiynau, yr hysbysiad preifatrwydd ac allwedd gyhoeddus y cyngor. Dim ond pecyn wedi’i lofnodi ag allwedd lofnodi’r cyngor y bydd dyfeisiau’n ei dderbyn.</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>Arolygon</translation>
    </message>
    <message>
        <source>Surveys in this workspace</source>
        <translation>Arolygon yn y gweithle hwn</translation>
    </message>
    <message>
        <source>No survey yet. Start one from a template below.</source>
        <translation>Dim arolwg eto. Dechreuwch un o dempled isod.</translation>
    </message>
    <message>
        <source>Selected survey</source>
        <translation>Yr arolwg a ddewiswyd</translation>
    </message>
    <message>
        <source>Signed with the council signing key.</source>
        <translation>Wedi’i lofnodi ag allwedd lofnodi’r cyngor.</translation>
    </message>
    <message>
        <source>Not signed yet (or changed since it was signed).</source>
        <translation>Heb ei lofnodi eto (neu wedi newid ers ei lofnodi).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Check for problems</source>
        <translation>Chwilio am broblemau</translation>
    </message>
    <message>
        <source>To sign with the council signing key.</source>
        <translation>I lofnodi ag allwedd lofnodi’r cyngor.</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Cyfrinymadrodd yr allweddi</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Llofnodi</translation>
    </message>
    <message>
        <source>Publish to the receiver</source>
        <translation>Cyhoeddi i’r derbynnydd</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Cyhoeddi</translation>
    </message>
    <message>
        <source>New survey from a template</source>
        <translation>Arolwg newydd o dempled</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Templed</translation>
    </message>
    <message>
        <source>Letters, digits and dashes, for example library-survey-2026.</source>
        <translation>Llythrennau, digidau a chysylltnodau, er enghraifft library-survey-2026.</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Enw’r ffeil</translation>
    </message>
    <message>
        <source>Where devices send responses, for example https://survey.example.gov.uk. Leave empty to keep the template&apos;s.</source>
        <translation>Lle mae dyfeisiau’n anfon ymatebion, er enghraifft https://survey.example.gov.uk. Gadewch yn wag i gadw’r cyfeiriad sydd yn y templed.</translation>
    </message>
    <message>
        <source>Receiver address for responses (optional)</source>
        <translation>Cyfeiriad y derbynnydd ar gyfer ymatebion (dewisol)</translation>
    </message>
    <message>
        <source>Create survey</source>
        <translation>Creu arolwg</translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <source>Choose the folder where Chorus keeps the council&apos;s keys, the downloaded responses, exports and reports. Use an encrypted drive that only the people allowed to see responses can open.</source>
        <translation>Dewiswch y ffolder lle mae Chorus yn cadw allweddi’r cyngor, yr ymatebion a lawrlwythwyd, allforiadau ac adroddiadau. Defnyddiwch yriant wedi’i amgryptio na all neb ond y bobl sydd â hawl i weld ymatebion ei agor.</translation>
    </message>
    <message>
        <source>Choose your workspace</source>
        <translation>Dewiswch eich gweithle</translation>
    </message>
    <message>
        <source>For example /home/you/chorus-admin. It is created if it does not exist.</source>
        <translation>Er enghraifft /home/you/chorus-admin. Caiff ei greu os nad yw’n bodoli.</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>Ffolder y gweithle</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Agor y gweithle</translation>
    </message>
</context>
<context>
    <name>chorus::admin::AdminJob</name>
    <message numerus="yes">
        <source>Downloading: %n request(s) to the receiver so far</source>
        <translation>
            <numerusform>Wrthi’n lawrlwytho: %n cais i’r derbynnydd hyd yma</numerusform>
            <numerusform>Wrthi’n lawrlwytho: %n cais i’r derbynnydd hyd yma</numerusform>
            <numerusform>Wrthi’n lawrlwytho: %n cais i’r derbynnydd hyd yma</numerusform>
            <numerusform>Wrthi’n lawrlwytho: %n cais i’r derbynnydd hyd yma</numerusform>
            <numerusform>Wrthi’n lawrlwytho: %n cais i’r derbynnydd hyd yma</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for withdrawal requests: %1 of %2 submissions</source>
        <translation>Wrthi’n chwilio am geisiadau i dynnu’n ôl: %1 o %2 cyflwyniad</translation>
    </message>
    <message>
        <source>Decrypting: %1 of %2 submissions</source>
        <translation>Wrthi’n dadgryptio: %1 o %2 cyflwyniad</translation>
    </message>
    <message>
        <source>Another task is still running. Wait for it to finish or cancel it.</source>
        <translation>Mae tasg arall yn dal i redeg. Arhoswch iddi orffen neu canslwch hi.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wrthi’n dechrau…</translation>
    </message>
</context>
<context>
    <name>chorus::admin::AdminWorkspace</name>
    <message>
        <source>Enter the receiver&apos;s address, for example https://survey.example.gov.uk</source>
        <translation>Rhowch gyfeiriad y derbynnydd, er enghraifft https://survey.example.gov.uk</translation>
    </message>
    <message>
        <source>Choose the file that holds the receiver&apos;s admin token.</source>
        <translation>Dewiswch y ffeil sy’n cynnwys tocyn gweinyddu’r derbynnydd.</translation>
    </message>
    <message>
        <source>The pin &quot;%1&quot; is not of the form sha256//BASE64 (44 characters after //). docs/deploy.md shows how to compute it from the receiver&apos;s certificate.</source>
        <translation>Nid yw’r pin &quot;%1&quot; ar y ffurf sha256//BASE64 (44 nod ar ôl //). Mae docs/deploy.md yn dangos sut i’w gyfrifo o dystysgrif y derbynnydd.</translation>
    </message>
    <message>
        <source>Give at most two pins: the primary and one backup.</source>
        <translation>Rhowch ddau bin ar y mwyaf: y prif un ac un wrth gefn.</translation>
    </message>
    <message>
        <source>Choose a folder to work in.</source>
        <translation>Dewiswch ffolder i weithio ynddo.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1. Choose a folder you can write to.</source>
        <translation>Does dim modd creu’r ffolder %1. Dewiswch ffolder y gallwch ysgrifennu iddo.</translation>
    </message>
    <message>
        <source>Cannot create %1 in %2. Choose a folder you can write to.</source>
        <translation>Does dim modd creu %1 yn %2. Dewiswch ffolder y gallwch ysgrifennu iddo.</translation>
    </message>
</context>
<context>
    <name>chorus::admin::DevicesModel</name>
    <message>
        <source>active since %1</source>
        <translation>yn weithredol ers %1</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>dirymwyd %1</translation>
    </message>
    <message>
        <source>Choose a workspace folder first.</source>
        <translation>Dewiswch ffolder gweithle yn gyntaf.</translation>
    </message>
    <message>
        <source>Enter a device name of letters, digits, dots, dashes or underscores, for example tablet-07.</source>
        <translation>Rhowch enw dyfais sy’n cynnwys llythrennau, digidau, atalnodau llawn, cysylltnodau neu danlinellau, er enghraifft tablet-07.</translation>
    </message>
    <message>
        <source>The bundle must be used within 1 to 365 days.</source>
        <translation>Rhaid defnyddio’r pecyn o fewn 1 i 365 diwrnod.</translation>
    </message>
    <message>
        <source>Enter the key passphrase: the bundle is signed with the council signing key.</source>
        <translation>Rhowch gyfrinymadrodd yr allweddi: caiff y pecyn ei lofnodi ag allwedd lofnodi’r cyngor.</translation>
    </message>
    <message>
        <source>%1. The device token was issued: revoke %2 and enrol it again.</source>
        <translation>%1. Cafodd tocyn y ddyfais ei roi: dirymwch %2 a’i chofrestru eto.</translation>
    </message>
    <message>
        <source>%1 enrolled (surveys: %2). Scan the code on the device, or copy the bundle file to it. Check that the device shows the fingerprint %3.</source>
        <translation>Mae %1 wedi’i chofrestru (arolygon: %2). Sganiwch y cod ar y ddyfais, neu copïwch ffeil y pecyn iddi. Gwiriwch fod y ddyfais yn dangos yr ôl bys %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) on the receiver.</source>
        <translation>
            <numerusform>%n dyfais ar y derbynnydd.</numerusform>
            <numerusform>%n dyfais ar y derbynnydd.</numerusform>
            <numerusform>%n dyfais ar y derbynnydd.</numerusform>
            <numerusform>%n dyfais ar y derbynnydd.</numerusform>
            <numerusform>%n dyfais ar y derbynnydd.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 revoked: it can no longer send responses or fetch surveys.</source>
        <translation>Mae %1 wedi’i dirymu: ni all anfon ymatebion na nôl arolygon mwyach.</translation>
    </message>
</context>
<context>
    <name>chorus::admin::ExportRunModel</name>
    <message>
        <source>Choose a workspace folder first.</source>
        <translation>Dewiswch ffolder gweithle yn gyntaf.</translation>
    </message>
    <message>
        <source>Choose CSV, Excel (XLSX) or JSON lines.</source>
        <translation>Dewiswch CSV, Excel (XLSX) neu linellau JSON.</translation>
    </message>
    <message>
        <source>Nothing has been downloaded into this workspace yet. Download the responses first.</source>
        <translation>Does dim wedi’i lawrlwytho i’r gweithle hwn eto. Lawrlwythwch yr ymatebion yn gyntaf.</translation>
    </message>
    <message>
        <source>Enter the key passphrase: the responses can only be read with the council key.</source>
        <translation>Rhowch gyfrinymadrodd yr allweddi: dim ond ag allwedd y cyngor y mae modd darllen yr ymatebion.</translation>
    </message>
    <message>
        <source>a submission</source>
        <translation>cyflwyniad</translation>
    </message>
    <message>
        <source>Export cancelled. No file was written.</source>
        <translation>Cafodd yr allforio ei ganslo. Ni ysgrifennwyd unrhyw ffeil.</translation>
    </message>
    <message>
        <source>%1 response(s) exported, %2 withdrawn (not exported), %3 could not be opened.</source>
        <translation>%1 ymateb wedi’u hallforio, %2 wedi’u tynnu’n ôl (heb eu hallforio), ni fu modd agor %3.</translation>
    </message>
</context>
<context>
    <name>chorus::admin::KeysModel</name>
    <message>
        <source>Enter a passphrase of at least %1 characters. Several unrelated words are easy to remember.</source>
        <translation>Rhowch gyfrinymadrodd o %1 nod o leiaf. Mae sawl gair digyswllt yn hawdd eu cofio.</translation>
    </message>
    <message>
        <source>The two passphrases are different. Type the same passphrase in both boxes.</source>
        <translation>Mae’r ddau gyfrinymadrodd yn wahanol. Teipiwch yr un cyfrinymadrodd yn y ddau flwch.</translation>
    </message>
    <message>
        <source>Choose a workspace folder first.</source>
        <translation>Dewiswch ffolder gweithle yn gyntaf.</translation>
    </message>
    <message>
        <source>Keys created. Keep the passphrase safe: without it nobody can read the responses.</source>
        <translation>Crëwyd yr allweddi. Cadwch y cyfrinymadrodd yn ddiogel: hebddo ni all neb ddarllen yr ymatebion.</translation>
    </message>
    <message>
        <source>There are no keys to rotate yet. Create them first.</source>
        <translation>Does dim allweddi i’w newid eto. Crëwch nhw yn gyntaf.</translation>
    </message>
    <message>
        <source>New council key %1 in use. Older responses stay readable. Publish your surveys again so devices use the new key.</source>
        <translation>Mae allwedd newydd y cyngor, %1, yn cael ei defnyddio. Mae modd darllen ymatebion hŷn o hyd. Cyhoeddwch eich arolygon eto fel bod dyfeisiau’n defnyddio’r allwedd newydd.</translation>
    </message>
</context>
<context>
    <name>chorus::admin::PullModel</name>
    <message>
        <source>Choose a workspace folder first.</source>
        <translation>Dewiswch ffolder gweithle yn gyntaf.</translation>
    </message>
    <message>
        <source>Pull cancelled. What was downloaded is kept; pull again to carry on.</source>
        <translation>Cafodd y lawrlwytho ei ganslo. Caiff yr hyn a lawrlwythwyd ei gadw; lawrlwythwch eto i barhau.</translation>
    </message>
    <message>
        <source>%1 new or completed submission(s), %2 waiting for files, %3 erased on the receiver, %4 withdrawal request(s).</source>
        <translation>%1 cyflwyniad newydd neu gyflawn, %2 yn aros am ffeiliau, %3 wedi’u dileu ar y derbynnydd, %4 cais i dynnu’n ôl.</translation>
    </message>
</context>
<context>
    <name>chorus::admin::ReportModel</name>
    <message>
        <source>Choose a workspace folder first.</source>
        <translation>Dewiswch ffolder gweithle yn gyntaf.</translation>
    </message>
    <message>
        <source>Choose the survey package the responses answer.</source>
        <translation>Dewiswch y pecyn arolwg y mae’r ymatebion yn ei ateb.</translation>
    </message>
    <message>
        <source>Choose a census table file (Chorus JSON or the Nomis bulk CSV) for your area.</source>
        <translation>Dewiswch ffeil tabl cyfrifiad (JSON Chorus neu CSV swmp Nomis) ar gyfer eich ardal.</translation>
    </message>
    <message>
        <source>The threshold k must be a whole number of at least 1.</source>
        <translation>Rhaid i’r trothwy k fod yn rhif cyfan o 1 o leiaf.</translation>
    </message>
    <message>
        <source>Nothing has been downloaded into this workspace yet. Download the responses first.</source>
        <translation>Does dim wedi’i lawrlwytho i’r gweithle hwn eto. Lawrlwythwch yr ymatebion yn gyntaf.</translation>
    </message>
    <message>
        <source>Enter the key passphrase: the responses can only be read with the council key.</source>
        <translation>Rhowch gyfrinymadrodd yr allweddi: dim ond ag allwedd y cyngor y mae modd darllen yr ymatebion.</translation>
    </message>
    <message>
        <source>Report cancelled. Nothing was written.</source>
        <translation>Cafodd yr adroddiad ei ganslo. Ni ysgrifennwyd dim.</translation>
    </message>
    <message>
        <source>Report written from %1 response(s), %2 characteristic(s) compared with the census.</source>
        <translation>Ysgrifennwyd yr adroddiad o %1 ymateb, gyda %2 nodwedd wedi’u cymharu â’r cyfrifiad.</translation>
    </message>
    <message>
        <source>%1 submission(s) could not be opened and are not counted.</source>
        <translation>Ni fu modd agor %1 cyflwyniad, ac nid ydyn nhw wedi’u cyfrif.</translation>
    </message>
</context>
<context>
    <name>chorus::admin::SurveysModel</name>
    <message>
        <source>Equality monitoring (Census 2021 questions) with consultation questions</source>
        <translation>Monitro cydraddoldeb (cwestiynau Cyfrifiad 2021) gyda chwestiynau ymgynghori</translation>
    </message>
    <message>
        <source>%1 version %2: %3 question(s), no problems found.</source>
        <translation>%1 fersiwn %2: %3 cwestiwn, dim problemau wedi’u canfod.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found. Fix them in the file, then check again.</source>
        <translation>
            <numerusform>%n problem wedi’u canfod. Cywirwch nhw yn y ffeil, yna gwiriwch eto.</numerusform>
            <numerusform>%n problem wedi’u canfod. Cywirwch nhw yn y ffeil, yna gwiriwch eto.</numerusform>
            <numerusform>%n problem wedi’u canfod. Cywirwch nhw yn y ffeil, yna gwiriwch eto.</numerusform>
            <numerusform>%n problem wedi’u canfod. Cywirwch nhw yn y ffeil, yna gwiriwch eto.</numerusform>
            <numerusform>%n problem wedi’u canfod. Cywirwch nhw yn y ffeil, yna gwiriwch eto.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a workspace folder first.</source>
        <translation>Dewiswch ffolder gweithle yn gyntaf.</translation>
    </message>
    <message>
        <source>Enter a file name for the new survey, for example library-survey-2026.</source>
        <translation>Rhowch enw ffeil ar gyfer yr arolwg newydd, er enghraifft library-survey-2026.</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name.</source>
        <translation>Mae %1 yn bodoli eisoes. Dewiswch enw arall.</translation>
    </message>
    <message>
        <source>Choose a template.</source>
        <translation>Dewiswch dempled.</translation>
    </message>
    <message>
        <source>Create the council&apos;s keys first (Keys page): the survey needs the council public key.</source>
        <translation>Crëwch allweddi’r cyngor yn gyntaf (tudalen Allweddi): mae angen allwedd gyhoeddus y cyngor ar yr arolwg.</translation>
    </message>
    <message>
        <source>Choose a survey package first.</source>
        <translation>Dewiswch becyn arolwg yn gyntaf.</translation>
    </message>
    <message>
        <source>Cannot check %1.</source>
        <translation>Does dim modd gwirio %1.</translation>
    </message>
    <message>
        <source>Enter the key passphrase: the signing key is stored encrypted under it.</source>
        <translation>Rhowch gyfrinymadrodd yr allweddi: caiff yr allwedd lofnodi ei chadw wedi’i hamgryptio oddi tano.</translation>
    </message>
    <message>
        <source>Signed. Devices accept this package only with this signature.</source>
        <translation>Wedi’i lofnodi. Dim ond gyda’r llofnod hwn y bydd dyfeisiau’n derbyn y pecyn hwn.</translation>
    </message>
    <message>
        <source>Sign the survey first: devices refuse a package without the council&apos;s signature.</source>
        <translation>Llofnodwch yr arolwg yn gyntaf: mae dyfeisiau’n gwrthod pecyn heb lofnod y cyngor.</translation>
    </message>
    <message>
        <source>the signature file</source>
        <translation>y ffeil llofnod</translation>
    </message>
    <message>
        <source>Published %1 version %2 (%3). Enrolled devices fetch it when they next update.</source>
        <translation>Cyhoeddwyd %1 fersiwn %2 (%3). Bydd dyfeisiau cofrestredig yn ei nôl y tro nesaf y byddan nhw’n diweddaru.</translation>
    </message>
</context>
<context>
    <name>LookSettings</name>
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
        <source>High contrast</source>
        <translation>Cyferbyniad uchel</translation>
    </message>
    <message>
        <source>Light text on a black background</source>
        <translation>Testun golau ar gefndir du</translation>
    </message>
</context>
<context>
    <name>PageFlickable</name>
    <message>
        <source>Scroll the page</source>
        <translation>Sgrolio&apos;r dudalen</translation>
    </message>
</context>
</TS>
