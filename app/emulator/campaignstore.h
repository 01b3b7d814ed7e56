#pragma once

#include "apioutcome.h"
#include "campaign.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <functional>
#include <map>

// The filters of scampaigns/list, already validated.
struct CampaignListQuery {
    qint64 fromId = 1;
    qint64 limit = 1000;
    QString state; // empty: any
    QStringList tags; // ui_tags: a campaign matches if it has any of them
    QStringList groupNames; // groups: any of them
    QList<qint64> groupIds; // groups_id: any of them
};

// The emulator's campaigns and Altcraft's state machine. No HTTP and no rights here: the
// EmulatorApi checks those before it calls in.
class CampaignStore
{
public:
    using Clock = std::function<QDateTime()>;

    explicit CampaignStore(const QList<Campaign> &campaigns = {});

    void reset(const QList<Campaign> &campaigns);
    void upsert(const Campaign &campaign);
    qsizetype size() const { return static_cast<qsizetype>(m_campaigns.size()); }
    QList<qint64> ids() const;

    // Settles due schedules first, so a waiting campaign whose date has passed reads as active.
    const Campaign *find(qint64 id);

    // Keyset page from query.fromId; visible(campaign) narrows to the caller's object groups.
    QList<Campaign> list(const CampaignListQuery &query, const std::function<bool(const Campaign &)> &visible);

    // activate: inactive -> active, or waiting when activateAt lies in the future.
    // deactivate: active|waiting -> inactive. complete: inactive|active|waiting -> completed.
    ApiOutcome apply(qint64 id, CampaignAction action, const QString &user, const QDateTime &activateAt = {},
                     const QDateTime &deactivateAt = {}, const QDateTime &completeAt = {});

    void setClock(Clock clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock(); }

private:
    struct Schedule {
        QDateTime activateAt, deactivateAt, completeAt;
    };
    void settle(Campaign &campaign);

    std::map<qint64, Campaign> m_campaigns; // ordered by ID for keyset pagination
    QHash<qint64, Schedule> m_schedules;
    Clock m_clock = [] { return QDateTime::currentDateTimeUtc(); };
};
