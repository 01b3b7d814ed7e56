#include "mainwindow.h"

#include "campaignfilterproxy.h"
#include "campaignservice.h"
#include "campaigntablemodel.h"
#include "statusappearance.h"
#include "statusdelegate.h"
#include "statuslabels.h"
#include "ui_mainwindow.h"

#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QToolButton>

MainWindow::MainWindow(CampaignService *service, QWidget *parent)
    : QMainWindow(parent), ui(std::make_unique<Ui::MainWindow>()), m_service(service),
      m_proxy(new CampaignFilterProxy(this)), m_countsLabel(new QLabel(this)),
      m_loadProgress(new QProgressBar(this)), m_cancelLoad(new QToolButton(this))
{
    ui->setupUi(this);
    setDemoMode(false);

    m_proxy->setSourceModel(service->model());
    ui->campaignTable->setModel(m_proxy);
    ui->campaignTable->setItemDelegateForColumn(CampaignTableModel::StatusColumn, new StatusDelegate(this));
    ui->campaignTable->sortByColumn(CampaignTableModel::IdColumn, Qt::AscendingOrder);
    QHeaderView *header = ui->campaignTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(CampaignTableModel::IdColumn, 70);
    header->resizeSection(CampaignTableModel::NameColumn, 340);
    header->resizeSection(CampaignTableModel::StatusColumn, 170);
    header->resizeSection(CampaignTableModel::UpdatedColumn, 130);
    header->resizeSection(CampaignTableModel::UpdatedByColumn, 120);
    ui->campaignTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);

    setupStatusFilter();
    connect(ui->searchEdit, &QLineEdit::textChanged, m_proxy, &CampaignFilterProxy::setSearchText);

    ui->actionRefresh->setShortcut(QKeySequence::Refresh);
    ui->actionQuit->setShortcut(QKeySequence::Quit);
    connect(ui->actionRefresh, &QAction::triggered, service, &CampaignService::reload);
    connect(ui->actionQuit, &QAction::triggered, this, &QWidget::close);

    m_loadProgress->setRange(0, 0);
    m_loadProgress->setMaximumWidth(160);
    m_loadProgress->setAccessibleName(tr("Loading campaigns"));
    m_loadProgress->hide();
    m_cancelLoad->setText(tr("Cancel"));
    m_cancelLoad->setAccessibleName(tr("Cancel loading"));
    m_cancelLoad->hide();
    connect(m_cancelLoad, &QToolButton::clicked, service, &CampaignService::cancelLoad);
    statusBar()->addWidget(m_countsLabel, 1);
    statusBar()->addPermanentWidget(m_loadProgress);
    statusBar()->addPermanentWidget(m_cancelLoad);

    connect(service->model(), &CampaignTableModel::countsChanged, this, &MainWindow::updateCounts);
    connect(service, &CampaignService::loadStarted, this, &MainWindow::onLoadStarted);
    connect(service, &CampaignService::loadProgress, this, &MainWindow::onLoadProgress);
    connect(service, &CampaignService::loadFinished, this, &MainWindow::onLoadFinished);
    updateCounts();
}

MainWindow::~MainWindow() = default;

void MainWindow::setDemoMode(bool demo)
{
    ui->demoBanner->setVisible(demo);
    ui->demoBanner->setStyleSheet(QStringLiteral(
        "#demoBanner { background: #fff4ce; border: 1px solid #e0c36a; border-radius: 4px; }"
        "#demoBannerLabel { color: #4a3b00; }"));
    setWindowTitle(demo ? tr("Campaign Manager — Demo") : tr("Campaign Manager"));
}

void MainWindow::setupStatusFilter()
{
    ui->statusFilter->addItem(tr("All statuses"), QVariant());
    for (CampaignStatus s : {CampaignStatus::Active, CampaignStatus::Waiting, CampaignStatus::Inactive,
                             CampaignStatus::Cloning, CampaignStatus::Completed, CampaignStatus::Deleted}) {
        ui->statusFilter->addItem(StatusAppearance::icon(s), StatusLabels::status(s), static_cast<int>(s));
    }
    connect(ui->statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant v = ui->statusFilter->currentData();
        m_proxy->setStatusFilter(v.isValid() ? QSet<CampaignStatus>{static_cast<CampaignStatus>(v.toInt())}
                                             : QSet<CampaignStatus>{});
    });
}

void MainWindow::updateCounts()
{
    const auto counts = m_service->model()->statusCounts();
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(StatusLabels::status(it.key()).toLower());
    const int total = m_service->model()->rowCount();
    m_countsLabel->setText(total == 0 ? tr("No campaigns")
                                      : tr("%n campaign(s): ", nullptr, total) + parts.join(QStringLiteral(" · ")));
}

void MainWindow::onLoadStarted()
{
    m_loadProgress->show();
    m_cancelLoad->show();
    ui->actionRefresh->setEnabled(false);
}

void MainWindow::onLoadProgress(int loaded)
{
    m_loadProgress->setFormat(tr("%n loaded", nullptr, loaded));
    m_loadProgress->setTextVisible(true);
}

void MainWindow::onLoadFinished(const ApiError &error, int)
{
    m_loadProgress->hide();
    m_cancelLoad->hide();
    ui->actionRefresh->setEnabled(true);
    if (error.isNone() || error.kind() == ApiError::Kind::Cancelled) {
        if (!error.isNone())
            statusBar()->showMessage(tr("Loading cancelled; the table shows what had arrived."), 5000);
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("Could not load campaigns"), error.message(), QMessageBox::Ok, this);
    box.setDetailedText(error.details());
    box.exec();
}
