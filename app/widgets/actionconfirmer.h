#pragma once

#include "campaign.h"

#include <QString>

class QWidget;

// The answer to "Complete these campaigns?": confirmed or not, and the optional reason.
struct ConfirmAnswer {
    bool confirmed = false;
    QString reason;
};

// The seam between the main window and its confirmation dialog: the app uses the real
// CompleteDialog, tests answer through a scripted confirmer (one test drives the real dialog).
class ActionConfirmer
{
public:
    virtual ~ActionConfirmer() = default;
    virtual ConfirmAnswer confirmComplete(QWidget *parent, const QList<Campaign> &campaigns, const QString &skippedText)
        = 0;
};

// Shows the real CompleteDialog.
class DialogConfirmer : public ActionConfirmer
{
public:
    ConfirmAnswer confirmComplete(QWidget *parent, const QList<Campaign> &campaigns,
                                  const QString &skippedText) override;
};
