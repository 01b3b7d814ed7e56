#include "bulkresultsdialog.h"

#include "accessibility.h"
#include "bulkresultsmodel.h"
#include "ui_bulkresultsdialog.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

BulkResultsDialog::BulkResultsDialog(const QString &summary, const QList<BulkItemResult> &results,
                                     const CampaignTableModel *campaigns, QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::BulkResultsDialog>())
{
    ui->setupUi(this);
    ui->summaryLabel->setText(summary);
    auto *model = new BulkResultsModel(results, campaigns, this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(Qt::UserRole);
    ui->resultsTable->setModel(proxy);
    Accessibility::nameCornerButton(ui->resultsTable, tr("Select all results"));
    // Problems first: they are what the user opened this list for.
    ui->resultsTable->sortByColumn(BulkResultsModel::OutcomeColumn, Qt::DescendingOrder);
    ui->resultsTable->horizontalHeader()->resizeSection(BulkResultsModel::IdColumn, 70);
    ui->resultsTable->horizontalHeader()->resizeSection(BulkResultsModel::NameColumn, 220);
    ui->resultsTable->horizontalHeader()->resizeSection(BulkResultsModel::OutcomeColumn, 180);
}

BulkResultsDialog::~BulkResultsDialog() = default;
