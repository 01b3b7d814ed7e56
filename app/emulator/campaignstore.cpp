#include "campaignstore.h"

#include <algorithm>

CampaignStore::CampaignStore(QList<EmulatedCampaign> campaigns)
{
    reset(std::move(campaigns));
}

void CampaignStore::reset(QList<EmulatedCampaign> campaigns)
{
    m_schedules.clear();
    // Taken as it is when the IDs ascend (the generator's campaigns); otherwise upserted one by
    // one, so that of two campaigns with the same ID the later one stays.
    const auto notAscending = [](const EmulatedCampaign &a, const EmulatedCampaign &b) { return a.id >= b.id; };
    if (std::adjacent_find(campaigns.cbegin(), campaigns.cend(), notAscending) == campaigns.cend()) {
        m_campaigns = std::move(campaigns);
        return;
    }
    m_campaigns.clear();
    for (const EmulatedCampaign &c : std::as_const(campaigns))
        upsert(c);
}

void CampaignStore::upsert(EmulatedCampaign campaign)
{
    const auto it = lowerBound(campaign.id);
    if (it != m_campaigns.end() && it->id == campaign.id)
        *it = std::move(campaign);
    else
        m_campaigns.insert(it, std::move(campaign));
}

QList<qint64> CampaignStore::ids() const
{
    QList<qint64> result;
    result.reserve(size());
    for (const EmulatedCampaign &c : m_campaigns)
        result.append(c.id);
    return result;
}

QList<EmulatedCampaign>::iterator CampaignStore::lowerBound(qint64 id)
{
    return std::lower_bound(m_campaigns.begin(), m_campaigns.end(), id,
                            [](const EmulatedCampaign &c, qint64 key) { return c.id < key; });
}

const EmulatedCampaign *CampaignStore::find(qint64 id)
{
    const auto it = lowerBound(id);
    if (it == m_campaigns.end() || it->id != id)
        return nullptr;
    settle(*it);
    return &*it;
}

QList<const EmulatedCampaign *> CampaignStore::list(const CampaignListQuery &query,
                                                    const std::function<bool(const EmulatedCampaign &)> &visible)
{
    QList<const EmulatedCampaign *> page;
    for (auto it = lowerBound(query.fromId); it != m_campaigns.end() && page.size() < query.limit; ++it) {
        EmulatedCampaign &c = *it;
        settle(c);
        if (!visible(c))
            continue;
        if (query.state && c.state != *query.state)
            continue;
        if (!query.tags.isEmpty()
            && std::none_of(c.tags.cbegin(), c.tags.cend(), [&](const QString &t) { return query.tags.contains(t); }))
            continue;
        if (!query.groupNames.isEmpty() || !query.groupIds.isEmpty()) {
            const bool inGroup = std::any_of(c.groups.cbegin(), c.groups.cend(), [&](const EmulatedGroup &g) {
                return query.groupNames.contains(g.name) || query.groupIds.contains(g.id);
            });
            if (!inGroup)
                continue;
        }
        page.append(&c);
    }
    return page;
}

ApiOutcome CampaignStore::apply(qint64 id, EmulatedAction action, const QString &user, const QDateTime &activateAt,
                                const QDateTime &deactivateAt, const QDateTime &completeAt)
{
    const auto it = lowerBound(id);
    if (it == m_campaigns.end() || it->id != id)
        return ApiOutcome::failure(ApiErrorCode::NotFound, QStringLiteral("Campaign %1 not found").arg(id));
    EmulatedCampaign &c = *it;
    settle(c);
    if (!m_rules.allows(c.state, action)) {
        const QString state = m_spelling.name(c.state);
        const QString verb = action == EmulatedAction::Activate ? QStringLiteral("activated")
            : action == EmulatedAction::Deactivate              ? QStringLiteral("deactivated")
                                                                : QStringLiteral("completed");
        return ApiOutcome::failure(ApiErrorCode::BadRequest,
                                   QStringLiteral("Campaign %1 is %2 and cannot be %3").arg(id).arg(state, verb));
    }
    const QDateTime now = m_clock();
    switch (action) {
    case EmulatedAction::Deactivate:
        c.state = EmulatedState::Inactive;
        m_schedules.remove(id);
        break;
    case EmulatedAction::Complete:
        c.state = EmulatedState::Completed;
        m_schedules.remove(id);
        break;
    case EmulatedAction::Activate: {
        const bool later = activateAt.isValid() && activateAt > now;
        c.state = later ? EmulatedState::Waiting : EmulatedState::Active;
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

void CampaignStore::settle(EmulatedCampaign &c)
{
    if (m_schedules.isEmpty())
        return;
    auto it = m_schedules.find(c.id);
    if (it == m_schedules.end())
        return;
    const QDateTime now = m_clock();
    Schedule &s = it.value();
    if (c.state == EmulatedState::Waiting && s.activateAt.isValid() && s.activateAt <= now) {
        c.state = EmulatedState::Active;
        c.updated = s.activateAt;
        s.activateAt = {};
    }
    if (c.state == EmulatedState::Active && s.deactivateAt.isValid() && s.deactivateAt <= now) {
        c.state = EmulatedState::Inactive;
        c.updated = s.deactivateAt;
        s.deactivateAt = {};
    }
    if (m_rules.allows(c.state, EmulatedAction::Complete) && s.completeAt.isValid() && s.completeAt <= now) {
        c.state = EmulatedState::Completed;
        c.updated = s.completeAt;
        s.completeAt = {};
    }
    if (!s.activateAt.isValid() && !s.deactivateAt.isValid() && !s.completeAt.isValid())
        m_schedules.erase(it);
}
