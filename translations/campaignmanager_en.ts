<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountsCommand</name>
    <message numerus="yes">
        <source>%n saved account(s)</source>
        <translation><numerusform>%n saved account</numerusform><numerusform>%n saved accounts</numerusform></translation>
    </message>
</context>
<context>
    <name>ActionCommand</name>
    <message numerus="yes">
        <source>Dry run: %n request(s) would be sent (each body also carries the token); nothing was sent.</source>
        <translation><numerusform>Dry run: %n request would be sent (each body also carries the token); nothing was sent.</numerusform><numerusform>Dry run: %n requests would be sent (each body also carries the token); nothing was sent.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>--confirm-count %1 does not match the %n eligible campaign(s): nothing was sent.</source>
        <translation><numerusform>--confirm-count %1 does not match the %n eligible campaign: nothing was sent.</numerusform><numerusform>--confirm-count %1 does not match the %n eligible campaigns: nothing was sent.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation><numerusform>%n failed</numerusform><numerusform>%n failed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n not in effect</source>
        <translation><numerusform>%n not in effect</numerusform><numerusform>%n not in effect</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unknown</source>
        <translation><numerusform>%n unknown</numerusform><numerusform>%n unknown</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation><numerusform>%n not sent</numerusform><numerusform>%n not sent</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n already done</source>
        <translation><numerusform>%n already done</numerusform><numerusform>%n already done</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation><numerusform>%n skipped</numerusform><numerusform>%n skipped</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Nothing to send: %n campaign(s) already done.</source>
        <translation><numerusform>Nothing to send: %n campaign already done.</numerusform><numerusform>Nothing to send: %n campaigns already done.</numerusform></translation>
    </message>
</context>
<context>
    <name>ActionEligibility</name>
    <message numerus="yes">
        <source>%n skipped: %1</source>
        <translation><numerusform>%n skipped: %1</numerusform><numerusform>%n skipped: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n skipped: a request for them is still running</source>
        <translation><numerusform>%n skipped: a request for them is still running</numerusform><numerusform>%n skipped: a request for them is still running</numerusform></translation>
    </message>
</context>
<context>
    <name>ActivityMessage</name>
    <message numerus="yes">
        <source>%1 has been cloning for %n minute(s).</source>
        <translation><numerusform>%1 has been cloning for %n minute.</numerusform><numerusform>%1 has been cloning for %n minutes.</numerusform></translation>
    </message>
</context>
<context>
    <name>AddByIdDialog</name>
    <message numerus="yes">
        <source>%n campaign(s) will be added.</source>
        <translation><numerusform>%n campaign will be added.</numerusform><numerusform>%n campaigns will be added.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s) ignored.</source>
        <translation><numerusform>%n duplicate ignored.</numerusform><numerusform>%n duplicates ignored.</numerusform></translation>
    </message>
</context>
<context>
    <name>CampaignActions</name>
    <message numerus="yes">
        <source>%n deactivated</source>
        <translation><numerusform>%n deactivated</numerusform><numerusform>%n deactivated</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n activated</source>
        <translation><numerusform>%n activated</numerusform><numerusform>%n activated</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n completed</source>
        <translation><numerusform>%n completed</numerusform><numerusform>%n completed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Deactivate %n campaign(s)?</source>
        <translation><numerusform>Deactivate %n campaign?</numerusform><numerusform>Deactivate %n campaigns?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Deactivate %n campaign(s)</source>
        <translation><numerusform>Deactivate %n campaign</numerusform><numerusform>Deactivate %n campaigns</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Activate %n campaign(s)?</source>
        <translation><numerusform>Activate %n campaign?</numerusform><numerusform>Activate %n campaigns?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Activate %n campaign(s)</source>
        <translation><numerusform>Activate %n campaign</numerusform><numerusform>Activate %n campaigns</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Complete %n campaign(s)?</source>
        <translation><numerusform>Complete %n campaign?</numerusform><numerusform>Complete %n campaigns?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Complete %n campaign(s)</source>
        <translation><numerusform>Complete %n campaign</numerusform><numerusform>Complete %n campaigns</numerusform></translation>
    </message>
</context>
<context>
    <name>CampaignFacetModel</name>
    <message numerus="yes">
        <source>Tag %1: %n campaign(s)</source>
        <translation><numerusform>Tag %1: %n campaign</numerusform><numerusform>Tag %1: %n campaigns</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Group %1: %n campaign(s)</source>
        <translation><numerusform>Group %1: %n campaign</numerusform><numerusform>Group %1: %n campaigns</numerusform></translation>
    </message>
</context>
<context>
    <name>ConfirmActionDialog</name>
    <message numerus="yes">
        <source>%n mailing(s)</source>
        <translation><numerusform>%n mailing</numerusform><numerusform>%n mailings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n scenario(s)</source>
        <translation><numerusform>%n scenario</numerusform><numerusform>%n scenarios</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation><numerusform>and %n more</numerusform><numerusform>and %n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Schedule %n campaign(s)?</source>
        <translation><numerusform>Schedule %n campaign?</numerusform><numerusform>Schedule %n campaigns?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Schedule %n campaign(s)</source>
        <translation><numerusform>Schedule %n campaign</numerusform><numerusform>Schedule %n campaigns</numerusform></translation>
    </message>
</context>
<context>
    <name>DemoEmulatorProcess</name>
    <message numerus="yes">
        <source>The Altcraft emulator (%1) did not start listening within %n second(s).</source>
        <translation><numerusform>The Altcraft emulator (%1) did not start listening within %n second.</numerusform><numerusform>The Altcraft emulator (%1) did not start listening within %n seconds.</numerusform></translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation><numerusform>%n action</numerusform><numerusform>%n actions</numerusform></translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message numerus="yes">
        <source>The outcome of %n action(s) is unknown: the app stopped, or the server's answer was lost. Check what the campaigns' statuses say now.</source>
        <translation><numerusform>The outcome of %n action is unknown: the app stopped, or the server's answer was lost. Check what the campaigns' statuses say now.</numerusform><numerusform>The outcome of %n actions is unknown: the app stopped, or the server's answer was lost. Check what the campaigns' statuses say now.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation><numerusform>%n action</numerusform><numerusform>%n actions</numerusform></translation>
    </message>
</context>
<context>
    <name>IncidentPauseDialog</name>
    <message numerus="yes">
        <source>%n active campaign(s) will be paused.</source>
        <translation><numerusform>%n active campaign will be paused.</numerusform><numerusform>%n active campaigns will be paused.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting campaign(s) will be paused.</source>
        <translation><numerusform>%n waiting campaign will be paused.</numerusform><numerusform>%n waiting campaigns will be paused.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Pause %n campaign(s)</source>
        <translation><numerusform>Pause %n campaign</numerusform><numerusform>Pause %n campaigns</numerusform></translation>
    </message>
</context>
<context>
    <name>ListCommand</name>
    <message numerus="yes">
        <source>%n campaign(s) read</source>
        <translation><numerusform>%n campaign read</numerusform><numerusform>%n campaigns read</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation><numerusform>%n campaign</numerusform><numerusform>%n campaigns</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Activate again the %n campaign(s) just deactivated</source>
        <translation><numerusform>Activate again the %n campaign just deactivated</numerusform><numerusform>Activate again the %n campaigns just deactivated</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) added.</source>
        <translation><numerusform>%n campaign added.</numerusform><numerusform>%n campaigns added.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) could not be read. Check the IDs, and that your token can see them.</source>
        <translation><numerusform>%n campaign could not be read. Check the IDs, and that your token can see them.</numerusform><numerusform>%n campaigns could not be read. Check the IDs, and that your token can see them.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation><numerusform>%n campaign</numerusform><numerusform>%n campaigns</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>, %n shown</source>
        <translation><numerusform>, %n shown</numerusform><numerusform>, %n shown</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n loaded</source>
        <translation><numerusform>%n loaded</numerusform><numerusform>%n loaded</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation><numerusform>%n failed</numerusform><numerusform>%n failed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unknown</source>
        <translation><numerusform>%n unknown</numerusform><numerusform>%n unknown</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation><numerusform>%n not sent</numerusform><numerusform>%n not sent</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Not shown: %n item(s) in the server's list that could not be read as campaigns. The others are loaded.</source>
        <translation><numerusform>Not shown: %n item in the server's list that could not be read as campaigns. The others are loaded.</numerusform><numerusform>Not shown: %n items in the server's list that could not be read as campaigns. The others are loaded.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n not in effect</source>
        <comment>campaigns the server did not change, as read back just after</comment>
        <translation><numerusform>%n not in effect</numerusform><numerusform>%n not in effect</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>A snapshot of the %n paused campaign(s) was kept.</source>
        <translation><numerusform>A snapshot of the %n paused campaign was kept.</numerusform><numerusform>A snapshot of the %n paused campaigns was kept.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Stopped watching %n campaign(s).</source>
        <translation><numerusform>Stopped watching %n campaign.</numerusform><numerusform>Stopped watching %n campaigns.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Watching %n campaign(s): you will be told when they change.</source>
        <translation><numerusform>Watching %n campaign: you will be told when they change.</numerusform><numerusform>Watching %n campaigns: you will be told when they change.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s): paste them into a spreadsheet.</source>
        <translation><numerusform>Copied %n row: paste them into a spreadsheet.</numerusform><numerusform>Copied %n rows: paste them into a spreadsheet.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n campaign(s) to %1.</source>
        <translation><numerusform>Exported %n campaign to %1.</numerusform><numerusform>Exported %n campaigns to %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>RestoreReportDialog</name>
    <message numerus="yes">
        <source>%n campaign(s) will be activated again.</source>
        <translation><numerusform>%n campaign will be activated again.</numerusform><numerusform>%n campaigns will be activated again.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) will be left alone.</source>
        <translation><numerusform>%n campaign will be left alone.</numerusform><numerusform>%n campaigns will be left alone.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Activate %n campaign(s)</source>
        <translation><numerusform>Activate %n campaign</numerusform><numerusform>Activate %n campaigns</numerusform></translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message numerus="yes">
        <source>%n read</source>
        <translation><numerusform>%n read</numerusform><numerusform>%n read</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation><numerusform>%n could not be read</numerusform><numerusform>%n could not be read</numerusform></translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message numerus="yes">
        <source>Campaign Manager: watching %n campaign(s).</source>
        <translation><numerusform>Campaign Manager: watching %n campaign.</numerusform><numerusform>Campaign Manager: watching %n campaigns.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Accounts checked: %n.</source>
        <translation><numerusform>Accounts checked: %n.</numerusform><numerusform>Accounts checked: %n.</numerusform></translation>
    </message>
</context>
<context>
    <name>WatchAlerts</name>
    <message numerus="yes">
        <source>%n campaign change(s) in %1</source>
        <translation><numerusform>%n campaign change in %1</numerusform><numerusform>%n campaign changes in %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>…and %n more. Open Activity to see them all.</source>
        <translation><numerusform>…and %n more. Open Activity to see them all.</numerusform><numerusform>…and %n more. Open Activity to see them all.</numerusform></translation>
    </message>
</context>
</TS>