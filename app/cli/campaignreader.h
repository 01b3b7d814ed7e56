#pragma once

#include "apiresult.h"
#include "campaign.h"

#include <QHash>
#include <QList>

class AltcraftClient;

// Reads campaigns by ID and waits for every answer: campaigns() by list pages where the IDs lie
// close together (one request per thousand), else by scampaigns/get; statuses() by get_status.
class CampaignReader
{
public:
    static constexpr int kListPageSize = 1000;
    static constexpr int kMinListBatch = 3; // fewer in a page's reach: one get each

    static QHash<qint64, ApiResult<Campaign>> campaigns(AltcraftClient *client, const QList<qint64> &ids);
    static QHash<qint64, ApiResult<CampaignStatus>> statuses(AltcraftClient *client, const QList<qint64> &ids);
};
