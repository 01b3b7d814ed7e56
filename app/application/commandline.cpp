#include "commandline.h"

#include "apiurl.h"

#include <QCommandLineParser>

#include <cstdlib>
#include <cstring>

LaunchOptions CommandLine::parse(const QStringList &arguments, const QProcessEnvironment &environment)
{
    LaunchOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Deactivate, activate and complete Altcraft campaigns."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  tr("Try the app against a local Altcraft emulator with demo campaigns."));
    const QCommandLineOption url(QStringLiteral("api-url"),
                                 tr("Use this Altcraft API URL, e.g. https://ru.altkraft.com."), tr("url"));
    const QCommandLineOption account(
        QStringLiteral("account"), tr("Start in the saved account with this name (as Settings lists it)."), tr("name"));
    const QCommandLineOption verbose(QStringLiteral("verbose"), tr("Print debug logging (never the token)."));
    parser.addOptions({demo, url, account, verbose});
    parser.addPositionalArgument(
        QStringLiteral(" "),
        tr("The API token is read from the environment variable ALTCRAFT_API_TOKEN, never from the command line."),
        QString());

    if (!parser.parse(arguments)) {
        options.error = parser.errorText();
        if (arguments.contains(QStringLiteral("--token")) || !arguments.filter(QStringLiteral("--token=")).isEmpty())
            options.error = tr(
                "The token is never taken from the command line: set ALTCRAFT_API_TOKEN, or enter it in Settings.");
        return options;
    }
    if (!parser.positionalArguments().isEmpty()) {
        options.error = tr("Unexpected argument: %1").arg(parser.positionalArguments().first());
        return options;
    }
    options.showHelp = parser.isSet(help);
    options.showVersion = parser.isSet(version);
    options.helpText = parser.helpText();
    options.versionText
        = QCoreApplication::applicationName() + QLatin1Char(' ') + QCoreApplication::applicationVersion();
    options.demo = parser.isSet(demo);
    options.verbose = parser.isSet(verbose);
    if (parser.isSet(url)) {
        const ApiUrlCheck check = ApiUrl::normalise(parser.value(url));
        if (!check.ok()) {
            options.error = tr("--api-url: %1").arg(check.error);
            return options;
        }
        options.apiUrl = check.url;
    }
    if (parser.isSet(account)) {
        options.accountName = parser.value(account).trimmed();
        if (options.accountName.isEmpty()) {
            options.error = tr("--account: give the name of a saved account.");
            return options;
        }
        if (parser.isSet(url)) {
            options.apiUrl.clear(); // nothing of a refused command line is acted upon
            options.error = tr("Use either --account or --api-url, not both.");
            return options;
        }
    }
    options.envToken = environment.value(QStringLiteral("ALTCRAFT_API_TOKEN")).trimmed();
    return options;
}

void CommandLine::removeTokenFromEnvironment()
{
    // getenv points into the environment block itself: overwrite the secret there first.
    if (char *value = std::getenv("ALTCRAFT_API_TOKEN"))
        std::memset(value, 0, std::strlen(value));
    qunsetenv("ALTCRAFT_API_TOKEN");
}
