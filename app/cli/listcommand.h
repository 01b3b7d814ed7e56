#pragma once

#include "commandcontext.h"

#include <QCoreApplication>

class CliSession;

// list: the account's campaigns, filtered on the server (--status, --tag, --group) and here
// (--search in the name, --ids).
class ListCommand
{
    Q_DECLARE_TR_FUNCTIONS(ListCommand)
public:
    static ExitCode run(const CommandContext &context, CliSession &session);
};
