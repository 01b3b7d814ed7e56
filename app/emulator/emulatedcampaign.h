#pragma once

#include "emulatedstate.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class JsonWriter;
class StateSpelling;

struct EmulatedGroup {
    qint64 id = 0;
    QString name;
    friend bool operator==(const EmulatedGroup &, const EmulatedGroup &) = default;
};

// audience.extension_conf: the IDs of the mailings, scenarios, A/B tests and placements inside.
struct EmulatedNestedIds {
    QList<qint64> workflows, triggers, broadcasts, regulars, abns, placements;
    friend bool operator==(const EmulatedNestedIds &, const EmulatedNestedIds &) = default;
};

// One campaign as the emulator serves it: the fields of altcraft-api.md's campaign object.
struct EmulatedCampaign {
    qint64 id = 0;
    QString name;
    QString description;
    QStringList tags;
    EmulatedState state = EmulatedState::Inactive;
    bool isDeleted = false;
    QDateTime created;
    QDateTime updated;
    QString updatedUser;
    // Not in the documented example (its names are undocumented): sent as [{"id", "name"}].
    QList<EmulatedGroup> groups;
    QString audienceState;
    qint64 segmentId = 0;
    qint64 listId = 0;
    EmulatedNestedIds nested;
    // Further top-level fields the server sends, verbatim: a client must keep what it does not know.
    QJsonObject extraFields;

    // The campaign object of list and get, its state spelled as spelling says. Its keys come
    // sorted, extraFields among them, as a QJsonObject holds them; a field of ours wins over an
    // extra field of the same name.
    void writeJson(JsonWriter &writer, const StateSpelling &spelling) const;

    friend bool operator==(const EmulatedCampaign &, const EmulatedCampaign &) = default;
};
