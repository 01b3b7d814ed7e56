#pragma once

#include "emulatedstate.h"

#include <QString>
#include <QStringView>

#include <map>
#include <optional>

// How the emulator spells each state on the wire ("state", get_status's "status", the list's
// "state" filter): the documented values unless a test misspells one on purpose, to prove that
// the client/emulator contract test notices when the two sides disagree.
class StateSpelling
{
public:
    QString name(EmulatedState state) const;
    // Case-insensitive, as the list filter has always been; nullopt for a value it does not know.
    std::optional<EmulatedState> state(QStringView name) const;

    // A deliberate disagreement with altcraft-api.md, for tests of the tests only.
    void misspell(EmulatedState state, const QString &name) { m_misspelled.insert_or_assign(state, name); }
    void restoreDocumented() { m_misspelled.clear(); }

    static QString documentedName(EmulatedState state);

private:
    std::map<EmulatedState, QString> m_misspelled;
};
