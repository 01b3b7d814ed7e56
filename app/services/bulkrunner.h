#pragma once

#include "altcraftclient.h"
#include "bulkitemresult.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>

class QTimer;

struct BulkSummary {
    int total = 0;
    int succeeded = 0;
    int failed = 0;
    int notInEffect = 0;
    int unknown = 0;
    int cancelled = 0;
};

// Runs one action over many campaigns with bounded concurrency.
// - Every request that went out is followed by a read of the campaign: an item succeeds only
//   when the status read back is the action's target, whatever the request's answer said. The
//   reads are made in bulk: one list page read back many campaigns at once (every few hundred
//   items, half a second at most after an answer, and when the last answer is in); a campaign the
//   page does not hold, or a server that will not list, gets its own read. Reads and writes
//   together on the wire never exceed the concurrency (at the maximum, Qt's own limit holds
//   it, and the next few requests wait inside Qt; see handOverLimit()).
// - On 429 or 503 the server did not act: the item goes back to the front of the queue and all
//   dispatching pauses for Retry-After (or a growing backoff).
// - When the answer is lost or useless (timeout, lost connection, broken answer, 5xx, a redirect,
//   a cancel while on the wire) the action is never re-sent: the status read settles it.
// - An "illegal transition" (400) is settled the same way: the campaign may already be there.
class BulkRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultConcurrency = 6;
    // Qt's HTTP/1.1 stack opens at most 6 connections to one server: a higher limit would
    // only queue inside Qt, so 6 is what the setting can honestly offer.
    static constexpr int kMaxConcurrency = 6;
    // The API's page size: a list read-back covers answered IDs within this span of the lowest.
    static constexpr int kListPageSize = 1000;
    // Below this many answered campaigns in a span, single reads cost less than a page.
    static constexpr int kMinListBatch = 3;

    BulkRunner(AltcraftClient *client, CampaignAction action, QList<qint64> ids, QObject *parent = nullptr);

    void setConcurrency(int concurrency); // clamped to 1..kMaxConcurrency
    int concurrency() const { return m_concurrency; }
    void setSchedule(const ActivationSchedule &schedule) { m_schedule = schedule; }
    // Read back the whole campaign (get) rather than only its status (get_status), so the UI
    // can show what the server holds (updated, updated by).
    void setReadBackWholeCampaign(bool whole) { m_readWhole = whole; }
    // Read back through list pages (the default) or one read per campaign. A token without the
    // list right falls back to single reads by itself.
    void setReadBackByListing(bool listing) { m_readByListing = listing; }
    // How many answered items, or how long after the first of them, make a list read-back.
    void setListReadBackBatch(int items, int maxDelayMs)
    {
        m_listBatch = items;
        m_listDelayMs = maxDelayMs;
    }
    // After Cancel, how long the status reads of aborted requests may take before they are
    // given up and the items end as Unknown.
    void setCancelSettleMs(int ms) { m_cancelSettleMs = ms; }
    void setMaxBackoffs(int maxBackoffs) { m_maxBackoffs = maxBackoffs; }
    void setDefaultBackoffMs(int ms) { m_defaultBackoffMs = ms; }

    CampaignAction action() const { return m_action; }
    int total() const { return static_cast<int>(m_ids.size()); }
    int doneCount() const { return static_cast<int>(m_results.size()); }
    int inFlight() const { return m_inFlight; }
    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }
    QList<BulkItemResult> results() const { return m_results; }
    BulkSummary summary() const;

public Q_SLOTS:
    void start();
    // Queued items end as Cancelled; requests on the wire are aborted at once and settled by
    // reading their status (at most setCancelSettleMs() more).
    void cancel();
    // For quitting: queued items end as Cancelled; requests on the wire finish and report.
    void stopSending();

Q_SIGNALS:
    // Emitted right before the request for id is sent (the journal writes its row here).
    void itemStarted(qint64 id);
    void itemFinished(const BulkItemResult &result);
    void progress(int done, int total);
    void finished(const BulkSummary &summary);

private:
    struct Item {
        qint64 id = 0;
        int attempts = 0;
        int backoffs = 0;
        QElapsedTimer elapsed;
    };
    // An item whose request went out and whose status is still to be read.
    struct Answered {
        Item item;
        ApiError error; // what the request ended with
        BulkOutcome ifNotReached = BulkOutcome::NotInEffect; // when the status read is not the target
    };
    void dispatch();
    // How many requests may be handed to the client at once.
    int handOverLimit() const;
    bool writesDone() const;
    bool listReadBackDue() const;
    void send(Item item);
    void onActionDone(Item item, const ApiError &error);
    // One list page from the lowest answered ID: reads back every answered campaign it covers.
    void readBackByList();
    void onListReadBack(const QList<Answered> &batch, const QHash<qint64, Campaign> &listed, const ApiError &error);
    // Reads one campaign back: success when it reached the action's target, otherwise
    // ifNotReached; Unknown when the read fails and ifNotReached is NotInEffect.
    void readBack(const Answered &answered);
    void settle(const Answered &answered, const ApiError &readError, CampaignStatus status,
                const std::optional<Campaign> &campaign);
    void complete(const Item &item, BulkItemResult r);
    void dropQueued();
    void abortSettleReads();
    void maybeFinish();

    QPointer<AltcraftClient> m_client;
    CampaignAction m_action;
    QList<qint64> m_ids;
    QList<Item> m_queue;
    QMap<qint64, Answered> m_answered; // by ID: waiting for a list read-back
    QList<Answered> m_readQueue; // waiting for a slot to be read one by one
    QPointer<ApiCall> m_listRead;
    QTimer *m_listDelay;
    QList<BulkItemResult> m_results;
    ActivationSchedule m_schedule;
    QTimer *m_resumeTimer;
    QTimer *m_settleDeadline;
    QHash<qint64, QPointer<ApiCall>> m_writes; // on the wire, by campaign
    QHash<qint64, QPointer<ApiCall>> m_reads; // reading back one by one, by campaign
    int m_concurrency = kDefaultConcurrency;
    int m_inFlight = 0;
    int m_maxBackoffs = 5;
    int m_defaultBackoffMs = 1000;
    int m_cancelSettleMs = 3000;
    bool m_readWhole = false;
    bool m_readByListing = true;
    int m_listBatch = 250;
    int m_listDelayMs = 500;
    bool m_settleAborted = false;
    bool m_backedOff = false; // the server asked to slow down during this run
    bool m_started = false;
    bool m_cancelled = false;
    bool m_finished = false;
};

Q_DECLARE_METATYPE(BulkSummary)
