#pragma once

#include "account.h"
#include "actionconfirmer.h"
#include "apierror.h"
#include "bulkrunner.h"
#include "campaignview.h"
#include "incidentsnapshot.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace Ui {
class MainWindow;
}
class AccountListModel;
class CampaignFacetModel;
class FacetPane;
class SavedViews;
class TableColumns;
class ViewSwitcher;
class QDockWidget;
class IncidentPause;
class Journal;
class SnapshotRestore;
class ActionConfirmer;
class QActionGroup;
class QComboBox;
class CampaignService;
class CampaignFilterProxy;
class Settings;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTimer;
class QToolButton;
class SelectionTally;
class SnapshotRestorePlan;
class WatchList;

// The campaign table and its actions. Talks only to CampaignService's signals and slots.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(CampaignService *service, Settings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The accounts the switcher offers; the window does not own the model.
    void setAccountList(AccountListModel *accounts);
    // The account the window works in: the band, the title and the switcher show it, its safety
    // rules apply, and its own view (columns, search, status filter) comes back from Settings,
    // whose account scope the caller has set already.
    void showAccount(const Account &account);
    Account account() const { return m_account; }
    // Writes the account's view to Settings; before the scope changes to another account.
    void saveAccountView();
    // The seam for the Complete confirmation; the window owns it. Default: the real dialog.
    void setConfirmer(std::unique_ptr<ActionConfirmer> confirmer);
    // Where incident snapshots are kept and read (the window does not own it). Before it is read
    // or written the window emits journalNeeded(), so the owner can open it on first need.
    void setJournal(Journal *journal) { m_journal = journal; }

    CampaignFilterProxy *proxy() const { return m_proxy; }
    TableColumns *columns() const { return m_columns; }
    ViewSwitcher *views() const { return m_viewSwitcher; }
    CampaignFacetModel *tagFacets() const { return m_tagFacets; }
    CampaignFacetModel *groupFacets() const { return m_groupFacets; }
    // What the table shows now: search, filters, columns (no name).
    CampaignView currentView() const;
    void applyView(const CampaignView &view);
    // The rows a copy or an export writes, in the table's order, as tab-separated text or CSV:
    // the selected rows (every visible one when selectedOnly is false), the shown columns.
    QString visibleRowsText(bool selectedOnly) const;
    QByteArray visibleRowsCsv() const;
    // The watch lists (the window does not own them): the star column, Campaign → Watch and the
    // "Watched" filter show and change the list of the account on screen.
    void setWatchList(WatchList *watchList);
    // The pane the Activity dock shows (the window takes it).
    void setActivityPane(QWidget *pane);
    // With the tray icon on, closing the window hides it and the watch goes on; quitting is
    // File → Quit or the tray's menu.
    void setHideOnClose(bool hide) { m_hideOnClose = hide; }
    QList<qint64> selectedIds() const;
    QString summaryText() const;
    QList<BulkItemResult> lastResults() const { return m_lastResults; }

public Q_SLOTS:
    // Runs action on the selection's eligible campaigns, asking first where the table says so.
    void actOnSelection(CampaignAction action);
    // Campaign → Activate at a Date…: asks when to start (and pause, complete), then activates.
    void scheduleActivationOfSelection();
    void addById();
    void showLastDetails();
    // Campaign → Pause Everything… / …Matching the Filter…: the preview, then the pause and its
    // snapshot.
    void pauseEverything(IncidentSnapshot::Scope scope);
    // Campaign → Restore Snapshot…: the list, the report, then the activation.
    void restoreSnapshot();
    // Campaign → Watch: watches the selection, or stops watching it when all of it is watched.
    void toggleWatchOfSelection();
    // Shows the campaign's row, selected and current (clearing a search or filter that hides
    // it); says so in the status bar when the table has no such campaign.
    void revealCampaign(qint64 id);
    void showActivity();
    // Edit → Copy: the selected rows; Copy All Visible Rows: every row the table shows.
    void copyRows(bool selectedOnly);
    // File → Export Campaigns…: the visible rows and shown columns to a CSV file.
    void exportCsv();
    // Writes the visible rows and shown columns to path; false with *error when it cannot.
    bool exportTo(const QString &path, QString *error = nullptr) const;

Q_SIGNALS:
    void settingsRequested();
    void historyRequested();
    // The user chose another account in the switcher or the File → Account menu. The window
    // keeps showing the current one until showAccount() says otherwise.
    void accountSwitchRequested(const QString &accountId);
    // The window is closing (File → Quit, the close button): the app should quit.
    void closing();
    // The journal is about to be read or written (see setJournal()).
    void journalNeeded();
    // An incident pause finished; id is its snapshot's in the journal, 0 when it could not be kept.
    void incidentSnapshotSaved(qint64 id);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setupTable();
    void setupActions();
    void setupStatusBar();
    void setupStatusFilter();
    void setupViews();
    void setupFacets();
    // The tag, group and status filters changed: the proxy narrows the table and, when the table
    // cannot hold the whole account, the server lists only what matches.
    void applyFilters();
    void updateFacetSummary();
    void ensureFacetPane();
    QString statusFilterKey() const;
    void setStatusFilterKey(const QString &key);
    void setupWatch();
    void applyWatchedIds();
    void setupAccountSwitcher();
    void rebuildAccountMenu();
    void restoreAccountView();
    void selectCurrentAccountInSwitcher();
    void updateActions();
    void updateCounts();
    void updateDetails();
    // Many rows change at once during a bulk action: the window refreshes once per event-loop
    // pass, not once per row.
    void scheduleRefresh(bool details);
    void onModelDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void onSelectionChanged();
    QModelIndex detailsIndex() const;
    void setSummary(const QString &summary);
    void run(CampaignAction action, const QList<qint64> &ids, const QString &reason,
             const ActivationSchedule &schedule = {});
    ConfirmRequest confirmRequest(CampaignAction action, const QList<qint64> &eligible, const QString &skipped) const;
    void onLoadStarted();
    void onLoadProgress(int loaded);
    void onLoadFinished(const ApiError &error, int total);
    void onActionStarted(CampaignAction action, int total);
    void onActionFinished(CampaignAction action, const BulkSummary &summary, const QList<BulkItemResult> &results);
    void showError(const QString &title, const ApiError &error);
    void showMessage(const QString &title, const QString &text, const QString &details);
    static QString resultTitle(const BulkItemResult &r);
    QAction *actionFor(CampaignAction action) const;
    void setupIncidentActions();
    void onIncidentPaused(const IncidentSnapshot &snapshot);
    void onRestorePlanned(const IncidentSnapshot &snapshot, const SnapshotRestorePlan &plan);

    std::unique_ptr<Ui::MainWindow> ui;
    CampaignService *m_service;
    Settings *m_settings;
    std::unique_ptr<ActionConfirmer> m_confirmer;
    CampaignFilterProxy *m_proxy;
    SelectionTally *m_tally = nullptr;
    IncidentPause *m_incidentPause;
    SnapshotRestore *m_snapshotRestore;
    Journal *m_journal = nullptr;
    WatchList *m_watchList = nullptr;
    bool m_hideOnClose = false;
    bool m_quitAsked = false;
    QLabel *m_countsLabel;
    QLabel *m_summaryLabel;
    QToolButton *m_detailsButton;
    QLabel *m_busyLabel;
    QTimer *m_refreshTimer;
    bool m_refreshDetails = false;
    std::optional<std::pair<int, int>> m_pendingProgress; // done, total: shown at the next tick
    static constexpr int kFrameMs = 16;
    qint64 m_detailsId = -1;
    QProgressBar *m_progress;
    QToolButton *m_cancelButton;
    QToolButton *m_undoButton;
    QLineEdit *m_reasonEdit; // optional reason for the next action, kept in History
    QComboBox *m_accountSwitcher;
    QActionGroup *m_accountActions;
    AccountListModel *m_accounts = nullptr;
    Account m_account;
    QList<BulkItemResult> m_lastResults;
    QString m_lastSummary;
    QString m_skippedNotice; // from the load in progress
    QStringList m_skippedReasons;
    TableColumns *m_columns = nullptr;
    SavedViews *m_savedViews = nullptr;
    ViewSwitcher *m_viewSwitcher = nullptr;
    CampaignFacetModel *m_tagFacets;
    CampaignFacetModel *m_groupFacets;
    FacetPane *m_facetPane = nullptr;
    QDockWidget *m_facetDock = nullptr;
    QLabel *m_facetSummary;
    QToolButton *m_facetClear;
    std::function<void()> m_clearFacets; // the chip's and the pane's Clear
    bool m_ceilingExplained = false; // the box saying the list stopped at the ceiling was shown
    bool m_applyingView = false; // applyView() or a clear sets several filters; they apply once
};
