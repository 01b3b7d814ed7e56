#pragma once

#include "campaign.h"

#include <QString>

#include <functional>

class QWidget;

// The answer to "Complete these campaigns?": confirmed or not, and the optional reason.
struct ConfirmAnswer {
    bool confirmed = false;
    QString reason;
};

// The seam between the main window and its confirmation dialog: the app uses the real
// CompleteDialog, tests answer through a scripted confirmer (one test drives the real dialog).
// The answer comes through a callback, not a return value: the dialog must not run a nested
// event loop inside the action's slot (a screen reader's "press" would wait for the dialog).
class ActionConfirmer
{
public:
    using Answered = std::function<void(const ConfirmAnswer &answer)>;
    virtual ~ActionConfirmer() = default;
    // answered is called at most once; never when parent is destroyed first.
    virtual void confirmComplete(QWidget *parent, const QList<Campaign> &campaigns, const QString &skippedText,
                                 Answered answered)
        = 0;
};

// Shows the real CompleteDialog, window-modal, and returns at once.
class DialogConfirmer : public ActionConfirmer
{
public:
    void confirmComplete(QWidget *parent, const QList<Campaign> &campaigns, const QString &skippedText,
                         Answered answered) override;
};
