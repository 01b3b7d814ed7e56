#pragma once

#include "campaign.h"
#include "incidentsnapshot.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>

// What restoring an incident snapshot would do, decided from the campaigns as the server holds
// them now. Pure: no network, no widgets. A campaign is activated only when it is still inactive
// and its updated time and user are exactly what the server reported right after the pause;
// everything else is left alone, each with its reason.
class SnapshotRestorePlan
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotRestorePlan)
public:
    enum class Reason {
        ChangedBySomeoneElse, // updated since the pause (changedBy/changedAt say by whom, when)
        Completed,
        DeletedOrNotFound,
        AlreadyActiveOrWaiting, // skipped, never re-sent
        NotChangedByPause, // its deactivate did not succeed then
        NotVerifiable, // the pause's read-back was not recorded, so a change cannot be ruled out
        Unreadable, // the server did not answer for it now
        OtherStatus, // neither inactive, active, waiting, completed nor deleted
    };

    struct LeftAlone {
        qint64 campaignId = 0;
        QString campaignName; // server text: plain text
        Reason reason = Reason::ChangedBySomeoneElse;
        CampaignStatus statusNow = CampaignStatus::Unknown;
        QString changedBy; // server text, for ChangedBySomeoneElse
        QDateTime changedAt; // UTC
        friend bool operator==(const LeftAlone &, const LeftAlone &) = default;
    };

    // current: the snapshot's campaigns as read now (a campaign absent from it was not found);
    // unreadable: those whose read failed (neither found nor known to be gone).
    static SnapshotRestorePlan classify(const IncidentSnapshot &snapshot, const QHash<qint64, Campaign> &current,
                                        const QSet<qint64> &unreadable = {});

    QList<qint64> toActivate() const { return m_toActivate; }
    QList<LeftAlone> leftAlone() const { return m_leftAlone; }
    int count(Reason reason) const;
    // One whole sentence for a person: why this campaign is left alone (names and users as plain
    // text; the caller shows it as plain text).
    static QString sentence(const LeftAlone &item);

private:
    QList<qint64> m_toActivate;
    QList<LeftAlone> m_leftAlone;
};
Q_DECLARE_METATYPE(SnapshotRestorePlan)
