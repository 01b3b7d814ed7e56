#include "mainwindow.h"

#include "accessibility.h"
#include "accountlistmodel.h"
#include "actionconfirmer.h"
#include "actioneligibility.h"
#include "addbyiddialog.h"
#include "bulkresultsdialog.h"
#include "campaignactions.h"
#include "campaignfacetmodel.h"
#include "campaignfilterproxy.h"
#include "campaignservice.h"
#include "campaigntableexport.h"
#include "campaigntablemodel.h"
#include "facetpane.h"
#include "incidentpause.h"
#include "incidentpausedialog.h"
#include "journal.h"
#include "messagebox.h"
#include "restoresnapshotdialog.h"
#include "savedviews.h"
#include "selectiontally.h"
#include "servertext.h"
#include "settings.h"
#include "statusappearance.h"
#include "statusdelegate.h"
#include "statuslabels.h"
#include "tablecolumns.h"
#include "ui_mainwindow.h"
#include "viewswitcher.h"
#include "watchlist.h"
#include "watchstardelegate.h"

#include <QAccessible>
#include <QActionGroup>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>

namespace {
// The status filter's entry for the watched campaigns: not a status, so outside their values.
constexpr int kWatchedFilter = -1;

// The labels of a facet's ticked entries, as its list shows them.
QStringList checkedLabels(const CampaignFacetModel *facets)
{
    QStringList labels;
    for (int row = 0; row < facets->rowCount(); ++row) {
        const QModelIndex index = facets->index(row, 0);
        if (index.data(Qt::CheckStateRole).toInt() == Qt::Checked)
            labels << index.data(Qt::DisplayRole).toString();
    }
    return labels;
}
} // namespace

MainWindow::MainWindow(CampaignService *service, Settings *settings, QWidget *parent)
    : QMainWindow(parent), ui(std::make_unique<Ui::MainWindow>()), m_service(service), m_settings(settings),
      m_confirmer(std::make_unique<DialogConfirmer>()), m_proxy(new CampaignFilterProxy(this)),
      m_incidentPause(new IncidentPause(service, this)), m_snapshotRestore(new SnapshotRestore(service, this)),
      m_countsLabel(new QLabel(this)), m_summaryLabel(new QLabel(this)), m_detailsButton(new QToolButton(this)),
      m_busyLabel(new QLabel(this)), m_refreshTimer(new QTimer(this)), m_progress(new QProgressBar(this)),
      m_cancelButton(new QToolButton(this)), m_undoButton(new QToolButton(this)), m_reasonEdit(new QLineEdit(this)),
      m_accountSwitcher(new QComboBox(this)), m_accountActions(new QActionGroup(this)),
      m_tagFacets(new CampaignFacetModel(CampaignFacetModel::Facet::Tags, this)),
      m_groupFacets(new CampaignFacetModel(CampaignFacetModel::Facet::Groups, this)), m_facetSummary(new QLabel(this)),
      m_facetClear(new QToolButton(this))
{
    ui->setupUi(this);
    ui->listNotice->setStyleSheet(QStringLiteral("#listNotice { background: #fde7e9; border: 1px solid #e8a1a8; "
                                                 "border-radius: 4px; padding: 6px 10px; color: #5c0f17; }"));
    setupTable();
    setupActions();
    setupIncidentActions();
    setupStatusBar();
    setupStatusFilter();
    setupFacets();
    setupViews();
    setupAccountSwitcher();
    showAccount(Account());
    m_reasonEdit->setPlaceholderText(tr("Reason (optional, kept in History)"));
    m_reasonEdit->setAccessibleName(tr("Reason for the next action"));
    m_reasonEdit->setAccessibleDescription(tr("Recorded in History with the next Deactivate, Activate or Complete"));
    m_reasonEdit->setClearButtonEnabled(true);
    m_reasonEdit->setMaxLength(500);
    m_reasonEdit->setMaximumWidth(280);
    ui->mainToolBar->addSeparator();
    ui->mainToolBar->addWidget(m_reasonEdit)->setText(m_reasonEdit->accessibleName());
    Accessibility::nameClearButton(m_reasonEdit, tr("Clear reason"));

    connect(service->model(), &CampaignTableModel::countsChanged, this, &MainWindow::updateCounts);
    // Row changes, progress and the details pane are applied at most once a frame: a bulk run
    // of a thousand campaigns must not cost a thousand repaints (QProgressBar::setValue paints
    // synchronously) nor a thousand walks over the selection.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(kFrameMs);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_pendingProgress) {
            m_progress->setMaximum(m_pendingProgress->second);
            m_progress->setValue(m_pendingProgress->first);
            m_pendingProgress.reset();
        }
        updateActions();
        if (std::exchange(m_refreshDetails, false))
            updateDetails();
    });
    connect(service->model(), &QAbstractItemModel::dataChanged, this, &MainWindow::onModelDataChanged);
    connect(service, &CampaignService::loadStarted, this, &MainWindow::onLoadStarted);
    connect(service, &CampaignService::loadProgress, this, &MainWindow::onLoadProgress);
    connect(service, &CampaignService::loadFinished, this, &MainWindow::onLoadFinished);
    connect(service, &CampaignService::loadSkipped, this, [this](int skipped, const QStringList &reasons) {
        m_skippedNotice = tr("Not shown: %n item(s) in the server's list that could not be read as campaigns. The "
                             "others are loaded.",
                             nullptr, skipped);
        m_skippedReasons = reasons;
    });
    connect(service, &CampaignService::actionStarted, this,
            [this](qint64, CampaignAction action, int total, const QString &) { onActionStarted(action, total); });
    connect(service, &CampaignService::actionProgress, this, [this](int done, int total) {
        m_pendingProgress = {done, total};
        scheduleRefresh(false);
    });
    connect(service, &CampaignService::actionFinished, this, &MainWindow::onActionFinished);
    connect(service, &CampaignService::localSchedulesChanged, this, &MainWindow::updateDetails);
    connect(service, &CampaignService::undoAvailable, this, [this](int count) {
        m_undoButton->setVisible(count > 0);
        m_undoButton->setToolTip(tr("Activate again the %n campaign(s) just deactivated", nullptr, count));
    });
    connect(service, &CampaignService::addFinished, this, [this](int added, const QStringList &errors) {
        statusBar()->showMessage(tr("%n campaign(s) added.", nullptr, added), 5000);
        if (!errors.isEmpty()) {
            MessageBox::warning(this, tr("Some campaigns could not be added"),
                                tr("%n campaign(s) could not be read. Check the IDs, and that your token can see them.",
                                   nullptr, static_cast<int>(errors.size())),
                                errors.join(QLatin1Char('\n')));
        }
    });

    if (m_settings) {
        restoreGeometry(m_settings->value(Settings::Key::MainWindowGeometry).toByteArray());
        restoreState(m_settings->value(Settings::Key::MainWindowState).toByteArray());
        ui->detailsDock->setVisible(m_settings->value(Settings::Key::DetailsPaneVisible).toBool());
        m_service->setAutoRefreshSeconds(m_settings->autoRefreshSeconds());
        connect(m_settings, &Settings::changed, this, [this](Settings::Key key) {
            if (key == Settings::Key::AutoRefreshSeconds)
                m_service->setAutoRefreshSeconds(m_settings->autoRefreshSeconds());
        });
    }
    updateCounts();
    updateActions();
    updateDetails();
}

MainWindow::~MainWindow()
{
    // ~QWidget hides the children as the window goes: an open dock then says it is hidden, and
    // that must not reach this half-destroyed window through the action's slots.
    if (m_facetDock)
        m_facetDock->disconnect();
    ui->actionFacets->disconnect(this);
}

void MainWindow::setupTable()
{
    m_proxy->setSourceModel(m_service->model());
    QTableView *table = ui->campaignTable;
    table->setModel(m_proxy);
    m_tally = new SelectionTally(table->selectionModel(), m_proxy, m_service->model(), this);
    // Status changes of selected rows come in the model's batches: applied with the next frame.
    connect(m_tally, &SelectionTally::changed, this, [this] { scheduleRefresh(false); });
    table->setItemDelegateForColumn(CampaignTableModel::StatusColumn, new StatusDelegate(this));
    table->setItemDelegateForColumn(CampaignTableModel::WatchedColumn, new WatchStarDelegate(this));
    table->setMouseTracking(true); // the faint star brightens under the pointer
    QHeaderView *header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionsMovable(true);
    m_columns = new TableColumns(table, this); // the standard layout, until an account's own applies
    ui->menuView->addMenu(m_columns->menu());
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(ui->actionDeactivate);
        menu.addAction(ui->actionActivate);
        menu.addAction(ui->actionActivateAt);
        menu.addAction(ui->actionComplete);
        menu.addSeparator();
        menu.addAction(ui->actionWatch);
        menu.addAction(ui->actionRemoveFromList);
        menu.addAction(ui->actionRefresh);
        menu.exec(ui->campaignTable->viewport()->mapToGlobal(pos));
    });
    // The details follow the selection however it was made: mouse, keyboard, or a screen reader
    // selecting a row through the accessibility interface (which moves no current index).
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onSelectionChanged);
    connect(ui->searchEdit, &QLineEdit::textChanged, m_proxy, &CampaignFilterProxy::setSearchText);
    Accessibility::nameClearButton(ui->searchEdit, tr("Clear search"));
    Accessibility::nameCornerButton(table, tr("Select all campaigns"));
}

void MainWindow::setupActions()
{
    // Standard keys where the platform has one; otherwise keys that are hard to hit by accident
    // for the irreversible action.
    ui->actionRefresh->setShortcut(QKeySequence::Refresh);
    ui->actionQuit->setShortcut(QKeySequence::Quit);
    // The platform's Preferences key where it has one (Ctrl+, on GNOME and macOS); plain X11 has
    // none, so Ctrl+, there too.
    const QList<QKeySequence> preferences = QKeySequence::keyBindings(QKeySequence::Preferences);
    ui->actionSettings->setShortcuts(preferences.isEmpty() ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)}
                                                           : preferences);
    // The campaign actions: keys and icons from the action table.
    for (const ActionSpec &spec : CampaignActions::all()) {
        QAction *a = actionFor(spec.action);
        a->setShortcut(QKeySequence(QString::fromLatin1(spec.shortcut), QKeySequence::PortableText));
        a->setIcon(StatusAppearance::icon(spec.iconStatus));
        connect(a, &QAction::triggered, this, [this, action = spec.action] { actOnSelection(action); });
    }
    ui->actionActivateAt->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    ui->actionActivateAt->setIcon(StatusAppearance::icon(CampaignStatus::Waiting));
    connect(ui->actionActivateAt, &QAction::triggered, this, &MainWindow::scheduleActivationOfSelection);
    ui->actionAddById->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    ui->actionHistory->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    ui->actionShowDetails->setShortcut(QKeySequence(Qt::Key_F9));
    ui->actionRefresh->setIcon(
        QIcon::fromTheme(QStringLiteral("view-refresh"), style()->standardIcon(QStyle::SP_BrowserReload)));
    ui->actionWatch->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    ui->actionWatch->setIcon(WatchStarDelegate::icon());
    ui->actionActivity->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    for (QAction *a : {ui->actionRefresh, ui->actionDeactivate, ui->actionActivate, ui->actionComplete,
                       ui->actionAddById, ui->actionHistory, ui->actionSettings, ui->actionWatch}) {
        if (!a->shortcut().isEmpty())
            a->setToolTip(
                QStringLiteral("%1 (%2)").arg(a->toolTip(), a->shortcut().toString(QKeySequence::NativeText)));
    }
    connect(ui->actionRefresh, &QAction::triggered, m_service, &CampaignService::reload);
    connect(ui->actionAddById, &QAction::triggered, this, &MainWindow::addById);
    connect(ui->actionRemoveFromList, &QAction::triggered, this, [this] { m_service->untrack(selectedIds()); });
    connect(ui->actionQuit, &QAction::triggered, this, [this] {
        if (!m_hideOnClose) {
            close();
            return;
        }
        // The close button hides the window then; Quit still quits.
        m_quitAsked = true;
        close();
        m_quitAsked = false;
    });
    connect(ui->actionSettings, &QAction::triggered, this, &MainWindow::settingsRequested);
    ui->actionCopy->setShortcut(QKeySequence::Copy);
    ui->actionCopy->setShortcutContext(Qt::WidgetWithChildrenShortcut); // the search box keeps its own Copy
    ui->campaignTable->addAction(ui->actionCopy);
    ui->actionCopyVisible->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(ui->actionCopy, &QAction::triggered, this, [this] { copyRows(true); });
    connect(ui->actionCopyVisible, &QAction::triggered, this, [this] { copyRows(false); });
    connect(ui->actionExport, &QAction::triggered, this, &MainWindow::exportCsv);
    connect(ui->actionHistory, &QAction::triggered, this, &MainWindow::historyRequested);
    ui->actionShowDetails->setChecked(ui->detailsDock->isVisible());
    connect(ui->actionShowDetails, &QAction::toggled, ui->detailsDock, &QWidget::setVisible);
    connect(ui->detailsDock, &QDockWidget::visibilityChanged, ui->actionShowDetails, &QAction::setChecked);
    setupWatch();
}

void MainWindow::setupWatch()
{
    connect(ui->actionWatch, &QAction::triggered, this, &MainWindow::toggleWatchOfSelection);
    connect(m_service->model(), &CampaignTableModel::watchToggleRequested, this, [this](qint64 id, bool watch) {
        if (m_watchList)
            m_watchList->setWatched(m_account.id, {id}, watch);
    });
    ui->activityDock->hide(); // until the owner gives it a pane; then as Settings say
    ui->actionActivity->setEnabled(false);
    connect(ui->actionActivity, &QAction::toggled, ui->activityDock, &QWidget::setVisible);
    connect(ui->activityDock, &QDockWidget::visibilityChanged, ui->actionActivity, &QAction::setChecked);
}

void MainWindow::setWatchList(WatchList *watchList)
{
    m_watchList = watchList;
    connect(watchList, &WatchList::changed, this, [this](const QString &accountId) {
        if (accountId == m_account.id)
            applyWatchedIds();
    });
    applyWatchedIds();
}

void MainWindow::applyWatchedIds()
{
    if (!m_watchList)
        return;
    m_service->model()->setWatchedIds(m_watchList->idSet(m_account.id));
    updateActions();
}

void MainWindow::setActivityPane(QWidget *pane)
{
    ui->activityLayout->addWidget(pane);
    ui->actionActivity->setEnabled(true);
    if (m_settings)
        ui->activityDock->setVisible(m_settings->value(Settings::Key::ActivityPaneVisible).toBool());
}

void MainWindow::showActivity()
{
    if (!ui->actionActivity->isEnabled())
        return;
    ui->activityDock->show();
    ui->activityDock->raise();
}

void MainWindow::toggleWatchOfSelection()
{
    const QList<qint64> ids = selectedIds();
    if (!m_watchList || ids.isEmpty())
        return;
    const CampaignTableModel *model = m_service->model();
    const bool allWatched = std::all_of(ids.cbegin(), ids.cend(), [model](qint64 id) { return model->isWatched(id); });
    m_watchList->setWatched(m_account.id, ids, !allWatched);
    const int n = static_cast<int>(ids.size());
    statusBar()->showMessage(allWatched ? tr("Stopped watching %n campaign(s).", nullptr, n)
                                        : tr("Watching %n campaign(s): you will be told when they change.", nullptr, n),
                             5000);
}

void MainWindow::revealCampaign(qint64 id)
{
    const int row = m_service->model()->rowOf(id);
    if (row < 0) {
        statusBar()->showMessage(tr("Campaign %1 is not in the table. Refresh to list it.").arg(id), 8000);
        return;
    }
    const QModelIndex source = m_service->model()->index(row, CampaignTableModel::NameColumn);
    QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid()) {
        // A search or filter hides it: show everything rather than a selection nobody can see.
        ui->searchEdit->clear();
        ui->statusFilter->setCurrentIndex(0);
        index = m_proxy->mapFromSource(source);
    }
    if (!index.isValid())
        return;
    QTableView *table = ui->campaignTable;
    table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    table->setFocus(Qt::OtherFocusReason);
}

void MainWindow::setupStatusBar()
{
    // Plain text: its accessible name is the sentence itself, so a screen reader reads the result.
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_summaryLabel->hide();
    m_detailsButton->setText(tr("Show details"));
    m_detailsButton->setAccessibleName(tr("Show details of the last action"));
    m_detailsButton->setAutoRaise(true);
    m_detailsButton->hide();
    connect(m_detailsButton, &QToolButton::clicked, this, &MainWindow::showLastDetails);
    // The busy text sits in a label of its own: inside the progress bar it was cut off.
    m_busyLabel->setTextFormat(Qt::PlainText);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyLabel->hide();
    m_progress->setFixedWidth(fontMetrics().horizontalAdvance(QStringLiteral("00000/00000")) + 40);
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->hide();
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setAccessibleName(tr("Cancel the running operation"));
    m_cancelButton->hide();
    connect(m_cancelButton, &QToolButton::clicked, this, [this] {
        if (m_service->isRunningAction())
            m_service->cancelAction();
        else
            m_service->cancelLoad();
    });
    m_undoButton->setObjectName(QStringLiteral("undoButton"));
    m_undoButton->setText(tr("Undo"));
    m_undoButton->setAccessibleName(tr("Undo deactivation"));
    m_undoButton->hide();
    connect(m_undoButton, &QToolButton::clicked, this, [this] {
        m_undoButton->hide();
        m_service->undo();
    });
    statusBar()->addWidget(m_countsLabel, 1);
    statusBar()->addPermanentWidget(m_summaryLabel);
    statusBar()->addPermanentWidget(m_detailsButton);
    statusBar()->addPermanentWidget(m_undoButton);
    statusBar()->addPermanentWidget(m_busyLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
}

void MainWindow::setupAccountSwitcher()
{
    m_accountSwitcher->setObjectName(QStringLiteral("accountSwitcher"));
    m_accountSwitcher->setAccessibleName(tr("Account"));
    m_accountSwitcher->setAccessibleDescription(tr("The Altcraft account this window works in"));
    m_accountSwitcher->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_accountSwitcher->setMinimumContentsLength(14);
    ui->mainToolBar->insertWidget(ui->actionRefresh, m_accountSwitcher)->setText(tr("Account"));
    ui->mainToolBar->insertSeparator(ui->actionRefresh);
    m_accountSwitcher->setVisible(false); // until there are accounts to offer
    connect(m_accountSwitcher, &QComboBox::activated, this, [this](int row) {
        const QString id = m_accounts ? m_accounts->accountAt(row).id : QString();
        selectCurrentAccountInSwitcher(); // stays on the account in use until the switch happens
        if (!id.isEmpty() && id != m_account.id)
            Q_EMIT accountSwitchRequested(id);
    });
    ui->actionSwitchAccount->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(ui->actionSwitchAccount, &QAction::triggered, this, [this] {
        if (!m_accountSwitcher->isVisible())
            return;
        m_accountSwitcher->setFocus(Qt::ShortcutFocusReason);
        m_accountSwitcher->showPopup();
    });
    m_accountActions->setExclusive(true);
}

void MainWindow::setAccountList(AccountListModel *accounts)
{
    m_accounts = accounts;
    m_accountSwitcher->setModel(accounts);
    connect(accounts, &QAbstractItemModel::modelReset, this, [this] {
        rebuildAccountMenu();
        selectCurrentAccountInSwitcher();
    });
    rebuildAccountMenu();
    selectCurrentAccountInSwitcher();
}

// File → Account lists the same accounts as the switcher, for the keyboard and screen readers.
void MainWindow::rebuildAccountMenu()
{
    ui->menuAccount->clear();
    for (QAction *action : m_accountActions->actions())
        m_accountActions->removeAction(action);
    const int rows = m_accounts ? m_accounts->rowCount() : 0;
    for (int row = 0; row < rows; ++row) {
        const Account account = m_accounts->accountAt(row);
        QAction *action = ui->menuAccount->addAction(AccountListModel::label(account));
        action->setCheckable(true);
        action->setData(account.id);
        action->setIcon(m_accounts->index(row).data(Qt::DecorationRole).value<QIcon>());
        m_accountActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, id = account.id] {
            selectCurrentAccountInSwitcher();
            if (id != m_account.id)
                Q_EMIT accountSwitchRequested(id);
        });
    }
    ui->menuAccount->setEnabled(rows > 0);
    m_accountSwitcher->setVisible(rows > 0);
}

void MainWindow::selectCurrentAccountInSwitcher()
{
    const int row = m_accounts ? m_accounts->rowOf(m_account.id) : -1;
    m_accountSwitcher->setCurrentIndex(row);
    for (QAction *action : m_accountActions->actions())
        action->setChecked(action->data().toString() == m_account.id);
}

void MainWindow::showAccount(const Account &account)
{
    m_account = account;
    const bool shown = !account.name.isEmpty();
    ui->accountBand->setVisible(shown);
    const QString environment = account.environmentLabel();
    // The title names the account, then the app, once. Set whole: Qt then appends nothing, and
    // X's WM_NAME, _NET_WM_NAME and the screen reader's frame name all read the same words.
    const bool sameWords = account.name.compare(environment, Qt::CaseInsensitive) == 0;
    const QString app = QGuiApplication::applicationDisplayName();
    const QString where = sameWords ? account.name : tr("%1 (%2)").arg(account.name, environment);
    setWindowTitle(!shown ? app : tr("%1 — %2", "window title: the account, then the app's name").arg(where, app));
    ui->accountBadge->setText(environment.toUpper());
    ui->accountNameLabel->setText(account.name);
    ui->accountNameLabel->setVisible(!sameWords); // "DEMO Demo" would say it twice
    QStringList notes;
    if (account.isDemo())
        notes << tr("Not a real Altcraft account: campaigns and changes live in a local emulator and vanish when you "
                    "quit.");
    else if (shown)
        notes << account.apiUrl.host();
    if (account.readOnly)
        notes << tr("Read-only: Deactivate, Activate and Complete are turned off for this account.");
    else if (account.confirmEveryAction)
        notes << tr("Every action asks first.");
    ui->accountNote->setText(notes.join(QStringLiteral(" · ")));
    ui->accountBand->setAccessibleDescription(tr("%1, %2. %3").arg(account.name, environment, ui->accountNote->text()));
    // The colour says it at a glance, the words say it to everyone: a solid badge with the
    // environment in capitals, and a band tinted with the same colour.
    const QColor colour(Account::isColour(account.colour) ? account.colour
                                                          : Account::defaultColour(account.environment));
    QColor tint = colour;
    tint.setAlphaF(0.12);
    const QColor text = colour.lightnessF() > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
    ui->accountBand->setStyleSheet(
        QStringLiteral("#accountBand { background: %1; border: 1px solid %2; border-left: 8px solid %2; "
                       "border-radius: 4px; }"
                       "#accountBadge { background: %2; color: %3; font-weight: bold; padding: 2px 8px; "
                       "border-radius: 3px; }"
                       "#accountNameLabel { font-weight: bold; }")
            .arg(tint.name(QColor::HexArgb), colour.name(), text.name()));
    selectCurrentAccountInSwitcher();
    m_ceilingExplained = false;
    restoreAccountView();
    updateActions();
}

void MainWindow::saveAccountView()
{
    if (!m_settings)
        return;
    m_settings->setValue(Settings::Key::CampaignView,
                         QJsonDocument(currentView().toJson()).toJson(QJsonDocument::Compact));
}

void MainWindow::restoreAccountView()
{
    if (!m_settings)
        return;
    if (m_viewSwitcher) {
        m_viewSwitcher->refresh();
        if (m_viewSwitcher->openDefault())
            return;
    }
    const QByteArray saved = m_settings->value(Settings::Key::CampaignView).toByteArray();
    if (!saved.isEmpty()) {
        applyView(CampaignView::fromJson(QJsonDocument::fromJson(saved).object()));
        return;
    }
    // As a version before saved views left it: a header layout, a search and a status.
    CampaignView view;
    view.search = m_settings->value(Settings::Key::CampaignSearch).toString();
    view.status = m_settings->value(Settings::Key::CampaignStatusFilter).toString();
    applyView(view);
    const QByteArray header = m_settings->value(Settings::Key::CampaignTableHeader).toByteArray();
    if (!header.isEmpty() && ui->campaignTable->horizontalHeader()->restoreState(header)) {
        // Columns that came after that layout stay hidden until chosen.
        for (int column = CampaignTableModel::WatchedColumn + 1; column < CampaignTableModel::ColumnCount; ++column)
            m_columns->setShown(column, false);
    }
}

CampaignView MainWindow::currentView() const
{
    CampaignView view;
    view.search = ui->searchEdit->text();
    view.status = statusFilterKey();
    view.tags = m_tagFacets->checkedKeys();
    for (const QString &key : m_groupFacets->checkedKeys())
        view.groupIds << key.toLongLong();
    m_columns->capture(&view);
    return view;
}

void MainWindow::applyView(const CampaignView &view)
{
    // One re-filter (and, for a large account, one server list) for the whole view, not one per
    // part: the parts are set first, then applied together.
    m_applyingView = true;
    m_tagFacets->setCheckedKeys(view.tags);
    QStringList groups;
    for (qint64 id : view.groupIds)
        groups << QString::number(id);
    m_groupFacets->setCheckedKeys(groups);
    setStatusFilterKey(view.status);
    ui->searchEdit->setText(view.search);
    m_columns->apply(view);
    m_applyingView = false;
    applyFilters();
    if (m_viewSwitcher)
        m_viewSwitcher->noteChanged();
}

QString MainWindow::statusFilterKey() const
{
    const QVariant status = ui->statusFilter->currentData();
    if (!status.isValid())
        return {};
    return status.toInt() == kWatchedFilter
        ? QStringLiteral("watched")
        : CampaignStatuses::toApiString(static_cast<CampaignStatus>(status.toInt()));
}

void MainWindow::setStatusFilterKey(const QString &key)
{
    // As the API spells the status; anything unknown shows all.
    const CampaignStatus status = CampaignStatuses::fromApiString(key);
    const int index = key == QLatin1String("watched") ? ui->statusFilter->findData(kWatchedFilter)
        : status == CampaignStatus::Unknown           ? 0
                                                      : ui->statusFilter->findData(static_cast<int>(status));
    ui->statusFilter->setCurrentIndex(std::max(0, index));
}

void MainWindow::setupViews()
{
    if (!m_settings)
        return;
    m_savedViews = new SavedViews(m_settings, this);
    CampaignView standard;
    m_columns->capture(&standard); // the standard layout, as TableColumns made it
    m_viewSwitcher = new ViewSwitcher(
        m_savedViews, standard, [this] { return currentView(); }, [this](const CampaignView &v) { applyView(v); },
        this);
    ui->menuView->addMenu(m_viewSwitcher->menu());
    // At the end of the filter row, which a view names and restores: the toolbar has no room left
    // in Russian. The save button shows its icon only; the menu and the tooltip name it.
    auto *viewLabel = new QLabel(tr("Vie&w:"), this);
    viewLabel->setBuddy(m_viewSwitcher->chooser());
    ui->filterLayout->addSpacing(8);
    ui->filterLayout->addWidget(viewLabel);
    ui->filterLayout->addWidget(m_viewSwitcher->chooser());
    auto *saveButton = new QToolButton(this);
    saveButton->setDefaultAction(m_viewSwitcher->saveAction());
    saveButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    saveButton->setAutoRaise(true);
    ui->filterLayout->addWidget(saveButton);
    m_viewSwitcher->saveAction()->setIcon(
        QIcon::fromTheme(QStringLiteral("document-save"), style()->standardIcon(QStyle::SP_DialogSaveButton)));
    m_viewSwitcher->saveAction()->setToolTip(
        tr("Save the search, filters and columns as a view (%1)")
            .arg(m_viewSwitcher->saveAction()->shortcut().toString(QKeySequence::NativeText)));
    // The chooser follows what the table shows, whatever changed it.
    connect(ui->searchEdit, &QLineEdit::textChanged, m_viewSwitcher, &ViewSwitcher::noteChanged);
    connect(ui->statusFilter, &QComboBox::currentIndexChanged, m_viewSwitcher, &ViewSwitcher::noteChanged);
    connect(m_columns, &TableColumns::changed, m_viewSwitcher, &ViewSwitcher::noteChanged);
    connect(m_tagFacets, &CampaignFacetModel::checkedChanged, m_viewSwitcher, &ViewSwitcher::noteChanged);
    connect(m_groupFacets, &CampaignFacetModel::checkedChanged, m_viewSwitcher, &ViewSwitcher::noteChanged);
}

void MainWindow::setupFacets()
{
    // The dock and its pane are made when first shown: most sessions never open them, and
    // start-up memory is a target.
    ui->actionFacets->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(ui->actionFacets, &QAction::toggled, this, [this](bool on) {
        if (on)
            ensureFacetPane();
        if (m_facetDock)
            m_facetDock->setVisible(on);
    });
    // Next to the status filter: the pane's switch, and what it narrows the table to, as a chip
    // that clears it.
    auto *facetButton = new QToolButton(this);
    facetButton->setDefaultAction(ui->actionFacets);
    facetButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    ui->filterLayout->addWidget(facetButton);
    ui->searchEdit->setMinimumWidth(fontMetrics().horizontalAdvance(ui->searchEdit->placeholderText()) + 24);
    m_facetSummary->setObjectName(QStringLiteral("facetSummary"));
    m_facetSummary->setTextFormat(Qt::PlainText);
    m_facetSummary->setStyleSheet(QStringLiteral(
        "#facetSummary { background: palette(alternate-base); border: 1px solid palette(mid); border-radius: 9px; "
        "padding: 1px 8px; }"));
    m_facetSummary->setMaximumWidth(220);
    ui->filterLayout->addWidget(m_facetSummary);
    m_facetClear->setText(tr("Clear"));
    m_facetClear->setAccessibleName(tr("Clear tag and group filters"));
    m_facetClear->setToolTip(m_facetClear->accessibleName());
    m_facetClear->setIcon(
        QIcon::fromTheme(QStringLiteral("edit-clear"), style()->standardIcon(QStyle::SP_DialogResetButton)));
    m_facetClear->setAutoRaise(true);
    ui->filterLayout->addWidget(m_facetClear);
    m_clearFacets = [this] {
        m_applyingView = true;
        m_tagFacets->clearChecks();
        m_groupFacets->clearChecks();
        m_applyingView = false;
        applyFilters();
        if (m_viewSwitcher)
            m_viewSwitcher->noteChanged();
    };
    connect(m_facetClear, &QToolButton::clicked, this, m_clearFacets);
    for (CampaignFacetModel *facets : {m_tagFacets, m_groupFacets}) {
        connect(facets, &CampaignFacetModel::checkedChanged, this, [this] {
            if (!m_applyingView)
                applyFilters();
        });
    }
    // The lists hold what the table holds: rebuilt when a list or an addition has come in.
    auto refresh = [this] {
        m_tagFacets->refresh(*m_service->model());
        m_groupFacets->refresh(*m_service->model());
    };
    connect(m_service, &CampaignService::loadFinished, this, refresh);
    connect(m_service, &CampaignService::addFinished, this, refresh);
    connect(m_service->model(), &QAbstractItemModel::modelReset, this, refresh);
    connect(m_service, &CampaignService::serverFilterChanged, this, &MainWindow::updateFacetSummary);
    if (m_settings)
        ui->actionFacets->setChecked(m_settings->value(Settings::Key::FiltersPaneVisible).toBool());
    updateFacetSummary();
}

void MainWindow::ensureFacetPane()
{
    if (m_facetPane)
        return;
    m_facetDock = new QDockWidget(tr("Tags and Groups"), this);
    m_facetDock->setObjectName(QStringLiteral("facetDock"));
    addDockWidget(Qt::LeftDockWidgetArea, m_facetDock);
    connect(m_facetDock, &QDockWidget::visibilityChanged, ui->actionFacets, &QAction::setChecked);
    m_facetPane = new FacetPane(m_tagFacets, m_groupFacets, m_facetDock);
    m_facetDock->setWidget(m_facetPane);
    connect(m_facetPane, &FacetPane::clearRequested, this, m_clearFacets);
    updateFacetSummary();
}

void MainWindow::applyFilters()
{
    m_proxy->setTagFilter(m_tagFacets->checkedTags());
    m_proxy->setGroupFilter(m_groupFacets->checkedGroupIds());
    // An account larger than the table can hold is filtered by the server: the table then holds
    // what matches, not the first part of everything. The proxy filters as well, so the table
    // shows only what matches whatever the server makes of the fields.
    if (m_service->isCapped() || m_service->hasServerFilter()) {
        CampaignFilter filter;
        const QString status = statusFilterKey();
        if (status != QLatin1String("watched"))
            filter.state = status;
        filter.tags = m_tagFacets->checkedKeys();
        for (const QString &key : m_groupFacets->checkedKeys())
            filter.groupIds << key.toLongLong();
        m_service->setServerFilter(filter);
    }
    updateFacetSummary();
}

void MainWindow::updateFacetSummary()
{
    const QStringList tags = checkedLabels(m_tagFacets);
    const QStringList groups = checkedLabels(m_groupFacets);
    QStringList parts;
    if (!tags.isEmpty())
        parts << tr("Tags: %1").arg(tags.join(QStringLiteral(", ")));
    if (!groups.isEmpty())
        parts << tr("Groups: %1").arg(groups.join(QStringLiteral(", ")));
    const QString text = parts.join(QStringLiteral(" · "));
    m_facetSummary->setText(m_facetSummary->fontMetrics().elidedText(text, Qt::ElideRight, 200));
    m_facetSummary->setToolTip(ServerText::toolTip(text));
    m_facetSummary->setAccessibleName(text);
    m_facetSummary->setVisible(!text.isEmpty());
    m_facetClear->setVisible(!text.isEmpty());
    if (m_facetPane)
        m_facetPane->setNote(m_service->hasServerFilter()
                                 ? tr("This account has more campaigns than the table holds: Altcraft lists only those "
                                      "that match the status, tags and groups chosen.")
                                 : QString());
}

QString MainWindow::visibleRowsText(bool selectedOnly) const
{
    QList<int> rows;
    if (selectedOnly) {
        for (const QModelIndex &index : ui->campaignTable->selectionModel()->selectedRows())
            rows << index.row();
        if (rows.isEmpty())
            return {};
    }
    return CampaignTableExport::tsv(m_proxy, m_columns->shownInOrder(), rows);
}

QByteArray MainWindow::visibleRowsCsv() const
{
    return CampaignTableExport::csv(m_proxy, m_columns->shownInOrder());
}

void MainWindow::copyRows(bool selectedOnly)
{
    const QString text = visibleRowsText(selectedOnly);
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    const int rows = static_cast<int>(selectedOnly ? ui->campaignTable->selectionModel()->selectedRows().size()
                                                   : m_proxy->rowCount());
    statusBar()->showMessage(tr("Copied %n row(s): paste them into a spreadsheet.", nullptr, rows), 5000);
}

bool MainWindow::exportTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(visibleRowsCsv()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void MainWindow::exportCsv()
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        + QStringLiteral("/campaigns-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Campaigns"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error)) {
        MessageBox::warning(this, tr("Export failed"),
                            tr("The campaigns could not be written to %1: %2").arg(path, error));
        return;
    }
    statusBar()->showMessage(
        tr("Exported %n campaign(s) to %1.", nullptr, static_cast<int>(m_proxy->rowCount())).arg(path), 8000);
}

void MainWindow::setConfirmer(std::unique_ptr<ActionConfirmer> confirmer)
{
    m_confirmer = std::move(confirmer);
}

void MainWindow::setupStatusFilter()
{
    ui->statusFilter->addItem(tr("All statuses"), QVariant());
    ui->statusFilter->addItem(ui->actionWatch->icon(), tr("Watched"), kWatchedFilter);
    for (CampaignStatus s : {CampaignStatus::Active, CampaignStatus::Waiting, CampaignStatus::Inactive,
                             CampaignStatus::Cloning, CampaignStatus::Completed, CampaignStatus::Deleted}) {
        ui->statusFilter->addItem(StatusAppearance::icon(s), StatusLabels::status(s), static_cast<int>(s));
    }
    connect(ui->statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant v = ui->statusFilter->currentData();
        const bool watched = v.isValid() && v.toInt() == kWatchedFilter;
        m_proxy->setWatchedOnly(watched);
        m_proxy->setStatusFilter(v.isValid() && !watched ? QSet<CampaignStatus>{static_cast<CampaignStatus>(v.toInt())}
                                                         : QSet<CampaignStatus>{});
        if (!m_applyingView && (m_service->isCapped() || m_service->hasServerFilter()))
            applyFilters(); // the server's list follows the status too
    });
}

QList<qint64> MainWindow::selectedIds() const
{
    return m_tally->ids();
}

void MainWindow::updateActions()
{
    // A read-only account: the actions stay off whatever is selected, and their tooltips say why.
    for (const ActionSpec &spec : CampaignActions::all()) {
        QAction *a = actionFor(spec.action);
        const QString why = tr("This account is read-only: its safety rules turn this action off.");
        if (m_account.readOnly && !a->toolTip().endsWith(why))
            a->setToolTip(a->toolTip() + QLatin1Char('\n') + why);
        else if (!m_account.readOnly && a->toolTip().endsWith(why))
            a->setToolTip(a->toolTip().chopped(why.size() + 1));
    }
    // Watching reads only: it stays on for read-only accounts and during actions.
    // From the tally and the watch list (short), never a walk over a large selection.
    const int selected = m_tally->count();
    ui->actionWatch->setEnabled(selected > 0 && m_watchList);
    const QSet<qint64> &watched = m_service->model()->watchedIds();
    const bool allWatched = selected > 0 && selected <= watched.size()
        && std::count_if(watched.cbegin(), watched.cend(), [this](qint64 id) { return m_tally->contains(id); })
            == selected;
    ui->actionWatch->setText(allWatched ? tr("Stop &Watching") : tr("&Watch"));
    if (m_service->isRunningAction() || m_account.readOnly) {
        // One action at a time, and rows in flight stay: nothing to ask of the selection now.
        for (const ActionSpec &spec : CampaignActions::all())
            actionFor(spec.action)->setEnabled(false);
        ui->actionActivateAt->setEnabled(false);
        ui->actionRemoveFromList->setEnabled(false);
        for (QAction *a : {ui->actionPauseEverything, ui->actionPauseFiltered, ui->actionRestoreSnapshot})
            a->setEnabled(false);
        return;
    }
    const bool pausing = m_incidentPause->isRunning();
    ui->actionPauseEverything->setEnabled(!pausing && m_service->model()->rowCount() > 0);
    ui->actionPauseFiltered->setEnabled(!pausing && m_proxy->rowCount() > 0);
    ui->actionRestoreSnapshot->setEnabled(!pausing);
    // From the tally's counts: no walk over the selection, however large.
    for (const ActionSpec &spec : CampaignActions::all())
        actionFor(spec.action)->setEnabled(m_tally->countOf(spec.appliesTo) > 0);
    ui->actionActivateAt->setEnabled(ui->actionActivate->isEnabled());
    const QList<qint64> tracked = m_service->trackedIds();
    ui->actionRemoveFromList->setEnabled(
        std::any_of(tracked.cbegin(), tracked.cend(), [this](qint64 id) { return m_tally->contains(id); }));
}

void MainWindow::updateCounts()
{
    const auto counts = m_service->model()->statusCounts();
    QList<CampaignStatus> statuses = counts.keys();
    std::sort(statuses.begin(), statuses.end(),
              [](CampaignStatus a, CampaignStatus b) { return StatusLabels::sortRank(a) < StatusLabels::sortRank(b); });
    QStringList parts;
    for (CampaignStatus s : statuses)
        parts << tr("%1: %2", "status label: number of campaigns").arg(StatusLabels::status(s)).arg(counts.value(s));
    const int total = m_service->model()->rowCount();
    const int shown = m_proxy->rowCount();
    QString text = total == 0 ? tr("No campaigns") : tr("%n campaign(s)", nullptr, total);
    if (shown != total)
        text += tr(", %n shown", nullptr, shown);
    if (total > 0)
        text += QStringLiteral(" — ") + parts.join(QStringLiteral(" · "));
    m_countsLabel->setText(text);
}

void MainWindow::scheduleRefresh(bool details)
{
    m_refreshDetails = m_refreshDetails || details;
    if (!m_refreshTimer->isActive()) // restarting would put the tick off for as long as changes come
        m_refreshTimer->start();
}

void MainWindow::onModelDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    const int row = m_detailsId >= 0 ? m_service->model()->rowOf(m_detailsId) : -1;
    scheduleRefresh(row >= topLeft.row() && row <= bottomRight.row());
}

void MainWindow::onSelectionChanged()
{
    const QModelIndex index = detailsIndex();
    if (index.isValid())
        ui->campaignTable->scrollTo(index); // a selection made from elsewhere comes into view
    updateActions();
    updateDetails();
}

// The row whose details are shown: the current row when it is selected, else the first
// selected row; none without a selection.
QModelIndex MainWindow::detailsIndex() const
{
    const QItemSelectionModel *selection = ui->campaignTable->selectionModel();
    const QModelIndex current = selection->currentIndex();
    if (current.isValid() && selection->isRowSelected(current.row(), current.parent()))
        return current;
    // The top of the highest range: no walk over the rows (selectedRows() visits every one).
    int top = -1;
    for (const QItemSelectionRange &range : selection->selection()) {
        if (top < 0 || range.top() < top)
            top = range.top();
    }
    return top < 0 ? QModelIndex() : m_proxy->index(top, CampaignTableModel::IdColumn);
}

void MainWindow::updateDetails()
{
    const QModelIndex index = detailsIndex();
    const Campaign *c
        = index.isValid() ? m_service->model()->campaign(index.data(CampaignTableModel::IdRole).toLongLong()) : nullptr;
    m_detailsId = c ? c->id : -1;
    if (!c) {
        ui->detailsView->setHtml(
            QStringLiteral("<p>%1</p>").arg(tr("Select a campaign to see its details.").toHtmlEscaped()));
        return;
    }
    auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style='padding-right:10px'><b>%1</b></td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(),
                 value.isEmpty() ? QStringLiteral("—") : ServerText::visible(value).toHtmlEscaped());
    };
    auto when = [](const QDateTime &t) {
        return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
    };
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(ServerText::visible(c->name).toHtmlEscaped());
    html += row(tr("ID"), QString::number(c->id));
    html += row(tr("Status"), StatusLabels::status(c->status, c->statusText));
    html += row(tr("Description"), c->description);
    html += row(tr("Tags"), c->tags.join(QStringLiteral(", ")));
    QStringList groups;
    for (const CampaignGroup &g : c->groups)
        groups << g.name;
    html += row(tr("Groups"), groups.join(QStringLiteral(", ")));
    html += row(tr("Created"), when(c->created));
    html += row(tr("Updated"), when(c->updated));
    html += row(tr("Updated by"), c->updatedUser);
    // Dates this computer asked for: the server does not report them, so they say where they
    // come from.
    if (const std::optional<ActivationSchedule> s = m_service->localSchedule(c->id)) {
        const auto local = [&when](const QDateTime &t) { return tr("%1 (set from this computer)").arg(when(t)); };
        if (s->activateAt.isValid())
            html += row(tr("Start"), local(s->activateAt));
        if (s->deactivateAt.isValid())
            html += row(tr("Pause"), local(s->deactivateAt));
        if (s->completeAt.isValid())
            html += row(tr("Completion"), local(s->completeAt));
    }
    html += QStringLiteral("</table><h4>%1</h4><table>").arg(tr("Inside this campaign").toHtmlEscaped());
    const NestedObjects &n = c->nested;
    html += row(tr("One-off mailings"), QString::number(n.count(NestedObjects::Broadcasts)));
    html += row(tr("Regular mailings"), QString::number(n.count(NestedObjects::Regulars)));
    html += row(tr("Trigger mailings"), QString::number(n.count(NestedObjects::Triggers)));
    html += row(tr("Scenarios"), QString::number(n.count(NestedObjects::Workflows)));
    html += row(tr("A/B tests"), QString::number(n.count(NestedObjects::Abns)));
    html += row(tr("Placements"), QString::number(n.count(NestedObjects::Placements)));
    html += QStringLiteral("</table>");
    ui->detailsView->setHtml(html);
}

void MainWindow::run(CampaignAction action, const QList<qint64> &ids, const QString &reason,
                     const ActivationSchedule &schedule)
{
    const ActionEligibility e = ActionEligibility::of(action, ids, *m_service->model());
    if (e.eligible.isEmpty())
        return;
    // A reason typed in the toolbar goes with the next action (bulk ones included) into History.
    const QString why = reason.isEmpty() ? m_reasonEdit->text().trimmed() : reason;
    if (m_service->runAction(action, e.eligible, why, schedule)) {
        m_reasonEdit->clear();
        const QString skipped = e.skippedText(action);
        if (!skipped.isEmpty())
            statusBar()->showMessage(skipped, 8000);
    }
}

QAction *MainWindow::actionFor(CampaignAction action) const
{
    // The form declares one QAction per row of the action table, named by the row.
    return findChild<QAction *>(QLatin1String(CampaignActions::spec(action).uiAction));
}

void MainWindow::actOnSelection(CampaignAction action)
{
    if (m_account.readOnly) {
        statusBar()->showMessage(tr("This account is read-only: nothing was sent."), 8000);
        return;
    }
    const QList<qint64> ids = selectedIds();
    const ActionEligibility e = ActionEligibility::of(action, ids, *m_service->model());
    if (e.eligible.isEmpty())
        return;
    const int count = static_cast<int>(e.eligible.size());
    // Complete always asks, and more than one completion needs the count typed; the account's
    // rules may ask before every action and from how many campaigns the count is typed.
    const bool typedByAccount = m_account.typedConfirmationFrom > 0 && count >= m_account.typedConfirmationFrom;
    const bool irreversible = CampaignActions::spec(action).asksFirst;
    if (!irreversible && !m_account.confirmEveryAction && !typedByAccount) {
        // Deactivation is undone by activating again: no confirmation, an Undo instead.
        run(action, ids, QString());
        return;
    }
    ConfirmRequest request = confirmRequest(action, e.eligible, e.skippedText(action));
    request.typeCount = typedByAccount || (irreversible && count > 1);
    // The dialog opens and this slot returns; the answer comes later. run() checks eligibility
    // again then, since the rows may have changed while the dialog was open.
    m_confirmer->confirm(this, request, [this, action, eligible = e.eligible](const ConfirmAnswer &answer) {
        if (answer.confirmed)
            run(action, eligible, answer.reason);
    });
}

ConfirmRequest MainWindow::confirmRequest(CampaignAction action, const QList<qint64> &eligible,
                                          const QString &skipped) const
{
    ConfirmRequest request;
    request.action = action;
    for (qint64 id : eligible)
        request.campaigns.append(*m_service->model()->campaign(id));
    request.skippedText = skipped;
    request.accountName = m_account.name;
    request.accountEnvironment = m_account.environmentLabel();
    request.accountColour = m_account.colour;
    return request;
}

void MainWindow::scheduleActivationOfSelection()
{
    if (m_account.readOnly) {
        statusBar()->showMessage(tr("This account is read-only: nothing was sent."), 8000);
        return;
    }
    const ActionEligibility e = ActionEligibility::of(CampaignAction::Activate, selectedIds(), *m_service->model());
    if (e.eligible.isEmpty())
        return;
    const int count = static_cast<int>(e.eligible.size());
    // The dates are asked for in the confirmation itself; the dialog adds the typed count when a
    // completion date is set, as Complete asks.
    ConfirmRequest request
        = confirmRequest(CampaignAction::Activate, e.eligible, e.skippedText(CampaignAction::Activate));
    request.withSchedule = true;
    request.typeCount = m_account.typedConfirmationFrom > 0 && count >= m_account.typedConfirmationFrom;
    m_confirmer->confirm(this, request, [this, eligible = e.eligible](const ConfirmAnswer &answer) {
        if (answer.confirmed)
            run(CampaignAction::Activate, eligible, answer.reason, answer.schedule);
    });
}

void MainWindow::addById()
{
    auto *dialog = new AddByIdDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_service->addByIds(dialog->ids()); });
    dialog->open();
}

void MainWindow::onLoadStarted()
{
    m_skippedNotice.clear();
    m_skippedReasons.clear();
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->show();
    m_cancelButton->show();
}

void MainWindow::onLoadProgress(int loaded)
{
    m_progress->setFormat(tr("%n loaded", nullptr, loaded));
    m_progress->setTextVisible(true);
}

void MainWindow::onLoadFinished(const ApiError &error, int)
{
    if (!m_service->isRunningAction()) {
        m_progress->hide();
        m_cancelButton->hide();
    }
    updateCounts();
    // What the list leaves out stays said above the table until the next load.
    QStringList notice;
    if (m_service->hasServerFilter())
        notice << tr("Altcraft listed only the campaigns with the status, tags and groups chosen: this account has "
                     "more campaigns than the table holds.");
    if (error.kind() == ApiError::Kind::ListTooLong)
        notice << error.message();
    if (!m_skippedNotice.isEmpty())
        notice << m_skippedNotice;
    ui->listNotice->setText(notice.join(QLatin1Char(' ')));
    ui->listNotice->setToolTip(ServerText::toolTip(m_skippedReasons.join(QLatin1Char('\n'))));
    ui->listNotice->setVisible(!notice.isEmpty());
    // The list just stopped at the ceiling while filters were already on (a view the account
    // opened with, say): what they show is a part of a part; the server filters from now on.
    if (m_service->isCapped() && !m_service->hasServerFilter()
        && (!m_tagFacets->checkedKeys().isEmpty() || !m_groupFacets->checkedKeys().isEmpty()
            || (!statusFilterKey().isEmpty() && statusFilterKey() != QLatin1String("watched"))))
        applyFilters();
    if (error.isNone())
        return;
    if (error.kind() == ApiError::Kind::ListTooLong) {
        // Once per account: the notice above the table keeps saying it, and clearing a filter on
        // a large account lists up to the ceiling again.
        if (!std::exchange(m_ceilingExplained, true))
            showError(tr("Not every campaign was loaded"), error);
        return;
    }
    if (error.kind() == ApiError::Kind::Cancelled) {
        statusBar()->showMessage(tr("Loading cancelled; the table shows what had arrived."), 5000);
    } else if (error.kind() == ApiError::Kind::NoAccess) {
        statusBar()->showMessage(
            tr("This token cannot list campaigns. Add the campaigns you need with Add Campaigns by ID."), 15000);
    } else {
        showError(tr("Could not load campaigns"), error);
    }
}

void MainWindow::onActionStarted(CampaignAction action, int total)
{
    setSummary(QString());
    m_undoButton->hide();
    m_busyLabel->setText(CampaignActions::inProgress(action));
    m_busyLabel->show();
    m_progress->setRange(0, total);
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("%v/%m"));
    m_progress->setTextVisible(true);
    m_progress->show();
    m_cancelButton->show();
    updateActions();
}

void MainWindow::onActionFinished(CampaignAction action, const BulkSummary &s, const QList<BulkItemResult> &results)
{
    m_busyLabel->hide();
    m_progress->hide();
    m_cancelButton->hide();
    m_lastResults = results;
    QStringList parts;
    // One whole sentence per action and outcome, so each language can say it its own way.
    if (s.succeeded > 0)
        parts << CampaignActions::doneCount(action, s.succeeded);
    if (s.failed > 0)
        parts << tr("%n failed", nullptr, s.failed);
    if (s.notInEffect > 0)
        parts << tr("%n not in effect", "campaigns the server did not change, as read back just after", s.notInEffect);
    if (s.unknown > 0)
        parts << tr("%n unknown", nullptr, s.unknown);
    if (s.cancelled > 0)
        parts << tr("%n not sent", nullptr, s.cancelled);
    setSummary(parts.join(QStringLiteral(", ")));
    updateActions();
    updateDetails();
    // One campaign that did not change: say why at once, with details on demand.
    if (results.size() == 1 && results.first().outcome != BulkOutcome::Succeeded
        && results.first().outcome != BulkOutcome::Cancelled) {
        const BulkItemResult &r = results.first();
        showMessage(resultTitle(r), r.message(), r.details());
    }
}

QString MainWindow::resultTitle(const BulkItemResult &r)
{
    return r.outcome == BulkOutcome::Unknown ? CampaignActions::unknownTitle(r.action)
                                             : CampaignActions::notDoneTitle(r.action, r.id);
}

QString MainWindow::summaryText() const
{
    return m_lastSummary;
}

void MainWindow::setSummary(const QString &summary)
{
    m_lastSummary = summary;
    m_summaryLabel->setText(summary);
    // The label's accessible name is its text; say it changed so a screen reader announces it
    // (Qt 6.4 has no announcement event of its own).
    m_summaryLabel->setAccessibleDescription(summary.isEmpty() ? QString() : tr("Result of the last action"));
    m_summaryLabel->setVisible(!summary.isEmpty());
    m_detailsButton->setVisible(!summary.isEmpty());
    if (!summary.isEmpty() && QAccessible::isActive()) {
        QAccessibleEvent nameChanged(m_summaryLabel, QAccessible::NameChanged);
        QAccessible::updateAccessibility(&nameChanged);
        QAccessibleEvent alert(m_summaryLabel, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void MainWindow::showLastDetails()
{
    auto *dialog = new BulkResultsDialog(m_lastSummary, m_lastResults, m_service->model(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showError(const QString &title, const ApiError &error)
{
    showMessage(title, error.message(), error.details());
}

void MainWindow::showMessage(const QString &title, const QString &text, const QString &details)
{
    MessageBox::warning(this, title, text, details);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_settings) {
        m_settings->setValue(Settings::Key::MainWindowGeometry, saveGeometry());
        m_settings->setValue(Settings::Key::MainWindowState, saveState());
        saveAccountView();
        m_settings->setValue(Settings::Key::DetailsPaneVisible, ui->detailsDock->isVisible());
        if (ui->actionActivity->isEnabled())
            m_settings->setValue(Settings::Key::ActivityPaneVisible, ui->activityDock->isVisible());
        m_settings->setValue(Settings::Key::FiltersPaneVisible, m_facetDock && m_facetDock->isVisible());
    }
    if (m_hideOnClose && !m_quitAsked) {
        event->ignore();
        hide();
        return;
    }
    QMainWindow::closeEvent(event);
    if (event->isAccepted())
        Q_EMIT closing();
}

void MainWindow::setupIncidentActions()
{
    connect(ui->actionPauseEverything, &QAction::triggered, this,
            [this] { pauseEverything(IncidentSnapshot::Scope::Everything); });
    connect(ui->actionPauseFiltered, &QAction::triggered, this,
            [this] { pauseEverything(IncidentSnapshot::Scope::Filter); });
    connect(ui->actionRestoreSnapshot, &QAction::triggered, this, &MainWindow::restoreSnapshot);
    connect(m_incidentPause, &IncidentPause::finished, this,
            [this](const IncidentSnapshot &snapshot, const BulkSummary &) { onIncidentPaused(snapshot); });
    connect(m_snapshotRestore, &SnapshotRestore::planned, this, &MainWindow::onRestorePlanned);
}

void MainWindow::pauseEverything(IncidentSnapshot::Scope scope)
{
    if (m_account.readOnly) {
        MessageBox::warning(this, tr("Nothing was paused"),
                            tr("This account is read-only: its safety rules turn this action off."));
        return;
    }
    if (m_service->isRunningAction() || m_incidentPause->isRunning())
        return;
    QList<qint64> ids;
    if (scope == IncidentSnapshot::Scope::Everything) {
        ids = m_service->model()->ids();
    } else {
        ids.reserve(m_proxy->rowCount());
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            ids.append(m_proxy->index(row, 0).data(CampaignTableModel::IdRole).toLongLong());
    }
    const QList<Campaign> campaigns = IncidentPause::eligible(m_service, ids);
    if (campaigns.isEmpty()) {
        MessageBox::warning(this, tr("Nothing to pause"),
                            scope == IncidentSnapshot::Scope::Everything
                                ? tr("No campaign of this account is active or waiting.")
                                : tr("No campaign the filter shows is active or waiting."));
        return;
    }
    IncidentPauseRequest request;
    request.accountName = m_account.name;
    request.accountEnvironment = m_account.environmentLabel();
    request.accountColour = m_account.colour;
    request.scope = scope;
    request.campaigns = campaigns;
    auto *dialog = new IncidentPauseDialog(request, this);
    dialog->setObjectName(QStringLiteral("incidentPauseDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QList<qint64> send;
    send.reserve(campaigns.size());
    for (const Campaign &c : campaigns)
        send.append(c.id);
    connect(dialog, &QDialog::finished, this, [this, dialog, scope, send](int result) {
        if (result != QDialog::Accepted)
            return;
        if (!m_incidentPause->start(m_account.ref(), scope, send, dialog->reason())) {
            MessageBox::warning(this, tr("Nothing was paused"),
                                tr("Another action is still running, or none of these campaigns is active or "
                                   "waiting any more."));
        }
        updateActions();
    });
    dialog->open();
}

void MainWindow::onIncidentPaused(const IncidentSnapshot &snapshot)
{
    Q_EMIT journalNeeded();
    const qint64 id = m_journal && m_journal->isOpen() ? m_journal->saveSnapshot(snapshot) : 0;
    if (id == 0) {
        MessageBox::warning(this, tr("The snapshot was not kept"),
                            tr("The campaigns were paused, but the snapshot could not be written to the history "
                               "database, so Restore Snapshot cannot offer this pause. History lists the campaigns "
                               "that were paused."));
    } else {
        statusBar()->showMessage(
            tr("A snapshot of the %n paused campaign(s) was kept.", nullptr, snapshot.pausedCount()), 10000);
    }
    updateActions();
    Q_EMIT incidentSnapshotSaved(id);
}

void MainWindow::restoreSnapshot()
{
    Q_EMIT journalNeeded();
    if (!m_journal || !m_journal->isOpen()) {
        MessageBox::warning(this, tr("No snapshot can be read"),
                            tr("The history database is not available, so no snapshot can be read."));
        return;
    }
    auto *dialog = new RestoreSnapshotDialog(m_journal->snapshots(), this);
    dialog->setObjectName(QStringLiteral("restoreSnapshotDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        const std::optional<IncidentSnapshot> snapshot = dialog->selectedSnapshot();
        if (result != QDialog::Accepted || !snapshot)
            return;
        const QString refusal = SnapshotRestore::refusal(*snapshot, m_account.ref());
        if (!refusal.isEmpty()) {
            MessageBox::warning(this, tr("This snapshot cannot be restored here"), refusal);
            return;
        }
        if (m_account.readOnly) {
            MessageBox::warning(this, tr("Nothing was restored"),
                                tr("This account is read-only: its safety rules turn this action off."));
            return;
        }
        if (!m_snapshotRestore->plan(*snapshot, m_account.ref())) {
            MessageBox::warning(this, tr("Nothing was restored"),
                                tr("The campaigns of another snapshot are still being read. Try again shortly."));
            return;
        }
        statusBar()->showMessage(tr("Reading the current state of the snapshot's campaigns…"));
    });
    dialog->open();
}

void MainWindow::onRestorePlanned(const IncidentSnapshot &snapshot, const SnapshotRestorePlan &plan)
{
    statusBar()->clearMessage();
    // The account may have changed while the campaigns were read: what was read is not this one's.
    if (!SnapshotRestore::refusal(snapshot, m_account.ref()).isEmpty())
        return;
    auto *dialog = new RestoreReportDialog(snapshot, plan, this);
    dialog->setObjectName(QStringLiteral("restoreReportDialog"));
    dialog->showAccount(m_account.name, m_account.environmentLabel(), m_account.colour);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, snapshot, plan](int result) {
        if (result != QDialog::Accepted)
            return;
        if (SnapshotRestore::refusal(snapshot, m_account.ref()).isEmpty() && m_snapshotRestore->restore(snapshot, plan))
            return;
        MessageBox::warning(this, tr("Nothing was restored"),
                            tr("Another action is still running, or the account changed. Nothing was sent."));
    });
    dialog->open();
}
