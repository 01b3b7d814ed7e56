#pragma once

#include "apiresult.h"
#include "campaign.h"

#include <QHash>
#include <QList>

class AltcraftClient;

// Reads campaigns by ID (scampaigns/get, or get_status), all at once, and waits for every answer.
class CampaignReader
{
public:
    static QHash<qint64, ApiResult<Campaign>> campaigns(AltcraftClient *client, const QList<qint64> &ids);
    static QHash<qint64, ApiResult<CampaignStatus>> statuses(AltcraftClient *client, const QList<qint64> &ids);
};
