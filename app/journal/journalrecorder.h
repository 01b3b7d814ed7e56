#pragma once

#include "bulkrunner.h"
#include "journalentry.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class CampaignService;
class Journal;

// Writes what the service does into the journal: a pending row the moment before each request
// leaves (CampaignService::actionItemStarted is emitted synchronously there), completed when the
// outcome is known. Also settles "unknown" rows on demand with the statuses the service reads.
class JournalRecorder : public QObject
{
    Q_OBJECT
public:
    JournalRecorder(Journal *journal, CampaignService *service, QObject *parent = nullptr);

    static QString osUserName();

    AccountRef account() const { return m_account; }

public Q_SLOTS:
    // The account actions from now on are done in. An action keeps the account it started in
    // for all its rows, even if this changes while it runs.
    void setAccount(const AccountRef &account);
    // "Check status now": reads each campaign's status and records what it shows.
    void checkStatusNow(const QList<qint64> &rowIds);

Q_SIGNALS:
    void checkFinished(int settled, int stillUnknown);

private:
    struct Operation {
        QString uuid; // only for bulk operations
        QString reason;
        AccountRef account; // current when the action started
        ActivationSchedule schedule; // an activation's dates, when it asked for any
    };
    void onItemStarted(qint64 operationId, CampaignAction action, qint64 campaignId);
    void onItemFinished(qint64 operationId, const BulkItemResult &result);
    void onStatusesRead(qint64 ticket, const QHash<qint64, CampaignStatus> &read);

    Journal *m_journal;
    CampaignService *m_service;
    AccountRef m_account;
    QHash<qint64, Operation> m_operations;
    QHash<QPair<qint64, qint64>, qint64> m_rows; // (operation, campaign) -> journal row
    QHash<qint64, QList<JournalEntry>> m_checks; // status-read ticket -> the unknown rows it settles
};
