#pragma once

#include "apierror.h"
#include "campaign.h"
#include "campaignstatus.h"

#include <QCoreApplication>
#include <QMetaType>

#include <optional>

enum class BulkOutcome {
    Succeeded, // the status read back is the action's target
    Failed, // the server refused, or the request never reached it
    NotInEffect, // sent, and the status read back shows the change did not happen
    Unknown, // sent, and the status could not be read to settle what happened
    Cancelled, // not sent: the user cancelled while it was queued
};

// What one action on one campaign came to. The outcome is decided by the status read back
// from the server after the request, never by the request's answer alone.
struct BulkItemResult {
    Q_DECLARE_TR_FUNCTIONS(BulkItemResult)
public:
    qint64 id = 0;
    CampaignAction action = CampaignAction::Deactivate;
    BulkOutcome outcome = BulkOutcome::Failed;
    ApiError error; // what the request itself ended with (none when the server said it was done)
    ApiError readError; // why the status could not be read back, when it could not
    CampaignStatus statusAfter = CampaignStatus::Unknown; // as read back from the server
    std::optional<Campaign> campaignAfter; // the whole campaign, when it was read back whole
    bool settledByReread = false; // the request's answer was not a plain "done"; the read decided
    int attempts = 0;
    qint64 durationMs = 0;

    // One or two whole sentences for a person: what happened and what the status is now.
    QString message() const;
    // The request's error and the read-back error, for a details pane.
    QString details() const;

private:
    // "the server had an internal error (HTTP 500)": why a request that went out may not have
    // taken effect, as a clause for message().
    QString cause() const;
};

Q_DECLARE_METATYPE(BulkItemResult)
