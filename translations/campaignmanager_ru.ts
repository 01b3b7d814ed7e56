<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>ActionEligibility</name>
    <message>
        <source>only inactive campaigns can be activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only active campaigns and those awaiting activation can be deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed, deleted and cloning campaigns cannot be completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n skipped: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped: a request for them is still running</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddByIdDialog</name>
    <message>
        <source>Add campaigns by ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste or type campaign IDs, separated by commas, spaces or new lines. Ranges like 20-25 work too. Use this when your token cannot list campaigns: it can still read their statuses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18, 19 20-25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) will be added.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s) ignored.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source> The server said: “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to the Altcraft server. Check the API URL in Settings and your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to the server failed: its certificate is not trusted. Check the API URL, or ask your administrator about the certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again later, or raise the request timeout in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server redirected the request to another address. It was not followed, so your token stayed safe. Check the API URL in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection closed before the server answered. Check the campaign&apos;s status before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is limiting the request rate. Wait a little and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Altcraft server is temporarily unavailable. Try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Altcraft server had an internal error (HTTP %1). Check the campaign&apos;s status before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1. Check the API URL in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API token was not accepted. Check the API token in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Altcraft tariff limit has been reached. Contact your account manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This API token has no access to this action or campaign. Ask an Altcraft administrator for the right role or object group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reported error %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reported an error: %1 (code %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a response that is not a valid Altcraft API answer. Check that the API URL points to Altcraft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request could not be made. Check the API URL in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server rejected the request as incorrect. Refresh to see the campaign&apos;s current status, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Try again; if the error persists, show the details to your Altcraft administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a response that is too large to process. Narrow the list with a filter, or check that the API URL points to Altcraft.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiUrl</name>
    <message>
        <source>Enter the API URL, for example https://ru.altkraft.com/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API URL must not contain spaces. Check it for typing mistakes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API URL is malformed: write it as https://host/, for example https://ru.altkraft.com/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API URL must start with https:// (“%1:” is not supported).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API URL must start with https:// (“%1://” is not supported).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the user name and password from the API URL. Credentials never go in a URL: enter the API token in its own field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API URL has an incomplete IPv6 address: a “]” is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API URL is not valid: unexpected text after the IPv6 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API URL has no host name. Enter it like https://ru.altkraft.com/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port “%1” in the API URL is not valid: it must be a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API URL is not valid (%1). Check it for typing mistakes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the part after “?” or “#” from the API URL: it must be the address of the site only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use https:// for the API URL: the token must not travel unencrypted. Only a local test server (localhost) may use http://.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkResultsDialog</name>
    <message>
        <source>Action details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome of each campaign</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkResultsModel</name>
    <message>
        <source>Done (confirmed by re-reading the status)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Check the campaign in Altcraft before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignIdParser</name>
    <message>
        <source>&apos;%1&apos; is not a campaign ID or a range like 20-25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a reversed range: write %2-%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds more than %2 IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a campaign ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 campaigns can be added at once</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignService</name>
    <message>
        <source>Campaign %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignTableModel</name>
    <message>
        <source>Campaign %1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Deactivate, activate and complete Altcraft campaigns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the app against a built-in Altcraft emulator with demo campaigns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this Altcraft API URL, e.g. https://ru.altkraft.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print debug logging (never the token).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API token is read from the environment variable ALTCRAFT_API_TOKEN, never from the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is never taken from the command line: set ALTCRAFT_API_TOKEN, or enter it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--api-url: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <source>Complete campaign?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending stops at once, every nested mailing and scenario becomes inactive, and a completed campaign can never be restarted. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns to complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded in the history with this action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded in the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type the number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of campaigns to complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Complete %n campaigns?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mailing(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scenario(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Complete campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Complete %n campaigns</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Completes the campaigns listed above; this cannot be undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To confirm, &amp;type %1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message>
        <source>Connected. This token can list campaigns and change their state (Run right).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected, but this token cannot list campaigns (no Run right). It can only read the status of campaigns you add by ID.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>History — Campaign Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check status now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check Status &amp;Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by campaign ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: %1 confirmed, %2 not in effect or still unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The outcome of %n action(s) is unknown: the app stopped, or the server&apos;s answer was lost. Check what the campaigns&apos; statuses say now.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>The history database could not be updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database %1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database was written by a newer version of Campaign Manager (schema %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed later by reading the campaign&apos;s status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in effect: reading the status later showed %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalEntry</name>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in effect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalRecorder</name>
    <message>
        <source>Confirmed by reading the campaign&apos;s status after: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalTableModel</name>
    <message>
        <source>%1 (app stopped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Campaign Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo — not a real Altcraft account.&lt;/b&gt; Campaigns and changes live in a built-in emulator and vanish when you quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows campaigns whose ID or name contains the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by ID or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload campaigns and their statuses from Altcraft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the selected campaigns; you can activate them again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the selected inactive campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Complete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the selected campaigns for ever; asks first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Campaigns by &amp;ID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track campaigns by their IDs, for tokens that cannot list campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from &amp;List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop tracking the selected campaigns that were added by ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign &amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the details of the current campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API URL, token, timeouts and language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every action taken from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Campaign Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Activate again the %n campaign(s) just deactivated</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) added.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Some campaigns could not be added</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) could not be read. Check the IDs, and that your token can see them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the running operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo deactivation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign Manager — Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select a campaign to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside this campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-off mailings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular mailings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger mailings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A/B tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placements</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n loaded</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Loading cancelled; the table shows what had arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token cannot list campaigns. Add the campaigns you need with Add Campaigns by ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Show details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome of %1 unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1 campaign %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Altcraft account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of your Altcraft, for example ru.altkraft.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ru.altkraft.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API URL check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made in Altcraft under Settings, Tokens. Kept in the system keychain, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request &amp;timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request timeout in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parallel requests:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many requests bulk actions send at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auto-refresh every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-refresh interval in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies after a restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use for This Session Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address of your Altcraft, for example ru.altkraft.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token was removed from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Campaign Manager never writes the token to a file. You can use it for this session only; you will be asked for it again next time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusLabels</name>
    <message>
        <source>Being cloned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>No keychain is available on this computer (the Secret Service is not running), so the API token cannot be stored securely. You can use the token for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access to the API token. Unlock your keychain and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not store or read the API token. Try again, or use the token for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Campaign Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Campaign Manager&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See your Altcraft campaigns and pause, resume or complete them in seconds. To start, connect your account with its API URL and an API token (made in Altcraft under Settings → Tokens), or look around first with demo campaigns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to your Altcraft account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to Your Altcraft Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens demo campaigns on a built-in emulator; nothing touches a real account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try the Demo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>campaign-manager: cannot start the demo emulator on 127.0.0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Enter the token in Settings; you can use it for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;campaign-manager --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Actions still work, but they are not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
