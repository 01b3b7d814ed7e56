#include "journal.h"

#include "campaignactions.h"
#include "journalcheckpointer.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <functional>

namespace {

QString timestamp(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString optionalTimestamp(const QDateTime &t)
{
    return t.isValid() ? timestamp(t) : QStringLiteral("");
}

QDateTime readTimestamp(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

// A null QString binds as SQL NULL, which the NOT NULL text columns refuse (their DEFAULT ''
// applies only when the column is left out): "none" is stored as ''.
QString nonNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// Version 1, as the first release wrote it; later versions are reached by the steps in migrate().
const char *const kSchemaV1[] = {
    "CREATE TABLE actions ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " started_at TEXT NOT NULL,"
    " finished_at TEXT,"
    " duration_ms INTEGER,"
    " os_user TEXT NOT NULL,"
    " api_host TEXT NOT NULL,"
    " campaign_id INTEGER NOT NULL,"
    " campaign_name TEXT NOT NULL,"
    " action TEXT NOT NULL,"
    " status_before TEXT NOT NULL,"
    " status_after TEXT,"
    " outcome TEXT NOT NULL,"
    " error_code INTEGER NOT NULL DEFAULT 0,"
    " error_text TEXT NOT NULL DEFAULT '',"
    " operation_id TEXT NOT NULL DEFAULT '',"
    " session_id TEXT NOT NULL)",
    "CREATE INDEX actions_campaign ON actions(campaign_id)",
};

// Version 2: the user's reason, and a flag for rows a crash left pending.
const char *const kSchemaV2[] = {
    "ALTER TABLE actions ADD COLUMN reason TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE actions ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX actions_started ON actions(started_at)",
};

// Version 3: facts instead of sentences. error_text held a sentence in the language of the day;
// it becomes legacy_text, shown as it is for old rows. The two sentences "Check status now"
// wrote are recognised (in English and Russian) and become a key.
const char *const kSchemaV3[] = {
    "ALTER TABLE actions RENAME COLUMN error_text TO legacy_text",
    "ALTER TABLE actions ADD COLUMN error_kind TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE actions ADD COLUMN http_status INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE actions ADD COLUMN api_code INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE actions ADD COLUMN server_text TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE actions ADD COLUMN confirmed_by TEXT NOT NULL DEFAULT ''",
    "UPDATE actions SET confirmed_by='later_check', legacy_text='' WHERE"
    " legacy_text IN ('Confirmed later by reading the campaign''s status',"
    " 'Подтверждено позже проверкой статуса кампании')"
    " OR legacy_text LIKE 'Not in effect: reading the status later showed %'"
    " OR legacy_text LIKE 'Не вступило в силу: последующая проверка показала статус %'",
};

// Version 4: the account each row was done in (its stable id, and its name at the time), so a
// journal shared by several accounts can say, and filter, which one. The old rows are assigned by
// assignOldRowsToAccount() in the same transaction.
const char *const kSchemaV4[] = {
    "ALTER TABLE actions ADD COLUMN account_id TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE actions ADD COLUMN account_name TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX actions_account ON actions(account_id)",
};

// Version 5: the dates an activation asked for (start, pause, completion), since the server does
// not report them; empty when not asked for.
const char *const kSchemaV5[] = {
    "ALTER TABLE actions ADD COLUMN requested_start TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE actions ADD COLUMN requested_pause TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE actions ADD COLUMN requested_completion TEXT NOT NULL DEFAULT ''",
};

// Version 6: incident snapshots. A pause of many campaigns, and per campaign its status before
// and, when the pause changed it, the updated time and user the server reported right after, so
// a restore can tell whether anyone has touched it since. Facts only, no sentences.
const char *const kSchemaV6[] = {
    "CREATE TABLE snapshots ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " taken_at TEXT NOT NULL,"
    " account_id TEXT NOT NULL,"
    " account_name TEXT NOT NULL,"
    " reason TEXT NOT NULL DEFAULT '',"
    " scope TEXT NOT NULL)",
    "CREATE TABLE snapshot_items ("
    " snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),"
    " campaign_id INTEGER NOT NULL,"
    " campaign_name TEXT NOT NULL,"
    " status_before TEXT NOT NULL,"
    " paused INTEGER NOT NULL,"
    " updated_after TEXT NOT NULL DEFAULT '',"
    " updated_user_after TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (snapshot_id, campaign_id))",
};

// Version 7: the Activity log, what the background watch noticed. Facts only: the kind and origin
// are keys, the statuses their API spelling, times UTC ISO 8601 with milliseconds (so they sort
// as text). The index on actions answers originOfChange() (has this computer acted on that
// campaign since?) without a scan of the whole history. IF NOT EXISTS: a file whose user_version
// was set back by hand (as tests make older files) may already hold them.
const char *const kSchemaV7[] = {
    "CREATE TABLE IF NOT EXISTS activity ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " noticed_at TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " origin TEXT NOT NULL DEFAULT '',"
    " account_id TEXT NOT NULL DEFAULT '',"
    " account_name TEXT NOT NULL DEFAULT '',"
    " campaign_id INTEGER NOT NULL DEFAULT 0,"
    " campaign_name TEXT NOT NULL DEFAULT '',"
    " status_before TEXT NOT NULL DEFAULT '',"
    " status_after TEXT NOT NULL DEFAULT '',"
    " updated_user TEXT NOT NULL DEFAULT '',"
    " since TEXT NOT NULL DEFAULT '',"
    " detail TEXT NOT NULL DEFAULT '',"
    " watched INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS activity_noticed ON activity(noticed_at)",
    "CREATE INDEX IF NOT EXISTS activity_account_campaign ON activity(account_id, campaign_id)",
    "CREATE INDEX IF NOT EXISTS actions_account_campaign_started ON actions(account_id, campaign_id, started_at)",
};

} // namespace

Journal::Journal(QObject *parent)
    : QObject(parent), m_connection(QStringLiteral("journal-") + QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_sessionId(QUuid::createUuid().toString(QUuid::WithoutBraces)), m_commitTimer(new QTimer(this))
{
    m_commitTimer->setSingleShot(true);
    m_commitTimer->setInterval(0);
    connect(m_commitTimer, &QTimer::timeout, this, &Journal::commitCompletions);
}

Journal::~Journal()
{
    close();
}

void Journal::close()
{
    commitCompletions();
    m_open = false;
    m_accountNames.clear();
    m_checkpointer.reset();
    // The statements hold the connection: they go before it is removed.
    m_insert.reset();
    m_update.reset();
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
        qCDebug(lcJournal) << "closed";
    }
    m_sessionLock.reset(); // unlocks: what this session left pending now reads as interrupted
}

QString Journal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/journal.sqlite");
}

bool Journal::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(sql)) {
        m_error = tr("The history database could not be updated: %1").arg(q.lastError().text());
        qCWarning(lcJournal) << "SQL failed:" << sql << q.lastError().text();
        return false;
    }
    return true;
}

bool Journal::open(const QString &path)
{
    m_path = path;
    // The history names campaigns, accounts and the OS user: for this user's eyes only. SQLite
    // gives the -wal and -shm files the database file's permissions, so creating it 0600 (before
    // SQLite does, with the umask's 0644) covers all three.
    const QString dir = QFileInfo(path).absolutePath();
    QDir().mkpath(dir);
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    {
        QFile file(path);
        if (!file.exists() && file.open(QIODevice::WriteOnly))
            file.close();
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        m_error = tr("The history database %1 could not be opened: %2").arg(path, db.lastError().text());
        return false;
    }
    // WAL: a committed row survives the app being killed; NORMAL sync is enough for that and
    // keeps a journal write well under a millisecond.
    if (!exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !exec(QStringLiteral("PRAGMA synchronous=NORMAL"))
        || !exec(QStringLiteral("PRAGMA busy_timeout=5000")) || !migrate() || !loadAccountNames())
        return false;
    // Checkpoints run on their own thread (JournalCheckpointer), not inside a commit here.
    if (!exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")))
        return false;
    m_checkpointer = std::make_unique<JournalCheckpointer>(path);
    m_commitsSinceCheckpoint = 0;
    QDir().mkpath(QFileInfo(sessionLockPath(m_sessionId)).absolutePath());
    m_sessionLock = std::make_unique<QLockFile>(sessionLockPath(m_sessionId));
    m_sessionLock->setStaleLockTime(0); // stale only when its process is gone, never by age
    if (!m_sessionLock->tryLock(0))
        qCWarning(lcJournal) << "cannot lock this session; another process may mark its rows interrupted";
    if (!markStoppedSessionsInterrupted())
        return false;
    m_open = true;
    return true;
}

QString Journal::sessionLockPath(const QString &sessionId) const
{
    return m_path + QStringLiteral(".sessions/") + sessionId + QStringLiteral(".lock");
}

bool Journal::markStoppedSessionsInterrupted()
{
    // Rows still pending from another session: interrupted if that session's process has
    // stopped (its lock is gone or stale), left alone while it runs and may still settle them.
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery sessions(db);
    sessions.prepare(
        QStringLiteral("SELECT DISTINCT session_id FROM actions WHERE outcome='pending' AND session_id<>?"));
    sessions.addBindValue(m_sessionId);
    if (!sessions.exec()) {
        m_error = sessions.lastError().text();
        return false;
    }
    QStringList stopped;
    while (sessions.next()) {
        const QString id = sessions.value(0).toString();
        QLockFile other(sessionLockPath(id));
        other.setStaleLockTime(0);
        if (other.tryLock(0)) {
            other.unlock(); // and its file goes
            stopped << id;
        } else {
            qCDebug(lcJournal) << "pending rows of a running session left alone";
        }
    }
    m_interruptedOnOpen = 0;
    for (const QString &id : std::as_const(stopped)) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "UPDATE actions SET outcome='unknown', interrupted=1 WHERE outcome='pending' AND session_id=?"));
        q.addBindValue(id);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
        m_interruptedOnOpen += q.numRowsAffected();
    }
    return true;
}

bool Journal::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        m_error = q.lastError().text();
        return false;
    }
    int version = q.value(0).toInt();
    if (version > kSchemaVersion) {
        m_error
            = tr("The history database was written by a newer version of Campaign Manager (schema %1).").arg(version);
        return false;
    }
    // then: more work for the same transaction, after the statements.
    auto step = [&](auto &statements, int to, const std::function<bool()> &then = {}) {
        if (!db.transaction())
            return false;
        for (const char *sql : statements) {
            if (!exec(QString::fromUtf8(sql))) {
                db.rollback();
                return false;
            }
        }
        if (then && !then()) {
            db.rollback();
            return false;
        }
        if (!exec(QStringLiteral("PRAGMA user_version=%1").arg(to)) || !db.commit()) {
            db.rollback();
            return false;
        }
        qCDebug(lcJournal) << "journal schema now at version" << to;
        version = to;
        return true;
    };
    if (version < 1 && !step(kSchemaV1, 1))
        return false;
    if (version < 2 && !step(kSchemaV2, 2))
        return false;
    if (version < 3 && !step(kSchemaV3, 3))
        return false;
    if (version < 4 && !step(kSchemaV4, 4, [this] { return nameOldRowsByHost(); }))
        return false;
    if (version < 5 && !step(kSchemaV5, 5))
        return false;
    if (version < 6 && !step(kSchemaV6, 6))
        return false;
    if (version < 7 && !step(kSchemaV7, 7))
        return false;
    return assignRowsWithoutAccount() && pruneActivity();
}

bool Journal::nameOldRowsByHost()
{
    // Until an account claims them, the host a row went to is the truest name there is.
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("UPDATE actions SET account_name=api_host"))) {
        m_error = tr("The history database could not be updated: %1").arg(q.lastError().text());
        qCWarning(lcJournal) << "could not name earlier rows by host:" << q.lastError().text();
        return false;
    }
    return true;
}

// Every open, not only the step to schema 4: rows written by a version that knew no accounts,
// or before the app had migrated its one account, belong to the account they were made in.
bool Journal::assignRowsWithoutAccount()
{
    if (m_accountForOldRows.isNull())
        return true;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE actions SET account_id=?, account_name=? WHERE account_id=''"));
    q.addBindValue(m_accountForOldRows.id);
    q.addBindValue(nonNull(m_accountForOldRows.name));
    if (!q.exec()) {
        m_error = tr("The history database could not be updated: %1").arg(q.lastError().text());
        qCWarning(lcJournal) << "could not assign earlier rows to an account:" << q.lastError().text();
        return false;
    }
    qCDebug(lcJournal) << q.numRowsAffected() << "earlier rows assigned to account" << m_accountForOldRows.id;
    return true;
}

QSqlQuery &Journal::prepared(std::unique_ptr<QSqlQuery> &query, const QString &sql)
{
    // Prepared once per open file: a bulk run writes two rows' worth per campaign on the UI
    // thread, and SQLite's parse is most of a statement's cost.
    if (!query) {
        query = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connection));
        query->prepare(sql);
    }
    return *query;
}

void Journal::commitCompletions()
{
    if (!std::exchange(m_completionsOpen, false))
        return;
    m_commitTimer->stop();
    if (!QSqlDatabase::database(m_connection).commit())
        qCWarning(lcJournal) << "could not commit completed rows";
    committed();
}

void Journal::committed()
{
    // About the thousand WAL pages SQLite's own automatic checkpoint would wait for.
    if (++m_commitsSinceCheckpoint < kCommitsPerCheckpoint || !m_checkpointer)
        return;
    m_commitsSinceCheckpoint = 0;
    m_checkpointer->request();
}

qint64 Journal::begin(const JournalEntry &e)
{
    if (!m_open)
        return 0;
    // The pending row must be on disk before its request leaves: nothing may hold it back.
    commitCompletions();
    QSqlQuery &q = prepared(
        m_insert,
        QStringLiteral("INSERT INTO actions (started_at, os_user, api_host, account_id, account_name, campaign_id,"
                       " campaign_name, action, status_before, outcome, operation_id, session_id, reason,"
                       " requested_start, requested_pause, requested_completion)"
                       " VALUES (?,?,?,?,?,?,?,?,?,'pending',?,?,?,?,?,?)"));
    const QVariantList values{timestamp(e.startedAt.isValid() ? e.startedAt : QDateTime::currentDateTimeUtc()),
                              nonNull(e.osUser),
                              nonNull(e.apiHost),
                              nonNull(e.account.id),
                              nonNull(e.account.name),
                              e.campaignId,
                              nonNull(e.campaignName),
                              CampaignActions::journalKey(e.action),
                              nonNull(CampaignStatuses::toApiString(e.statusBefore)),
                              nonNull(e.operationId),
                              m_sessionId,
                              nonNull(e.reason),
                              optionalTimestamp(e.requestedStart),
                              optionalTimestamp(e.requestedPause),
                              optionalTimestamp(e.requestedCompletion)};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec()) {
        qCWarning(lcJournal) << "could not record an action:" << q.lastError().text();
        return 0;
    }
    committed();
    if (!e.account.id.isEmpty())
        m_accountNames.insert(e.account.id, e.account.name); // the newest row's name
    Q_EMIT changed();
    return q.lastInsertId().toLongLong();
}

bool Journal::finish(qint64 rowId, const JournalEntry &e)
{
    if (!m_open)
        return false;
    // Completions that arrive together (a read-back page settles hundreds) share one commit, at
    // the next pending row or when the event loop comes round. A crash before it leaves those
    // rows pending, which the next start shows as interrupted: never a false outcome.
    if (!m_completionsOpen && QSqlDatabase::database(m_connection).transaction()) {
        m_completionsOpen = true;
        m_commitTimer->start();
    }
    QSqlQuery &q = prepared(
        m_update,
        QStringLiteral("UPDATE actions SET outcome=?, status_after=?, error_code=?, error_kind=?, http_status=?,"
                       " api_code=?, server_text=?, confirmed_by=?, duration_ms=?, finished_at=? WHERE id=?"));
    const QVariantList values{JournalEntry::outcomeKey(e.outcome),
                              CampaignStatuses::toApiString(e.statusAfter),
                              e.errorCode,
                              e.errorKind == ApiError::Kind::None ? QStringLiteral("")
                                                                  : ApiError::kindName(e.errorKind),
                              e.httpStatus,
                              e.apiCode,
                              nonNull(e.serverText),
                              JournalEntry::confirmationKey(e.confirmedBy),
                              e.durationMs,
                              timestamp(QDateTime::currentDateTimeUtc()),
                              rowId};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    const bool ok = q.exec() && q.numRowsAffected() == 1;
    if (!ok)
        qCWarning(lcJournal) << "could not complete journal row" << rowId << q.lastError().text();
    Q_EMIT changed();
    return ok;
}

bool Journal::settle(qint64 rowId, CampaignStatus observed, bool reachedTarget)
{
    commitCompletions();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "UPDATE actions SET outcome=?, status_after=?, confirmed_by=? WHERE id=? AND outcome='unknown'"));
    q.addBindValue(
        JournalEntry::outcomeKey(reachedTarget ? JournalEntry::Outcome::Success : JournalEntry::Outcome::NotApplied));
    q.addBindValue(CampaignStatuses::toApiString(observed));
    q.addBindValue(JournalEntry::confirmationKey(JournalEntry::Confirmation::LaterCheck));
    q.addBindValue(rowId);
    const bool ok = q.exec() && q.numRowsAffected() == 1;
    Q_EMIT changed();
    return ok;
}

QList<JournalEntry> Journal::entries(const Filter &f) const
{
    QStringList where;
    QVariantList binds;
    if (f.campaignId > 0) {
        where << QStringLiteral("campaign_id=?");
        binds << f.campaignId;
    }
    if (!f.accountId.isEmpty()) {
        where << QStringLiteral("account_id=?");
        binds << f.accountId;
    }
    if (f.action) {
        where << QStringLiteral("action=?");
        binds << CampaignActions::journalKey(*f.action);
    }
    if (f.outcome) {
        where << QStringLiteral("outcome=?");
        binds << JournalEntry::outcomeKey(*f.outcome);
    }
    if (f.from.isValid()) {
        where << QStringLiteral("started_at>=?");
        binds << timestamp(f.from);
    }
    if (f.to.isValid()) {
        where << QStringLiteral("started_at<=?");
        binds << timestamp(f.to);
    }
    QString sql = QStringLiteral("SELECT * FROM actions");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY id DESC LIMIT %1").arg(f.limit);
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    QList<JournalEntry> result;
    if (!q.exec())
        return result;
    // Columns by name, not position: adding one cannot shift the others.
    const QSqlRecord columns = q.record();
    auto column = [&q, &columns](const char *name) { return q.value(columns.indexOf(QLatin1String(name))); };
    while (q.next()) {
        JournalEntry e;
        e.rowId = column("id").toLongLong();
        const auto action = CampaignActions::fromJournalKey(column("action").toString());
        if (!action) {
            // A row written by a newer version, or damaged: shown as nothing rather than as a
            // guess at what was done.
            qCWarning(lcJournal) << "row" << e.rowId << "has an unknown action" << column("action").toString();
            continue;
        }
        e.action = *action;
        e.startedAt = QDateTime::fromString(column("started_at").toString(), Qt::ISODateWithMs);
        e.durationMs = column("duration_ms").isNull() ? -1 : column("duration_ms").toLongLong();
        e.osUser = column("os_user").toString();
        e.apiHost = column("api_host").toString();
        e.account = {column("account_id").toString(), column("account_name").toString()};
        e.campaignId = column("campaign_id").toLongLong();
        e.campaignName = column("campaign_name").toString();
        e.statusBefore = CampaignStatuses::fromApiString(column("status_before").toString());
        e.statusAfter = CampaignStatuses::fromApiString(column("status_after").toString());
        e.outcome = JournalEntry::outcomeFromKey(column("outcome").toString());
        e.errorCode = column("error_code").toInt();
        e.errorKind = ApiError::kindFromName(column("error_kind").toString()).value_or(ApiError::Kind::None);
        e.httpStatus = column("http_status").toInt();
        e.apiCode = column("api_code").toInt();
        e.serverText = column("server_text").toString();
        e.confirmedBy = JournalEntry::confirmationFromKey(column("confirmed_by").toString());
        e.legacyText = column("legacy_text").toString();
        e.operationId = column("operation_id").toString();
        e.reason = column("reason").toString();
        e.requestedStart = readTimestamp(column("requested_start").toString());
        e.requestedPause = readTimestamp(column("requested_pause").toString());
        e.requestedCompletion = readTimestamp(column("requested_completion").toString());
        e.interrupted = column("interrupted").toBool();
        result.append(e);
    }
    return result;
}

QList<JournalEntry> Journal::unsettled() const
{
    Filter f;
    f.outcome = JournalEntry::Outcome::Unknown;
    return entries(f);
}

QHash<qint64, ActivationSchedule> Journal::activationSchedules(const QString &accountId) const
{
    QHash<qint64, ActivationSchedule> schedules;
    if (!m_open)
        return schedules;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT campaign_id, action, requested_start, requested_pause, requested_completion"
                             " FROM actions WHERE outcome='success' AND account_id=? ORDER BY id"));
    q.addBindValue(nonNull(accountId));
    if (!q.exec()) {
        qCWarning(lcJournal) << "could not read the scheduled activations:" << q.lastError().text();
        return schedules;
    }
    const QString activate = CampaignActions::journalKey(CampaignAction::Activate);
    while (q.next()) {
        // Rows come oldest first: a later action on the same campaign replaces what came before.
        const qint64 id = q.value(0).toLongLong();
        const ActivationSchedule s{readTimestamp(q.value(2).toString()), readTimestamp(q.value(3).toString()),
                                   readTimestamp(q.value(4).toString())};
        if (q.value(1).toString() == activate
            && (s.activateAt.isValid() || s.deactivateAt.isValid() || s.completeAt.isValid()))
            schedules.insert(id, s);
        else
            schedules.remove(id);
    }
    return schedules;
}

bool Journal::loadAccountNames()
{
    // SQLite takes a bare column (account_name) from the row that gave MAX(id): the newest name.
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT account_id, account_name, MAX(id) FROM actions WHERE account_id<>''"
                               " GROUP BY account_id"))) {
        m_error = q.lastError().text();
        qCWarning(lcJournal) << "could not list the accounts:" << m_error;
        return false;
    }
    m_accountNames.clear();
    while (q.next())
        m_accountNames.insert(q.value(0).toString(), q.value(1).toString());
    return true;
}

QList<AccountRef> Journal::accounts() const
{
    QList<AccountRef> result;
    result.reserve(m_accountNames.size());
    for (auto it = m_accountNames.cbegin(); it != m_accountNames.cend(); ++it)
        result.append({it.key(), it.value()});
    std::sort(result.begin(), result.end(), [](const AccountRef &a, const AccountRef &b) {
        const int byName = QString::localeAwareCompare(a.name, b.name);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return result;
}

int Journal::count() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM actions")) && q.next() ? q.value(0).toInt() : 0;
}

qint64 Journal::saveSnapshot(const IncidentSnapshot &snapshot)
{
    if (!m_open)
        return 0;
    commitCompletions();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        qCWarning(lcJournal) << "could not start saving a snapshot:" << db.lastError().text();
        return 0;
    }
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO snapshots (taken_at, account_id, account_name, reason, scope) VALUES (?,?,?,?,?)"));
    q.addBindValue(timestamp(snapshot.takenAt.isValid() ? snapshot.takenAt : QDateTime::currentDateTimeUtc()));
    q.addBindValue(nonNull(snapshot.account.id));
    q.addBindValue(nonNull(snapshot.account.name));
    q.addBindValue(nonNull(snapshot.reason));
    q.addBindValue(IncidentSnapshot::scopeKey(snapshot.scope));
    if (!q.exec()) {
        qCWarning(lcJournal) << "could not record a snapshot:" << q.lastError().text();
        db.rollback();
        return 0;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery item(db);
    item.prepare(QStringLiteral("INSERT INTO snapshot_items (snapshot_id, campaign_id, campaign_name, status_before,"
                                " paused, updated_after, updated_user_after) VALUES (?,?,?,?,?,?,?)"));
    for (const IncidentSnapshotItem &i : snapshot.items) {
        const QVariantList values{id,
                                  i.campaignId,
                                  nonNull(i.campaignName),
                                  nonNull(CampaignStatuses::toApiString(i.statusBefore)),
                                  i.paused ? 1 : 0,
                                  i.updatedAfter.isValid() ? timestamp(i.updatedAfter) : QStringLiteral(""),
                                  nonNull(i.updatedUserAfter)};
        for (int v = 0; v < values.size(); ++v)
            item.bindValue(v, values.at(v));
        if (!item.exec()) {
            qCWarning(lcJournal) << "could not record a snapshot item:" << item.lastError().text();
            db.rollback();
            return 0;
        }
    }
    if (!db.commit()) {
        db.rollback();
        return 0;
    }
    committed();
    Q_EMIT snapshotsChanged();
    return id;
}

QList<IncidentSnapshot> Journal::snapshots() const
{
    QList<IncidentSnapshot> result;
    if (!m_open)
        return result;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, taken_at, account_id, account_name, reason, scope FROM snapshots"
                               " ORDER BY taken_at DESC, id DESC"))) {
        qCWarning(lcJournal) << "could not read snapshots:" << q.lastError().text();
        return result;
    }
    QHash<qint64, qsizetype> index;
    while (q.next()) {
        const auto scope = IncidentSnapshot::scopeFromKey(q.value(5).toString());
        if (!scope)
            continue; // written by a newer version: left out, not guessed
        IncidentSnapshot s;
        s.id = q.value(0).toLongLong();
        s.takenAt = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs).toUTC();
        s.account = {q.value(2).toString(), q.value(3).toString()};
        s.reason = q.value(4).toString();
        s.scope = *scope;
        index.insert(s.id, result.size());
        result.append(s);
    }
    QSqlQuery items(db);
    if (!items.exec(QStringLiteral("SELECT snapshot_id, campaign_id, campaign_name, status_before, paused,"
                                   " updated_after, updated_user_after FROM snapshot_items"
                                   " ORDER BY snapshot_id, campaign_id"))) {
        qCWarning(lcJournal) << "could not read snapshot items:" << items.lastError().text();
        return {};
    }
    while (items.next()) {
        const auto it = index.constFind(items.value(0).toLongLong());
        if (it == index.cend())
            continue;
        IncidentSnapshotItem i;
        i.campaignId = items.value(1).toLongLong();
        i.campaignName = items.value(2).toString();
        i.statusBefore = CampaignStatuses::fromApiString(items.value(3).toString());
        i.paused = items.value(4).toInt() != 0;
        const QString after = items.value(5).toString();
        if (!after.isEmpty())
            i.updatedAfter = QDateTime::fromString(after, Qt::ISODateWithMs).toUTC();
        i.updatedUserAfter = items.value(6).toString();
        result[*it].items.append(i);
    }
    return result;
}

// The watch may write a row a minute per campaign for as long as the app runs: the table is
// bounded on open. A row goes only when it is both older than kActivityKeepDays and outside the
// newest kActivityKeepRows: a quiet account keeps its whole recent past however old, and a busy
// one keeps at least three months (what "what changed last quarter?" needs) even past the count.
bool Journal::pruneActivity()
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM activity WHERE noticed_at<? AND id NOT IN"
                             " (SELECT id FROM activity ORDER BY noticed_at DESC, id DESC LIMIT %1)")
                  .arg(kActivityKeepRows));
    q.addBindValue(timestamp(QDateTime::currentDateTimeUtc().addDays(-kActivityKeepDays)));
    if (!q.exec()) {
        m_error = tr("The history database could not be updated: %1").arg(q.lastError().text());
        qCWarning(lcJournal) << "could not prune the activity log:" << q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() > 0)
        qCDebug(lcJournal) << q.numRowsAffected() << "old activity rows removed";
    return true;
}

QString Journal::activityKindKey(WatchEvent::Kind kind)
{
    switch (kind) {
    case WatchEvent::Kind::StatusChanged:
        return QStringLiteral("status_changed");
    case WatchEvent::Kind::NewCampaign:
        return QStringLiteral("new_campaign");
    case WatchEvent::Kind::StartOverdue:
        return QStringLiteral("start_overdue");
    case WatchEvent::Kind::StuckCloning:
        return QStringLiteral("stuck_cloning");
    case WatchEvent::Kind::Unreachable:
        return QStringLiteral("unreachable");
    case WatchEvent::Kind::Reachable:
        return QStringLiteral("reachable");
    }
    return QStringLiteral("status_changed");
}

std::optional<WatchEvent::Kind> Journal::activityKindFromKey(const QString &key)
{
    for (WatchEvent::Kind k :
         {WatchEvent::Kind::StatusChanged, WatchEvent::Kind::NewCampaign, WatchEvent::Kind::StartOverdue,
          WatchEvent::Kind::StuckCloning, WatchEvent::Kind::Unreachable, WatchEvent::Kind::Reachable}) {
        if (activityKindKey(k) == key)
            return k;
    }
    return std::nullopt;
}

QString Journal::activityOriginKey(WatchEvent::Origin origin)
{
    switch (origin) {
    case WatchEvent::Origin::Unknown:
        return QStringLiteral("unknown");
    case WatchEvent::Origin::ThisComputer:
        return QStringLiteral("this_computer");
    case WatchEvent::Origin::Schedule:
        return QStringLiteral("schedule");
    case WatchEvent::Origin::SomeoneElse:
        return QStringLiteral("someone_else");
    }
    return QStringLiteral("unknown");
}

WatchEvent::Origin Journal::activityOriginFromKey(const QString &key)
{
    for (WatchEvent::Origin o :
         {WatchEvent::Origin::ThisComputer, WatchEvent::Origin::Schedule, WatchEvent::Origin::SomeoneElse}) {
        if (activityOriginKey(o) == key)
            return o;
    }
    return WatchEvent::Origin::Unknown; // "unknown", or a key a newer version wrote
}

QList<WatchEvent> Journal::recordActivity(QList<WatchEvent> events)
{
    if (!m_open || events.isEmpty())
        return {};
    commitCompletions();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        qCWarning(lcJournal) << "could not start recording activity:" << db.lastError().text();
        return {};
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO activity (noticed_at, kind, origin, account_id, account_name, campaign_id,"
                             " campaign_name, status_before, status_after, updated_user, since, detail, watched)"
                             " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (WatchEvent &e : events) {
        if (!e.noticedAt.isValid())
            e.noticedAt = QDateTime::currentDateTimeUtc();
        // What is stored is what comes back: UTC, to the millisecond.
        e.noticedAt = readTimestamp(timestamp(e.noticedAt));
        if (e.since.isValid())
            e.since = readTimestamp(timestamp(e.since));
        const QVariantList values{timestamp(e.noticedAt),
                                  activityKindKey(e.kind),
                                  activityOriginKey(e.origin),
                                  nonNull(e.account.id),
                                  nonNull(e.account.name),
                                  e.campaignId,
                                  nonNull(e.campaignName),
                                  nonNull(CampaignStatuses::toApiString(e.before)),
                                  nonNull(CampaignStatuses::toApiString(e.after)),
                                  nonNull(e.updatedUser),
                                  optionalTimestamp(e.since),
                                  nonNull(e.detail),
                                  e.watched ? 1 : 0};
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values.at(i));
        if (!q.exec()) {
            qCWarning(lcJournal) << "could not record activity:" << q.lastError().text();
            db.rollback();
            return {};
        }
        e.id = q.lastInsertId().toLongLong();
    }
    if (!db.commit()) {
        qCWarning(lcJournal) << "could not commit activity:" << db.lastError().text();
        db.rollback();
        return {};
    }
    committed();
    Q_EMIT activityAdded(events);
    return events;
}

QList<WatchEvent> Journal::activity(const ActivityFilter &f) const
{
    QList<WatchEvent> result;
    if (!m_open)
        return result;
    QStringList where;
    QVariantList binds;
    if (!f.accountId.isEmpty()) {
        where << QStringLiteral("account_id=?");
        binds << f.accountId;
    }
    if (f.campaignId > 0) {
        where << QStringLiteral("campaign_id=?");
        binds << f.campaignId;
    }
    if (f.since.isValid()) {
        where << QStringLiteral("noticed_at>=?");
        binds << timestamp(f.since);
    }
    QString sql = QStringLiteral("SELECT id, noticed_at, kind, origin, account_id, account_name, campaign_id,"
                                 " campaign_name, status_before, status_after, updated_user, since, detail, watched"
                                 " FROM activity");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY noticed_at DESC, id DESC LIMIT %1").arg(std::max(0, f.limit));
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        qCWarning(lcJournal) << "could not read the activity log:" << q.lastError().text();
        return result;
    }
    while (q.next()) {
        const auto kind = activityKindFromKey(q.value(2).toString());
        if (!kind) {
            // Written by a newer version: left out rather than guessed at.
            qCWarning(lcJournal) << "activity row" << q.value(0).toLongLong() << "has an unknown kind";
            continue;
        }
        WatchEvent e;
        e.id = q.value(0).toLongLong();
        e.noticedAt = readTimestamp(q.value(1).toString());
        e.kind = *kind;
        e.origin = activityOriginFromKey(q.value(3).toString());
        e.account = {q.value(4).toString(), q.value(5).toString()};
        e.campaignId = q.value(6).toLongLong();
        e.campaignName = q.value(7).toString();
        e.before = CampaignStatuses::fromApiString(q.value(8).toString());
        e.after = CampaignStatuses::fromApiString(q.value(9).toString());
        e.updatedUser = q.value(10).toString();
        e.since = readTimestamp(q.value(11).toString());
        e.detail = q.value(12).toString();
        e.watched = q.value(13).toInt() != 0;
        result.append(e);
    }
    return result;
}

bool Journal::clearActivity(const QString &accountId)
{
    if (!m_open)
        return false;
    commitCompletions();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (accountId.isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM activity"));
    } else {
        q.prepare(QStringLiteral("DELETE FROM activity WHERE account_id=?"));
        q.addBindValue(accountId);
    }
    if (!q.exec()) {
        qCWarning(lcJournal) << "could not clear the activity log:" << q.lastError().text();
        return false;
    }
    committed();
    Q_EMIT activityCleared();
    return true;
}

WatchEvent::Origin Journal::originOfChange(const QString &accountId, qint64 campaignId, const QDateTime &since) const
{
    if (!m_open)
        return WatchEvent::Origin::Unknown;
    // Completions held for a shared commit are visible here: the same connection reads them.
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT 1 FROM actions WHERE account_id=? AND campaign_id=? AND started_at>=? LIMIT 1"));
    q.addBindValue(nonNull(accountId));
    q.addBindValue(campaignId);
    q.addBindValue(since.isValid() ? timestamp(since) : QStringLiteral(""));
    if (!q.exec()) {
        qCWarning(lcJournal) << "could not look for this computer's actions:" << q.lastError().text();
        return WatchEvent::Origin::Unknown;
    }
    return q.next() ? WatchEvent::Origin::ThisComputer : WatchEvent::Origin::Unknown;
}
