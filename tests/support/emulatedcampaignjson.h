#pragma once

// An emulated campaign as a QJsonObject, built field by field: the way the emulator itself built
// its answers before it wrote JSON bytes directly (JsonWriter). Kept for tests only, as the
// reference that writer is held to (tst_emulator_json) and for tests that want a campaign as a
// QJsonObject. Dates go through Qt's own formatting, not the emulator's WireJson, so that a
// mistake there shows up as a difference.

#include "emulatedcampaign.h"
#include "statespelling.h"

#include <QJsonArray>
#include <QJsonObject>

inline QJsonObject emulatedCampaignJson(const EmulatedCampaign &c, const StateSpelling &spelling)
{
    const auto ids = [](const QList<qint64> &list) {
        QJsonArray array;
        for (qint64 id : list)
            array.append(id);
        return QJsonObject{{QStringLiteral("ids"), array}};
    };
    const auto time
        = [](const QDateTime &t) { return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString(); };
    const QJsonObject conf{{QStringLiteral("workflows"), ids(c.nested.workflows)},
                           {QStringLiteral("triggers"), ids(c.nested.triggers)},
                           {QStringLiteral("broadcasts"), ids(c.nested.broadcasts)},
                           {QStringLiteral("regulars"), ids(c.nested.regulars)},
                           {QStringLiteral("abns"), ids(c.nested.abns)},
                           {QStringLiteral("placements"), ids(c.nested.placements)}};
    const QJsonObject audience{{QStringLiteral("state"), c.audienceState},
                               {QStringLiteral("seg_id"), c.segmentId},
                               {QStringLiteral("list_id"), c.listId},
                               {QStringLiteral("extension_conf"), conf},
                               {QStringLiteral("lcg"), QJsonObject{{QStringLiteral("enabled"), false}}}};
    QJsonArray groups;
    for (const EmulatedGroup &g : c.groups)
        groups.append(QJsonObject{{QStringLiteral("id"), g.id}, {QStringLiteral("name"), g.name}});
    QJsonObject o = c.extraFields;
    o.insert(QStringLiteral("id"), c.id);
    o.insert(QStringLiteral("is_delete"), c.isDeleted);
    o.insert(QStringLiteral("createtime"), time(c.created));
    o.insert(QStringLiteral("updatetime"), time(c.updated));
    o.insert(QStringLiteral("updated_user"), c.updatedUser);
    o.insert(QStringLiteral("name"), c.name);
    o.insert(QStringLiteral("description"), c.description);
    o.insert(QStringLiteral("tags"), QJsonArray::fromStringList(c.tags));
    o.insert(QStringLiteral("state"), spelling.name(c.state));
    o.insert(QStringLiteral("groups"), groups);
    o.insert(QStringLiteral("audience"), audience);
    return o;
}
