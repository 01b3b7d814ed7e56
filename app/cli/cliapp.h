#pragma once

#include <QCoreApplication>
#include <QStringList>

// campaign-manager-cli once a QCoreApplication exists: reads the command line, finds the account
// and runs the command. No widgets and no display: it runs over SSH and in cron.
class CliApp
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)
public:
    // The names QSettings, QStandardPaths and the keychain use: the window's, so the command line
    // works in the same accounts and writes the same History.
    static void identify();
    static int run(const QStringList &arguments);
};
