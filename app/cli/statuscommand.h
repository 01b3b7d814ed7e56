#pragma once

#include "commandcontext.h"

#include <QCoreApplication>

class CliSession;

// status ID-SPEC: each campaign's status as the server reports it now (scampaigns/get_status).
class StatusCommand
{
    Q_DECLARE_TR_FUNCTIONS(StatusCommand)
public:
    static ExitCode run(const CommandContext &context, CliSession &session);
};
