#include "activitymessage.h"

#include "servertext.h"
#include "statuslabels.h"

#include <QLocale>

namespace {

// The campaign as the sentences name it: its name in quotes, or its ID when it has none.
QString campaign(const WatchEvent &e)
{
    if (e.campaignName.isEmpty())
        return ActivityMessage::tr("Campaign %1").arg(e.campaignId);
    return ActivityMessage::tr("“%1”").arg(ServerText::visible(e.campaignName));
}

QString account(const WatchEvent &e)
{
    return ServerText::visible(e.account.name.isEmpty() ? e.account.id : e.account.name);
}

QString user(const WatchEvent &e)
{
    return ServerText::visible(e.updatedUser);
}

QString localTime(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

bool byNamedUser(const WatchEvent &e)
{
    return e.origin == WatchEvent::Origin::SomeoneElse && !e.updatedUser.isEmpty();
}

QString statusChangedSummary(const WatchEvent &e)
{
    const QString c = campaign(e);
    const bool named = byNamedUser(e);
    switch (e.after) {
    case CampaignStatus::Active:
        return named ? ActivityMessage::tr("%1 was started by %2").arg(c, user(e))
                     : ActivityMessage::tr("%1 started").arg(c);
    case CampaignStatus::Inactive:
        return named ? ActivityMessage::tr("%1 was paused by %2").arg(c, user(e))
                     : ActivityMessage::tr("%1 was paused").arg(c);
    case CampaignStatus::Waiting:
        return named ? ActivityMessage::tr("%1 was scheduled to start by %2").arg(c, user(e))
                     : ActivityMessage::tr("%1 is waiting to start").arg(c);
    case CampaignStatus::Completed:
        return named ? ActivityMessage::tr("%1 was completed by %2").arg(c, user(e))
                     : ActivityMessage::tr("%1 was completed").arg(c);
    case CampaignStatus::Deleted:
        return named ? ActivityMessage::tr("%1 was deleted by %2").arg(c, user(e))
                     : ActivityMessage::tr("%1 was deleted").arg(c);
    case CampaignStatus::Cloning:
    case CampaignStatus::Unknown:
        break;
    }
    const QString status = StatusLabels::status(e.after);
    return named ? ActivityMessage::tr("%1 is now “%2”, changed by %3").arg(c, status, user(e))
                 : ActivityMessage::tr("%1 is now “%2”").arg(c, status);
}

QString statusChangedSentence(const WatchEvent &e)
{
    const QString c = campaign(e);
    const QString before = StatusLabels::status(e.before);
    const QString after = StatusLabels::status(e.after);
    switch (e.origin) {
    case WatchEvent::Origin::SomeoneElse:
        if (!e.updatedUser.isEmpty())
            return ActivityMessage::tr("%1 went from “%2” to “%3”: changed by %4, not from this computer.")
                .arg(c, before, after, user(e));
        return ActivityMessage::tr("%1 went from “%2” to “%3”: changed by someone else, not from this computer.")
            .arg(c, before, after);
    case WatchEvent::Origin::ThisComputer:
        return ActivityMessage::tr("%1 went from “%2” to “%3”: changed from this computer.").arg(c, before, after);
    case WatchEvent::Origin::Schedule:
        return ActivityMessage::tr(
                   "%1 went from “%2” to “%3”: the server carried out a schedule set from this computer.")
            .arg(c, before, after);
    case WatchEvent::Origin::Unknown:
        break;
    }
    return ActivityMessage::tr("%1 went from “%2” to “%3”.").arg(c, before, after);
}

QString stuckCloningSentence(const WatchEvent &e)
{
    const QString c = campaign(e);
    if (e.since.isValid() && e.noticedAt.isValid() && e.since <= e.noticedAt) {
        const int minutes = static_cast<int>(e.since.secsTo(e.noticedAt) / 60);
        return ActivityMessage::tr("%1 has been cloning for %n minute(s).", nullptr, minutes).arg(c);
    }
    if (e.since.isValid())
        return ActivityMessage::tr("%1 has been cloning since %2.").arg(c, localTime(e.since));
    return ActivityMessage::tr("%1 has been cloning for longer than expected.").arg(c);
}

} // namespace

QString ActivityMessage::summary(const WatchEvent &e)
{
    switch (e.kind) {
    case WatchEvent::Kind::StatusChanged:
        return statusChangedSummary(e);
    case WatchEvent::Kind::NewCampaign:
        return tr("New campaign: %1").arg(campaign(e));
    case WatchEvent::Kind::StartOverdue:
        return tr("%1 has not started yet").arg(campaign(e));
    case WatchEvent::Kind::StuckCloning:
        return tr("%1 is stuck cloning").arg(campaign(e));
    case WatchEvent::Kind::Unreachable:
        return tr("The server of %1 is not answering").arg(account(e));
    case WatchEvent::Kind::Reachable:
        return tr("The server of %1 answers again").arg(account(e));
    }
    return {};
}

QString ActivityMessage::sentence(const WatchEvent &e)
{
    switch (e.kind) {
    case WatchEvent::Kind::StatusChanged:
        return statusChangedSentence(e);
    case WatchEvent::Kind::NewCampaign:
        if (e.after == CampaignStatus::Unknown)
            return tr("%1 appeared in the account.").arg(campaign(e));
        return tr("%1 appeared in the account, with the status “%2”.").arg(campaign(e), StatusLabels::status(e.after));
    case WatchEvent::Kind::StartOverdue:
        if (e.since.isValid())
            return tr("%1 is still waiting: it was to start at %2.").arg(campaign(e), localTime(e.since));
        return tr("%1 is still waiting past the start asked for.").arg(campaign(e));
    case WatchEvent::Kind::StuckCloning:
        return stuckCloningSentence(e);
    case WatchEvent::Kind::Unreachable:
        if (e.detail.isEmpty())
            return tr("The server of %1 stopped answering.").arg(account(e));
        return tr("The server of %1 stopped answering: %2").arg(account(e), ServerText::visible(e.detail));
    case WatchEvent::Kind::Reachable:
        return tr("The server of %1 answers again.").arg(account(e));
    }
    return {};
}

QString ActivityMessage::origin(const WatchEvent &e)
{
    if (e.kind != WatchEvent::Kind::StatusChanged)
        return {};
    switch (e.origin) {
    case WatchEvent::Origin::SomeoneElse:
        return e.updatedUser.isEmpty() ? tr("Someone else") : user(e);
    case WatchEvent::Origin::ThisComputer:
        return tr("This computer");
    case WatchEvent::Origin::Schedule:
        return tr("Schedule");
    case WatchEvent::Origin::Unknown:
        break;
    }
    return {};
}
