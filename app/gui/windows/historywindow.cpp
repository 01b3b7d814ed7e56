#include "historywindow.h"

#include "accessibility.h"
#include "accountfilter.h"
#include "campaignactions.h"
#include "journal.h"
#include "journalcsv.h"
#include "journalrecorder.h"
#include "journaltablemodel.h"
#include "messagebox.h"
#include "servertext.h"
#include "settings.h"
#include "statuslabels.h"
#include "ui_historywindow.h"

#include <QClipboard>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QStandardPaths>

#include <algorithm>

namespace {
const QDate kAnyDate(2020, 1, 1); // the minimum of both date fields, shown as "Any"
}

HistoryWindow::HistoryWindow(Journal *journal, JournalRecorder *recorder, Settings *settings, QWidget *parent)
    : QWidget(parent, Qt::Window), ui(std::make_unique<Ui::HistoryWindow>()), m_journal(journal), m_recorder(recorder),
      m_settings(settings), m_model(new JournalTableModel(journal, this))
{
    ui->setupUi(this);
    ui->historyTable->setModel(m_model);
    QHeaderView *header = ui->historyTable->horizontalHeader();
    header->resizeSection(JournalTableModel::TimeColumn, 150);
    header->resizeSection(JournalTableModel::CampaignIdColumn, 60);
    header->resizeSection(JournalTableModel::CampaignNameColumn, 220);
    header->resizeSection(JournalTableModel::OutcomeColumn, 150);
    header->resizeSection(JournalTableModel::MessageColumn, 220);
    ui->historyTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    ui->accountFilter->addItem(tr("All accounts"));
    updateAccountFilter();
    // A new account's first row adds it to the list.
    connect(m_journal, &Journal::changed, this, &HistoryWindow::updateAccountFilter);
    connect(ui->accountFilter, &QComboBox::currentIndexChanged, this, &HistoryWindow::applyFilter);
    ui->actionFilter->addItem(tr("All actions"));
    for (const ActionSpec &a : CampaignActions::all())
        ui->actionFilter->addItem(CampaignActions::verb(a.action), static_cast<int>(a.action));
    ui->outcomeFilter->addItem(tr("All outcomes"));
    for (JournalEntry::Outcome o :
         {JournalEntry::Outcome::Success, JournalEntry::Outcome::ApiError, JournalEntry::Outcome::TransportError,
          JournalEntry::Outcome::Unknown, JournalEntry::Outcome::NotApplied, JournalEntry::Outcome::Cancelled,
          JournalEntry::Outcome::Pending})
        ui->outcomeFilter->addItem(JournalEntry::outcomeLabel(o), static_cast<int>(o));
    for (QDateEdit *edit : {ui->fromDate, ui->toDate}) {
        edit->setMinimumDate(kAnyDate);
        edit->setSpecialValueText(tr("Any"));
        edit->setDate(kAnyDate);
        connect(edit, &QDateEdit::dateChanged, this, &HistoryWindow::applyFilter);
    }
    connect(ui->campaignFilter, &QLineEdit::textChanged, this, &HistoryWindow::applyFilter);
    Accessibility::nameClearButton(ui->campaignFilter, tr("Clear campaign filter"));
    Accessibility::nameCornerButton(ui->historyTable, tr("Select all actions"));
    connect(ui->actionFilter, &QComboBox::currentIndexChanged, this, &HistoryWindow::applyFilter);
    connect(ui->outcomeFilter, &QComboBox::currentIndexChanged, this, &HistoryWindow::applyFilter);
    connect(ui->copyButton, &QPushButton::clicked, this, &HistoryWindow::copySelection);
    connect(ui->exportButton, &QPushButton::clicked, this, &HistoryWindow::exportCsv);
    connect(ui->checkStatusButton, &QPushButton::clicked, this, &HistoryWindow::checkStatusNow);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryWindow::updateUnknownBanner);
    connect(m_recorder, &JournalRecorder::checkFinished, this, [this](int settled, int unknown) {
        ui->checkStatusButton->setEnabled(true);
        ui->unknownLabel->setText(
            tr("Checked: %1 confirmed, %2 not in effect or still unknown.").arg(settled).arg(unknown));
    });
    auto *copy = new QAction(tr("Copy Selected Rows"), this);
    copy->setShortcut(QKeySequence::Copy);
    connect(copy, &QAction::triggered, this, &HistoryWindow::copySelection);
    ui->historyTable->addAction(copy);
    if (m_settings)
        restoreGeometry(m_settings->value(Settings::Key::HistoryWindowGeometry).toByteArray());
    updateUnknownBanner();
}

HistoryWindow::~HistoryWindow() = default;

void HistoryWindow::applyFilter()
{
    Journal::Filter f;
    f.accountId = ui->accountFilter->currentData().toString(); // "All accounts" has none: any
    f.campaignId = ui->campaignFilter->text().trimmed().toLongLong();
    if (ui->actionFilter->currentData().isValid())
        f.action = static_cast<CampaignAction>(ui->actionFilter->currentData().toInt());
    if (ui->outcomeFilter->currentData().isValid())
        f.outcome = static_cast<JournalEntry::Outcome>(ui->outcomeFilter->currentData().toInt());
    if (ui->fromDate->date() != kAnyDate)
        f.from = ui->fromDate->date().startOfDay();
    if (ui->toDate->date() != kAnyDate)
        f.to = ui->toDate->date().endOfDay();
    m_model->setFilter(f);
}

void HistoryWindow::updateAccountFilter()
{
    const QList<AccountRef> accounts = m_journal->accounts();
    if (accounts == m_accountsListed)
        return;
    m_accountsListed = accounts;
    if (AccountFilter::refill(ui->accountFilter, accounts))
        applyFilter();
}

void HistoryWindow::updateUnknownBanner()
{
    const int unknown = static_cast<int>(m_journal->unsettled().size());
    ui->unknownBanner->setVisible(unknown > 0);
    ui->unknownLabel->setText(tr("The outcome of %n action(s) is unknown: the app stopped, or the server's answer was "
                                 "lost. Check what the campaigns' statuses say now.",
                                 nullptr, unknown));
    ui->countLabel->setText(tr("%n action(s)", nullptr, m_model->rowCount()));
}

QString HistoryWindow::selectedRowsText() const
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < m_model->columnCount(); ++c)
        header << m_model->headerData(c, Qt::Horizontal).toString();
    lines << header.join(QLatin1Char('\t'));
    QModelIndexList rows = ui->historyTable->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    for (const QModelIndex &row : rows) {
        QStringList cells;
        for (int c = 0; c < m_model->columnCount(); ++c)
            cells << m_model->index(row.row(), c)
                         .data()
                         .toString()
                         .replace(QLatin1Char('\t'), QLatin1Char(' '))
                         .replace(QLatin1Char('\n'), QLatin1Char(' '));
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

void HistoryWindow::copySelection()
{
    if (!ui->historyTable->selectionModel()->hasSelection())
        ui->historyTable->selectAll();
    QGuiApplication::clipboard()->setText(selectedRowsText());
}

bool HistoryWindow::exportTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(JournalCsv::toCsv(m_model->entries())) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void HistoryWindow::exportCsv()
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        + QStringLiteral("/campaign-history-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export history"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        MessageBox::warning(this, tr("Export failed"),
                            tr("The history could not be written to %1: %2").arg(path, error));
}

void HistoryWindow::checkStatusNow()
{
    QList<qint64> rowIds;
    for (const QModelIndex &row : ui->historyTable->selectionModel()->selectedRows()) {
        const JournalEntry &e = m_model->entryAt(row.row());
        if (e.outcome == JournalEntry::Outcome::Unknown)
            rowIds << e.rowId;
    }
    ui->checkStatusButton->setEnabled(false);
    ui->unknownLabel->setText(tr("Checking…"));
    m_recorder->checkStatusNow(rowIds); // empty: every unknown row
}

void HistoryWindow::closeEvent(QCloseEvent *event)
{
    if (m_settings)
        m_settings->setValue(Settings::Key::HistoryWindowGeometry, saveGeometry());
    QWidget::closeEvent(event);
}
