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

// Which actions the API allows from a status; the emulator and the UI share this table.
bool allows(CampaignStatus status, CampaignAction action);

// The API method path segment for an action: "activate", "deactivate", "completed".
QString apiMethod(CampaignAction action);

} // namespace CampaignStatuses

Q_DECLARE_METATYPE(CampaignStatus)
Q_DECLARE_METATYPE(CampaignAction)
