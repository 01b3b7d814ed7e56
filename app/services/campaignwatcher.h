#pragma once

#include "accountref.h"
#include "altcraftclient.h"
#include "apierror.h"
#include "apiresult.h"
#include "campaign.h"
#include "watchevent.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>

#include <functional>

class CampaignTableModel;

class QTimer;

// Background checks of one account's watched campaigns (issue 18). Altcraft sends no event when
// a campaign changes state, so every check reads the campaigns and compares them with what the
// previous check saw; what differs becomes a WatchEvent (a fact; the Activity pane and the
// notifications word it).
//
// One watcher per account, each with its own AltcraftClient (over the app's one
// QNetworkAccessManager). A check is:
//   1. when the whole-account check is due (AccountCheckMinutes > 0 and the token may list): one
//      listCampaigns of the account; the watched campaigns it listed are taken from it;
//   2. a `get` for every watched campaign not read in step 1, at most concurrency() in flight.
// Then the events of the check go out in one batch, and checkFinished says when the next is.
//
// Choices (the brief leaves them to us):
// - The watcher sets its client's read retries to 0: a background check that fails is simply
//   tried again at the next check (with backoff), rather than retried inside the check, which
//   would keep sending after a 429/503 and hold the check for Retry-After x retries.
// - A check is "unreachable" when no request of it got any answer from the server and the error
//   was CannotConnect, Timeout, ConnectionLost, TlsFailure or ServerError (5xx other than 503).
//   A 429 or 503 is an answer: the server is there and asks us to wait, so it counts as
//   reachable; the next check waits max(delay, Retry-After).
// - A campaign answered "not found", "no access" or unreadable is skipped this check: no event,
//   its baseline kept (a deleted or hidden campaign never floods the Activity pane).
// - baseline() holds the watched campaigns only (the account check may see 100,000 campaigns;
//   those stay in memory). After a restart the first account check sets the account's baseline
//   again, so campaigns created while the app was closed are not reported as new.
// - StartOverdue and StuckCloning are remembered in Seen, so a restart does not repeat them.
class CampaignWatcher : public QObject
{
    Q_OBJECT
public:
    // A start this computer asked for counts as overdue this long after its date.
    static constexpr int kStartOverdueGraceSeconds = 120;
    // Journal lookups start this long before the previous read: an action sent just before that
    // read may have landed just after it.
    static constexpr int kOriginMarginSeconds = 60;
    // A scheduled change counts as the schedule's when it happened at most this long before the
    // date (the two clocks, server's and ours, may differ a little).
    static constexpr int kScheduleSkewSeconds = 60;
    // Backoff ceiling while the server is unreachable (never below the interval itself).
    static constexpr int kMaxBackoffMs = 30 * 60 * 1000;

    // What the previous check saw of a campaign.
    struct Seen {
        CampaignStatus status = CampaignStatus::Unknown;
        QDateTime updated;
        QString name;
        QDateTime cloningSince; // when a check first saw it cloning (this episode); invalid otherwise
        QDateTime readAt; // when it was read (this computer's clock)
        QDateTime startOverdueFor; // the start date already reported overdue
        bool stuckReported = false; // StuckCloning sent for this cloning episode
        friend bool operator==(const Seen &, const Seen &) = default;
    };
    // journal: ThisComputer when this computer acted on the campaign since `since`, else Unknown
    using OriginLookup = std::function<WatchEvent::Origin(qint64 campaignId, const QDateTime &since)>;
    // the dates this computer asked for (apiresult.h); invalid dates when none
    using ScheduleLookup = std::function<ActivationSchedule(qint64 campaignId)>;

    // Sets the client's read retries to 0 (see above); the client must outlive the watcher.
    CampaignWatcher(AltcraftClient *client, const AccountRef &account, QObject *parent = nullptr);
    ~CampaignWatcher() override;

    AccountRef account() const { return m_account; }

    void setWatched(const QList<qint64> &ids); // may change while running; takes effect next check
    QList<qint64> watched() const { return m_watched; }
    void setIntervalSeconds(int seconds);
    void setIntervalMs(int ms); // tests
    int intervalMs() const { return m_intervalMs; }
    void setAccountCheckMinutes(int minutes); // 0 = off
    void setAccountCheckIntervalMs(int ms); // tests; 0 = off
    void setStuckCloningMinutes(int minutes); // 0 = off
    void setBackoffCapMs(int ms); // tests; default kMaxBackoffMs
    void setConcurrency(int concurrency); // at most this many requests in flight (1..6)
    int concurrency() const { return m_concurrency; }
    void setOriginLookup(OriginLookup lookup) { m_originLookup = std::move(lookup); }
    void setScheduleLookup(ScheduleLookup lookup) { m_scheduleLookup = std::move(lookup); }
    void setClock(std::function<QDateTime()> clock); // tests; default QDateTime::currentDateTimeUtc

    // Persisted by the app (Settings::WatchBaseline) with toJson/fromJson.
    QHash<qint64, Seen> baseline() const;
    void setBaseline(const QHash<qint64, Seen> &baseline);
    // What the window shows of campaigns just starred is their baseline: a change after that is
    // news even when it comes before the next check. A campaign already seen more recently
    // keeps what was seen; nothing here is an event.
    void seeAsShown(const QList<Campaign> &campaigns);
    // The whole account as the window has just listed it: the account check's baseline, as its
    // own first listing would have been, and the next account check an interval from now, so
    // the list the window fetched is not fetched again at once.
    void seeAccountListed(const CampaignTableModel &table);
    static QByteArray toJson(const QHash<qint64, Seen> &baseline);
    static QHash<qint64, Seen> fromJson(const QByteArray &json); // empty for anything unreadable
    static QJsonObject toJsonObject(const QHash<qint64, Seen> &baseline);
    static QHash<qint64, Seen> fromJsonObject(const QJsonObject &object);

    void start(); // the first check at once
    void stop(); // cancels calls in flight; no signal after stop()
    void checkNow(); // a check at once (resets the backoff); ignored while a check runs
    bool isRunning() const { return m_running; }
    bool isChecking() const { return m_cycle != nullptr; }
    bool isUnreachable() const { return m_unreachable; }
    // Until the next check; -1 while a check runs or when stopped.
    int nextCheckInMs() const;
    // False once the account check was refused (NoAccess, TokenRejected): account checks stop for
    // this watcher's life; a new token means a new watcher.
    bool canList() const { return m_canList; }

Q_SIGNALS:
    void eventsFound(const QList<WatchEvent> &events); // one batch per check, only when non-empty
    // What the check read, when it read any (after an account check: every listed campaign).
    void campaignsRead(const QList<Campaign> &campaigns);
    void checkFinished(const ApiError &error, int nextCheckInMs); // every check; None when it succeeded

private:
    struct Cycle;
    void beginCheck();
    void startAccountCheck();
    void startReads();
    void dispatchReads();
    void onRead(qint64 id, const ApiResult<Campaign> &result);
    void noteError(const ApiError &error);
    bool canSend() const;
    void observe(const Campaign &campaign, bool listed);
    // What the window showed of a campaign, as a check would have seen it then.
    static Seen seenNow(const Campaign &campaign, const QDateTime &now);
    void finishCheck();
    void scheduleNext(int delayMs);
    WatchEvent makeEvent(WatchEvent::Kind kind, const Campaign &campaign, bool watched) const;
    WatchEvent::Origin originOf(const Campaign &campaign, CampaignStatus before, const QDateTime &since) const;
    static bool isUnreachableKind(ApiError::Kind kind);

    AltcraftClient *m_client;
    AccountRef m_account;
    QTimer *m_timer;
    QList<qint64> m_watched;
    QSet<qint64> m_watchedSet;
    int m_intervalMs = 60 * 1000;
    int m_accountCheckMs = 5 * 60 * 1000;
    int m_stuckCloningMs = 30 * 60 * 1000;
    int m_concurrency = 4;
    int m_backoffCapMs = kMaxBackoffMs;
    OriginLookup m_originLookup;
    ScheduleLookup m_scheduleLookup;
    std::function<QDateTime()> m_clock;

    QHash<qint64, Seen> m_seen; // watched campaigns and, once the account check ran, every listed one
    bool m_accountBaselineSet = false;
    QElapsedTimer m_sinceAccountCheck; // invalid until the first account check
    bool m_canList = true;
    bool m_running = false;
    bool m_unreachable = false;
    int m_failures = 0; // consecutive unreachable checks
    Cycle *m_cycle = nullptr;
};
