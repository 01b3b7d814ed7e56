#pragma once

#include "altcraftclient.h"
#include "bulkrunner.h"
#include "campaigntablemodel.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

class Settings;
class QTimer;

// The service layer the widgets talk to. It loads campaigns into the model, tracks campaigns
// added by ID, runs actions through a BulkRunner and keeps the rows' transient and final states
// true to what the server said. Widgets see only its signals, slots and the model.
class CampaignService : public QObject
{
    Q_OBJECT
public:
    CampaignService(AltcraftClient *client, Settings *settings, QObject *parent = nullptr);

    AltcraftClient *client() const { return m_client; }
    CampaignTableModel *model() const { return m_model; }
    bool isLoading() const { return !m_load.isNull(); }
    // From just before actionStarted (its rows already busy) until actionFinished.
    bool isRunningAction() const { return m_runner && !m_runner->isFinished(); }
    QList<qint64> undoableIds() const { return m_undoIds; }
    QList<qint64> trackedIds() const { return m_tracked; }
    // False once the server refused to list campaigns (the token lacks the Run right).
    bool canList() const { return m_canList; }
    bool isShutDown() const { return m_shutDown; }
    // The dates the running activation asked for; empty for anything else.
    ActivationSchedule actionSchedule() const { return isRunningAction() ? m_actionSchedule : ActivationSchedule{}; }
    // Dates this computer set on a campaign with a scheduled activation that took effect (the
    // server does not report them): from History at start, then from each activation.
    std::optional<ActivationSchedule> localSchedule(qint64 id) const;
    void setLocalSchedules(const QHash<qint64, ActivationSchedule> &schedules);
    // What the server is asked to list: state, tags, groups and groupIds (paging is the service's).
    CampaignFilter serverFilter() const { return m_serverFilter; }
    bool hasServerFilter() const { return m_serverFilter != CampaignFilter{}; }
    // The last load without a server filter stopped at the client's ceiling: the table cannot hold
    // the whole account, so only a server filter reaches the rest. A filtered load leaves it be.
    bool isCapped() const { return m_capped; }

public Q_SLOTS:
    // Fetches every campaign the server filter lets through. Known rows update in place; rows the
    // server no longer lists go once the whole list has arrived, so a failed reload never empties
    // the table.
    void reload();
    void cancelLoad();
    // Lists with filter's state, tags, groups and groupIds from now on (reload and the auto-refresh
    // too). A change re-lists at once, cancelling a load in progress; rows the filtered list does
    // not return go once it has fully arrived, tracked ones stay.
    void setServerFilter(const CampaignFilter &filter);
    // Adds campaigns by ID: fetches each one's info; they are remembered across restarts.
    void addByIds(const QList<qint64> &ids);
    void untrack(const QList<qint64> &ids);
    // Runs one action over the eligible campaigns among ids. Returns false when another
    // action is still running. reason is optional free text recorded with the action.
    // schedule: Activate's dates (start, pause, completion); ignored for the other actions.
    bool runAction(CampaignAction action, const QList<qint64> &ids, const QString &reason = {},
                   const ActivationSchedule &schedule = {});
    void cancelAction();
    // Activates again what the last Deactivate paused.
    bool undo();
    // Reads each campaign's status now and shows it in the table ("Check status now"). Returns a
    // ticket; statusesRead(ticket, ...) follows once every campaign has answered.
    qint64 readStatuses(const QList<qint64> &ids);
    // What the background watch read of the account on screen: rows the table has take the
    // server's newer state; campaigns it has no row for are left out (the next list adds them),
    // and rows with a request in flight are left to that request.
    void mergeRead(const QList<Campaign> &campaigns);
    void setAutoRefreshSeconds(int seconds);
    // The account in use changed (Settings' account scope is the new one's already): the table,
    // the tracked list and Undo become the new account's, with no server filter; the next reload
    // fills the table. The caller refuses a switch while an action runs.
    void switchAccount();
    // The app is quitting: no new load or action starts, unsent items of a running action are
    // not sent; requests already on the wire still settle (actionFinished follows).
    void shutDown();

Q_SIGNALS:
    void loadStarted();
    // The campaigns received so far; emitted as they go into the table.
    void loadProgress(int loaded);
    void loadFinished(const ApiError &error, int total);
    // Emitted before loadFinished when the server listed items that are not readable campaigns:
    // they are left out, the rest is loaded. reasons holds the first few, in plain English.
    void loadSkipped(int skipped, const QStringList &reasons);
    void addFinished(int added, const QStringList &errors);
    void actionStarted(qint64 operationId, CampaignAction action, int total, const QString &reason);
    void actionProgress(int done, int total);
    void actionFinished(CampaignAction action, const BulkSummary &summary, const QList<BulkItemResult> &results);
    void undoAvailable(int count);
    void localSchedulesChanged();
    void serverFilterChanged();
    // read holds the campaigns whose status could be read; the others could not.
    void statusesRead(qint64 ticket, const QHash<qint64, CampaignStatus> &read);
    // Emitted right before each state-changing request leaves (the journal listens here).
    void actionItemStarted(qint64 operationId, CampaignAction action, qint64 campaignId);
    void actionItemFinished(qint64 operationId, const BulkItemResult &result);

private:
    void addPage(QList<Campaign> &&page);
    void flushPages();
    void refreshTracked(const QSet<qint64> &skip);
    void fetchInfo(qint64 id, const std::function<void(const ApiError &)> &done);
    void saveTracked();

    AltcraftClient *m_client;
    Settings *m_settings;
    CampaignTableModel *m_model;
    QPointer<ApiCall> m_load;
    QPointer<BulkRunner> m_runner;
    QTimer *m_autoRefresh;
    // Pages wait here to go into the table together, at most once per kPageBatchMs.
    QList<QList<Campaign>> m_pendingPages;
    QTimer *m_pageBatch;
    QSet<qint64> m_seen;
    QList<qint64> m_tracked;
    QList<qint64> m_undoIds;
    qint64 m_operationId = 0;
    qint64 m_statusTicket = 0;
    bool m_canList = true;
    bool m_shutDown = false;
    bool m_switching = false;
    ActivationSchedule m_actionSchedule;
    QHash<qint64, ActivationSchedule> m_localSchedules;
    CampaignFilter m_serverFilter;
    bool m_capped = false;
    int m_generation = 0; // of the account in use: one more at each switchAccount()
};
