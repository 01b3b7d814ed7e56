#include "activitypane.h"

#include "accessibility.h"
#include "accountfilter.h"
#include "activitytablemodel.h"
#include "journal.h"
#include "messagebox.h"
#include "servertext.h"
#include "ui_activitypane.h"

#include <QHeaderView>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>

#include <algorithm>

ActivityPane::ActivityPane(QWidget *parent)
    : QWidget(parent), ui(std::make_unique<Ui::ActivityPane>()), m_model(new ActivityTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    ui->setupUi(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ActivityTableModel::SortRole);
    m_proxy->setFilterRole(ActivityTableModel::AccountIdRole);
    m_proxy->setFilterKeyColumn(ActivityTableModel::AccountColumn);
    m_proxy->setDynamicSortFilter(true);
    ui->activityTable->setModel(m_proxy);
    ui->activityTable->sortByColumn(ActivityTableModel::TimeColumn, Qt::DescendingOrder); // newest first
    QHeaderView *header = ui->activityTable->horizontalHeader();
    header->resizeSection(ActivityTableModel::TimeColumn, 150);
    header->resizeSection(ActivityTableModel::AccountColumn, 120);
    header->resizeSection(ActivityTableModel::CampaignColumn, 200);
    header->resizeSection(ActivityTableModel::WhatColumn, 420);
    header->resizeSection(ActivityTableModel::OriginColumn, 140);
    // The sentence is what matters: it takes the width the pane has; the others keep theirs.
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ActivityTableModel::WhatColumn, QHeaderView::Stretch);
    ui->activityTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    Accessibility::nameCornerButton(ui->activityTable, tr("Select all activity"));

    ui->accountFilter->addItem(tr("All accounts"));
    connect(ui->accountFilter, &QComboBox::currentIndexChanged, this, &ActivityPane::applyAccountFilter);
    connect(ui->clearButton, &QPushButton::clicked, this, &ActivityPane::clearActivity);
    // Double-click, and Enter (activated covers both on every platform style used here).
    connect(ui->activityTable, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const auto event = index.data(ActivityTableModel::EventRole).value<WatchEvent>();
        if (event.campaignId > 0)
            Q_EMIT campaignRequested(event.account.id, event.campaignId);
    });
    // The accounts seen change with the rows.
    const auto rowsChanged = [this] {
        updateAccountFilter();
        updateEmptyState();
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, rowsChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, rowsChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, rowsChanged);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ActivityPane::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ActivityPane::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ActivityPane::updateEmptyState);
    updateEmptyState();
}

ActivityPane::~ActivityPane() = default;

QTableView *ActivityPane::view() const
{
    return ui->activityTable;
}

void ActivityPane::setJournal(Journal *journal)
{
    m_model->setJournal(journal);
}

void ActivityPane::reload()
{
    m_model->reload();
}

QString ActivityPane::accountFilter() const
{
    return ui->accountFilter->currentData().toString();
}

void ActivityPane::setAccountFilter(const QString &accountId)
{
    ui->accountFilter->setCurrentIndex(accountId.isEmpty() ? 0 : std::max(0, ui->accountFilter->findData(accountId)));
}

void ActivityPane::updateAccountFilter()
{
    const QList<AccountRef> accounts = m_model->accounts();
    if (accounts == m_accountsListed)
        return;
    m_accountsListed = accounts;
    if (AccountFilter::refill(ui->accountFilter, accounts))
        applyAccountFilter();
}

void ActivityPane::applyAccountFilter()
{
    const QString id = accountFilter();
    // The whole id, not a part of it: one account's id may be contained in another's.
    m_proxy->setFilterRegularExpression(
        id.isEmpty() ? QRegularExpression()
                     : QRegularExpression(QRegularExpression::anchoredPattern(QRegularExpression::escape(id))));
    updateEmptyState();
}

void ActivityPane::updateEmptyState()
{
    const bool empty = m_proxy->rowCount() == 0;
    ui->emptyLabel->setVisible(empty);
    ui->clearButton->setEnabled(m_model->rowCount() > 0);
}

void ActivityPane::clearActivity()
{
    Journal *journal = m_model->journal();
    if (!journal || !journal->isOpen())
        return;
    const QString accountId = accountFilter();
    const QString text = accountId.isEmpty()
        ? tr("Remove every entry of the Activity log, for all accounts? This cannot be undone.")
        : tr("Remove the Activity log's entries for the account “%1”? This cannot be undone.")
              .arg(ServerText::visible(ui->accountFilter->currentText()));
    if (!MessageBox::ask(this, tr("Clear Activity"), text, tr("Clear")))
        return;
    if (!journal->clearActivity(accountId))
        MessageBox::warning(this, tr("Clear Activity"), tr("The Activity log could not be cleared."),
                            journal->errorString());
}
