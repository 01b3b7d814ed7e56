#include "clireference.h"

#include "campaignactions.h"
#include "campaignstatus.h"
#include "clioptions.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSaveFile>

namespace {

const QString kProgram = QStringLiteral("campaign-manager-cli");

// "  name   text" lines of a help section; an indented line without a name continues the text.
QList<CliReference::Option> entries(const QStringList &lines)
{
    static const QRegularExpression entry(QStringLiteral("^  (?:-\\w, )?(--)?(\\S+)(?: <([^>]+)>)?\\s{2,}(.*)$"));
    static const QRegularExpression continuation(QStringLiteral("^\\s{4,}(\\S.*)$"));
    QList<CliReference::Option> out;
    for (const QString &line : lines) {
        const QRegularExpressionMatch m = entry.match(line);
        if (m.hasMatch()) {
            out.append({m.captured(2), m.captured(3), m.captured(4).trimmed()});
        } else if (const QRegularExpressionMatch c = continuation.match(line); c.hasMatch() && !out.isEmpty()) {
            out.last().description += QLatin1Char(' ') + c.captured(1).trimmed();
        }
    }
    return out;
}

QStringList statuses()
{
    QStringList out;
    for (CampaignStatus s : {CampaignStatus::Cloning, CampaignStatus::Inactive, CampaignStatus::Waiting,
                             CampaignStatus::Active, CampaignStatus::Completed, CampaignStatus::Deleted})
        out << CampaignStatuses::toApiString(s);
    return out;
}

QStringList actionKeys()
{
    QStringList out;
    for (const ActionSpec &s : CampaignActions::all())
        out << QString::fromLatin1(s.journalKey);
    return out;
}

// Values an option's argument can take, for the completions; empty: free text.
QStringList valuesOf(const QString &option)
{
    if (option == QLatin1String("status"))
        return statuses();
    if (option == QLatin1String("action"))
        return actionKeys();
    return {};
}

QString roff(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    text.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    // Plain ASCII for any troff and any output device: typography as troff's own names (which
    // every device has), anything else as its Unicode escape.
    static const QHash<char16_t, QString> named = {
        {u'…', QStringLiteral("...")},   {u'“', QStringLiteral("\\(lq")}, {u'”', QStringLiteral("\\(rq")},
        {u'‘', QStringLiteral("\\(oq")}, {u'’', QStringLiteral("\\(cq")}, {u'—', QStringLiteral("\\(em")},
        {u'–', QStringLiteral("\\(en")}, {u'«', QStringLiteral("\\(Fo")}, {u'»', QStringLiteral("\\(Fc")},
    };
    QString ascii;
    ascii.reserve(text.size());
    for (const QChar ch : std::as_const(text)) {
        if (ch.unicode() < 0x80)
            ascii += ch;
        else
            ascii += named.value(
                ch.unicode(),
                QStringLiteral("\\[u%1]").arg(QString::number(ch.unicode(), 16).toUpper().rightJustified(4, u'0')));
    }
    text = ascii;
    // A line starting with . or ' would be a request.
    if (text.startsWith(QLatin1Char('.')) || text.startsWith(QLatin1Char('\'')))
        text.prepend(QStringLiteral("\\&"));
    return text;
}

// Text inside a zsh _arguments description: its brackets and colons are syntax.
QString zshText(QString text)
{
    text.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    text.replace(QLatin1Char('['), QLatin1Char('('));
    text.replace(QLatin1Char(']'), QLatin1Char(')'));
    text.replace(QLatin1Char(':'), QStringLiteral("\\:"));
    return text;
}

} // namespace

CliReference::Command CliReference::parseHelp(const QString &name, const QString &helpText)
{
    Command command;
    command.name = name;
    const QStringList lines = helpText.split(QLatin1Char('\n'));
    enum { Head, Options, Arguments } section = Head;
    QStringList options, arguments, description;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("Usage: "))) {
            command.usage = line.section(QLatin1Char(' '), 3).trimmed();
        } else if (line == QLatin1String("Options:")) {
            section = Options;
        } else if (line == QLatin1String("Arguments:")) {
            section = Arguments;
        } else if (section == Head && !line.trimmed().isEmpty()) {
            description << line.trimmed();
        } else if (section == Options) {
            options << line;
        } else if (section == Arguments) {
            arguments << line;
        }
    }
    command.description = description.join(QLatin1Char(' '));
    command.options = entries(options);
    command.arguments = entries(arguments);
    return command;
}

QList<CliReference::Command> CliReference::commands()
{
    // The general help's "Commands:" lines name them, in order.
    static const QRegularExpression commandLine(QStringLiteral("^  ([a-z]+)\\s.*?\\s{2,}(\\S.*)$"));
    QList<Command> out;
    bool inCommands = false;
    for (const QString &line : CliCommandLine::generalHelp().split(QLatin1Char('\n'))) {
        if (line == QLatin1String("Commands:")) {
            inCommands = true;
            continue;
        }
        if (inCommands && line.trimmed().isEmpty())
            break;
        const QRegularExpressionMatch m = commandLine.match(line);
        if (!inCommands || !m.hasMatch())
            continue;
        const QString name = m.captured(1);
        const CliOptions o = CliCommandLine::parse({kProgram, name, QStringLiteral("--help")}, false);
        out.append(parseHelp(name, o.helpText));
        out.last().summary = m.captured(2).trimmed();
    }
    return out;
}

QString CliReference::manPage(const QString &version)
{
    QString m;
    m += QStringLiteral(".TH CAMPAIGN\\-MANAGER\\-CLI 1 \"\" \"campaign\\-manager\\-cli %1\" \"User Commands\"\n")
             .arg(roff(version));
    m += QStringLiteral(".SH NAME\ncampaign\\-manager\\-cli \\- list Altcraft campaigns and deactivate, activate or "
                        "complete them\n");
    m += QStringLiteral(".SH SYNOPSIS\n.B campaign\\-manager\\-cli\n.I COMMAND\n[\\fIoptions\\fR]\n");
    m += QStringLiteral(
        ".SH DESCRIPTION\nThe command line of Campaign Manager, for support runbooks, SSH sessions and scripts. "
        "It works with the same saved accounts, keychain tokens, safety rules and History as the window: each "
        "campaign is read before anything is sent, and those the action does not apply to are skipped with the "
        "reason; every action is recorded in History before it is sent, and succeeds only when the status read "
        "back confirms it; an answer lost on the way is settled by reading the status, never by sending again.\n"
        ".PP\nIDs are given as an \\fIID\\-SPEC\\fR: IDs and ranges separated by commas, spaces or new lines, "
        "such as \\(lq18, 19 20\\-25\\(rq; \\(lq\\-\\(rq reads them from standard input.\n");
    m += QStringLiteral(".SH COMMANDS\n");
    for (const Command &c : commands()) {
        m += QStringLiteral(".SS \"%1 %2\"\n").arg(roff(c.name), roff(c.usage));
        m += roff(c.description) + QLatin1Char('\n');
        for (const Option &o : c.options) {
            m += QStringLiteral(".TP\n.B \\-\\-%1").arg(roff(o.name));
            if (!o.value.isEmpty())
                m += QStringLiteral(" \\fI%1\\fR").arg(roff(o.value));
            m += QLatin1Char('\n') + roff(o.description) + QLatin1Char('\n');
        }
        for (const Option &a : c.arguments)
            m += QStringLiteral(".TP\n.I %1\n%2\n").arg(roff(a.name), roff(a.description));
    }
    m += QStringLiteral(
        ".SH OUTPUT\nRecords go to standard output: an aligned table on a terminal, otherwise JSON Lines (one "
        "object per line); \\-\\-json, \\-\\-csv and \\-\\-table choose. Messages, progress (only on a terminal) "
        "and the final summary go to standard error. Server text is printed as plain text: control characters "
        "become U+FFFD.\n");
    m += QStringLiteral(".SH EXIT STATUS\n"
                        ".TP\n.B 0\nEverything asked for was done (confirmed by the status read back, or already "
                        "so).\n"
                        ".TP\n.B 1\nSomething was not done: skipped as ineligible, refused, unreadable, or not in "
                        "effect.\n"
                        ".TP\n.B 2\nUsage: a bad command, option, ID or date; complete without the right "
                        "\\-\\-confirm\\-count. Nothing was sent.\n"
                        ".TP\n.B 3\nSome outcomes are unknown: check them with \\fBstatus\\fR before trying "
                        "again.\n"
                        ".TP\n.B 4\nAuthentication or access: no token, token rejected, no right, or a read\\-only "
                        "account asked to write.\n");
    m += QStringLiteral(".SH ENVIRONMENT\n.TP\n.B ALTCRAFT_API_TOKEN\nThe API token for \\-\\-api\\-url (and for "
                        "\\-\\-account when it is set). The token is never an argument; the variable is wiped from "
                        "the process's environment once read.\n");
    m += QStringLiteral(".SH FILES\n.TP\n.I ~/.local/share/CampaignManager/campaign\\-manager/journal.sqlite\nHistory, "
                        "shared with the window.\n.TP\n.I ~/.config/CampaignManager/campaign\\-manager.conf\nSaved "
                        "accounts and settings, shared with the window. Tokens are in the system keychain.\n");
    m += QStringLiteral(
        ".SH EXAMPLES\nPause the campaigns listed in a file, first without sending anything:\n.PP\n.nf\n"
        "campaign\\-manager\\-cli deactivate \\- \\-\\-account Production \\-\\-dry\\-run < ids.txt\n"
        "campaign\\-manager\\-cli deactivate \\- \\-\\-account Production \\-\\-reason \"INC\\-42\" < ids.txt\n"
        "campaign\\-manager\\-cli history \\-\\-account Production \\-\\-action deactivate \\-\\-limit 40\n.fi\n");
    m += QStringLiteral(".SH SEE ALSO\n.BR campaign\\-manager (1)\n");
    return m;
}

QString CliReference::bashCompletion()
{
    const QList<Command> all = commands();
    QStringList names;
    for (const Command &c : all)
        names << c.name;
    QString b;
    b += QStringLiteral("# bash completion for campaign-manager-cli, generated from its --help at build time.\n"
                        "_campaign_manager_cli() {\n"
                        "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
                        "  COMPREPLY=()\n"
                        "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
                        "    COMPREPLY=($(compgen -W '%1 --help --version' -- \"$cur\"))\n"
                        "    return\n"
                        "  fi\n"
                        "  case $prev in\n")
             .arg(names.join(QLatin1Char(' ')));
    for (const QString &option : {QStringLiteral("status"), QStringLiteral("action")})
        b += QStringLiteral("    --%1) COMPREPLY=($(compgen -W '%2' -- \"$cur\")); return ;;\n")
                 .arg(option, valuesOf(option).join(QLatin1Char(' ')));
    // Any other option with a value: free text, nothing to offer.
    QStringList valued;
    for (const Command &c : all) {
        for (const Option &o : c.options) {
            if (!o.value.isEmpty() && valuesOf(o.name).isEmpty() && !valued.contains(QStringLiteral("--") + o.name))
                valued << QStringLiteral("--") + o.name;
        }
    }
    b += QStringLiteral("    %1) return ;;\n").arg(valued.join(QLatin1Char('|')));
    b += QStringLiteral("  esac\n  case ${COMP_WORDS[1]} in\n");
    for (const Command &c : all) {
        QStringList options;
        for (const Option &o : c.options)
            options << QStringLiteral("--") + o.name;
        QString extra;
        if (c.name == QLatin1String("accounts"))
            extra = QStringLiteral(" test");
        b += QStringLiteral("    %1) COMPREPLY=($(compgen -W '%2%3' -- \"$cur\")) ;;\n")
                 .arg(c.name, options.join(QLatin1Char(' ')), extra);
    }
    b += QStringLiteral("  esac\n}\ncomplete -F _campaign_manager_cli campaign-manager-cli\n");
    return b;
}

QString CliReference::zshCompletion()
{
    const QList<Command> all = commands();
    QString z;
    z += QStringLiteral("#compdef campaign-manager-cli\n"
                        "# zsh completion for campaign-manager-cli, generated from its --help at build time.\n"
                        "_campaign-manager-cli() {\n"
                        "  local -a commands\n"
                        "  commands=(\n");
    for (const Command &c : all)
        z += QStringLiteral("    '%1:%2'\n").arg(c.name, zshText(c.summary));
    z += QStringLiteral("  )\n"
                        "  if (( CURRENT == 2 )); then\n"
                        "    _describe -t commands 'campaign-manager-cli command' commands\n"
                        "    return\n"
                        "  fi\n"
                        "  local command=$words[2]\n"
                        "  shift words; (( CURRENT-- ))\n"
                        "  case $command in\n");
    for (const Command &c : all) {
        z += QStringLiteral("    %1)\n      _arguments -s \\\n").arg(c.name);
        for (const Option &o : c.options) {
            if (o.value.isEmpty()) {
                z += QStringLiteral("        '--%1[%2]' \\\n").arg(o.name, zshText(o.description));
            } else {
                const QStringList values = valuesOf(o.name);
                z += QStringLiteral("        '--%1=[%2]:%3:%4' \\\n")
                         .arg(o.name, zshText(o.description), zshText(o.value.toLower()),
                              values.isEmpty() ? QStringLiteral(" ")
                                               : QStringLiteral("(%1)").arg(values.join(QLatin1Char(' '))));
            }
        }
        if (c.name == QLatin1String("accounts"))
            z += QStringLiteral("        '1:: :(test)' \\\n");
        else if (!c.arguments.isEmpty())
            z += QStringLiteral("        '1:%1: ' \\\n").arg(zshText(c.arguments.first().name.toLower()));
        z += QStringLiteral("        && return\n      ;;\n");
    }
    z += QStringLiteral("  esac\n}\n_campaign-manager-cli \"$@\"\n");
    return z;
}

bool CliReference::generate(const QString &kind, const QString &path, QString *error)
{
    QString text;
    if (kind == QLatin1String("man"))
        text = manPage(QStringLiteral(CM_VERSION));
    else if (kind == QLatin1String("bash"))
        text = bashCompletion();
    else if (kind == QLatin1String("zsh"))
        text = zshCompletion();
    else {
        *error = QStringLiteral("--generate takes one of %1, not \"%2\"").arg(kinds().join(QStringLiteral(", ")), kind);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
