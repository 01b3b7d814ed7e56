#include "incidentsnapshot.h"

int IncidentSnapshot::pausedCount() const
{
    return static_cast<int>(std::count_if(items.cbegin(), items.cend(), [](const auto &i) { return i.paused; }));
}

QString IncidentSnapshot::scopeKey(Scope scope)
{
    switch (scope) {
    case Scope::Everything:
        return QStringLiteral("everything");
    case Scope::Filter:
        return QStringLiteral("filter");
    }
    return {};
}

std::optional<IncidentSnapshot::Scope> IncidentSnapshot::scopeFromKey(const QString &key)
{
    if (key == QLatin1String("everything"))
        return Scope::Everything;
    if (key == QLatin1String("filter"))
        return Scope::Filter;
    return std::nullopt;
}

QList<qint64> IncidentSnapshot::needingReadBack(const QList<BulkItemResult> &results)
{
    QList<qint64> ids;
    for (const BulkItemResult &r : results) {
        if (r.outcome == BulkOutcome::Succeeded && (!r.campaignAfter || !r.campaignAfter->updated.isValid()))
            ids.append(r.id);
    }
    return ids;
}

IncidentSnapshot IncidentSnapshot::fromRun(const AccountRef &account, const QDateTime &takenAt, Scope scope,
                                           const QString &reason, const QList<Campaign> &before,
                                           const QList<BulkItemResult> &results,
                                           const QHash<qint64, Campaign> &readBack)
{
    QHash<qint64, const BulkItemResult *> byId;
    for (const BulkItemResult &r : results)
        byId.insert(r.id, &r);
    IncidentSnapshot s;
    s.takenAt = takenAt.toUTC();
    s.account = account;
    s.reason = reason;
    s.scope = scope;
    for (const Campaign &c : before) {
        IncidentSnapshotItem item;
        item.campaignId = c.id;
        item.campaignName = c.name;
        item.statusBefore = c.status;
        if (const BulkItemResult *r = byId.value(c.id); r && r->outcome == BulkOutcome::Succeeded) {
            const Campaign *after = nullptr;
            if (r->campaignAfter && r->campaignAfter->updated.isValid())
                after = &*r->campaignAfter;
            else if (auto it = readBack.constFind(c.id); it != readBack.cend())
                after = &*it;
            item.paused = true;
            if (after) {
                item.updatedAfter = after->updated.toUTC();
                item.updatedUserAfter = after->updatedUser;
            }
        }
        s.items.append(item);
    }
    return s;
}
