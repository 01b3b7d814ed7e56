<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The English plural forms of the Activity log's sentences, as the app's campaignmanager_en.ts
     should hold them once update_translations_en picks them up: tst_activity_log checks with this
     copy that each source string is a real %n plural whose English forms read right. -->
<TS version="2.1" language="en">
<context>
    <name>ActivityMessage</name>
    <message numerus="yes">
        <source>%1 has been cloning for %n minute(s).</source>
        <translation><numerusform>%1 has been cloning for %n minute.</numerusform><numerusform>%1 has been cloning for %n minutes.</numerusform></translation>
    </message>
</context>
</TS>
