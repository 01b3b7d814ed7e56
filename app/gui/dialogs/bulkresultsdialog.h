#pragma once

#include "bulkrunner.h"

#include <QDialog>

#include <memory>

namespace Ui {
class BulkResultsDialog;
}
class CampaignTableModel;

// "Show details" after a bulk action: each campaign's outcome and message.
class BulkResultsDialog : public QDialog
{
    Q_OBJECT
public:
    BulkResultsDialog(const QString &summary, const QList<BulkItemResult> &results, const CampaignTableModel *campaigns,
                      QWidget *parent = nullptr);
    ~BulkResultsDialog() override;

private:
    std::unique_ptr<Ui::BulkResultsDialog> ui;
};
