#pragma once

#include "commandcontext.h"

#include <QCoreApplication>

class CliSession;

// deactivate, activate, complete: the window's rules from the command line. Reads each campaign,
// skips (and names) those the action table does not allow, refuses Complete unless
// --confirm-count is the number of eligible campaigns, prints what would be sent for --dry-run,
// and otherwise runs CampaignService::runAction with the journal recording each item before it
// is sent. Outcomes are the runner's: confirmed by the status read back.
class ActionCommand
{
    Q_DECLARE_TR_FUNCTIONS(ActionCommand)
public:
    static ExitCode run(const CommandContext &context, CliSession &session);
};
