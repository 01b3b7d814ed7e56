#include "clioptions.h"

#include "campaign.h"
#include "campaignactions.h"

#include <QCommandLineParser>
#include <QTimeZone>

#include <cstdlib>
#include <cstring>

namespace {

struct CommandName {
    const char *name;
    CliOptions::Command command;
};

constexpr CommandName kCommands[] = {
    {"list", CliOptions::Command::List},
    {"status", CliOptions::Command::Status},
    {"deactivate", CliOptions::Command::Deactivate},
    {"activate", CliOptions::Command::Activate},
    {"complete", CliOptions::Command::Complete},
    {"history", CliOptions::Command::History},
    {"accounts", CliOptions::Command::Accounts},
};

QString programName()
{
    return QStringLiteral("campaign-manager-cli");
}

} // namespace

QString CliCommandLine::generalHelp()
{
    return tr("Usage: %1 COMMAND [options]\n"
              "\n"
              "Lists Altcraft campaigns and deactivates, activates or completes them, with the same safety "
              "rules and the same History as the Campaign Manager window.\n"
              "\n"
              "Commands:\n"
              "  list                 List campaigns (--status, --tag, --group, --search, --ids).\n"
              "  status ID-SPEC       Read each campaign's status now.\n"
              "  deactivate ID-SPEC   Pause campaigns.\n"
              "  activate ID-SPEC     Activate campaigns, now or at --start.\n"
              "  complete ID-SPEC     Complete campaigns (needs --confirm-count N; cannot be undone).\n"
              "  history              Show the journal of actions.\n"
              "  accounts [test [NAME]]  List saved accounts, or test an account's connection.\n"
              "\n"
              "ID-SPEC: IDs and ranges such as \"18, 19 20-25\"; \"-\" reads them from standard input.\n"
              "The API token comes from the keychain (--account NAME) or from ALTCRAFT_API_TOKEN, never "
              "from an argument.\n"
              "Run '%1 COMMAND --help' for a command's options.\n")
        .arg(programName());
}

QDateTime CliCommandLine::parseDate(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    // QDate would read the date part of a date and time too.
    const QDate date = t.size() == 10 ? QDate::fromString(t, Qt::ISODate) : QDate();
    if (date.isValid())
        return date.startOfDay();
    QDateTime time = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!time.isValid())
        time = JsonFields::parseTimestamp(t);
    return time;
}

void CliCommandLine::removeTokenFromEnvironment()
{
    // getenv points into the environment block itself: overwrite the secret there first.
    if (char *value = std::getenv("ALTCRAFT_API_TOKEN"))
        std::memset(value, 0, std::strlen(value));
    qunsetenv("ALTCRAFT_API_TOKEN");
}

CliOptions CliCommandLine::parse(const QStringList &arguments, bool stdoutIsTerminal,
                                 const QProcessEnvironment &environment)
{
    CliOptions o;
    o.envToken = environment.value(QStringLiteral("ALTCRAFT_API_TOKEN")).trimmed();
    o.format = stdoutIsTerminal ? RecordWriter::Format::Table : RecordWriter::Format::Json;
    const QString first = arguments.value(1);
    if (first.isEmpty() || first == QLatin1String("--help") || first == QLatin1String("-h")
        || first == QLatin1String("help")) {
        o.showHelp = true;
        o.helpText = generalHelp();
        if (first.isEmpty()) {
            o.error = tr("No command given.");
            o.showHelp = false;
        }
        return o;
    }
    if (first == QLatin1String("--version")) {
        o.showVersion = true;
        return o;
    }
    for (const CommandName &c : kCommands) {
        if (first == QLatin1String(c.name))
            o.command = c.command;
    }
    if (o.command == CliOptions::Command::None) {
        o.error = tr("Unknown command \"%1\".").arg(first);
        return o;
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption account(QStringLiteral("account"), tr("Work in the saved account called NAME."),
                                     tr("NAME"));
    const QCommandLineOption apiUrl(QStringLiteral("api-url"),
                                    tr("Work at this API address, with the token from ALTCRAFT_API_TOKEN."), tr("URL"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object per line."));
    const QCommandLineOption csv(QStringLiteral("csv"), tr("Print CSV with a header line."));
    const QCommandLineOption table(QStringLiteral("table"), tr("Print an aligned table (the default on a terminal)."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), tr("Print what would be sent and send nothing."));
    const QCommandLineOption reason(QStringLiteral("reason"), tr("Why: recorded in History with every action."),
                                    tr("TEXT"));
    const QCommandLineOption confirmCount(QStringLiteral("confirm-count"),
                                          tr("Complete only when N is the number of eligible campaigns."),
                                          QStringLiteral("N"));
    const QCommandLineOption start(QStringLiteral("start"), tr("Activate at this date and time (ISO 8601)."),
                                   tr("DATE"));
    const QCommandLineOption pauseAt(QStringLiteral("pause-at"), tr("Deactivate again at this date and time."),
                                     tr("DATE"));
    const QCommandLineOption completeAt(QStringLiteral("complete-at"), tr("Complete at this date and time."),
                                        tr("DATE"));
    const QCommandLineOption status(QStringLiteral("status"),
                                    tr("Only campaigns in this status (active, inactive, waiting, completed, …)."),
                                    tr("STATUS"));
    const QCommandLineOption tag(QStringLiteral("tag"), tr("Only campaigns with this tag (repeatable)."), tr("TAG"));
    const QCommandLineOption group(QStringLiteral("group"), tr("Only campaigns in this group (repeatable)."),
                                   tr("GROUP"));
    const QCommandLineOption search(QStringLiteral("search"), tr("Only campaigns whose name contains TEXT."),
                                    tr("TEXT"));
    const QCommandLineOption ids(QStringLiteral("ids"), tr("Only these campaigns (an ID-SPEC)."),
                                 QStringLiteral("ID-SPEC"));
    const QCommandLineOption historyAccount(QStringLiteral("account"), tr("Only actions in the account NAME."),
                                            tr("NAME"));
    const QCommandLineOption campaign(QStringLiteral("campaign"), tr("Only actions on these campaigns (an ID-SPEC)."),
                                      QStringLiteral("ID-SPEC"));
    const QCommandLineOption action(QStringLiteral("action"), tr("Only this action (deactivate, activate, complete)."),
                                    tr("ACTION"));
    const QCommandLineOption since(QStringLiteral("since"), tr("Only actions from this date on."), tr("DATE"));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("At most N rows, newest first (default 100)."),
                                   QStringLiteral("N"));

    parser.addOption(help);
    parser.addOptions({json, csv, table});
    using C = CliOptions::Command;
    const bool needsServer = o.command != C::History && o.command != C::Accounts;
    if (needsServer)
        parser.addOptions({account, apiUrl});
    if (o.command == C::Accounts)
        parser.addOption(apiUrl);
    if (o.isAction())
        parser.addOptions({dryRun, reason});
    if (o.command == C::Complete)
        parser.addOption(confirmCount);
    if (o.command == C::Activate)
        parser.addOptions({start, pauseAt, completeAt});
    if (o.command == C::List)
        parser.addOptions({status, tag, group, search, ids});
    if (o.command == C::History)
        parser.addOptions({historyAccount, campaign, action, since, limit});

    switch (o.command) {
    case C::List:
        parser.setApplicationDescription(tr("Lists the account's campaigns."));
        break;
    case C::Status:
        parser.setApplicationDescription(tr("Reads each campaign's status from the server now."));
        parser.addPositionalArgument(QStringLiteral("ID-SPEC"),
                                     tr("Campaign IDs; \"-\" reads them from standard input."));
        break;
    case C::Deactivate:
    case C::Activate:
    case C::Complete:
        parser.setApplicationDescription(
            tr("%1 the eligible campaigns among ID-SPEC; the others are skipped, with the reason. Every action is "
               "recorded in History before it is sent, and succeeds only when the status read back confirms it.")
                .arg(CampaignActions::verb(o.command == C::Deactivate     ? CampaignAction::Deactivate
                                               : o.command == C::Activate ? CampaignAction::Activate
                                                                          : CampaignAction::Complete)));
        parser.addPositionalArgument(QStringLiteral("ID-SPEC"),
                                     tr("Campaign IDs; \"-\" reads them from standard input."));
        break;
    case C::History:
        parser.setApplicationDescription(tr("Shows the journal of actions that the window's History shows."));
        break;
    case C::Accounts:
        parser.setApplicationDescription(
            tr("Lists the saved accounts; \"accounts test [NAME]\" tests an account's connection."));
        parser.addPositionalArgument(QStringLiteral("test"), tr("Test the connection of NAME."),
                                     QStringLiteral("[test [NAME]]"));
        break;
    case C::None:
        break;
    }

    QStringList rest = arguments;
    rest.removeAt(1); // the command
    if (!rest.isEmpty())
        rest[0] = programName() + QLatin1Char(' ') + first;
    if (!parser.parse(rest)) {
        o.error = parser.errorText();
        return o;
    }
    if (parser.isSet(help)) {
        o.showHelp = true;
        // Qt names the program by its path; the usage line names the command too.
        o.helpText = parser.helpText();
        const qsizetype end = o.helpText.indexOf(QLatin1Char('\n'));
        o.helpText.replace(0, end,
                           o.helpText.left(end).replace(arguments.value(0), programName() + QLatin1Char(' ') + first));
        return o;
    }
    o.positional = parser.positionalArguments();
    if (parser.isSet(json) + parser.isSet(csv) + parser.isSet(table) > 1) {
        o.error = tr("Choose one of --json, --csv and --table.");
        return o;
    }
    if (parser.isSet(json))
        o.format = RecordWriter::Format::Json;
    else if (parser.isSet(csv))
        o.format = RecordWriter::Format::Csv;
    else if (parser.isSet(table))
        o.format = RecordWriter::Format::Table;

    if (needsServer) {
        o.accountName = parser.value(account).trimmed();
        if (parser.isSet(apiUrl))
            o.apiUrl = QUrl::fromUserInput(parser.value(apiUrl).trimmed());
        if (parser.isSet(apiUrl) && (!o.apiUrl.isValid() || o.apiUrl.host().isEmpty())) {
            o.error = tr("\"%1\" is not an API address.").arg(parser.value(apiUrl));
            return o;
        }
        if (!o.accountName.isEmpty() && o.apiUrl.isValid()) {
            o.error = tr("Give either --account or --api-url, not both.");
            return o;
        }
        if (o.accountName.isEmpty() && !o.apiUrl.isValid()) {
            o.error = tr("Say which account to work in: --account NAME, or --api-url URL with ALTCRAFT_API_TOKEN.");
            return o;
        }
    }
    if (o.command == C::Accounts && parser.isSet(apiUrl)) {
        o.error = tr("accounts lists saved accounts; --api-url does not apply.");
        return o;
    }
    if (o.isAction() || o.command == C::Status) {
        if (o.positional.isEmpty()) {
            o.error = tr("Say which campaigns: an ID-SPEC such as “18, 19 20-25”, or “-” for standard input.");
            return o;
        }
    }
    if (o.command == C::List && !o.positional.isEmpty()) {
        o.error = tr("list takes no arguments; use --ids to name campaigns.");
        return o;
    }
    if (o.command == C::History && !o.positional.isEmpty()) {
        o.error = tr("history takes no arguments.");
        return o;
    }
    if (o.command == C::Accounts && !o.positional.isEmpty()
        && (o.positional.first() != QLatin1String("test") || o.positional.size() > 2)) {
        o.error = tr("Use “accounts” or “accounts test [NAME]”.");
        return o;
    }
    if (o.isAction()) {
        o.dryRun = parser.isSet(dryRun);
        o.reason = parser.value(reason).trimmed();
    }
    if (o.command == C::Complete && parser.isSet(confirmCount)) {
        bool ok = false;
        const int n = parser.value(confirmCount).toInt(&ok);
        if (!ok || n < 0) {
            o.error = tr("--confirm-count needs a number, not \"%1\".").arg(parser.value(confirmCount));
            return o;
        }
        o.confirmCount = n;
    }
    if (o.command == C::Activate) {
        const std::pair<const QCommandLineOption *, QDateTime *> dates[] = {
            {&start, &o.schedule.activateAt},
            {&pauseAt, &o.schedule.deactivateAt},
            {&completeAt, &o.schedule.completeAt},
        };
        for (const auto &[option, target] : dates) {
            if (!parser.isSet(*option))
                continue;
            *target = parseDate(parser.value(*option));
            if (!target->isValid()) {
                o.error = tr("--%1: \"%2\" is not a date; use ISO 8601, e.g. 2026-12-08T09:00:00+03:00.")
                              .arg(option->names().constFirst(), parser.value(*option));
                return o;
            }
        }
    }
    if (o.command == C::List) {
        o.status = parser.value(status).trimmed();
        o.tags = parser.values(tag);
        o.groups = parser.values(group);
        o.search = parser.value(search);
        o.ids = parser.value(ids);
    }
    if (o.command == C::History) {
        o.historyAccount = parser.value(historyAccount).trimmed();
        o.campaigns = parser.value(campaign);
        o.actionKey = parser.value(action).trimmed();
        if (parser.isSet(since)) {
            o.since = parseDate(parser.value(since));
            if (!o.since.isValid()) {
                o.error = tr("--since: \"%1\" is not a date; use ISO 8601, e.g. 2026-12-01.").arg(parser.value(since));
                return o;
            }
        }
        if (parser.isSet(limit)) {
            bool ok = false;
            o.limit = parser.value(limit).toInt(&ok);
            if (!ok || o.limit <= 0) {
                o.error = tr("--limit needs a positive number, not \"%1\".").arg(parser.value(limit));
                return o;
            }
        }
    }
    return o;
}
