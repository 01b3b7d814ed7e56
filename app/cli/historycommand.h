#pragma once

#include "commandcontext.h"

#include <QCoreApplication>

class Settings;

// history: the journal the window's History shows (AppDataLocation/journal.sqlite), newest first.
class HistoryCommand
{
    Q_DECLARE_TR_FUNCTIONS(HistoryCommand)
public:
    static ExitCode run(const CommandContext &context, Settings *settings);
};
