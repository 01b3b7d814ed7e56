#pragma once

#include <QMetaType>
#include <QString>
#include <QStringView>

// The states a campaign can be in, as the Altcraft API spells them (see altcraft-api.md).
enum class CampaignStatus {
    Unknown, // a value this client does not know; shown raw, never acted upon
    Cloning,
    Inactive,
    Waiting,
    Active,
    Completed,
    Deleted,
};

// The three state-changing operations the API offers.
enum class CampaignAction { Activate, Deactivate, Complete };

namespace CampaignStatuses {

QString toApiString(CampaignStatus status);
CampaignStatus fromApiString(QStringView text);

} // namespace CampaignStatuses

Q_DECLARE_METATYPE(CampaignStatus)
Q_DECLARE_METATYPE(CampaignAction)
