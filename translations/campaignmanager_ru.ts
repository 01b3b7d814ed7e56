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
        <source>The server rejected the request as incorrect.</source>
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
        <source>The server sent a response that is too large to process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request could not be made. Check the API URL in Settings.</source>
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
    <name>main</name>
    <message>
        <source>Deactivate, activate and complete Altcraft campaigns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the app against a built-in Altcraft emulator with demo campaigns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Altcraft API URL, e.g. https://ru.altkraft.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print debug logging (never the token).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>campaign-manager: cannot start the demo emulator on 127.0.0.1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
