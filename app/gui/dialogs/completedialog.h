#pragma once

#include "campaign.h"

#include <QDialog>

#include <memory>

namespace Ui {
class CompleteDialog;
}
class QPushButton;

// Asks before completing campaigns, which cannot be undone. It names the campaigns and what
// they hold, says the consequence plainly, keeps Cancel as the default (Escape cancels), and
// for more than one campaign asks the user to type their number before it enables the button.
class CompleteDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kListedCampaigns = 10;

    CompleteDialog(const QList<Campaign> &campaigns, const QString &skippedText, QWidget *parent = nullptr);
    ~CompleteDialog() override;

    QString reason() const;
    QPushButton *completeButton() const { return m_completeButton; }
    QPushButton *cancelButton() const;

private:
    void updateButton();

    std::unique_ptr<Ui::CompleteDialog> ui;
    QPushButton *m_completeButton;
    int m_count;
};
