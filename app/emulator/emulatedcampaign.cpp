#include "emulatedcampaign.h"

#include "statespelling.h"
#include "wirejson.h"

#include <QJsonArray>

namespace {

QJsonObject idsObject(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return QJsonObject{{QStringLiteral("ids"), array}};
}

} // namespace

QJsonObject EmulatedCampaign::toJson(const StateSpelling &spelling) const
{
    const QJsonObject conf{{QStringLiteral("workflows"), idsObject(nested.workflows)},
                           {QStringLiteral("triggers"), idsObject(nested.triggers)},
                           {QStringLiteral("broadcasts"), idsObject(nested.broadcasts)},
                           {QStringLiteral("regulars"), idsObject(nested.regulars)},
                           {QStringLiteral("abns"), idsObject(nested.abns)},
                           {QStringLiteral("placements"), idsObject(nested.placements)}};
    const QJsonObject audience{{QStringLiteral("state"), audienceState},
                               {QStringLiteral("seg_id"), segmentId},
                               {QStringLiteral("list_id"), listId},
                               {QStringLiteral("extension_conf"), conf},
                               {QStringLiteral("lcg"), QJsonObject{{QStringLiteral("enabled"), false}}}};
    QJsonArray groupArray;
    for (const EmulatedGroup &g : groups)
        groupArray.append(QJsonObject{{QStringLiteral("id"), g.id}, {QStringLiteral("name"), g.name}});
    QJsonObject o = extraFields;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("is_delete"), isDeleted);
    o.insert(QStringLiteral("createtime"), WireJson::formatTime(created));
    o.insert(QStringLiteral("updatetime"), WireJson::formatTime(updated));
    o.insert(QStringLiteral("updated_user"), updatedUser);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("description"), description);
    o.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags));
    o.insert(QStringLiteral("state"), spelling.name(state));
    o.insert(QStringLiteral("groups"), groupArray);
    o.insert(QStringLiteral("audience"), audience);
    return o;
}
