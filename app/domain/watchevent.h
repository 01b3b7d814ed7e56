#pragma once

#include "accountref.h"
#include "campaignstatus.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// Something the background watch noticed about a campaign: a fact, never a sentence (the
// Activity pane and the notifications word it in the language of the moment). Altcraft sends no
// event when a campaign changes state, so each one is found by comparing two reads.
struct WatchEvent {
    enum class Kind {
        StatusChanged, // before → after
        NewCampaign, // the whole-account check found an ID it had not seen (after = its status)
        StartOverdue, // still waiting after the start this computer asked for (since = that start)
        StuckCloning, // in cloning since `since`, longer than the limit in Settings
        Unreachable, // the server stopped answering the checks (detail = the error's message)
        Reachable, // it answers again after being unreachable
    };
    // Who made a status change: this computer (its journal has the action, from the window or the
    // command line), the server itself carrying out a schedule this computer set, or someone else.
    enum class Origin { Unknown, ThisComputer, Schedule, SomeoneElse };

    qint64 id = 0; // the Activity row's id once stored; 0 before
    Kind kind = Kind::StatusChanged;
    Origin origin = Origin::Unknown;
    AccountRef account;
    qint64 campaignId = 0; // 0 for Unreachable and Reachable
    QString campaignName; // the server's text: plain text wherever it is shown
    CampaignStatus before = CampaignStatus::Unknown;
    CampaignStatus after = CampaignStatus::Unknown;
    QString updatedUser; // the server's updated_user after the change, when it sent one
    QDateTime since; // StartOverdue: the start asked for; StuckCloning: when cloning began
    QDateTime noticedAt; // when the check saw it (UTC)
    QString detail; // Unreachable: the error's translated message
    bool watched = false; // the campaign is on the account's watch list (not just seen by the account check)

    friend bool operator==(const WatchEvent &, const WatchEvent &) = default;
};

Q_DECLARE_METATYPE(WatchEvent)
