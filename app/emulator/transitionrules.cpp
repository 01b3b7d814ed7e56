#include "transitionrules.h"

bool TransitionRules::documented(EmulatedState from, EmulatedAction action)
{
    switch (action) {
    case EmulatedAction::Activate:
        return from == EmulatedState::Inactive;
    case EmulatedAction::Deactivate:
        return from == EmulatedState::Active || from == EmulatedState::Waiting;
    case EmulatedAction::Complete:
        return from == EmulatedState::Active || from == EmulatedState::Waiting || from == EmulatedState::Inactive;
    }
    return false;
}

bool TransitionRules::allows(EmulatedState from, EmulatedAction action) const
{
    if (m_refused.count({action, from}) > 0)
        return false;
    return m_permitted.count({action, from}) > 0 || documented(from, action);
}

void TransitionRules::refuse(EmulatedAction action, EmulatedState from)
{
    m_permitted.erase({action, from});
    m_refused.insert({action, from});
}

void TransitionRules::permit(EmulatedAction action, EmulatedState from)
{
    m_refused.erase({action, from});
    m_permitted.insert({action, from});
}

void TransitionRules::restoreDocumented()
{
    m_refused.clear();
    m_permitted.clear();
}
