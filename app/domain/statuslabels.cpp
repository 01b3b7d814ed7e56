#include "statuslabels.h"

QString StatusLabels::status(CampaignStatus status, const QString &rawText)
{
    switch (status) {
    case CampaignStatus::Cloning:
        return tr("Being cloned");
    case CampaignStatus::Inactive:
        return tr("Inactive");
    case CampaignStatus::Waiting:
        return tr("Awaiting activation");
    case CampaignStatus::Active:
        return tr("Active");
    case CampaignStatus::Completed:
        return tr("Completed");
    case CampaignStatus::Deleted:
        return tr("Deleted");
    case CampaignStatus::Unknown:
        break;
    }
    return rawText.isEmpty() ? tr("Unknown") : tr("Unknown (%1)").arg(rawText);
}

int StatusLabels::sortRank(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Active:
        return 0;
    case CampaignStatus::Waiting:
        return 1;
    case CampaignStatus::Inactive:
        return 2;
    case CampaignStatus::Cloning:
        return 3;
    case CampaignStatus::Completed:
        return 4;
    case CampaignStatus::Deleted:
        return 5;
    case CampaignStatus::Unknown:
        return 6;
    }
    return 6;
}
