#include "campaign.h"

#include <QJsonArray>

#include <algorithm>

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

namespace {

// The API's own shape, YYYY-MM-DDTHH:MM:SS.mmmZ (or without .mmm), read without QDateTime's
// general parser: a list holds two per campaign. nullopt for anything else, which then goes to
// QDateTime, so every text reads as QDateTime::fromString(ISODateWithMs) would read it.
std::optional<QDateTime> parseApiTimestamp(QStringView text)
{
    const qsizetype size = text.size();
    if ((size != 20 && size != 24) || text.back() != u'Z')
        return std::nullopt;
    bool ok = true;
    auto number = [&](qsizetype at, int digits) {
        int value = 0;
        for (int i = 0; i < digits; ++i) {
            const char16_t c = text[at + i].unicode();
            ok = ok && c >= u'0' && c <= u'9';
            value = value * 10 + (c - u'0');
        }
        return value;
    };
    auto is = [&](qsizetype at, char16_t c) { ok = ok && text[at] == c; };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
    const int ms = size == 24 ? number(20, 3) : 0;
    is(4, u'-');
    is(7, u'-');
    is(10, u'T');
    is(13, u':');
    is(16, u':');
    if (size == 24)
        is(19, u'.');
    if (!ok || year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    const qint64 seconds = (date.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * 86400 + qint64{hour} * 3600
        + qint64{minute} * 60 + second;
    return QDateTime::fromMSecsSinceEpoch(seconds * 1000 + ms, Qt::UTC);
}

} // namespace

QDateTime parseTimestamp(QStringView text)
{
    if (auto fast = parseApiTimestamp(text))
        return *fast;
    const QString copy = text.toString();
    QDateTime t = QDateTime::fromString(copy, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(copy, Qt::ISODate);
    return t;
}

} // namespace JsonFields

namespace {

constexpr QLatin1StringView kId("id");
constexpr QLatin1StringView kName("name");
constexpr QLatin1StringView kState("state");
constexpr QLatin1StringView kIsDelete("is_delete");
constexpr QLatin1StringView kCreate("createtime");
constexpr QLatin1StringView kUpdate("updatetime");
constexpr QLatin1StringView kUpdatedUser("updated_user");
constexpr QLatin1StringView kDescription("description");
constexpr QLatin1StringView kTags("tags");
constexpr QLatin1StringView kGroups("groups");
constexpr QLatin1StringView kAudience("audience");
constexpr QLatin1StringView kExtensionConf("extension_conf");
constexpr QLatin1StringView kIds("ids");
constexpr QLatin1StringView kKnownFields[]
    = {kId, kName, kState, kIsDelete, kCreate, kUpdate, kUpdatedUser, kDescription, kTags, kGroups, kAudience};

bool isKnownField(const QString &key)
{
    return std::find(std::cbegin(kKnownFields), std::cend(kKnownFields), key) != std::cend(kKnownFields);
}

// The keys of extension_conf, in NestedObjects::Kind order.
constexpr QLatin1StringView kNestedKeys[NestedObjects::kKinds] = {
    QLatin1StringView("workflows"), QLatin1StringView("triggers"), QLatin1StringView("broadcasts"),
    QLatin1StringView("regulars"),  QLatin1StringView("abns"),     QLatin1StringView("placements"),
};

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

QString pooled(CampaignValuePools *pools, const QString &value)
{
    return pools ? pools->strings(value) : value;
}

} // namespace

std::optional<Campaign> Campaign::fromJson(const QJsonObject &object, QString *error, CampaignValuePools *pools)
{
    auto fail = [error](const QString &why) -> std::optional<Campaign> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    // Known fields are looked up by name (no allocation); the object's other fields are kept,
    // and looked for only when it has more fields than the known ones found.
    qsizetype known = 0;
    auto field = [&](QLatin1StringView key) {
        QJsonValue v = object.value(key);
        known += v.isUndefined() ? 0 : 1;
        return v;
    };
    Campaign c;
    const auto id = JsonFields::toInteger(field(kId));
    if (!id || *id <= 0)
        return fail(QStringLiteral("campaign field 'id' is missing or not a positive integer"));
    c.id = *id;
    const QJsonValue name = field(kName);
    if (!name.isString())
        return fail(QStringLiteral("campaign %1: field 'name' is missing or not a string").arg(c.id));
    c.name = name.toString();
    const QJsonValue state = field(kState);
    if (!state.isString())
        return fail(QStringLiteral("campaign %1: field 'state' is missing or not a string").arg(c.id));
    c.statusText = state.toString();
    c.status = CampaignStatuses::fromApiString(c.statusText);
    // The usual spelling shares the one constant string rather than a copy per campaign.
    if (const QString canonical = CampaignStatuses::toApiString(c.status); canonical == c.statusText)
        c.statusText = canonical;
    else
        c.statusText = pooled(pools, c.statusText);

    c.isDeleted = field(kIsDelete).toBool(false);
    c.description = field(kDescription).toString();
    c.updatedUser = pooled(pools, field(kUpdatedUser).toString());
    c.created = JsonFields::parseTimestamp(field(kCreate).toString());
    c.updated = JsonFields::parseTimestamp(field(kUpdate).toString());
    const QJsonArray tags = field(kTags).toArray();
    for (const auto &tag : tags) {
        if (tag.isString())
            c.tags.append(pooled(pools, tag.toString()));
    }
    if (pools)
        c.tags = pools->tags(c.tags);
    const QJsonArray groups = field(kGroups).toArray();
    for (const auto &g : groups) {
        const QJsonObject group = g.toObject();
        if (auto gid = JsonFields::toInteger(group.value(kId)))
            c.groups.append({*gid, pooled(pools, group.value(kName).toString())});
    }
    if (pools)
        c.groups = pools->groups(c.groups);
    const QJsonObject audience = field(kAudience).toObject();
    c.audienceState = pooled(pools, audience.value(kState).toString());
    c.segmentId = JsonFields::toInteger(audience.value(QLatin1StringView("seg_id"))).value_or(0);
    c.listId = JsonFields::toInteger(audience.value(QLatin1StringView("list_id"))).value_or(0);
    const QJsonObject conf = audience.value(kExtensionConf).toObject();
    QList<qint64> nestedIds;
    NestedObjects::Counts nestedCounts{};
    for (int k = 0; k < NestedObjects::kKinds; ++k) {
        const QJsonArray ids = conf.value(kNestedKeys[k]).toObject().value(kIds).toArray();
        for (const auto &v : ids) {
            if (auto nestedId = JsonFields::toInteger(v)) {
                nestedIds.append(*nestedId);
                ++nestedCounts[static_cast<size_t>(k)];
            }
        }
    }
    if (!nestedIds.isEmpty())
        c.nested.assign(nestedIds, nestedCounts);
    if (object.size() > known) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!isKnownField(it.key()))
                c.unknownFields.insert(it.key(), it.value());
        }
    }
    return c;
}

QJsonObject Campaign::toJson() const
{
    QJsonObject conf;
    for (int k = 0; k < NestedObjects::kKinds; ++k)
        conf.insert(kNestedKeys[k], QJsonObject{{kIds, idArray(nested.ids(static_cast<NestedObjects::Kind>(k)))}});
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
