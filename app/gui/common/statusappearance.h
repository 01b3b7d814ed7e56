#pragma once

#include "campaignstatus.h"

#include <QColor>
#include <QIcon>
#include <QPalette>

// How a status looks: an icon whose shape differs per status (so colour is never the only
// signal) and a text colour that stays legible on light and dark palettes. Icons are painted
// as vectors, so they are crisp at every scale factor.
class StatusAppearance
{
public:
    static QIcon icon(CampaignStatus status);
    static QColor color(CampaignStatus status, const QPalette &palette);
};
