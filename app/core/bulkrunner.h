#pragma once

#include "altcraftclient.h"

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>

class QTimer;

enum class BulkOutcome {
    Succeeded,
    Failed, // the server said no, or the request never reached it
    Unknown, // sent, but no trustworthy answer; the status re-read could not settle it
    Cancelled, // not sent: the user cancelled while it was queued
};

struct BulkItemResult {
    qint64 id = 0;
    CampaignAction action = CampaignAction::Deactivate;
    BulkOutcome outcome = BulkOutcome::Failed;
    ApiError error; // why it failed or is unknown
    CampaignStatus statusAfter = CampaignStatus::Unknown; // when read back from the server
    std::optional<Campaign> campaignAfter; // read back after success (verify mode)
    bool settledByReread = false; // the first answer was lost; get_status settled it
    int attempts = 0;
    qint64 durationMs = 0;
};

struct BulkSummary {
    int total = 0;
    int succeeded = 0;
    int failed = 0;
    int unknown = 0;
    int cancelled = 0;
};

// Runs one action over many campaigns with bounded concurrency.
// - On 429 or 503 the server did not act: the item goes back to the front of the queue and all
//   dispatching pauses for Retry-After (or a growing backoff).
// - When the outcome is unknown (timeout after sending, lost connection, broken answer, 5xx) the
//   action is never re-sent: the campaign's status is re-read to settle what happened.
// - An "illegal transition" (400) is settled the same way: the campaign may already be there.
class BulkRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultConcurrency = 6;
    // Qt's HTTP/1.1 stack opens at most 6 connections to one server: a higher limit would
    // only queue inside Qt, so 6 is what the setting can honestly offer.
    static constexpr int kMaxConcurrency = 6;

    BulkRunner(AltcraftClient *client, CampaignAction action, QList<qint64> ids, QObject *parent = nullptr);

    void setConcurrency(int concurrency); // clamped to 1..kMaxConcurrency
    int concurrency() const { return m_concurrency; }
    void setSchedule(const ActivationSchedule &schedule) { m_schedule = schedule; }
    // Re-read each campaign (get) after success, inside its concurrency slot, so the UI shows
    // what the server holds without sending more requests at once than configured.
    void setVerifyAfterSuccess(bool verify) { m_verify = verify; }
    void setMaxBackoffs(int maxBackoffs) { m_maxBackoffs = maxBackoffs; }
    void setDefaultBackoffMs(int ms) { m_defaultBackoffMs = ms; }

    CampaignAction action() const { return m_action; }
    int total() const { return static_cast<int>(m_ids.size()); }
    int doneCount() const { return static_cast<int>(m_results.size()); }
    int inFlight() const { return m_inFlight; }
    bool isRunning() const { return m_started && !m_finished; }
    QList<BulkItemResult> results() const { return m_results; }
    BulkSummary summary() const;

    // The status an action leads to when it succeeds (activate may also lead to waiting).
    static bool reachedTarget(CampaignAction action, CampaignStatus status);

public Q_SLOTS:
    void start();
    void cancel(); // queued items end as Cancelled; in-flight ones finish and report

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
    void dispatch();
    void send(Item item);
    void onActionDone(Item item, const ApiError &error);
    // Reads the campaign's status: success when it reached the action's target, otherwise
    // ifNotReached. With no error (verify after success) it only records the status.
    void settleByReread(Item item, const ApiError &error, BulkOutcome ifNotReached);
    void complete(const Item &item, BulkOutcome outcome, const ApiError &error, CampaignStatus statusAfter,
                  bool settled, const std::optional<Campaign> &campaignAfter = std::nullopt);
    void maybeFinish();

    QPointer<AltcraftClient> m_client;
    CampaignAction m_action;
    QList<qint64> m_ids;
    QList<Item> m_queue;
    QList<BulkItemResult> m_results;
    ActivationSchedule m_schedule;
    QTimer *m_resumeTimer;
    int m_concurrency = kDefaultConcurrency;
    int m_inFlight = 0;
    int m_maxBackoffs = 5;
    int m_defaultBackoffMs = 1000;
    bool m_verify = false;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_finished = false;
};

Q_DECLARE_METATYPE(BulkItemResult)
Q_DECLARE_METATYPE(BulkSummary)
