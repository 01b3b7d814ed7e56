#include "campaignstore.h"

#include <algorithm>

CampaignStore::CampaignStore(const QList<EmulatedCampaign> &campaigns)
{
    reset(campaigns);
}

void CampaignStore::reset(const QList<EmulatedCampaign> &campaigns)
{
    m_campaigns.clear();
    m_schedules.clear();
    for (const EmulatedCampaign &c : campaigns)
        m_campaigns.insert_or_assign(c.id, c);
}

void CampaignStore::upsert(const EmulatedCampaign &campaign)
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

const EmulatedCampaign *CampaignStore::find(qint64 id)
{
    auto it = m_campaigns.find(id);
    if (it == m_campaigns.end())
        return nullptr;
    settle(it->second);
    return &it->second;
}

QList<const EmulatedCampaign *> CampaignStore::list(const CampaignListQuery &query,
                                                    const std::function<bool(const EmulatedCampaign &)> &visible)
{
    QList<const EmulatedCampaign *> page;
    for (auto it = m_campaigns.lower_bound(query.fromId); it != m_campaigns.end() && page.size() < query.limit; ++it) {
        EmulatedCampaign &c = it->second;
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
    auto it = m_campaigns.find(id);
    if (it == m_campaigns.end())
        return ApiOutcome::failure(ApiErrorCode::NotFound, QStringLiteral("Campaign %1 not found").arg(id));
    EmulatedCampaign &c = it->second;
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
