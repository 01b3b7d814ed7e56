#pragma once

#include "apiresult.h"
#include "campaign.h"
#include "campaignstatus.h"

#include <QString>

#include <functional>

class QWidget;

// What the user is asked to confirm: the action, the campaigns it would change, the account it
// runs in, and whether the count must be typed (Complete on more than one campaign, or the
// account's own threshold).
struct ConfirmRequest {
    CampaignAction action = CampaignAction::Complete;
    QList<Campaign> campaigns;
    QString skippedText;
    QString accountName; // "" outside any account (a one-off --api-url session)
    QString accountEnvironment; // its environment's label
    QString accountColour; // "#rrggbb"
    bool typeCount = false;
    // Activate only: ask when to start, and optionally when to pause and to complete.
    bool withSchedule = false;
};

// The answer: confirmed or not, and the optional reason.
struct ConfirmAnswer {
    bool confirmed = false;
    QString reason;
    ActivationSchedule schedule; // UTC; empty unless the request asked for dates
};

// The seam between the main window and its confirmation dialog: the app uses the real
// ConfirmActionDialog, tests answer through a scripted confirmer (one test drives the real
// dialog). The answer comes through a callback, not a return value: the dialog must not run a
// nested event loop inside the action's slot (a screen reader's "press" would wait for it).
class ActionConfirmer
{
public:
    using Answered = std::function<void(const ConfirmAnswer &answer)>;
    virtual ~ActionConfirmer() = default;
    // answered is called at most once; never when parent is destroyed first.
    virtual void confirm(QWidget *parent, const ConfirmRequest &request, Answered answered) = 0;
};

// Shows the real ConfirmActionDialog, window-modal, and returns at once.
class DialogConfirmer : public ActionConfirmer
{
public:
    void confirm(QWidget *parent, const ConfirmRequest &request, Answered answered) override;
};
