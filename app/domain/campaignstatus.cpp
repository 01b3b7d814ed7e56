#include "campaignstatus.h"

namespace CampaignStatuses {

QString toApiString(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Cloning:
        return QStringLiteral("cloning");
    case CampaignStatus::Inactive:
        return QStringLiteral("inactive");
    case CampaignStatus::Waiting:
        return QStringLiteral("waiting");
    case CampaignStatus::Active:
        return QStringLiteral("active");
    case CampaignStatus::Completed:
        return QStringLiteral("completed");
    case CampaignStatus::Deleted:
        return QStringLiteral("deleted");
    case CampaignStatus::Unknown:
        break;
    }
    return QString();
}

CampaignStatus fromApiString(QStringView text)
{
    static constexpr CampaignStatus all[]
        = {CampaignStatus::Cloning, CampaignStatus::Inactive,  CampaignStatus::Waiting,
           CampaignStatus::Active,  CampaignStatus::Completed, CampaignStatus::Deleted};
    for (CampaignStatus s : all) {
        if (text.compare(toApiString(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return CampaignStatus::Unknown;
}

} // namespace CampaignStatuses
