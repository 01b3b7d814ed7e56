#pragma once

// The one campaign builder of the tests. A test names the fields it cares about; the rest are
// fixed, dated in the past and last touched by someone other than the API user.
//
// It builds two unrelated types on purpose:
//   emulated(EmulatedState)  the emulator's campaign, to put on the test oracle;
//   client(CampaignStatus)   the client's Campaign, to feed a model or a view directly.
// The state is given at the end, in the terms of the side that gets the campaign, so no test
// helper ever translates one side's status into the other's.

#include "campaign.h"
#include "emulatedcampaign.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class CampaignBuilder
{
public:
    explicit CampaignBuilder(qint64 id) : m_id(id), m_name(QStringLiteral("Campaign %1").arg(id)) { }

    static QDateTime defaultTime() { return QDateTime(QDate(2025, 1, 1), QTime(9, 30), Qt::UTC); }

    CampaignBuilder &name(const QString &name) { return set(m_name, name); }
    CampaignBuilder &description(const QString &description) { return set(m_description, description); }
    CampaignBuilder &tags(const QStringList &tags) { return set(m_tags, tags); }
    CampaignBuilder &groups(const QList<EmulatedGroup> &groups) { return set(m_groups, groups); }
    CampaignBuilder &created(const QDateTime &created) { return set(m_created, created); }
    CampaignBuilder &updated(const QDateTime &updated) { return set(m_updated, updated); }
    CampaignBuilder &updatedBy(const QString &user) { return set(m_updatedUser, user); }
    CampaignBuilder &regulars(const QList<qint64> &ids) { return set(m_regulars, ids); }
    CampaignBuilder &workflows(const QList<qint64> &ids) { return set(m_workflows, ids); }

    EmulatedCampaign emulated(EmulatedState state) const
    {
        EmulatedCampaign c;
        c.id = m_id;
        c.name = m_name;
        c.description = m_description;
        c.tags = m_tags;
        c.state = state;
        c.isDeleted = state == EmulatedState::Deleted;
        c.created = m_created;
        c.updated = m_updated;
        c.updatedUser = m_updatedUser;
        c.groups = m_groups;
        c.audienceState = QStringLiteral("ready");
        c.segmentId = kSegmentId;
        c.listId = kListId;
        c.nested.regulars = m_regulars;
        c.nested.workflows = m_workflows;
        return c;
    }

    Campaign client(CampaignStatus status) const
    {
        Campaign c;
        c.id = m_id;
        c.name = m_name;
        c.description = m_description;
        c.tags = m_tags;
        c.setStatus(status);
        c.isDeleted = status == CampaignStatus::Deleted;
        c.created = m_created;
        c.updated = m_updated;
        c.updatedUser = m_updatedUser;
        for (const EmulatedGroup &g : m_groups)
            c.groups.append({g.id, g.name});
        c.audienceState = QStringLiteral("ready");
        c.segmentId = kSegmentId;
        c.listId = kListId;
        c.nested.setIds(NestedObjects::Regulars, m_regulars);
        c.nested.setIds(NestedObjects::Workflows, m_workflows);
        return c;
    }

private:
    static constexpr qint64 kSegmentId = 124; // the documentation's example
    static constexpr qint64 kListId = 49;

    template<typename T>
    CampaignBuilder &set(T &field, const T &value)
    {
        field = value;
        return *this;
    }

    qint64 m_id;
    QString m_name;
    QString m_description;
    QStringList m_tags;
    QList<EmulatedGroup> m_groups = {{1, QStringLiteral("Retail")}};
    QDateTime m_created = defaultTime();
    QDateTime m_updated = defaultTime();
    QString m_updatedUser = QStringLiteral("m.ivanova");
    QList<qint64> m_regulars = {556};
    QList<qint64> m_workflows;
};

// The common case: a campaign on the emulator with only its ID and state chosen.
inline EmulatedCampaign emulatedCampaign(qint64 id, EmulatedState state)
{
    return CampaignBuilder(id).emulated(state);
}

inline QList<EmulatedCampaign> emulatedCampaigns(qint64 firstId, int count, EmulatedState state)
{
    QList<EmulatedCampaign> list;
    for (int i = 0; i < count; ++i)
        list.append(emulatedCampaign(firstId + i, state));
    return list;
}
