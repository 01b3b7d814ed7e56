#include "bulkitemresult.h"

#include "campaignactions.h"
#include "statuslabels.h"

QString BulkItemResult::cause() const
{
    switch (error.kind()) {
    case ApiError::Kind::None:
        return tr("the server answered that it was done, but the change did not take effect");
    case ApiError::Kind::ServerError:
        return tr("the server had an internal error (HTTP %1)").arg(error.httpStatus());
    case ApiError::Kind::Timeout:
        return tr("the server did not answer in time");
    case ApiError::Kind::ConnectionLost:
        return tr("the connection closed before the server answered");
    case ApiError::Kind::MalformedResponse:
    case ApiError::Kind::ResponseTooLarge:
        return tr("the server's answer could not be read");
    case ApiError::Kind::RedirectRefused:
        return tr("the server redirected the request, and a change is never sent on to another address");
    case ApiError::Kind::Cancelled:
        return tr("you cancelled the request while it was on its way");
    case ApiError::Kind::BadRequest:
        return tr("the server rejected the request");
    default:
        return tr("the request failed");
    }
}

QString BulkItemResult::message() const
{
    const QString status = StatusLabels::status(statusAfter);
    switch (outcome) {
    case BulkOutcome::Succeeded:
        if (!settledByReread)
            return QString();
        return tr("Done: the status read back after the request is “%1”, although %2.").arg(status, cause());
    case BulkOutcome::NotInEffect:
        return CampaignActions::notInEffect(action, cause(), statusAfter);
    case BulkOutcome::Unknown:
        return tr("Outcome unknown: %1, and the campaign's status could not be read afterwards. Check the campaign in "
                  "Altcraft before trying again.")
            .arg(cause());
    case BulkOutcome::Failed:
        if (statusAfter != CampaignStatus::Unknown)
            return tr("%1 The campaign is “%2” (checked after the request).").arg(error.message(), status);
        return error.message();
    case BulkOutcome::Cancelled:
        return tr("Not sent: the action was cancelled before this campaign's turn.");
    }
    return QString();
}

QString BulkItemResult::details() const
{
    QString text = error.isNone() ? QStringLiteral("request: done") : error.details();
    if (!readError.isNone())
        text += QStringLiteral("\n\nstatus read back:\n") + readError.details();
    else if (statusAfter != CampaignStatus::Unknown)
        text += QStringLiteral("\nstatus read back: ") + CampaignStatuses::toApiString(statusAfter);
    return text;
}
