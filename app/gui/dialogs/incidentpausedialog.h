#pragma once

#include "campaign.h"
#include "incidentsnapshot.h"

#include <QDialog>

#include <memory>

namespace Ui {
class IncidentPauseDialog;
}
class QAbstractItemModel;
class QPushButton;
class QStringListModel;

// What the incident pause preview shows: the account, the scope and the campaigns it would pause
// (only active and waiting ones can be).
struct IncidentPauseRequest {
    QString accountName;
    QString accountEnvironment;
    QString accountColour; // "#rrggbb"; empty: no colour
    IncidentSnapshot::Scope scope = IncidentSnapshot::Scope::Everything;
    QList<Campaign> campaigns;
};

// The preview before an incident pause: the account in its colour, how many active and how many
// waiting campaigns, their list (plain text: server names are data), an optional reason, and the
// count typed to confirm, always. Cancel is the default; Escape cancels.
class IncidentPauseDialog : public QDialog
{
    Q_OBJECT
public:
    explicit IncidentPauseDialog(const IncidentPauseRequest &request, QWidget *parent = nullptr);
    ~IncidentPauseDialog() override;

    QString reason() const;
    QPushButton *confirmButton() const { return m_confirmButton; }
    QPushButton *cancelButton() const;
    QAbstractItemModel *campaignList() const;

private:
    void updateButton();

    std::unique_ptr<Ui::IncidentPauseDialog> ui;
    QStringListModel *m_list;
    QPushButton *m_confirmButton;
    int m_count;
};
