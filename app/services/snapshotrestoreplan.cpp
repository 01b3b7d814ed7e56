#include "snapshotrestoreplan.h"

#include <QLocale>

SnapshotRestorePlan SnapshotRestorePlan::classify(const IncidentSnapshot &snapshot,
                                                  const QHash<qint64, Campaign> &current,
                                                  const QSet<qint64> &unreadable)
{
    SnapshotRestorePlan plan;
    for (const IncidentSnapshotItem &item : snapshot.items) {
        LeftAlone left;
        left.campaignId = item.campaignId;
        left.campaignName = item.campaignName;
        auto leave = [&](Reason reason) {
            left.reason = reason;
            plan.m_leftAlone.append(left);
        };
        if (!item.paused) {
            leave(Reason::NotChangedByPause);
            continue;
        }
        if (unreadable.contains(item.campaignId)) {
            leave(Reason::Unreadable);
            continue;
        }
        const auto it = current.constFind(item.campaignId);
        if (it == current.cend() || it->isDeleted || it->status == CampaignStatus::Deleted) {
            left.statusNow = CampaignStatus::Deleted;
            leave(Reason::DeletedOrNotFound);
            continue;
        }
        const Campaign &now = *it;
        left.campaignName = now.name;
        left.statusNow = now.status;
        const bool unchanged = item.updatedAfter.isValid() && now.updated.isValid()
            && now.updated.toUTC() == item.updatedAfter.toUTC() && now.updatedUser == item.updatedUserAfter;
        const bool changedByOther = !unchanged && now.updated.isValid() && now.updatedUser != item.updatedUserAfter;
        if (!unchanged && now.updated.isValid()) {
            left.changedBy = now.updatedUser;
            left.changedAt = now.updated.toUTC();
        }
        switch (now.status) {
        case CampaignStatus::Completed:
            leave(Reason::Completed);
            break;
        case CampaignStatus::Active:
        case CampaignStatus::Waiting:
            // Whoever activated it: it runs, and is never sent again. Someone else's hand is
            // named; our own earlier restore is simply "already active".
            leave(changedByOther ? Reason::ChangedBySomeoneElse : Reason::AlreadyActiveOrWaiting);
            break;
        case CampaignStatus::Inactive:
            if (unchanged)
                plan.m_toActivate.append(item.campaignId);
            else if (!item.updatedAfter.isValid())
                leave(Reason::NotVerifiable);
            else
                leave(Reason::ChangedBySomeoneElse);
            break;
        default:
            leave(Reason::OtherStatus);
            break;
        }
    }
    return plan;
}

int SnapshotRestorePlan::count(Reason reason) const
{
    return static_cast<int>(std::count_if(m_leftAlone.cbegin(), m_leftAlone.cend(),
                                          [reason](const auto &l) { return l.reason == reason; }));
}

QString SnapshotRestorePlan::sentence(const LeftAlone &item)
{
    switch (item.reason) {
    case Reason::ChangedBySomeoneElse:
        return tr("Changed by someone else since the pause: %1 at %2.")
            .arg(item.changedBy.isEmpty() ? tr("an unnamed user") : item.changedBy,
                 QLocale().toString(item.changedAt.toLocalTime(), QLocale::ShortFormat));
    case Reason::Completed:
        return tr("Completed since the pause.");
    case Reason::DeletedOrNotFound:
        return tr("Deleted, or no longer found on the server.");
    case Reason::AlreadyActiveOrWaiting:
        return tr("Already active or waiting: skipped, not sent again.");
    case Reason::NotChangedByPause:
        return tr("The pause did not change it (its deactivation did not succeed then).");
    case Reason::NotVerifiable:
        return tr("What the server reported after the pause was not recorded, so a later change cannot be ruled out.");
    case Reason::Unreadable:
        return tr("Its current state could not be read from the server.");
    case Reason::OtherStatus:
        return tr("Its status now is neither inactive, active, waiting nor completed.");
    }
    return {};
}
