#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The CLI's reference for the build: the man page, and the bash and zsh completions. All three
// are made from each command's own --help (the QCommandLineParser that parses it), so they
// cannot drift from what the program accepts. Always English: the build's output is the
// package's, whoever builds it.
class CliReference
{
public:
    struct Option {
        QString name; // "dry-run"
        QString value; // "DATE", or empty for a switch
        QString description;
    };
    struct Command {
        QString name; // "deactivate"
        QString usage; // "[options] ID-SPEC"
        QString summary; // the general help's line: "Pause campaigns."
        QString description;
        QList<Option> options;
        QList<Option> arguments; // positional: name and description
    };

    static QList<Command> commands();
    static Command parseHelp(const QString &name, const QString &helpText);

    static QString manPage(const QString &version);
    static QString bashCompletion();
    static QString zshCompletion();

    // --generate man|bash|zsh FILE: writes one of them; false (with *error) when it cannot.
    static bool generate(const QString &kind, const QString &path, QString *error);
    static QStringList kinds() { return {QStringLiteral("man"), QStringLiteral("bash"), QStringLiteral("zsh")}; }
};
