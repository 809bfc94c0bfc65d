<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AppSync</name>
    <message numerus="yes">
        <source>%n response(s) sent.</source>
        <translation>
            <numerusform>%n response sent.</numerusform>
            <numerusform>%n responses sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StillThereOverlay</name>
    <message numerus="yes">
        <source>For your privacy, this screen will clear your answers and start again in %n second(s).</source>
        <translation>
            <numerusform>For your privacy, this screen will clear your answers and start again in %n second.</numerusform>
            <numerusform>For your privacy, this screen will clear your answers and start again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message numerus="yes">
        <source>Try again in %n second(s)</source>
        <translation>
            <numerusform>Try again in %n second</numerusform>
            <numerusform>Try again in %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message numerus="yes">
        <source>For your privacy, if nobody touches the screen for %n second(s), it asks if you need more time, then clears your answers.</source>
        <translation>
            <numerusform>For your privacy, if nobody touches the screen for %n second, it asks if you need more time, then clears your answers.</numerusform>
            <numerusform>For your privacy, if nobody touches the screen for %n seconds, it asks if you need more time, then clears your answers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ui::DeviceSetup</name>
    <message numerus="yes">
        <source>%n new or updated survey(s) installed.</source>
        <translation>
            <numerusform>%n new or updated survey installed.</numerusform>
            <numerusform>%n new or updated surveys installed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already up to date.</source>
        <translation>
            <numerusform>%n already up to date.</numerusform>
            <numerusform>%n already up to date.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ui::VaultKeeper</name>
    <message numerus="yes">
        <source>Wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>Wait %n second before trying again.</numerusform>
            <numerusform>Wait %n seconds before trying again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::admin::AdminJob</name>
    <message numerus="yes">
        <source>Downloading: %n request(s) to the receiver so far</source>
        <translation>
            <numerusform>Downloading: %n request to the receiver so far</numerusform>
            <numerusform>Downloading: %n requests to the receiver so far</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::admin::DevicesModel</name>
    <message numerus="yes">
        <source>%n device(s) on the receiver.</source>
        <translation>
            <numerusform>%n device on the receiver.</numerusform>
            <numerusform>%n devices on the receiver.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::admin::SurveysModel</name>
    <message numerus="yes">
        <source>%n problem(s) found. Fix them in the file, then check again.</source>
        <translation>
            <numerusform>%n problem found. Fix it in the file, then check again.</numerusform>
            <numerusform>%n problems found. Fix them in the file, then check again.</numerusform>
        </translation>
    </message>
</context>
</TS>
