#pragma once

#include "campaign.h"

#include <QCoreApplication>
#include <QList>

class CampaignTableModel;

// Which of the selected campaigns an action applies to, and a sentence on the rest.
class ActionEligibility
{
    Q_DECLARE_TR_FUNCTIONS(ActionEligibility)
public:
    QList<qint64> eligible;
    int busy = 0; // a request for them is already in flight
    int wrongStatus = 0; // the API does not allow the action from their status

    static ActionEligibility of(CampaignAction action, const QList<qint64> &ids, const CampaignTableModel &model);
    int skipped() const { return busy + wrongStatus; }
    // "2 skipped: not active or awaiting activation." Empty when nothing was skipped.
    QString skippedText(CampaignAction action) const;
};
