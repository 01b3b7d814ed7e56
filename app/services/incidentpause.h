#pragma once

#include "bulkrunner.h"
#include "incidentsnapshot.h"
#include "snapshotrestoreplan.h"

#include <QObject>
#include <QPointer>

class CampaignService;

// The incident pause: the usual bulk deactivate of every active and waiting campaign among the
// ones given, through CampaignService::runAction() (progress, truthfulness and journal as for any
// action), then the snapshot of what it did, with the updated time and user the server reported
// for each campaign the pause changed. Saving the snapshot is the caller's (the journal's).
class IncidentPause : public QObject
{
    Q_OBJECT
public:
    explicit IncidentPause(CampaignService *service, QObject *parent = nullptr);

    // The campaigns among ids the table holds as active or waiting, in the order given: the ones
    // a pause would send (the preview lists and counts these).
    static QList<Campaign> eligible(const CampaignService *service, const QList<qint64> &ids);

    // Starts the pause. False (and nothing sent) when none of ids is active or waiting, another
    // action runs, or a pause of this object is still under way; otherwise finished() follows.
    bool start(const AccountRef &account, IncidentSnapshot::Scope scope, const QList<qint64> &ids,
               const QString &reason);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const IncidentSnapshot &snapshot, const BulkSummary &summary);

private:
    void complete(const QList<BulkItemResult> &results, const BulkSummary &summary);

    CampaignService *m_service;
    bool m_running = false;
    AccountRef m_account;
    IncidentSnapshot::Scope m_scope = IncidentSnapshot::Scope::Everything;
    QString m_reason;
    QDateTime m_startedAt;
    QList<Campaign> m_before;
    QMetaObject::Connection m_connection;
};

// Restoring a snapshot: reads its paused campaigns as the server holds them now, classifies them
// (SnapshotRestorePlan) and, once the user agreed, activates exactly the ones to activate.
class SnapshotRestore : public QObject
{
    Q_OBJECT
public:
    explicit SnapshotRestore(CampaignService *service, QObject *parent = nullptr);

    // Empty when the snapshot may be restored in account; otherwise one sentence saying why not.
    static QString refusal(const IncidentSnapshot &snapshot, const AccountRef &account);
    // The reason recorded with the restore's activations, in the language of the moment.
    static QString reasonFor(const IncidentSnapshot &snapshot);

    // Reads the current state of the snapshot's paused campaigns (one get each); planned()
    // follows. False, and nothing read, when the snapshot belongs to another account or a read
    // is still under way.
    bool plan(const IncidentSnapshot &snapshot, const AccountRef &account);
    // Activates exactly plan.toActivate() with reasonFor(snapshot); false when there is nothing
    // to activate or another action runs. CampaignService::actionFinished tells what happened.
    bool restore(const IncidentSnapshot &snapshot, const SnapshotRestorePlan &plan);

Q_SIGNALS:
    void planned(const IncidentSnapshot &snapshot, const SnapshotRestorePlan &plan);

private:
    CampaignService *m_service;
    int m_generation = 0;
    bool m_reading = false;
};
