#include "campaign.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace JsonFields {

std::optional<qint64> toInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    // 2^53 bounds the integers a double holds exactly.
    constexpr double limit = 9007199254740992.0;
    if (!std::isfinite(d) || std::trunc(d) != d || d > limit || d < -limit)
        return std::nullopt;
    return static_cast<qint64>(d);
}

QString formatTimestamp(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTimestamp(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t;
}

} // namespace JsonFields

namespace {

const QString kId = QStringLiteral("id");
const QString kName = QStringLiteral("name");
const QString kState = QStringLiteral("state");
const QString kIsDelete = QStringLiteral("is_delete");
const QString kCreate = QStringLiteral("createtime");
const QString kUpdate = QStringLiteral("updatetime");
const QString kUpdatedUser = QStringLiteral("updated_user");
const QString kDescription = QStringLiteral("description");
const QString kTags = QStringLiteral("tags");
const QString kGroups = QStringLiteral("groups");
const QString kAudience = QStringLiteral("audience");
const QString kExtensionConf = QStringLiteral("extension_conf");
const QString kIds = QStringLiteral("ids");

struct NestedKind {
    const char *key;
    QList<qint64> NestedObjects::*member;
};
constexpr NestedKind kNestedKinds[] = {
    {"workflows", &NestedObjects::workflows},
    {"triggers", &NestedObjects::triggers},
    {"broadcasts", &NestedObjects::broadcasts},
    {"regulars", &NestedObjects::regulars},
    {"abns", &NestedObjects::abns},
    {"placements", &NestedObjects::placements},
};

QList<qint64> idList(const QJsonValue &value)
{
    QList<qint64> ids;
    const QJsonArray array = value.toArray();
    ids.reserve(array.size());
    for (const auto &v : array) {
        if (auto id = JsonFields::toInteger(v))
            ids.append(*id);
    }
    return ids;
}

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

bool isKnownField(const QString &key)
{
    static const QStringList known
        = {kId, kName, kState, kIsDelete, kCreate, kUpdate, kUpdatedUser, kDescription, kTags, kGroups, kAudience};
    return known.contains(key);
}

} // namespace

std::optional<Campaign> Campaign::fromJson(const QJsonObject &object, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<Campaign> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    Campaign c;
    const auto id = JsonFields::toInteger(object.value(kId));
    if (!id || *id <= 0)
        return fail(QStringLiteral("campaign field 'id' is missing or not a positive integer"));
    c.id = *id;
    const QJsonValue name = object.value(kName);
    if (!name.isString())
        return fail(QStringLiteral("campaign %1: field 'name' is missing or not a string").arg(c.id));
    c.name = name.toString();
    const QJsonValue state = object.value(kState);
    if (!state.isString())
        return fail(QStringLiteral("campaign %1: field 'state' is missing or not a string").arg(c.id));
    c.statusText = state.toString();
    c.status = CampaignStatuses::fromApiString(c.statusText);

    c.isDeleted = object.value(kIsDelete).toBool(false);
    c.description = object.value(kDescription).toString();
    c.updatedUser = object.value(kUpdatedUser).toString();
    c.created = JsonFields::parseTimestamp(object.value(kCreate).toString());
    c.updated = JsonFields::parseTimestamp(object.value(kUpdate).toString());
    for (const auto &tag : object.value(kTags).toArray()) {
        if (tag.isString())
            c.tags.append(tag.toString());
    }
    for (const auto &g : object.value(kGroups).toArray()) {
        const QJsonObject group = g.toObject();
        if (auto gid = JsonFields::toInteger(group.value(kId)))
            c.groups.append({*gid, group.value(kName).toString()});
    }
    const QJsonObject audience = object.value(kAudience).toObject();
    c.audienceState = audience.value(kState).toString();
    c.segmentId = JsonFields::toInteger(audience.value(QStringLiteral("seg_id"))).value_or(0);
    c.listId = JsonFields::toInteger(audience.value(QStringLiteral("list_id"))).value_or(0);
    const QJsonObject conf = audience.value(kExtensionConf).toObject();
    for (const NestedKind &kind : kNestedKinds) {
        c.nested.*(kind.member) = idList(conf.value(QLatin1String(kind.key)).toObject().value(kIds));
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!isKnownField(it.key()))
            c.unknownFields.insert(it.key(), it.value());
    }
    return c;
}

QJsonObject Campaign::toJson() const
{
    QJsonObject conf;
    for (const NestedKind &kind : kNestedKinds)
        conf.insert(QLatin1String(kind.key), QJsonObject{{kIds, idArray(nested.*(kind.member))}});
    QJsonObject audience{{kState, audienceState},
                         {QStringLiteral("seg_id"), segmentId},
                         {QStringLiteral("list_id"), listId},
                         {kExtensionConf, conf},
                         {QStringLiteral("lcg"), QJsonObject{{QStringLiteral("enabled"), false}}}};
    QJsonArray groupArray;
    for (const CampaignGroup &g : groups)
        groupArray.append(QJsonObject{{kId, g.id}, {kName, g.name}});
    QJsonObject o = unknownFields;
    o.insert(kId, id);
    o.insert(kIsDelete, isDeleted);
    o.insert(kCreate, JsonFields::formatTimestamp(created));
    o.insert(kUpdate, JsonFields::formatTimestamp(updated));
    o.insert(kUpdatedUser, updatedUser);
    o.insert(kName, name);
    o.insert(kDescription, description);
    o.insert(kTags, QJsonArray::fromStringList(tags));
    o.insert(kState, status == CampaignStatus::Unknown ? statusText : CampaignStatuses::toApiString(status));
    o.insert(kGroups, groupArray);
    o.insert(kAudience, audience);
    return o;
}
