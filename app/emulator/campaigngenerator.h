#pragma once

#include "emulatedcampaign.h"

#include <QList>

// Deterministic demo data: the same seed and count give the same campaigns, byte for byte.
// Names mix English and Russian; every state appears once there are at least six campaigns.
class CampaignGenerator
{
public:
    static QList<EmulatedGroup> groups();
    static QList<EmulatedCampaign> generate(int count, quint32 seed = 1);
};
