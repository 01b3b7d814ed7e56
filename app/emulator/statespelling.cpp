#include "statespelling.h"

QString StateSpelling::documentedName(EmulatedState state)
{
    switch (state) {
    case EmulatedState::Cloning:
        return QStringLiteral("cloning");
    case EmulatedState::Inactive:
        return QStringLiteral("inactive");
    case EmulatedState::Waiting:
        return QStringLiteral("waiting");
    case EmulatedState::Active:
        return QStringLiteral("active");
    case EmulatedState::Completed:
        return QStringLiteral("completed");
    case EmulatedState::Deleted:
        return QStringLiteral("deleted");
    }
    return QString();
}

QString StateSpelling::name(EmulatedState state) const
{
    const auto it = m_misspelled.find(state);
    return it != m_misspelled.end() ? it->second : documentedName(state);
}

std::optional<EmulatedState> StateSpelling::state(QStringView name) const
{
    for (EmulatedState s : EmulatedStates::all()) {
        if (name.compare(this->name(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}
