#pragma once

#include "accountref.h"
#include "apierror.h"
#include "campaignstatus.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

// One action on one campaign, as the journal keeps it: keys and values, never a sentence, so
// History says it in whatever language the app speaks when it is read. Never holds the token.
struct JournalEntry {
    enum class Outcome {
        Pending, // written before the request left; replaced when the outcome is known
        Success,
        ApiError, // the server refused: errorCode, errorKind and serverText say why
        TransportError, // the request did not get through (no answer, refused, TLS, ...)
        Unknown, // sent, but no trustworthy answer, or the app stopped before it came
        Cancelled, // never sent
        NotApplied, // was unknown; reading the status later showed it did not take effect
    };
    // What settled the outcome.
    enum class Confirmation {
        Answer, // the request's answer, matched by the status read back at once
        ReadBack, // the answer was not a plain "done"; the status read back at once decided
        LaterCheck, // "Check status now", some time after the action
    };

    qint64 rowId = 0;
    QDateTime startedAt; // UTC
    qint64 durationMs = -1;
    QString osUser;
    QString apiHost;
    // The account the action was done in, as it was named then. Rows from before schema 4 have
    // the account the app migrated to, or an empty id and the host as the name.
    AccountRef account;
    qint64 campaignId = 0;
    QString campaignName;
    CampaignAction action = CampaignAction::Deactivate;
    CampaignStatus statusBefore = CampaignStatus::Unknown;
    CampaignStatus statusAfter = CampaignStatus::Unknown;
    Outcome outcome = Outcome::Pending;
    int errorCode = 0; // the API code or HTTP status a failure rests on; 0 for a success
    ApiError::Kind errorKind = ApiError::Kind::None; // what the request itself ended with
    int httpStatus = 0;
    int apiCode = 0;
    QString serverText; // the server's own error_text: data, shown as it came
    Confirmation confirmedBy = Confirmation::Answer;
    // The sentence a version before schema 3 stored instead of the facts above, in the language
    // of its day; shown as it is, since it cannot be said again.
    QString legacyText;
    QString operationId; // the bulk operation this belongs to, if any
    QString reason; // what the user typed, optional
    // Activate's dates, as requested from this computer (the server does not report them): UTC,
    // invalid when not asked for. An activation without a start date started at once.
    QDateTime requestedStart;
    QDateTime requestedPause;
    QDateTime requestedCompletion;
    bool hasSchedule() const
    {
        return requestedStart.isValid() || requestedPause.isValid() || requestedCompletion.isValid();
    }
    bool interrupted = false; // the app stopped while this was pending

    static QString outcomeKey(Outcome outcome); // "success", "api_error", ...
    static Outcome outcomeFromKey(const QString &key);
    static QString outcomeLabel(Outcome outcome); // translated
    static QString confirmationKey(Confirmation confirmation); // "", "read_back", "later_check"
    static Confirmation confirmationFromKey(const QString &key);
};

Q_DECLARE_METATYPE(JournalEntry)
