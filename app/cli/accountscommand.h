#pragma once

#include "commandcontext.h"

#include <QCoreApplication>

class Settings;

// accounts: the saved accounts (never their tokens). accounts test [NAME]: one cheap read with
// each account's token (ConnectionTester, as Settings' "Test connection"), for NAME or for all.
class AccountsCommand
{
    Q_DECLARE_TR_FUNCTIONS(AccountsCommand)
public:
    static ExitCode run(const CommandContext &context, Settings *settings);
};
