#pragma once

#include "apiresult.h"
#include "incidentsnapshot.h"
#include "journalentry.h"
#include "watchevent.h"

#include <QHash>
#include <QList>
#include <QLockFile>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class JournalCheckpointer;

// Which Activity rows Journal::activity() returns, newest first.
struct ActivityFilter {
    QString accountId; // empty: any
    qint64 campaignId = 0; // 0: any
    QDateTime since; // noticed at or after (UTC); invalid: open
    int limit = 5000;
};
class QSqlQuery;
class QTimer;

// The action journal: a SQLite file (WAL) that records every action on every campaign. A row is
// written as "pending" before its request leaves and completed when the outcome is known, so a
// crash leaves evidence, not silence. Rows left pending by an earlier run turn "unknown"
// (interrupted) when the journal is opened again.
class Journal : public QObject
{
    Q_OBJECT
public:
    static constexpr int kSchemaVersion = 7;

    struct Filter {
        qint64 campaignId = 0; // 0: any
        QString accountId; // empty: any
        std::optional<CampaignAction> action;
        std::optional<JournalEntry::Outcome> outcome;
        QDateTime from, to; // UTC, inclusive; invalid: open
        int limit = 100000;
    };

    explicit Journal(QObject *parent = nullptr);
    ~Journal() override;

    // The account that rows without one (written before schema 4, or before the app knew its
    // accounts) are assigned to when open() runs; without one they keep an empty id and their
    // api_host as the name. Call it before open(); rows that have an account are never changed.
    void setAccountForOldRows(const AccountRef &account) { m_accountForOldRows = account; }
    // Opens (creating or migrating) the file. On failure returns false and errorString() says why.
    bool open(const QString &path);
    bool isOpen() const { return m_open; }
    // Checkpoints and closes the file (SQLite then removes its -wal and -shm files).
    void close();
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }
    // The Qt SQL connection the UI thread writes through (for tests to read its settings).
    QString connectionName() const { return m_connection; }
    // Copies the write-ahead log into the file off the UI thread; null while closed.
    JournalCheckpointer *checkpointer() const { return m_checkpointer.get(); }
    static QString defaultPath(); // AppDataLocation/journal.sqlite
    int interruptedOnOpen() const { return m_interruptedOnOpen; }

    // Writes the pending row and returns its id (0 on failure).
    qint64 begin(const JournalEntry &entry);
    // Completes a row with the outcome and its facts: outcome, statusAfter, the error fields,
    // confirmedBy and durationMs of entry.
    bool finish(qint64 rowId, const JournalEntry &entry);
    // "Check status now" for an unknown row: records the status read back; the row becomes a
    // success when the campaign reached the action's target, "not in effect" otherwise.
    bool settle(qint64 rowId, CampaignStatus observed, bool reachedTarget);

    // Completions are committed together (see finish()); this commits those still held, e.g.
    // when a bulk action ends, so other readers of the file see them at once.
    void commitCompletions();

    QList<JournalEntry> entries(const Filter &filter) const;
    QList<JournalEntry> entries() const { return entries(Filter{}); }
    QList<JournalEntry> unsettled() const; // rows whose outcome is still unknown
    // For each campaign of the account whose newest successful action here was an activation
    // with dates: those dates (the server does not report them).
    QHash<qint64, ActivationSchedule> activationSchedules(const QString &accountId) const;
    // Every account id the journal has rows for, each with the name of its newest row, by name.
    // Rows without an account id (from before schema 4, migrated without one) are not listed.
    // Read once at open() and kept up to date by begin(): History asks on every change, and a
    // bulk run writes a row per campaign.
    QList<AccountRef> accounts() const;
    int count() const;

    // Stores an incident snapshot with its items in one transaction; returns its id (0 on failure).
    qint64 saveSnapshot(const IncidentSnapshot &snapshot);
    // Every snapshot with its items, newest first.
    QList<IncidentSnapshot> snapshots() const;

    // The Activity log: what the background watch noticed (facts, worded by ActivityMessage).
    // Stores the events in one transaction and returns them with their ids; empty on failure.
    QList<WatchEvent> recordActivity(QList<WatchEvent> events);
    // Newest first (by the time noticed, then by id).
    QList<WatchEvent> activity(const ActivityFilter &filter) const;
    QList<WatchEvent> activity() const { return activity(ActivityFilter{}); }
    // Removes the Activity rows of one account, or of every account when accountId is empty.
    bool clearActivity(const QString &accountId = {});
    // Whether a status change the watch saw was made here: ThisComputer when this journal has any
    // action row (whatever its outcome, pending included, from the window or the command line)
    // for that account and campaign started at or after since; Unknown otherwise.
    WatchEvent::Origin originOfChange(const QString &accountId, qint64 campaignId, const QDateTime &since) const;

    // The Activity log's keys (stable strings stored in the file, never shown).
    static QString activityKindKey(WatchEvent::Kind kind);
    static std::optional<WatchEvent::Kind> activityKindFromKey(const QString &key);
    static QString activityOriginKey(WatchEvent::Origin origin);
    static WatchEvent::Origin activityOriginFromKey(const QString &key);

    // The Activity table is kept bounded on open(): rows older than kActivityKeepDays are removed
    // unless they are among the newest kActivityKeepRows.
    static constexpr int kActivityKeepDays = 90;
    static constexpr int kActivityKeepRows = 20000;

Q_SIGNALS:
    void changed();
    void snapshotsChanged();
    void activityAdded(const QList<WatchEvent> &events);
    void activityCleared();

private:
    bool migrate();
    bool nameOldRowsByHost();
    bool loadAccountNames();
    bool pruneActivity();
    bool assignRowsWithoutAccount();
    void committed();
    bool exec(const QString &sql);
    bool markStoppedSessionsInterrupted();
    QString sessionLockPath(const QString &sessionId) const;
    QSqlQuery &prepared(std::unique_ptr<QSqlQuery> &query, const QString &sql);

    QString m_connection;
    QString m_path;
    QString m_error;
    QString m_sessionId;
    AccountRef m_accountForOldRows;
    bool m_open = false;
    int m_interruptedOnOpen = 0;
    QHash<QString, QString> m_accountNames; // account id -> its newest row's name
    std::unique_ptr<QSqlQuery> m_insert;
    std::unique_ptr<QSqlQuery> m_update;
    QTimer *m_commitTimer;
    bool m_completionsOpen = false; // a transaction holds completions not yet committed
    std::unique_ptr<JournalCheckpointer> m_checkpointer;
    // Held while this session is open: the window and the command line may use the journal at
    // once, and only a session whose lock is gone (its process ended) left rows interrupted.
    std::unique_ptr<QLockFile> m_sessionLock;
    int m_commitsSinceCheckpoint = 0;
    static constexpr int kCommitsPerCheckpoint = 200;
};
