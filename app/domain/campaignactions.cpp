#include "campaignactions.h"

#include "statuslabels.h"

namespace {

using S = CampaignStatus;

const QList<ActionSpec> kActions = {
    {CampaignAction::Deactivate,
     "deactivate",
     "deactivate",
     {S::Active, S::Waiting},
     {S::Inactive},
     "Ctrl+D",
     "actionDeactivate",
     S::Inactive,
     false,
     QT_TRANSLATE_NOOP("CampaignActions", "Deactivate"),
     QT_TRANSLATE_NOOP("CampaignActions", "Deactivating…"),
     QT_TRANSLATE_N_NOOP("CampaignActions", "%n deactivated"),
     QT_TRANSLATE_NOOP("CampaignActions", "Campaign %1 was not deactivated"),
     QT_TRANSLATE_NOOP("CampaignActions", "Outcome of the deactivation unknown"),
     QT_TRANSLATE_NOOP("CampaignActions",
                       "Not deactivated: %1; the campaign is still “%2” (checked after the request)."),
     QT_TRANSLATE_NOOP("CampaignActions", "Not deactivated: %1; the campaign is “%2” (checked after the request)."),
     QT_TRANSLATE_N_NOOP("CampaignActions", "Deactivate %n campaign(s)?"),
     QT_TRANSLATE_N_NOOP("CampaignActions", "Deactivate %n campaign(s)"),
     QT_TRANSLATE_NOOP("CampaignActions",
                       "Sending stops until the campaigns are activated again; Undo activates them right after.")},
    // Activate may also lead to "awaiting activation": the server starts it on its own schedule.
    {CampaignAction::Activate,
     "activate",
     "activate",
     {S::Inactive},
     {S::Active, S::Waiting},
     "Ctrl+E",
     "actionActivate",
     S::Active,
     false,
     QT_TRANSLATE_NOOP("CampaignActions", "Activate"),
     QT_TRANSLATE_NOOP("CampaignActions", "Activating…"),
     QT_TRANSLATE_N_NOOP("CampaignActions", "%n activated"),
     QT_TRANSLATE_NOOP("CampaignActions", "Campaign %1 was not activated"),
     QT_TRANSLATE_NOOP("CampaignActions", "Outcome of the activation unknown"),
     QT_TRANSLATE_NOOP("CampaignActions", "Not activated: %1; the campaign is still “%2” (checked after the request)."),
     QT_TRANSLATE_NOOP("CampaignActions", "Not activated: %1; the campaign is “%2” (checked after the request)."),
     QT_TRANSLATE_N_NOOP("CampaignActions", "Activate %n campaign(s)?"),
     QT_TRANSLATE_N_NOOP("CampaignActions", "Activate %n campaign(s)"),
     QT_TRANSLATE_NOOP("CampaignActions",
                       "Sending starts again, to real recipients, as soon as the server starts the campaigns.")},
    // The API's method for Complete is "completed"; the journal has always said "complete".
    {CampaignAction::Complete,
     "completed",
     "complete",
     {S::Active, S::Waiting, S::Inactive},
     {S::Completed},
     "Ctrl+Shift+Del",
     "actionComplete",
     S::Completed,
     true,
     QT_TRANSLATE_NOOP("CampaignActions", "Complete"),
     QT_TRANSLATE_NOOP("CampaignActions", "Completing…"),
     QT_TRANSLATE_N_NOOP("CampaignActions", "%n completed"),
     QT_TRANSLATE_NOOP("CampaignActions", "Campaign %1 was not completed"),
     QT_TRANSLATE_NOOP("CampaignActions", "Outcome of the completion unknown"),
     QT_TRANSLATE_NOOP("CampaignActions", "Not completed: %1; the campaign is still “%2” (checked after the request)."),
     QT_TRANSLATE_NOOP("CampaignActions", "Not completed: %1; the campaign is “%2” (checked after the request)."),
     QT_TRANSLATE_N_NOOP("CampaignActions", "Complete %n campaign(s)?"),
     QT_TRANSLATE_N_NOOP("CampaignActions", "Complete %n campaign(s)"),
     QT_TRANSLATE_NOOP("CampaignActions",
                       "Sending stops at once, every nested mailing and scenario becomes inactive, and a completed "
                       "campaign can never be restarted. This cannot be undone.")},
};

QString translated(const char *source, int n = -1)
{
    return QCoreApplication::translate("CampaignActions", source, nullptr, n);
}

} // namespace

const QList<ActionSpec> &CampaignActions::all()
{
    return kActions;
}

const ActionSpec &CampaignActions::spec(CampaignAction action)
{
    for (const ActionSpec &s : kActions) {
        if (s.action == action)
            return s;
    }
    Q_UNREACHABLE(); // every enumerator has its row (tst_campaignactions checks)
}

bool CampaignActions::allows(CampaignStatus status, CampaignAction action)
{
    return spec(action).appliesTo.contains(status);
}

bool CampaignActions::reaches(CampaignAction action, CampaignStatus status)
{
    return spec(action).reaches.contains(status);
}

QString CampaignActions::apiMethod(CampaignAction action)
{
    return QString::fromLatin1(spec(action).apiMethod);
}

QString CampaignActions::journalKey(CampaignAction action)
{
    return QString::fromLatin1(spec(action).journalKey);
}

std::optional<CampaignAction> CampaignActions::fromJournalKey(QStringView key)
{
    for (const ActionSpec &s : kActions) {
        if (key == QLatin1String(s.journalKey))
            return s.action;
    }
    return std::nullopt;
}

QString CampaignActions::verb(CampaignAction action)
{
    return translated(spec(action).verb);
}

QString CampaignActions::inProgress(CampaignAction action)
{
    return translated(spec(action).inProgress);
}

QString CampaignActions::doneCount(CampaignAction action, int count)
{
    return translated(spec(action).doneCount, count);
}

QString CampaignActions::notDoneTitle(CampaignAction action, qint64 id)
{
    return translated(spec(action).notDoneTitle).arg(id);
}

QString CampaignActions::unknownTitle(CampaignAction action)
{
    return translated(spec(action).unknownTitle);
}

QString CampaignActions::notInEffect(CampaignAction action, const QString &why, CampaignStatus seen)
{
    // "still" only when the campaign is where the action started from.
    const ActionSpec &s = spec(action);
    const char *sentence = allows(seen, action) ? s.notInEffectStill : s.notInEffect;
    return translated(sentence).arg(why, StatusLabels::status(seen));
}

QString CampaignActions::confirmTitle(CampaignAction action, int count)
{
    return translated(spec(action).confirmTitle, count);
}

QString CampaignActions::confirmButton(CampaignAction action, int count)
{
    return translated(spec(action).confirmButton, count);
}

QString CampaignActions::consequence(CampaignAction action)
{
    return translated(spec(action).consequence);
}
