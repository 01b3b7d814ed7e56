#pragma once

#include "apioutcome.h"
#include "emulatedcampaign.h"
#include "statespelling.h"
#include "transitionrules.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <functional>
#include <optional>

// The filters of scampaigns/list, already validated.
struct CampaignListQuery {
    qint64 fromId = 1;
    qint64 limit = 1000;
    std::optional<EmulatedState> state; // none: any
    QStringList tags; // ui_tags: a campaign matches if it has any of them
    QStringList groupNames; // groups: any of them
    QList<qint64> groupIds; // groups_id: any of them
};

// The emulator's campaigns and Altcraft's state machine (its rules in TransitionRules, its
// spelling in StateSpelling). No HTTP and no rights here: the EmulatorApi checks those first.
class CampaignStore
{
public:
    using Clock = std::function<QDateTime()>;

    explicit CampaignStore(QList<EmulatedCampaign> campaigns = {});

    void reset(QList<EmulatedCampaign> campaigns);
    void upsert(EmulatedCampaign campaign);
    qsizetype size() const { return m_campaigns.size(); }
    QList<qint64> ids() const;

    // Settles due schedules first, so a waiting campaign whose date has passed reads as active.
    const EmulatedCampaign *find(qint64 id);

    // Keyset page from query.fromId; visible(campaign) narrows to the caller's object groups.
    // Pointers into the store, not copies: valid until the store next changes.
    QList<const EmulatedCampaign *> list(const CampaignListQuery &query,
                                         const std::function<bool(const EmulatedCampaign &)> &visible);

    // activate: inactive -> active, or waiting when activateAt lies in the future.
    // deactivate: active|waiting -> inactive. complete: inactive|active|waiting -> completed.
    ApiOutcome apply(qint64 id, EmulatedAction action, const QString &user, const QDateTime &activateAt = {},
                     const QDateTime &deactivateAt = {}, const QDateTime &completeAt = {});

    TransitionRules &rules() { return m_rules; }
    const TransitionRules &rules() const { return m_rules; }
    StateSpelling &spelling() { return m_spelling; }
    const StateSpelling &spelling() const { return m_spelling; }

    void setClock(Clock clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock(); }

private:
    struct Schedule {
        QDateTime activateAt, deactivateAt, completeAt;
    };
    // The first campaign whose ID is not below id.
    QList<EmulatedCampaign>::iterator lowerBound(qint64 id);
    void settle(EmulatedCampaign &campaign);

    // In ascending ID order, each ID once, for keyset pagination. A list rather than a map, so
    // that the 100,000 generated campaigns are taken over as they are, not copied node by node.
    QList<EmulatedCampaign> m_campaigns;
    QHash<qint64, Schedule> m_schedules;
    TransitionRules m_rules;
    StateSpelling m_spelling;
    Clock m_clock = [] { return QDateTime::currentDateTimeUtc(); };
};
