#include "campaignview.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
const QString kName = QStringLiteral("name");
const QString kSearch = QStringLiteral("search");
const QString kStatus = QStringLiteral("status");
const QString kTags = QStringLiteral("tags");
const QString kGroups = QStringLiteral("groups_id");
const QString kColumns = QStringLiteral("columns");
const QString kKey = QStringLiteral("key");
const QString kWidth = QStringLiteral("width");
const QString kHidden = QStringLiteral("hidden");
const QString kSort = QStringLiteral("sort");
const QString kDescending = QStringLiteral("descending");
constexpr int kMaxWidth = 5000; // a width past any screen is a damaged file, not a choice
} // namespace

QJsonObject CampaignView::toJson() const
{
    QJsonObject o;
    if (!name.isEmpty())
        o.insert(kName, name);
    o.insert(kSearch, search);
    o.insert(kStatus, status);
    o.insert(kTags, QJsonArray::fromStringList(tags));
    QJsonArray groups;
    for (qint64 id : groupIds)
        groups.append(id);
    o.insert(kGroups, groups);
    QJsonArray columnArray;
    for (const Column &c : columns) {
        QJsonObject column{{kKey, c.key}, {kWidth, c.width}};
        if (c.hidden)
            column.insert(kHidden, true);
        columnArray.append(column);
    }
    o.insert(kColumns, columnArray);
    o.insert(kSort, sortKey);
    o.insert(kDescending, sortDescending);
    return o;
}

CampaignView CampaignView::fromJson(const QJsonObject &o)
{
    // Tolerant: a hand-edited or older file loses what it got wrong, never the whole view.
    CampaignView v;
    v.name = o.value(kName).toString().trimmed();
    v.search = o.value(kSearch).toString();
    v.status = o.value(kStatus).toString();
    for (const QJsonValue tag : o.value(kTags).toArray()) {
        if (tag.isString() && !v.tags.contains(tag.toString()))
            v.tags << tag.toString();
    }
    for (const QJsonValue id : o.value(kGroups).toArray()) {
        const double d = id.toDouble(-1);
        if (d >= 0 && d == static_cast<double>(static_cast<qint64>(d)) && !v.groupIds.contains(static_cast<qint64>(d)))
            v.groupIds << static_cast<qint64>(d);
    }
    QStringList seen;
    for (const QJsonValue value : o.value(kColumns).toArray()) {
        const QJsonObject column = value.toObject();
        const QString key = column.value(kKey).toString();
        if (key.isEmpty() || seen.contains(key))
            continue;
        seen << key;
        v.columns.append({key, std::clamp(column.value(kWidth).toInt(), 0, kMaxWidth), column.value(kHidden).toBool()});
    }
    if (o.value(kSort).isString())
        v.sortKey = o.value(kSort).toString();
    v.sortDescending = o.value(kDescending).toBool();
    return v;
}

QByteArray CampaignView::listToJson(const QList<CampaignView> &views)
{
    QJsonArray array;
    for (const CampaignView &v : views)
        array.append(v.toJson());
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<CampaignView> CampaignView::listFromJson(const QByteArray &json)
{
    QList<CampaignView> views;
    for (const QJsonValue value : QJsonDocument::fromJson(json).array()) {
        CampaignView v = fromJson(value.toObject());
        if (!v.name.isEmpty())
            views << v;
    }
    return views;
}

bool CampaignView::looksLike(const CampaignView &other) const
{
    // Widths are left out: widening a column to read a long name does not make another view.
    auto shape = [](const QList<Column> &columns) {
        QStringList s;
        for (const Column &c : columns)
            s << (c.hidden ? QLatin1Char('-') : QLatin1Char('+')) + c.key;
        return s;
    };
    return search == other.search && status == other.status && tags == other.tags && groupIds == other.groupIds
        && shape(columns) == shape(other.columns) && sortKey == other.sortKey && sortDescending == other.sortDescending;
}
