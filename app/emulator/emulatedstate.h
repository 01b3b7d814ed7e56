#pragma once

#include <QList>
#include <QMetaType>

// A campaign's state as the emulator holds it: the six values of altcraft-api.md's "Campaign
// statuses" table. Deliberately not the client's CampaignStatus: the emulator is the oracle the
// client is tested against, so it shares no type, spelling or rule with it.
enum class EmulatedState { Cloning, Inactive, Waiting, Active, Completed, Deleted };

// The three state-changing methods: scampaigns/activate, deactivate and completed.
enum class EmulatedAction { Activate, Deactivate, Complete };

namespace EmulatedStates {
QList<EmulatedState> all();
QList<EmulatedAction> allActions();
} // namespace EmulatedStates

Q_DECLARE_METATYPE(EmulatedState)
Q_DECLARE_METATYPE(EmulatedAction)
