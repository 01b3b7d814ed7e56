#pragma once

#include "actionconfirmer.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ConfirmActionDialog;
}
class QPushButton;

// Asks before an action: always before Complete, which cannot be undone, and before any action
// in an account that asks for it. It names the account, the campaigns and what they hold, says
// the consequence plainly, keeps Cancel as the default (Escape cancels), and when the request
// says so asks the user to type the number of campaigns before it enables the button.
class ConfirmActionDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kListedCampaigns = 10;

    explicit ConfirmActionDialog(const ConfirmRequest &request, QWidget *parent = nullptr);
    ~ConfirmActionDialog() override;

    QString reason() const;
    // The dates asked for (UTC), when the request had withSchedule; empty otherwise.
    ActivationSchedule schedule() const;
    QPushButton *confirmButton() const { return m_confirmButton; }
    QPushButton *cancelButton() const;

private:
    void setUpSchedule();
    // A sentence saying what is wrong with the dates, or empty when they can be sent.
    QString scheduleProblem() const;
    void updateButton();

    std::unique_ptr<Ui::ConfirmActionDialog> ui;
    QPushButton *m_confirmButton;
    int m_count;
    bool m_typeCount;
    bool m_withSchedule;
};
