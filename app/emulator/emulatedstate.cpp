#include "emulatedstate.h"

namespace EmulatedStates {

QList<EmulatedState> all()
{
    return {EmulatedState::Cloning, EmulatedState::Inactive,  EmulatedState::Waiting,
            EmulatedState::Active,  EmulatedState::Completed, EmulatedState::Deleted};
}

QList<EmulatedAction> allActions()
{
    return {EmulatedAction::Activate, EmulatedAction::Deactivate, EmulatedAction::Complete};
}

} // namespace EmulatedStates
