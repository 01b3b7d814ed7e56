#pragma once

#include "campaign.h"

#include <QList>

// Deterministic demo data: the same seed and count give the same campaigns, byte for byte.
// Names mix English and Russian; every status appears once there are at least six campaigns.
class CampaignGenerator
{
public:
    static QList<CampaignGroup> groups();
    static QList<Campaign> generate(int count, quint32 seed = 1);
};
