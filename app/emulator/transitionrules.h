#pragma once

#include "emulatedstate.h"

#include <set>
#include <utility>

// Which action the emulator accepts from which state, as altcraft-api.md states it: activate
// from inactive; deactivate from active or waiting; completed from active, waiting or inactive.
// Written apart from the client's action table on purpose: a rule shared by both would confirm
// its own mistakes. A test may bend one rule to prove the contract test catches the difference.
class TransitionRules
{
public:
    bool allows(EmulatedState from, EmulatedAction action) const;

    // Deliberate disagreements with the documentation, for tests of the tests only.
    void refuse(EmulatedAction action, EmulatedState from);
    void permit(EmulatedAction action, EmulatedState from);
    void restoreDocumented();

    static bool documented(EmulatedState from, EmulatedAction action);

private:
    std::set<std::pair<EmulatedAction, EmulatedState>> m_refused;
    std::set<std::pair<EmulatedAction, EmulatedState>> m_permitted;
};
