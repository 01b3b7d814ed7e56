#pragma once

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

// The command line of campaign-manager. The token never comes from argv (other users can read
// a process's arguments): only from ALTCRAFT_API_TOKEN, the keychain, or the Settings dialog.
struct LaunchOptions {
    bool demo = false;
    bool verbose = false;
    bool showHelp = false;
    bool showVersion = false;
    QUrl apiUrl; // normalised; empty when not given
    QString accountName; // --account: a saved account's display name (the demo's, with --demo)
    QString envToken; // from ALTCRAFT_API_TOKEN, trimmed
    QString error; // non-empty: print it to stderr and exit with status 2
    QString helpText;
    QString versionText;
};

class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    static LaunchOptions parse(const QStringList &arguments,
                               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    // Once parse() has read ALTCRAFT_API_TOKEN: wipes its value in place and removes it from
    // this process's environment, so no child process (a browser, xdg-open) inherits it and
    // /proc/<pid>/environ no longer shows it.
    static void removeTokenFromEnvironment();
};
