#include "campaignstore.h"

#include <algorithm>

namespace {

// The emulator's own reading of the API's transitions (altcraft-api.md: activate from inactive;
// deactivate from active or waiting; completed from active, waiting or inactive). Written apart
// from the client's action table on purpose: the emulator is the oracle the client is tested
// against, and a rule shared by both would confirm its own mistakes.
bool canApply(CampaignStatus from, CampaignAction action)
{
    switch (action) {
    case CampaignAction::Activate:
        return from == CampaignStatus::Inactive;
    case CampaignAction::Deactivate:
        return from == CampaignStatus::Active || from == CampaignStatus::Waiting;
    case CampaignAction::Complete:
        return from == CampaignStatus::Active || from == CampaignStatus::Waiting || from == CampaignStatus::Inactive;
    }
    return false;
}

} // namespace

CampaignStore::CampaignStore(const QList<Campaign> &campaigns)
{
    reset(campaigns);
}

void CampaignStore::reset(const QList<Campaign> &campaigns)
{
    m_campaigns.clear();
    m_schedules.clear();
    for (const Campaign &c : campaigns)
        m_campaigns.insert_or_assign(c.id, c);
}

void CampaignStore::upsert(const Campaign &campaign)
{
    m_campaigns.insert_or_assign(campaign.id, campaign);
}

QList<qint64> CampaignStore::ids() const
{
    QList<qint64> result;
    result.reserve(size());
    for (const auto &entry : m_campaigns)
        result.append(entry.first);
    return result;
}

const Campaign *CampaignStore::find(qint64 id)
{
    auto it = m_campaigns.find(id);
    if (it == m_campaigns.end())
        return nullptr;
    settle(it->second);
    return &it->second;
}

QList<Campaign> CampaignStore::list(const CampaignListQuery &query,
                                    const std::function<bool(const Campaign &)> &visible)
{
    QList<Campaign> page;
    for (auto it = m_campaigns.lower_bound(query.fromId); it != m_campaigns.end() && page.size() < query.limit; ++it) {
        Campaign &c = it->second;
        settle(c);
        if (!visible(c))
            continue;
        if (!query.state.isEmpty() && CampaignStatuses::toApiString(c.status) != query.state)
            continue;
        if (!query.tags.isEmpty()
            && std::none_of(c.tags.cbegin(), c.tags.cend(), [&](const QString &t) { return query.tags.contains(t); }))
            continue;
        if (!query.groupNames.isEmpty() || !query.groupIds.isEmpty()) {
            const bool inGroup = std::any_of(c.groups.cbegin(), c.groups.cend(), [&](const CampaignGroup &g) {
                return query.groupNames.contains(g.name) || query.groupIds.contains(g.id);
            });
            if (!inGroup)
                continue;
        }
        page.append(c);
    }
    return page;
}

ApiOutcome CampaignStore::apply(qint64 id, CampaignAction action, const QString &user, const QDateTime &activateAt,
                                const QDateTime &deactivateAt, const QDateTime &completeAt)
{
    auto it = m_campaigns.find(id);
    if (it == m_campaigns.end())
        return ApiOutcome::failure(ApiErrorCode::NotFound, QStringLiteral("Campaign %1 not found").arg(id));
    Campaign &c = it->second;
    settle(c);
    if (!canApply(c.status, action)) {
        const QString state = CampaignStatuses::toApiString(c.status);
        const QString verb = action == CampaignAction::Activate ? QStringLiteral("activated")
            : action == CampaignAction::Deactivate              ? QStringLiteral("deactivated")
                                                                : QStringLiteral("completed");
        return ApiOutcome::failure(ApiErrorCode::BadRequest,
                                   QStringLiteral("Campaign %1 is %2 and cannot be %3").arg(id).arg(state, verb));
    }
    const QDateTime now = m_clock();
    switch (action) {
    case CampaignAction::Deactivate:
        c.setStatus(CampaignStatus::Inactive);
        m_schedules.remove(id);
        break;
    case CampaignAction::Complete:
        c.setStatus(CampaignStatus::Completed);
        m_schedules.remove(id);
        break;
    case CampaignAction::Activate: {
        const bool later = activateAt.isValid() && activateAt > now;
        c.setStatus(later ? CampaignStatus::Waiting : CampaignStatus::Active);
        Schedule s{later ? activateAt : QDateTime(), deactivateAt, completeAt};
        if (s.activateAt.isValid() || s.deactivateAt.isValid() || s.completeAt.isValid())
            m_schedules.insert(id, s);
        else
            m_schedules.remove(id);
        settle(c);
        break;
    }
    }
    c.updated = now;
    c.updatedUser = user;
    return ApiOutcome::success();
}

void CampaignStore::settle(Campaign &c)
{
    if (m_schedules.isEmpty())
        return;
    auto it = m_schedules.find(c.id);
    if (it == m_schedules.end())
        return;
    const QDateTime now = m_clock();
    Schedule &s = it.value();
    if (c.status == CampaignStatus::Waiting && s.activateAt.isValid() && s.activateAt <= now) {
        c.setStatus(CampaignStatus::Active);
        c.updated = s.activateAt;
        s.activateAt = {};
    }
    if (c.status == CampaignStatus::Active && s.deactivateAt.isValid() && s.deactivateAt <= now) {
        c.setStatus(CampaignStatus::Inactive);
        c.updated = s.deactivateAt;
        s.deactivateAt = {};
    }
    if (canApply(c.status, CampaignAction::Complete) && s.completeAt.isValid() && s.completeAt <= now) {
        c.setStatus(CampaignStatus::Completed);
        c.updated = s.completeAt;
        s.completeAt = {};
    }
    if (!s.activateAt.isValid() && !s.deactivateAt.isValid() && !s.completeAt.isValid())
        m_schedules.erase(it);
}
