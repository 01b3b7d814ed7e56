#pragma once

#include "campaignstatus.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

// One action on one campaign, as the journal keeps it. Never holds the token.
struct JournalEntry {
    enum class Outcome {
        Pending, // written before the request left; replaced when the outcome is known
        Success,
        ApiError, // the server refused: errorCode and errorText say why
        TransportError, // the request did not get through (no answer, refused, TLS, ...)
        Unknown, // sent, but no trustworthy answer, or the app stopped before it came
        Cancelled, // never sent
        NotApplied, // was unknown; reading the status later showed it did not take effect
    };

    qint64 rowId = 0;
    QDateTime startedAt; // UTC
    qint64 durationMs = -1;
    QString osUser;
    QString apiHost;
    qint64 campaignId = 0;
    QString campaignName;
    CampaignAction action = CampaignAction::Deactivate;
    CampaignStatus statusBefore = CampaignStatus::Unknown;
    CampaignStatus statusAfter = CampaignStatus::Unknown;
    Outcome outcome = Outcome::Pending;
    int errorCode = 0; // API error code or HTTP status
    QString errorText;
    QString operationId; // the bulk operation this belongs to, if any
    QString reason; // what the user typed, optional
    bool interrupted = false; // the app stopped while this was pending

    static QString outcomeKey(Outcome outcome); // "success", "api_error", ...
    static Outcome outcomeFromKey(const QString &key);
    static QString outcomeLabel(Outcome outcome); // translated
};

Q_DECLARE_METATYPE(JournalEntry)
