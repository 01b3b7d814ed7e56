#include "actioneligibility.h"

#include "campaignactions.h"
#include "campaigntablemodel.h"

ActionEligibility ActionEligibility::of(CampaignAction action, const QList<qint64> &ids,
                                        const CampaignTableModel &model)
{
    ActionEligibility e;
    for (qint64 id : ids) {
        const Campaign *c = model.campaign(id);
        if (!c)
            continue;
        if (model.isBusy(id))
            ++e.busy;
        else if (!CampaignActions::allows(c->status, action))
            ++e.wrongStatus;
        else
            e.eligible.append(id);
    }
    return e;
}

QString ActionEligibility::skippedText(CampaignAction action) const
{
    if (skipped() == 0)
        return QString();
    QString why;
    switch (action) {
    case CampaignAction::Activate:
        why = tr("only inactive campaigns can be activated");
        break;
    case CampaignAction::Deactivate:
        why = tr("only active campaigns and those awaiting activation can be deactivated");
        break;
    case CampaignAction::Complete:
        why = tr("completed, deleted and cloning campaigns cannot be completed");
        break;
    }
    QStringList parts;
    if (wrongStatus > 0)
        parts << tr("%n skipped: %1", nullptr, wrongStatus).arg(why);
    if (busy > 0)
        parts << tr("%n skipped: a request for them is still running", nullptr, busy);
    return parts.join(QStringLiteral("; ")) + QLatin1Char('.');
}
