#include "cliapp.h"

#include "accountscommand.h"
#include "actioncommand.h"
#include "clioptions.h"
#include "clireference.h"
#include "clisession.h"
#include "historycommand.h"
#include "idspec.h"
#include "listcommand.h"
#include "localization.h"
#include "settings.h"
#include "statuscommand.h"

#include <QTextStream>

#include <cstdio>
#include <unistd.h>

void CliApp::identify()
{
    QCoreApplication::setApplicationName(QStringLiteral("campaign-manager"));
    QCoreApplication::setOrganizationName(QStringLiteral("CampaignManager"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CM_VERSION));
}

int CliApp::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    // For the build (not in --help): the man page and the shell completions, made from the
    // commands' own --help, always in English whatever the builder's settings.
    if (arguments.value(1) == QLatin1String("--generate")) {
        QString error = QStringLiteral("--generate takes KIND FILE, KIND one of ") + CliReference::kinds().join(u", ");
        if (arguments.size() == 4 && CliReference::generate(arguments.at(2), arguments.at(3), &error))
            return toInt(ExitCode::Ok);
        err << "campaign-manager-cli: " << error << '\n';
        return toInt(ExitCode::Usage);
    }
    // The window's language setting, else the system's (LANG=C gives English): help included.
    Settings settings;
    Localization localization;
    localization.install(settings.value(Settings::Key::Language).toString());
    CliOptions options = CliCommandLine::parse(arguments, isatty(STDOUT_FILENO) == 1);
    CliCommandLine::removeTokenFromEnvironment(); // read once; options.envToken holds it now
    if (!options.error.isEmpty()) {
        err << "campaign-manager-cli: " << options.error << '\n' << tr("Try 'campaign-manager-cli --help'.") << '\n';
        return toInt(ExitCode::Usage);
    }
    if (options.showHelp) {
        out << options.helpText;
        return toInt(ExitCode::Ok);
    }
    if (options.showVersion) {
        out << "campaign-manager-cli " << QCoreApplication::applicationVersion() << '\n';
        return toInt(ExitCode::Ok);
    }
    // Bad IDs are a usage error, said before any account or token is looked at.
    if (options.isAction() || options.command == CliOptions::Command::Status) {
        QString error;
        if (!IdSpec::read(options.positional, in, &options.campaignIds, &error)) {
            err << "campaign-manager-cli: " << error << '\n';
            return toInt(ExitCode::Usage);
        }
    }
    const CommandContext context{options, out, err, in, isatty(STDERR_FILENO) == 1};
    using C = CliOptions::Command;
    if (options.command == C::History)
        return toInt(HistoryCommand::run(context, &settings));
    if (options.command == C::Accounts)
        return toInt(AccountsCommand::run(context, &settings));

    CliSession session(&settings);
    QString error;
    if (const std::optional<ExitCode> failed = session.open(options, &error)) {
        err << "campaign-manager-cli: " << error << '\n';
        return toInt(*failed);
    }
    if (!session.notice().isEmpty())
        err << "campaign-manager-cli: " << session.notice() << '\n';
    switch (options.command) {
    case C::List:
        return toInt(ListCommand::run(context, session));
    case C::Status:
        return toInt(StatusCommand::run(context, session));
    default:
        return toInt(ActionCommand::run(context, session));
    }
}
