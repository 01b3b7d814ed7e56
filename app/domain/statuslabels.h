#pragma once

#include "campaignstatus.h"

#include <QCoreApplication>
#include <QString>

// Translated words for statuses and actions, shared by the model, the dialogs and the journal.
class StatusLabels
{
    Q_DECLARE_TR_FUNCTIONS(StatusLabels)
public:
    static QString status(CampaignStatus status, const QString &rawText = {});
    // Sort order of statuses in the table: the ones a user acts on first.
    static int sortRank(CampaignStatus status);
};
