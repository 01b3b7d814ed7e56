#pragma once

#include "apiresult.h"
#include "recordwriter.h"

#include <QDateTime>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// What `campaign-manager-cli COMMAND [options]` was asked to do. The token is never an option
// (other users can read a process's arguments): it comes from ALTCRAFT_API_TOKEN or the keychain.
struct CliOptions {
    enum class Command { None, List, Status, Deactivate, Activate, Complete, History, Accounts };

    Command command = Command::None;
    QStringList positional; // the ID-SPEC of status and the actions; "test [NAME]" of accounts
    QList<qint64> campaignIds; // the ID-SPEC read (CliApp, before any account is opened)
    // Credentials.
    QString accountName;
    QUrl apiUrl;
    QString envToken; // from ALTCRAFT_API_TOKEN, trimmed
    // Output.
    RecordWriter::Format format = RecordWriter::Format::Table;
    // Actions.
    bool dryRun = false;
    QString reason;
    std::optional<int> confirmCount;
    ActivationSchedule schedule;
    // list.
    QString status;
    QStringList tags;
    QStringList groups;
    QString search;
    QString ids; // --ids SPEC
    // history.
    QString historyAccount;
    QString campaigns; // --campaign SPEC
    QString actionKey;
    QDateTime since;
    int limit = 100;

    bool showHelp = false;
    bool showVersion = false;
    QString helpText;
    QString error; // non-empty: a usage error, exit 2

    bool isAction() const
    {
        return command == Command::Deactivate || command == Command::Activate || command == Command::Complete;
    }
};

class CliCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CliCommandLine)
public:
    // stdoutIsTerminal decides the default format: a table on a terminal, JSON Lines otherwise.
    static CliOptions parse(const QStringList &arguments, bool stdoutIsTerminal,
                            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    // Wipes ALTCRAFT_API_TOKEN in place and removes it from the environment once it is read, so
    // /proc/<pid>/environ no longer shows it.
    static void removeTokenFromEnvironment();
    // "2026-12-08", "2026-12-08T09:00", "2026-12-08T09:00:00Z", "…+03:00": a date alone is its
    // local midnight; a time without an offset is local time. Invalid when unreadable.
    static QDateTime parseDate(const QString &text);
    static QString generalHelp();
};
