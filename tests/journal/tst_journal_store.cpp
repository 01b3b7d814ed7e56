// The journal's storage, without a network: a real SQLite file in a temporary directory.
// Schema migration from version 1 and refusal of a newer schema, rows a dead session left
// pending, the CSV export (RFC 4180, UTF-8 BOM) and the History window's table model.

#include "journal.h"
#include "journalcheckpointer.h"
#include "journalcsv.h"
#include "journalmessage.h"
#include "journaltablemodel.h"
#include "journaltestsupport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTranslator>

#include <memory>

using JournalTest::RawDb;
using Outcome = JournalEntry::Outcome;

namespace {

// The version 1 schema, written out literally as the first release created it (a copy of
// kSchemaV1 in journal.cpp): the migration must cope with files that exist in the field, not
// with whatever the code's constant says today.
const char *const kV1Ddl[] = {
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

// What versions 2 and 3 added, written out literally too (copies of kSchemaV2 and kSchemaV3).
const char *const kV2Ddl[] = {
    "ALTER TABLE actions ADD COLUMN reason TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE actions ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX actions_started ON actions(started_at)",
};
const char *const kV3Ddl[] = {
    "ALTER TABLE actions RENAME COLUMN error_text TO legacy_text",
    "ALTER TABLE actions ADD COLUMN error_kind TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE actions ADD COLUMN http_status INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE actions ADD COLUMN api_code INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE actions ADD COLUMN server_text TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE actions ADD COLUMN confirmed_by TEXT NOT NULL DEFAULT ''",
};

// A version-3 file as the release before accounts left it: three rows on two hosts (a success,
// a refusal with the server's words, and a sentence from before version 3). Every column set.
bool writeVersion3File(const QString &path)
{
    RawDb v3(path);
    if (!v3.isOpen())
        return false;
    QStringList statements;
    for (const char *sql : kV1Ddl)
        statements << QString::fromLatin1(sql);
    for (const char *sql : kV2Ddl)
        statements << QString::fromLatin1(sql);
    for (const char *sql : kV3Ddl)
        statements << QString::fromLatin1(sql);
    statements << QStringLiteral("PRAGMA user_version=3");
    for (const QString &sql : statements) {
        if (!v3.exec(sql)) {
            qWarning() << sql << v3.lastError();
            return false;
        }
    }
    const QString insert = QStringLiteral(
        "INSERT INTO actions (started_at, finished_at, duration_ms, os_user, api_host, campaign_id, campaign_name,"
        " action, status_before, status_after, outcome, error_code, legacy_text, operation_id, session_id, reason,"
        " interrupted, error_kind, http_status, api_code, server_text, confirmed_by)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const QList<QVariantList> rows = {
        {QStringLiteral("2025-02-01T08:00:00.000Z"),
         QStringLiteral("2025-02-01T08:00:00.750Z"),
         750,
         QStringLiteral("a.petrov"),
         QStringLiteral("example.altcraft.com"),
         17,
         QStringLiteral("Осенняя распродажа"),
         QStringLiteral("deactivate"),
         QStringLiteral("active"),
         QStringLiteral("inactive"),
         QStringLiteral("success"),
         0,
         QStringLiteral(""),
         QStringLiteral("op-1"),
         QStringLiteral("old-session"),
         QStringLiteral("Квартал"),
         0,
         QStringLiteral(""),
         0,
         0,
         QStringLiteral(""),
         QStringLiteral("read_back")},
        {QStringLiteral("2025-02-01T08:05:00.000Z"),
         QStringLiteral("2025-02-01T08:05:00.400Z"),
         400,
         QStringLiteral("b.ivanova"),
         QStringLiteral("eu.altcraft.com:8443"),
         18,
         QStringLiteral("Winter teaser"),
         QStringLiteral("complete"),
         QStringLiteral("active"),
         QString(),
         QStringLiteral("api_error"),
         403,
         QStringLiteral(""),
         QStringLiteral(""),
         QStringLiteral("old-session"),
         QStringLiteral(""),
         0,
         QStringLiteral("no-access"),
         0,
         403,
         QStringLiteral("No access, \"group\""),
         QStringLiteral("")},
        {QStringLiteral("2025-02-02T09:00:00.000Z"),
         QString(),
         QVariant(),
         QStringLiteral("a.petrov"),
         QStringLiteral("example.altcraft.com"),
         19,
         QStringLiteral("Spring"),
         QStringLiteral("activate"),
         QStringLiteral("inactive"),
         QString(),
         QStringLiteral("unknown"),
         0,
         QStringLiteral("Не активирована: сервер не ответил вовремя"),
         QStringLiteral("op-2"),
         QStringLiteral("older-session"),
         QStringLiteral(""),
         1,
         QStringLiteral(""),
         0,
         0,
         QStringLiteral(""),
         QStringLiteral("")},
    };
    for (const QVariantList &r : rows) {
        if (!v3.exec(insert, r)) {
            qWarning() << v3.lastError();
            return false;
        }
    }
    return v3.userVersion() == 3;
}

QDateTime utc(int day, int hour = 9, int minute = 0)
{
    return QDateTime(QDate(2025, 3, day), QTime(hour, minute), Qt::UTC);
}

// What the recorder hands Journal::finish: an outcome and its facts.
JournalEntry ended(Outcome outcome, CampaignStatus after, qint64 durationMs, ApiError::Kind kind = ApiError::Kind::None,
                   int apiCode = 0, const QString &serverText = {})
{
    JournalEntry e;
    e.outcome = outcome;
    e.statusAfter = after;
    e.durationMs = durationMs;
    e.errorKind = kind;
    e.apiCode = apiCode;
    e.errorCode = apiCode;
    e.serverText = serverText;
    return e;
}

JournalEntry entry(qint64 campaignId, CampaignAction action, const QDateTime &startedAt = {}, const QString &name = {})
{
    JournalEntry e;
    e.startedAt = startedAt;
    e.osUser = QStringLiteral("a.petrov");
    e.apiHost = QStringLiteral("example.altcraft.com");
    e.campaignId = campaignId;
    e.campaignName = name.isEmpty() ? QStringLiteral("Campaign %1").arg(campaignId) : name;
    e.action = action;
    e.statusBefore = CampaignStatus::Active;
    return e;
}

// Every line break outside a quoted field must be CRLF. Returns the offset of the first bare
// CR or LF, or -1.
qsizetype firstBareLineBreak(const QByteArray &csv)
{
    bool quoted = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const char c = csv.at(i);
        if (c == '"') {
            quoted = !quoted; // a doubled quote toggles twice: no net change
        } else if (!quoted && c == '\r') {
            if (i + 1 >= csv.size() || csv.at(i + 1) != '\n')
                return i;
            ++i;
        } else if (!quoted && c == '\n') {
            return i;
        }
    }
    return -1;
}

} // namespace

class TestJournalStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void newFileIsCreatedAtTheCurrentVersionInWalMode();
    void filesAndFolderAreTheOwnersAlone();
    void pendingRowsOfARunningSessionAreLeftAloneUntilItStops();
    void migratesVersion1DatabaseKeepingItsRows();
    void migratesVersion2SentencesToKeys();
    void migratesVersion3RowsToTheAccountGiven();
    void migratesVersion3RowsWithoutAnAccountNamedByTheirHost();
    void rowsWithoutAnAccountAreClaimedAtALaterOpenOthersNever();
    void filterByAccountReturnsOnlyThatAccountsRows();
    void historySaysARowInTheLanguageOfTheMoment();
    void completionsReachTheFileBeforeTheNextPendingRowAndOnTheNextTurn();
    void checkpointsRunOnTheirOwnThreadNotInACommit();
    void refusesNewerSchemaWithClearError();
    void refusesFileThatIsNotADatabase();
    void reopenTurnsEarlierSessionsPendingRowsUnknown();
    void finishAndSettleRecordOutcomes();
    void rowWithAnUnknownActionIsLeftOutNotGuessed();
    void absentOptionalFieldsAreStoredAsEmptyText();

    void csvRoundTripKeepsAwkwardNames();
    void csvIsUtf8WithBomCrlfAndDoubledQuotes();
    void csvKeepsItsOldColumnsInPlaceAndAddsTheFacts();
    void csvCarriesTheAccountQuotedLikeOtherText();
    void csvDefusesTextASpreadsheetWouldRunAsAFormula();

    void tableModelPassesModelTesterWhileRowsAndFiltersChange();
    void tableModelShowsNewestFirst();
    void tableModelFilters_data();
    void tableModelFilters();

private:
    QString journalPath() const { return m_dir->filePath(QStringLiteral("journal.sqlite")); }
    // Six rows over six days, in insertion order; returns their row ids.
    QList<qint64> addFilterFixture(Journal &journal);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestJournalStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestJournalStore::cleanup()
{
    m_dir.reset();
}

void TestJournalStore::newFileIsCreatedAtTheCurrentVersionInWalMode()
{
    Journal journal;
    QVERIFY(!journal.isOpen());
    QVERIFY2(journal.open(journalPath()), qPrintable(journal.errorString()));
    QVERIFY(journal.isOpen());
    QCOMPARE(journal.path(), journalPath());
    QCOMPARE(journal.count(), 0);
    QCOMPARE(journal.interruptedOnOpen(), 0);

    RawDb raw(journalPath());
    QVERIFY2(raw.isOpen(), qPrintable(raw.lastError()));
    QCOMPARE(raw.userVersion(), Journal::kSchemaVersion);
    QCOMPARE(Journal::kSchemaVersion, 7);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    const QStringList columns = raw.columns(QStringLiteral("actions"));
    QVERIFY2(columns.contains(QStringLiteral("reason")) && columns.contains(QStringLiteral("interrupted")),
             qPrintable(columns.join(QLatin1Char(','))));
}

// The history names campaigns, accounts and the OS user: the database, its -wal and -shm files
// are 0600 and the folder 0700, whatever the umask, for a new file and for one an older version
// created world-readable.
void TestJournalStore::filesAndFolderAreTheOwnersAlone()
{
    const QFileDevice::Permissions ownerRw = QFile::ReadOwner | QFile::WriteOwner;
    const QFileDevice::Permissions ownerRwx = ownerRw | QFile::ExeOwner;
    auto bits = [](const QString &path) {
        // Only the Unix bits: Qt also reports the user's own bits as ReadUser/WriteUser.
        return QFile::permissions(path)
            & (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::WriteGroup
               | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther);
    };
    const QString folder = m_dir->filePath(QStringLiteral("data/campaign-manager"));
    const QString fresh = folder + QStringLiteral("/journal.sqlite");
    {
        Journal journal;
        QVERIFY2(journal.open(fresh), qPrintable(journal.errorString()));
        QVERIFY(journal.begin(entry(7, CampaignAction::Deactivate, utc(1))) > 0);
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QVERIFY2(QFile::exists(fresh + suffix), qPrintable(suffix));
            QCOMPARE(bits(fresh + suffix), ownerRw);
        }
        QCOMPARE(bits(folder), ownerRwx);
    }
    const QString old = m_dir->filePath(QStringLiteral("old.sqlite"));
    {
        QFile file(old);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QVERIFY(QFile::setPermissions(old, ownerRw | QFile::ReadGroup | QFile::ReadOther));
    Journal journal;
    QVERIFY2(journal.open(old), qPrintable(journal.errorString()));
    QVERIFY(journal.begin(entry(8, CampaignAction::Deactivate, utc(2))) > 0);
    QCOMPARE(bits(old), ownerRw);
    QCOMPARE(bits(old + QStringLiteral("-wal")), ownerRw);
}

void TestJournalStore::pendingRowsOfARunningSessionAreLeftAloneUntilItStops()
{
    // The window is mid-action when the command line opens the same journal (for History, or
    // its own action): the window's pending row is not its to call interrupted.
    auto running = std::make_unique<Journal>();
    QVERIFY2(running->open(journalPath()), qPrintable(running->errorString()));
    QVERIFY(running->begin(entry(9, CampaignAction::Deactivate, utc(3))) > 0);
    {
        Journal other;
        QVERIFY2(other.open(journalPath()), qPrintable(other.errorString()));
        QCOMPARE(other.interruptedOnOpen(), 0);
        const QList<JournalEntry> rows = other.entries();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().outcome, JournalEntry::Outcome::Pending);
        QVERIFY(!rows.first().interrupted);
    }
    // The window's session ends with the row still pending: the next open calls it interrupted.
    running.reset();
    Journal next;
    QVERIFY2(next.open(journalPath()), qPrintable(next.errorString()));
    QCOMPARE(next.interruptedOnOpen(), 1);
    const QList<JournalEntry> rows = next.entries();
    QCOMPARE(rows.first().outcome, JournalEntry::Outcome::Unknown);
    QVERIFY(rows.first().interrupted);
}

void TestJournalStore::migratesVersion1DatabaseKeepingItsRows()
{
    {
        RawDb v1(journalPath());
        QVERIFY2(v1.isOpen(), qPrintable(v1.lastError()));
        for (const char *sql : kV1Ddl)
            QVERIFY2(v1.exec(QString::fromLatin1(sql)), qPrintable(v1.lastError()));
        QVERIFY(v1.exec(QStringLiteral("PRAGMA user_version=1")));
        const QString insert = QStringLiteral(
            "INSERT INTO actions (started_at, finished_at, duration_ms, os_user, api_host, campaign_id, campaign_name,"
            " action, status_before, status_after, outcome, error_code, error_text, operation_id, session_id)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        QVERIFY2(v1.exec(insert,
                         {QStringLiteral("2024-11-05T08:00:00.000Z"), QStringLiteral("2024-11-05T08:00:01.250Z"), 1250,
                          QStringLiteral("a.petrov"), QStringLiteral("example.altcraft.com"), 17,
                          QStringLiteral("Осенняя распродажа"), QStringLiteral("deactivate"), QStringLiteral("active"),
                          QStringLiteral("inactive"), QStringLiteral("success"), 0, QStringLiteral(""),
                          QStringLiteral("op-1"), QStringLiteral("old-session")}),
                 qPrintable(v1.lastError()));
        QVERIFY2(
            v1.exec(insert,
                    {QStringLiteral("2024-11-05T08:05:00.000Z"), QStringLiteral("2024-11-05T08:05:00.400Z"), 400,
                     QStringLiteral("a.petrov"), QStringLiteral("example.altcraft.com"), 18,
                     QStringLiteral("Winter teaser"), QStringLiteral("complete"), QStringLiteral("active"), QString(),
                     QStringLiteral("api_error"), 403, QStringLiteral("No access: the token lacks the right"),
                     QStringLiteral(""), QStringLiteral("old-session")}),
            qPrintable(v1.lastError()));
        QCOMPARE(v1.userVersion(), 1);
        QVERIFY(!v1.columns(QStringLiteral("actions")).contains(QStringLiteral("reason")));
    }

    {
        Journal journal;
        QVERIFY2(journal.open(journalPath()), qPrintable(journal.errorString()));
        QCOMPARE(journal.interruptedOnOpen(), 0);

        RawDb raw(journalPath());
        QCOMPARE(raw.userVersion(), Journal::kSchemaVersion); // every step after it ran too
        const QStringList columns = raw.columns(QStringLiteral("actions"));
        QVERIFY(columns.contains(QStringLiteral("reason")));
        QVERIFY(columns.contains(QStringLiteral("interrupted")));
        QCOMPARE(raw.scalar(QStringLiteral(
                                "SELECT COUNT(*) FROM sqlite_master WHERE type='index' AND name='actions_started'"))
                     .toInt(),
                 1);
        // The old rows got the new columns' defaults, and, with no account given, their host.
        const QList<QVariantMap> old
            = raw.rows(QStringLiteral("SELECT reason, interrupted, account_id, account_name FROM actions ORDER BY id"));
        QCOMPARE(old.size(), 2);
        for (const QVariantMap &r : old) {
            QVERIFY(!r.value(QStringLiteral("reason")).isNull());
            QCOMPARE(r.value(QStringLiteral("reason")).toString(), QString());
            QCOMPARE(r.value(QStringLiteral("interrupted")).toInt(), 0);
            QCOMPARE(r.value(QStringLiteral("account_id")).toString(), QString());
            QCOMPARE(r.value(QStringLiteral("account_name")).toString(), QStringLiteral("example.altcraft.com"));
        }

        const QList<JournalEntry> rows = journal.entries();
        QCOMPARE(rows.size(), 2);
        const JournalEntry &refused = rows.at(0); // newest first
        const JournalEntry &done = rows.at(1);
        QCOMPARE(done.campaignId, 17);
        QCOMPARE(done.campaignName, QStringLiteral("Осенняя распродажа"));
        QCOMPARE(done.action, CampaignAction::Deactivate);
        QCOMPARE(done.outcome, Outcome::Success);
        QCOMPARE(done.statusBefore, CampaignStatus::Active);
        QCOMPARE(done.statusAfter, CampaignStatus::Inactive);
        QCOMPARE(done.durationMs, 1250);
        QCOMPARE(done.startedAt, QDateTime(QDate(2024, 11, 5), QTime(8, 0), Qt::UTC));
        QCOMPARE(done.operationId, QStringLiteral("op-1"));
        QCOMPARE(done.osUser, QStringLiteral("a.petrov"));
        QCOMPARE(done.apiHost, QStringLiteral("example.altcraft.com"));
        QCOMPARE(done.reason, QString());
        QVERIFY(!done.interrupted);
        QCOMPARE(refused.campaignId, 18);
        QCOMPARE(refused.action, CampaignAction::Complete);
        QCOMPARE(refused.outcome, Outcome::ApiError);
        QCOMPARE(refused.errorCode, 403);
        // A sentence from before schema 3 is kept as it was written and shown as it is.
        QCOMPARE(refused.legacyText, QStringLiteral("No access: the token lacks the right"));
        QCOMPARE(JournalMessage::text(refused), QStringLiteral("No access: the token lacks the right"));
        QCOMPARE(refused.reason, QString());
        QVERIFY(!refused.interrupted);

        // New rows, with a reason, go into the migrated file.
        JournalEntry e = entry(19, CampaignAction::Activate);
        e.reason = QStringLiteral("Перезапуск после миграции");
        const qint64 id = journal.begin(e);
        QVERIFY(id > 2);
        QVERIFY(journal.finish(id, ended(Outcome::Success, CampaignStatus::Active, 12)));
        QCOMPARE(journal.count(), 3);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT reason FROM actions WHERE id=?"), {id}).toString(),
                 QStringLiteral("Перезапуск после миграции"));
    }

    // Opening again is a no-op for the schema and keeps everything.
    Journal again;
    QVERIFY2(again.open(journalPath()), qPrintable(again.errorString()));
    const QList<JournalEntry> rows = again.entries();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.first().campaignId, 19);
    QCOMPARE(rows.first().reason, QStringLiteral("Перезапуск после миграции"));
    QCOMPARE(rows.first().outcome, Outcome::Success);
    RawDb raw(journalPath());
    QCOMPARE(raw.userVersion(), Journal::kSchemaVersion); // every step after it ran too
}

void TestJournalStore::migratesVersion2SentencesToKeys()
{
    // A version-2 file holds sentences in error_text, in the language of their day.
    const QString confirmedEn = QStringLiteral("Confirmed later by reading the campaign's status");
    const QString confirmedRu = QStringLiteral("Подтверждено позже проверкой статуса кампании");
    const QString notInEffectEn = QStringLiteral("Not in effect: reading the status later showed active");
    const QString notInEffectRu = QStringLiteral("Не вступило в силу: последующая проверка показала статус active");
    const QString other = QStringLiteral("Не деактивирована: сервер не ответил вовремя");
    {
        RawDb v2(journalPath());
        QVERIFY2(v2.isOpen(), qPrintable(v2.lastError()));
        for (const char *sql : kV1Ddl)
            QVERIFY2(v2.exec(QString::fromLatin1(sql)), qPrintable(v2.lastError()));
        QVERIFY(v2.exec(QStringLiteral("ALTER TABLE actions ADD COLUMN reason TEXT NOT NULL DEFAULT ''")));
        QVERIFY(v2.exec(QStringLiteral("ALTER TABLE actions ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0")));
        QVERIFY(v2.exec(QStringLiteral("PRAGMA user_version=2")));
        const QString insert = QStringLiteral(
            "INSERT INTO actions (started_at, os_user, api_host, campaign_id, campaign_name, action, status_before,"
            " status_after, outcome, error_code, error_text, session_id) VALUES (?,'u','h',?,'c','deactivate',"
            "'active',?,?,?,?,'old')");
        const QList<QVariantList> rows = {
            {QStringLiteral("2025-01-01T09:00:00.000Z"), 1, QStringLiteral("inactive"), QStringLiteral("success"), 0,
             confirmedEn},
            {QStringLiteral("2025-01-01T09:01:00.000Z"), 2, QStringLiteral("inactive"), QStringLiteral("success"), 0,
             confirmedRu},
            {QStringLiteral("2025-01-01T09:02:00.000Z"), 3, QStringLiteral("active"), QStringLiteral("not_applied"), 0,
             notInEffectEn},
            {QStringLiteral("2025-01-01T09:03:00.000Z"), 4, QStringLiteral("active"), QStringLiteral("not_applied"), 0,
             notInEffectRu},
            {QStringLiteral("2025-01-01T09:04:00.000Z"), 5, QStringLiteral("active"), QStringLiteral("unknown"), 0,
             other},
        };
        for (const QVariantList &r : rows)
            QVERIFY2(v2.exec(insert, r), qPrintable(v2.lastError()));
    }
    Journal journal;
    QVERIFY2(journal.open(journalPath()), qPrintable(journal.errorString()));
    RawDb raw(journalPath());
    QCOMPARE(raw.userVersion(), Journal::kSchemaVersion); // every step after it ran too
    const QStringList columns = raw.columns(QStringLiteral("actions"));
    QVERIFY(!columns.contains(QStringLiteral("error_text")));
    for (const char *added : {"legacy_text", "error_kind", "http_status", "api_code", "server_text", "confirmed_by"})
        QVERIFY2(columns.contains(QLatin1String(added)), added);

    QMap<qint64, JournalEntry> byCampaign;
    for (const JournalEntry &e : journal.entries())
        byCampaign.insert(e.campaignId, e);
    QCOMPARE(byCampaign.size(), 5);
    // The sentences "Check status now" wrote, in either language, became a key and are said
    // again in the current language.
    for (qint64 id : {1, 2}) {
        QCOMPARE(byCampaign[id].confirmedBy, JournalEntry::Confirmation::LaterCheck);
        QCOMPARE(byCampaign[id].legacyText, QString());
        QCOMPARE(JournalMessage::text(byCampaign[id]),
                 QStringLiteral("Confirmed later by reading the campaign's status: “Inactive”."));
    }
    for (qint64 id : {3, 4}) {
        QCOMPARE(byCampaign[id].confirmedBy, JournalEntry::Confirmation::LaterCheck);
        QCOMPARE(byCampaign[id].outcome, Outcome::NotApplied);
        QCOMPARE(JournalMessage::text(byCampaign[id]),
                 QStringLiteral("Not in effect: reading the status later showed “Active”."));
    }
    // Anything else cannot be said again: it stays as it was written.
    QCOMPARE(byCampaign[5].confirmedBy, JournalEntry::Confirmation::Answer);
    QCOMPARE(byCampaign[5].legacyText, other);
    QCOMPARE(JournalMessage::text(byCampaign[5]), other);
}

void TestJournalStore::migratesVersion3RowsToTheAccountGiven()
{
    QVERIFY(writeVersion3File(journalPath()));
    const QString oldColumns = QStringLiteral(
        "id, started_at, finished_at, duration_ms, os_user, api_host, campaign_id, campaign_name, action,"
        " status_before, status_after, outcome, error_code, legacy_text, operation_id, session_id, reason,"
        " interrupted, error_kind, http_status, api_code, server_text, confirmed_by");
    QList<QVariantMap> before;
    {
        RawDb v3(journalPath());
        before = v3.rows(QStringLiteral("SELECT %1 FROM actions ORDER BY id").arg(oldColumns));
    }
    QCOMPARE(before.size(), 3);

    const AccountRef account{QStringLiteral("3f1c2a9e-acc0-4000-8000-000000000001"),
                             QStringLiteral("example.altcraft.com")};
    {
        Journal journal;
        journal.setAccountForOldRows(account);
        QVERIFY2(journal.open(journalPath()), qPrintable(journal.errorString()));

        RawDb raw(journalPath());
        QCOMPARE(raw.userVersion(), Journal::kSchemaVersion); // every step after it ran too
        const QStringList columns = raw.columns(QStringLiteral("actions"));
        QVERIFY(columns.contains(QStringLiteral("account_id")));
        QVERIFY(columns.contains(QStringLiteral("account_name")));
        QCOMPARE(raw.scalar(QStringLiteral(
                                "SELECT COUNT(*) FROM sqlite_master WHERE type='index' AND name='actions_account'"))
                     .toInt(),
                 1);
        // Every old row, every field, as it was: the migration only adds.
        QCOMPARE(raw.rows(QStringLiteral("SELECT %1 FROM actions ORDER BY id").arg(oldColumns)), before);
        const QList<QVariantMap> assigned
            = raw.rows(QStringLiteral("SELECT account_id, account_name FROM actions ORDER BY id"));
        QCOMPARE(assigned.size(), 3);
        for (const QVariantMap &r : assigned) {
            QCOMPARE(r.value(QStringLiteral("account_id")).toString(), account.id);
            QCOMPARE(r.value(QStringLiteral("account_name")).toString(), account.name);
        }

        // And as the app reads them.
        const QList<JournalEntry> rows = journal.entries();
        QCOMPARE(rows.size(), 3);
        for (const JournalEntry &e : rows)
            QCOMPARE(e.account, account);
        const JournalEntry &refused = rows.at(1);
        QCOMPARE(refused.campaignId, 18);
        QCOMPARE(refused.apiHost, QStringLiteral("eu.altcraft.com:8443"));
        QCOMPARE(refused.osUser, QStringLiteral("b.ivanova"));
        QCOMPARE(refused.outcome, Outcome::ApiError);
        QCOMPARE(refused.errorKind, ApiError::Kind::NoAccess);
        QCOMPARE(refused.apiCode, 403);
        QCOMPARE(refused.serverText, QStringLiteral("No access, \"group\""));
        const JournalEntry &unknown = rows.at(0);
        QCOMPARE(unknown.legacyText, QStringLiteral("Не активирована: сервер не ответил вовремя"));
        QVERIFY(unknown.interrupted);
        QCOMPARE(unknown.durationMs, -1);
        QCOMPARE(rows.at(2).confirmedBy, JournalEntry::Confirmation::ReadBack);
        QCOMPARE(rows.at(2).reason, QStringLiteral("Квартал"));
        QCOMPARE(journal.accounts(), QList<AccountRef>{account});

        // A new row carries its own account, not the one old rows were given.
        JournalEntry e = entry(20, CampaignAction::Deactivate);
        e.account = {QStringLiteral("acc-2"), QStringLiteral("Second")};
        QVERIFY(journal.begin(e) > 0);
        Journal::Filter f;
        f.campaignId = 20;
        QCOMPARE(journal.entries(f).value(0).account, e.account);
    }

    // The assignment happened once: opening again with another account changes nothing.
    Journal again;
    again.setAccountForOldRows({QStringLiteral("acc-other"), QStringLiteral("Other")});
    QVERIFY2(again.open(journalPath()), qPrintable(again.errorString()));
    QCOMPARE(again.count(), 4);
    for (const JournalEntry &e : again.entries())
        QCOMPARE(e.account.id, e.campaignId == 20 ? QStringLiteral("acc-2") : account.id);
}

void TestJournalStore::migratesVersion3RowsWithoutAnAccountNamedByTheirHost()
{
    QVERIFY(writeVersion3File(journalPath()));
    Journal journal;
    QVERIFY2(journal.open(journalPath()), qPrintable(journal.errorString()));
    RawDb raw(journalPath());
    QCOMPARE(raw.userVersion(), Journal::kSchemaVersion); // every step after it ran too
    const QList<JournalEntry> rows = journal.entries();
    QCOMPARE(rows.size(), 3);
    QMap<qint64, QString> names;
    for (const JournalEntry &e : rows) {
        QCOMPARE(e.account.id, QString());
        QVERIFY(e.account.isNull());
        names.insert(e.campaignId, e.account.name);
    }
    // Each row is named by the host it went to, which differs between them.
    QCOMPARE(names,
             (QMap<qint64, QString>{{17, QStringLiteral("example.altcraft.com")},
                                    {18, QStringLiteral("eu.altcraft.com:8443")},
                                    {19, QStringLiteral("example.altcraft.com")}}));
    // Stored as text, not NULL, and not listed as an account one could filter by.
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM actions WHERE account_id=''")).toInt(), 3);
    QVERIFY(journal.accounts().isEmpty());
    JournalTableModel model(&journal);
    QCOMPARE(model.index(1, JournalTableModel::AccountColumn).data().toString(),
             QStringLiteral("eu.altcraft.com:8443"));
}

void TestJournalStore::rowsWithoutAnAccountAreClaimedAtALaterOpenOthersNever()
{
    // A version 3 file migrated before the app knew its accounts, then a row written meanwhile
    // without one, and a row of another account.
    QVERIFY(writeVersion3File(journalPath()));
    const AccountRef other{QStringLiteral("acc-other"), QStringLiteral("Other")};
    {
        Journal journal;
        QVERIFY2(journal.open(journalPath()), qPrintable(journal.errorString()));
        JournalEntry meanwhile = entry(20, CampaignAction::Activate, utc(20));
        QVERIFY(journal.begin(meanwhile) > 0);
        JournalEntry elsewhere = entry(21, CampaignAction::Activate, utc(21));
        elsewhere.account = other;
        QVERIFY(journal.begin(elsewhere) > 0);
        journal.close();
    }
    const AccountRef migrated{QStringLiteral("acc-migrated"), QStringLiteral("example.altcraft.com")};
    Journal journal;
    journal.setAccountForOldRows(migrated);
    QVERIFY2(journal.open(journalPath()), qPrintable(journal.errorString()));
    const QList<JournalEntry> rows = journal.entries();
    QCOMPARE(rows.size(), 5);
    for (const JournalEntry &e : rows)
        QCOMPARE(e.account, e.campaignId == 21 ? other : migrated);
    RawDb raw(journalPath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM actions WHERE account_id=''")).toInt(), 0);
}

void TestJournalStore::filterByAccountReturnsOnlyThatAccountsRows()
{
    Journal journal;
    QVERIFY(journal.open(journalPath()));
    const AccountRef main{QStringLiteral("acc-main"), QStringLiteral("Main")};
    const AccountRef eu{QStringLiteral("acc-eu"), QStringLiteral("Europe")};
    auto write = [&journal](qint64 campaign, const AccountRef &account, int day) {
        JournalEntry e = entry(campaign, CampaignAction::Deactivate, utc(day));
        e.account = account;
        return journal.begin(e);
    };
    const qint64 m1 = write(1, main, 1);
    const qint64 e1 = write(2, eu, 2);
    const qint64 none = write(3, AccountRef{}, 3);
    const qint64 m2 = write(1, main, 4);
    // The account was renamed since: it is still one account, listed by its newest name.
    const AccountRef renamed{main.id, QStringLiteral("Main (renamed)")};
    const qint64 m3 = write(4, renamed, 5);
    QVERIFY(m1 > 0 && e1 > 0 && none > 0 && m2 > 0 && m3 > 0);

    auto rowIds = [](const QList<JournalEntry> &rows) {
        QList<qint64> ids;
        for (const JournalEntry &e : rows)
            ids << e.rowId;
        return ids;
    };
    Journal::Filter f;
    f.accountId = main.id;
    QCOMPARE(rowIds(journal.entries(f)), (QList<qint64>{m3, m2, m1}));
    f.accountId = eu.id;
    QCOMPARE(rowIds(journal.entries(f)), QList<qint64>{e1});
    QCOMPARE(journal.entries(f).value(0).account, eu);
    f.accountId = QStringLiteral("acc-nobody");
    QVERIFY(journal.entries(f).isEmpty());
    // With the other filters.
    f.accountId = main.id;
    f.campaignId = 1;
    QCOMPARE(rowIds(journal.entries(f)), (QList<qint64>{m2, m1}));
    f.campaignId = 2;
    QVERIFY(journal.entries(f).isEmpty());
    // Empty: any account, those without one too.
    QCOMPARE(journal.entries(Journal::Filter{}).size(), 5);

    QCOMPARE(journal.accounts(), (QList<AccountRef>{eu, renamed})); // by name: "Europe", "Main (renamed)"

    // History's model: the filter and the Account column.
    JournalTableModel model(&journal);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Journal::Filter byEu;
    byEu.accountId = eu.id;
    model.setFilter(byEu);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.headerData(JournalTableModel::AccountColumn, Qt::Horizontal).toString(), QStringLiteral("Account"));
    QCOMPARE(model.index(0, JournalTableModel::AccountColumn).data().toString(), QStringLiteral("Europe"));
    // A row keeps the name its account had at the time.
    Journal::Filter byMain;
    byMain.accountId = main.id;
    model.setFilter(byMain);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, JournalTableModel::AccountColumn).data().toString(), QStringLiteral("Main (renamed)"));
    QCOMPARE(model.index(2, JournalTableModel::AccountColumn).data().toString(), QStringLiteral("Main"));
    QVERIFY(model.index(2, JournalTableModel::AccountColumn).data(Qt::ToolTipRole).toString().contains(main.id));
}

void TestJournalStore::historySaysARowInTheLanguageOfTheMoment()
{
    Journal journal;
    QVERIFY(journal.open(journalPath()));
    const qint64 id = journal.begin(entry(7, CampaignAction::Deactivate));
    JournalEntry failed = ended(Outcome::NotApplied, CampaignStatus::Active, 40, ApiError::Kind::ServerError);
    failed.httpStatus = 500;
    failed.errorCode = 500;
    QVERIFY(journal.finish(id, failed));
    journal.commitCompletions(); // another reader of the file sees it now

    // The file holds facts, not a sentence in any language.
    RawDb raw(journalPath());
    const QVariantMap row = raw.rows(QStringLiteral("SELECT * FROM actions WHERE id=?"), {id}).value(0);
    QCOMPARE(row.value(QStringLiteral("error_kind")).toString(), QStringLiteral("server-error"));
    QCOMPARE(row.value(QStringLiteral("http_status")).toInt(), 500);
    QCOMPARE(row.value(QStringLiteral("legacy_text")).toString(), QString());
    QCOMPARE(row.value(QStringLiteral("server_text")).toString(), QString());
    for (auto it = row.cbegin(); it != row.cend(); ++it)
        QVERIFY2(!it.value().toString().contains(QLatin1Char(' ')) || it.key() == QLatin1String("campaign_name"),
                 qPrintable(it.key() + QStringLiteral(": ") + it.value().toString()));

    const JournalEntry e = journal.entries().value(0);
    const QString english = QStringLiteral("Not deactivated: the server had an internal error (HTTP 500); the campaign "
                                           "is still “Active” (checked after the request).");
    QCOMPARE(JournalMessage::text(e), english);

    QTranslator russian;
    QVERIFY2(russian.load(QStringLiteral(CM_RU_QM)), CM_RU_QM);
    QVERIFY(QCoreApplication::installTranslator(&russian));
    const QString inRussian = JournalMessage::text(e);
    QCoreApplication::removeTranslator(&russian);
    QVERIFY2(inRussian.startsWith(QStringLiteral("Не деактивирована")), qPrintable(inRussian));
    QVERIFY2(inRussian.contains(QStringLiteral("500")), qPrintable(inRussian));
    QVERIFY2(!inRussian.contains(QStringLiteral("the server")), qPrintable(inRussian));
    // And back: nothing of the switch stayed in the row.
    QCOMPARE(JournalMessage::text(journal.entries().value(0)), english);
}

void TestJournalStore::completionsReachTheFileBeforeTheNextPendingRowAndOnTheNextTurn()
{
    Journal journal;
    QVERIFY(journal.open(journalPath()));
    RawDb raw(journalPath());
    const auto outcomeOf = [&raw](qint64 id) {
        return raw.scalar(QStringLiteral("SELECT outcome FROM actions WHERE id=?"), {id}).toString();
    };
    const qint64 a = journal.begin(entry(1, CampaignAction::Deactivate));
    QCOMPARE(outcomeOf(a), QStringLiteral("pending")); // a pending row is on disk at once
    QVERIFY(journal.finish(a, ended(Outcome::Success, CampaignStatus::Inactive, 5)));
    // The next pending row cannot leave while a completion waits: begin() commits it first.
    const qint64 b = journal.begin(entry(2, CampaignAction::Deactivate));
    QCOMPARE(outcomeOf(a), QStringLiteral("success"));
    QCOMPARE(outcomeOf(b), QStringLiteral("pending"));
    // Without a next row, the event loop's next turn commits it.
    QVERIFY(journal.finish(b, ended(Outcome::Success, CampaignStatus::Inactive, 5)));
    QTRY_COMPARE(outcomeOf(b), QStringLiteral("success"));
}

// SQLite's automatic checkpoint (two fdatasync()s inside a commit) is off; the checkpointer's
// thread copies the log into the file instead, every few hundred commits, and closing leaves
// no -wal file behind.
void TestJournalStore::checkpointsRunOnTheirOwnThreadNotInACommit()
{
    Journal journal;
    QVERIFY(journal.open(journalPath()));
    {
        QSqlQuery q(QSqlDatabase::database(journal.connectionName()));
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_autocheckpoint")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
    QVERIFY(journal.checkpointer());
    QThread *ranOn = nullptr;
    connect(
        journal.checkpointer(), &JournalCheckpointer::checkpointed, this,
        [&ranOn] { ranOn = QThread::currentThread(); }, Qt::DirectConnection);
    QSignalSpy checkpointed(journal.checkpointer(), &JournalCheckpointer::checkpointed);
    const qint64 fileBefore = QFileInfo(journalPath()).size();
    for (int i = 0; i < 450; ++i)
        QVERIFY(journal.begin(entry(1000 + i, CampaignAction::Deactivate)) > 0);
    QTRY_VERIFY(journal.checkpointer()->completed() >= 2);
    QVERIFY(checkpointed.size() >= 1);
    QVERIFY(ranOn && ranOn != QThread::currentThread());
    // The rows' pages were copied from the log into the database file itself.
    QVERIFY2(QFileInfo(journalPath()).size() > fileBefore,
             qPrintable(QStringLiteral("%1 -> %2 bytes").arg(fileBefore).arg(QFileInfo(journalPath()).size())));
    journal.close();
    QVERIFY(!QFile::exists(journalPath() + QStringLiteral("-wal")));
    Journal reopened;
    QVERIFY(reopened.open(journalPath()));
    QCOMPARE(reopened.unsettled().size(), 450); // from an earlier session: pending becomes unknown
}

void TestJournalStore::refusesNewerSchemaWithClearError()
{
    {
        RawDb future(journalPath());
        QVERIFY(future.exec(QStringLiteral("CREATE TABLE actions (id INTEGER PRIMARY KEY, something_new TEXT)")));
        QVERIFY(future.exec(QStringLiteral("INSERT INTO actions (something_new) VALUES ('keep me')")));
        QVERIFY(future.exec(QStringLiteral("PRAGMA user_version=99")));
    }
    Journal journal;
    QVERIFY(!journal.open(journalPath()));
    QVERIFY(!journal.isOpen());
    const QString error = journal.errorString();
    QVERIFY2(error.contains(QStringLiteral("newer version")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("99")), qPrintable(error));
    // Nothing can be written to it, and it was not touched.
    QCOMPARE(journal.begin(entry(1, CampaignAction::Deactivate)), 0);
    RawDb raw(journalPath());
    QCOMPARE(raw.userVersion(), 99);
    QCOMPARE(raw.columns(QStringLiteral("actions")),
             QStringList({QStringLiteral("id"), QStringLiteral("something_new")}));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT something_new FROM actions")).toString(), QStringLiteral("keep me"));
}

void TestJournalStore::refusesFileThatIsNotADatabase()
{
    QFile file(journalPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray junk;
    for (int i = 0; i < 512; ++i)
        junk += "this is not a SQLite database\n";
    file.write(junk);
    file.close();
    Journal journal;
    QVERIFY(!journal.open(journalPath()));
    QVERIFY(!journal.isOpen());
    QVERIFY(!journal.errorString().isEmpty());
    QCOMPARE(journal.begin(entry(1, CampaignAction::Deactivate)), 0);
}

void TestJournalStore::reopenTurnsEarlierSessionsPendingRowsUnknown()
{
    qint64 leftPending = 0, completed = 0;
    {
        Journal first;
        QVERIFY(first.open(journalPath()));
        leftPending = first.begin(entry(1, CampaignAction::Deactivate));
        completed = first.begin(entry(2, CampaignAction::Deactivate));
        QVERIFY(leftPending > 0 && completed > 0);
        QVERIFY(first.finish(completed, ended(Outcome::Success, CampaignStatus::Inactive, 5)));
        // The app "dies" here: the row for campaign 1 was never finished.
    }
    qint64 ownPending = 0;
    {
        Journal second;
        QVERIFY(second.open(journalPath()));
        QCOMPARE(second.interruptedOnOpen(), 1);
        QCOMPARE(second.unsettled().size(), 1);
        const JournalEntry stale = second.unsettled().first();
        QCOMPARE(stale.rowId, leftPending);
        QCOMPARE(stale.outcome, Outcome::Unknown);
        QVERIFY(stale.interrupted);
        QCOMPARE(stale.durationMs, -1);
        Journal::Filter f;
        f.campaignId = 2;
        const JournalEntry fine = second.entries(f).value(0);
        QCOMPARE(fine.rowId, completed);
        QCOMPARE(fine.outcome, Outcome::Success);
        QVERIFY(!fine.interrupted);

        // This session's own pending row is not "interrupted" while it runs.
        ownPending = second.begin(entry(3, CampaignAction::Complete));
        f.campaignId = 3;
        QCOMPARE(second.entries(f).value(0).outcome, Outcome::Pending);

        // The model says so too.
        JournalTableModel model(&second);
        f.campaignId = 1;
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY2(
            model.index(0, JournalTableModel::OutcomeColumn).data().toString().contains(QStringLiteral("app stopped")),
            qPrintable(model.index(0, JournalTableModel::OutcomeColumn).data().toString()));
    }
    Journal third;
    QVERIFY(third.open(journalPath()));
    QCOMPARE(third.interruptedOnOpen(), 1); // only the second session's row: the first was already settled
    QCOMPARE(third.unsettled().size(), 2);
    for (const JournalEntry &e : third.entries()) {
        if (e.rowId == completed)
            QCOMPARE(e.outcome, Outcome::Success);
        else
            QVERIFY(e.outcome == Outcome::Unknown && e.interrupted);
    }
    QVERIFY(ownPending > completed);
}

void TestJournalStore::rowWithAnUnknownActionIsLeftOutNotGuessed()
{
    // A row a newer version wrote ("clone"), or a damaged one: never read as a Deactivate.
    Journal journal;
    QVERIFY(journal.open(journalPath()));
    const qint64 kept = journal.begin(entry(1, CampaignAction::Complete));
    const qint64 strange = journal.begin(entry(2, CampaignAction::Deactivate));
    {
        RawDb raw(journalPath());
        QVERIFY2(raw.exec(QStringLiteral("UPDATE actions SET action='clone' WHERE id=%1").arg(strange)),
                 qPrintable(raw.lastError()));
    }
    const QList<JournalEntry> rows = journal.entries();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().rowId, kept);
    QCOMPARE(rows.first().action, CampaignAction::Complete);
}

void TestJournalStore::finishAndSettleRecordOutcomes()
{
    Journal journal;
    QVERIFY(journal.open(journalPath()));
    QSignalSpy changed(&journal, &Journal::changed);
    const qint64 a = journal.begin(entry(1, CampaignAction::Deactivate));
    const qint64 b = journal.begin(entry(2, CampaignAction::Complete));
    const qint64 c = journal.begin(entry(3, CampaignAction::Activate));
    QCOMPARE(changed.count(), 3);
    QVERIFY(journal.finish(a, ended(Outcome::Unknown, CampaignStatus::Active, 30000, ApiError::Kind::Timeout)));
    QVERIFY(journal.finish(b, ended(Outcome::Unknown, CampaignStatus::Unknown, 30000, ApiError::Kind::Timeout)));
    QVERIFY(journal.finish(c, ended(Outcome::Success, CampaignStatus::Unknown, 20)));
    QVERIFY(!journal.finish(999, ended(Outcome::Success, CampaignStatus::Unknown, 20)));

    QVERIFY(journal.settle(a, CampaignStatus::Active, false));
    QVERIFY(journal.settle(b, CampaignStatus::Completed, true));
    QVERIFY(!journal.settle(c, CampaignStatus::Inactive, false)); // only unknown rows settle
    QVERIFY(!journal.settle(a, CampaignStatus::Inactive, true)); // and only once

    const QList<JournalEntry> rows = journal.entries();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(2).outcome, Outcome::NotApplied);
    QCOMPARE(rows.at(2).statusAfter, CampaignStatus::Active);
    QCOMPARE(rows.at(1).outcome, Outcome::Success);
    QCOMPARE(rows.at(1).statusAfter, CampaignStatus::Completed);
    QCOMPARE(rows.at(0).outcome, Outcome::Success);
    QCOMPARE(rows.at(0).statusAfter, CampaignStatus::Unknown);
    QCOMPARE(rows.at(0).durationMs, 20);
    QVERIFY(journal.unsettled().isEmpty());
}

void TestJournalStore::absentOptionalFieldsAreStoredAsEmptyText()
{
    // A single action has no operation id, most have no reason, a success has no error text,
    // and a campaign missing from the model has no name or known status: none of that may
    // stop the row from being written (the text columns are NOT NULL).
    Journal journal;
    QVERIFY(journal.open(journalPath()));
    JournalEntry bare;
    bare.campaignId = 5;
    const qint64 id = journal.begin(bare);
    QVERIFY(id > 0);
    QVERIFY(journal.finish(id, ended(Outcome::Success, CampaignStatus::Unknown, 3)));
    const JournalEntry e = journal.entries().value(0);
    QCOMPARE(e.rowId, id);
    QCOMPARE(e.outcome, Outcome::Success);
    QCOMPARE(e.operationId, QString());
    QCOMPARE(e.reason, QString());
    QCOMPARE(e.serverText, QString());
    QCOMPARE(e.statusBefore, CampaignStatus::Unknown);

    RawDb raw(journalPath());
    const QVariantMap row = raw.rows(QStringLiteral("SELECT operation_id, reason, server_text, campaign_name,"
                                                    " os_user, api_host, status_before FROM actions WHERE id=?"),
                                     {id})
                                .value(0);
    QCOMPARE(row.size(), 7);
    for (auto it = row.cbegin(); it != row.cend(); ++it) {
        QVERIFY2(!it.value().isNull(), qPrintable(it.key()));
        QCOMPARE(it.value().toString(), QString());
    }
}

void TestJournalStore::csvRoundTripKeepsAwkwardNames()
{
    const QStringList names = {
        QStringLiteral("Sale, autumn, final"),
        QStringLiteral("He said \"stop\" twice: \"\""),
        QStringLiteral("line one\nline two"),
        QStringLiteral("line one\r\nline two\r\n"),
        QStringLiteral("Осенняя распродажа — «Чёрная пятница», 2025"),
        QStringLiteral("\"Всё сразу\",\r\n\"quoted\"\n, end"),
        QStringLiteral(" padded "),
    };
    Journal journal;
    QVERIFY(journal.open(journalPath()));
    for (int i = 0; i < names.size(); ++i) {
        JournalEntry e = entry(100 + i, i % 2 ? CampaignAction::Activate : CampaignAction::Complete, utc(1 + i, 10, i),
                               names.at(i));
        e.reason = QStringLiteral("Причина, \"с кавычками\"\nи переносом");
        e.operationId = QStringLiteral("7b0d6c5e-0000-4000-8000-00000000000%1").arg(i);
        const qint64 id = journal.begin(e);
        QVERIFY(id > 0);
        QVERIFY(journal.finish(id,
                               i == 2 ? ended(Outcome::ApiError, CampaignStatus::Inactive, 100 + i,
                                              ApiError::Kind::BadRequest, 400,
                                              QStringLiteral("Campaign is completed, \"cannot\"\r\nbe changed"))
                                      : ended(Outcome::Success, CampaignStatus::Inactive, 100 + i)));
    }
    const QList<JournalEntry> rows = journal.entries();
    QCOMPARE(rows.size(), names.size());

    const QByteArray csv = JournalCsv::toCsv(rows);
    const QList<QStringList> parsed = JournalCsv::parse(csv);
    QCOMPARE(parsed.size(), rows.size() + 1);
    QCOMPARE(parsed.first(), JournalCsv::header());
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(parsed.at(i + 1), JournalCsv::fields(rows.at(i)));
        QCOMPARE(parsed.at(i + 1).size(), JournalCsv::header().size());
    }
    // The names came back exactly as written: through SQLite, to CSV and back.
    const int nameColumn = static_cast<int>(JournalCsv::header().indexOf(QStringLiteral("campaign_name")));
    const int reasonColumn = static_cast<int>(JournalCsv::header().indexOf(QStringLiteral("reason")));
    QStringList parsedNames;
    for (int i = static_cast<int>(parsed.size()) - 1; i >= 1; --i) { // entries are newest first
        parsedNames << parsed.at(i).at(nameColumn);
        QCOMPARE(parsed.at(i).at(reasonColumn), QStringLiteral("Причина, \"с кавычками\"\nи переносом"));
    }
    QCOMPARE(parsedNames, names);

    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    QVERIFY(csv.endsWith("\r\n"));
    QCOMPARE(firstBareLineBreak(csv), qsizetype(-1));
    QVERIFY(csv.contains("\"He said \"\"stop\"\" twice: \"\"\"\"\""));
    QVERIFY(csv.contains(QStringLiteral("\"Осенняя распродажа — «Чёрная пятница», 2025\"").toUtf8()));
}

void TestJournalStore::csvIsUtf8WithBomCrlfAndDoubledQuotes()
{
    const QList<QStringList> rows = {
        {QStringLiteral("plain"), QStringLiteral("a,b"), QStringLiteral("say \"hi\""), QStringLiteral("x\ny"),
         QStringLiteral("Привет"), QString()},
        {QStringLiteral("r\r\nn"), QStringLiteral("\""), QStringLiteral("end")},
    };
    const QByteArray csv = JournalCsv::toCsv(rows);
    const QByteArray expected = QByteArray("\xEF\xBB\xBF")
        + QStringLiteral("plain,\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",Привет,\r\n"
                         "\"r\r\nn\",\"\"\"\",end\r\n")
              .toUtf8();
    QCOMPARE(csv, expected);
    QCOMPARE(JournalCsv::parse(csv), rows);
    // The BOM is not part of the first field.
    QCOMPARE(JournalCsv::parse(csv).first().first(), QStringLiteral("plain"));

    // The header row of an export: English column names, CRLF, BOM.
    const QByteArray empty = JournalCsv::toCsv(QList<JournalEntry>{});
    QCOMPARE(empty, QByteArray("\xEF\xBB\xBF") + JournalCsv::header().join(QLatin1Char(',')).toUtf8() + "\r\n");
}

QList<qint64> TestJournalStore::addFilterFixture(Journal &journal)
{
    struct Row {
        qint64 campaign;
        CampaignAction action;
        Outcome outcome;
    };
    const QList<Row> fixture = {
        {100, CampaignAction::Deactivate, Outcome::Success}, {100, CampaignAction::Activate, Outcome::ApiError},
        {200, CampaignAction::Deactivate, Outcome::Unknown}, {200, CampaignAction::Complete, Outcome::Cancelled},
        {300, CampaignAction::Deactivate, Outcome::Success}, {300, CampaignAction::Activate, Outcome::NotApplied},
    };
    QList<qint64> ids;
    for (int i = 0; i < fixture.size(); ++i) {
        const Row &r = fixture.at(i);
        const qint64 id = journal.begin(entry(r.campaign, r.action, utc(1 + i)));
        if (r.outcome == Outcome::NotApplied) {
            journal.finish(id, ended(Outcome::Unknown, CampaignStatus::Unknown, 1, ApiError::Kind::Timeout));
            journal.settle(id, CampaignStatus::Inactive, false);
        } else {
            journal.finish(id,
                           r.outcome == Outcome::ApiError
                               ? ended(r.outcome, CampaignStatus::Unknown, 1, ApiError::Kind::BadRequest, 400)
                               : ended(r.outcome, CampaignStatus::Unknown, 1));
        }
        ids << id;
    }
    return ids;
}

void TestJournalStore::csvKeepsItsOldColumnsInPlaceAndAddsTheFacts()
{
    // Reports read the first fourteen columns by position: they keep their names and places.
    const QStringList before
        = {QStringLiteral("time_utc"),     QStringLiteral("duration_ms"),   QStringLiteral("os_user"),
           QStringLiteral("api_host"),     QStringLiteral("campaign_id"),   QStringLiteral("campaign_name"),
           QStringLiteral("action"),       QStringLiteral("status_before"), QStringLiteral("status_after"),
           QStringLiteral("outcome"),      QStringLiteral("error_code"),    QStringLiteral("error_text"),
           QStringLiteral("operation_id"), QStringLiteral("reason")};
    const QStringList header = JournalCsv::header();
    QCOMPARE(header.mid(0, before.size()), before);
    QVERIFY(header.contains(QStringLiteral("error_kind")));
    QVERIFY(header.contains(QStringLiteral("server_text")));
    QCOMPARE(QSet<QString>(header.cbegin(), header.cend()).size(), header.size());

    // error_text is the sentence of the moment; the facts sit beside it.
    JournalEntry e = entry(3, CampaignAction::Complete, utc(3));
    e.outcome = Outcome::ApiError;
    e.errorKind = ApiError::Kind::NoAccess;
    e.apiCode = 403;
    e.errorCode = 403;
    e.serverText = QStringLiteral("Access denied, \"group\"");
    const QStringList fields = JournalCsv::fields(e);
    QCOMPARE(fields.size(), header.size());
    auto field = [&](const char *name) { return fields.at(header.indexOf(QLatin1String(name))); };
    QCOMPARE(field("error_code"), QStringLiteral("403"));
    QCOMPARE(field("error_kind"), QStringLiteral("no-access"));
    QCOMPARE(field("api_code"), QStringLiteral("403"));
    QCOMPARE(field("server_text"), e.serverText);
    QCOMPARE(field("error_text"), JournalMessage::text(e));
    QVERIFY2(field("error_text").startsWith(QStringLiteral("This API token has no access")),
             qPrintable(field("error_text")));
}

// Account names are the user's text: in the export they are quoted and their quotes doubled
// exactly as campaign names are, and they come back unchanged.
void TestJournalStore::csvCarriesTheAccountQuotedLikeOtherText()
{
    const QString hostile = QStringLiteral("=cmd|' /C calc'!A0 \"boss\", 2nd\r\nline");
    const QString formula = QStringLiteral("=cmd|' /C calc'!A0");
    Journal journal;
    QVERIFY(journal.open(journalPath()));
    JournalEntry e = entry(5, CampaignAction::Deactivate, utc(5), hostile);
    e.account = {QStringLiteral("acc-hostile"), hostile};
    QVERIFY(journal.begin(e) > 0);
    JournalEntry plain = entry(6, CampaignAction::Deactivate, utc(6), formula);
    plain.account = {QStringLiteral("acc-formula"), formula};
    QVERIFY(journal.begin(plain) > 0);

    // New columns go at the end: the old ones keep their places.
    const QStringList header = JournalCsv::header();
    QCOMPARE(header.mid(19, 6),
             (QStringList{QStringLiteral("interrupted"), QStringLiteral("account_id"), QStringLiteral("account_name"),
                          QStringLiteral("requested_start"), QStringLiteral("requested_pause"),
                          QStringLiteral("requested_completion")}));
    QCOMPARE(header.size(), 25);

    const QList<JournalEntry> rows = journal.entries();
    const QByteArray csv = JournalCsv::toCsv(rows);
    const QList<QStringList> parsed = JournalCsv::parse(csv);
    QCOMPARE(parsed.size(), 3);
    const auto idColumn = header.indexOf(QStringLiteral("account_id"));
    const auto nameColumn = header.indexOf(QStringLiteral("account_name"));
    const auto campaignColumn = header.indexOf(QStringLiteral("campaign_name"));
    QCOMPARE(parsed.at(1).size(), header.size());
    QCOMPARE(parsed.at(1).at(idColumn), QStringLiteral("acc-formula"));
    // A name a spreadsheet would run as a formula opens as text: an apostrophe goes first.
    QCOMPARE(parsed.at(1).at(nameColumn), QLatin1Char('\'') + formula);
    QCOMPARE(parsed.at(1).at(nameColumn), parsed.at(1).at(campaignColumn));
    QCOMPARE(parsed.at(2).at(idColumn), QStringLiteral("acc-hostile"));
    QCOMPARE(parsed.at(2).at(nameColumn), QLatin1Char('\'') + hostile);
    QCOMPARE(parsed.at(2).at(campaignColumn), QLatin1Char('\'') + hostile);

    // The same bytes for the account's name as for the campaign's: quoted, quotes doubled.
    const QByteArray quoted = QStringLiteral("\"'=cmd|' /C calc'!A0 \"\"boss\"\", 2nd\r\nline\"").toUtf8();
    QCOMPARE(csv.count(quoted), 2);
    // Its line break stays inside the quotes: the name cannot start a record of its own.
    QCOMPARE(firstBareLineBreak(csv), qsizetype(-1));
}

void TestJournalStore::csvDefusesTextASpreadsheetWouldRunAsAFormula()
{
    const QStringList risky = {QStringLiteral("=HYPERLINK(\"http://x\")"),
                               QStringLiteral("+1+1"),
                               QStringLiteral("-2+3"),
                               QStringLiteral("@SUM(A1)"),
                               QStringLiteral("\t=1"),
                               QStringLiteral("\r=1")};
    const QStringList harmless = {QStringLiteral("Sale -50% = win"), QStringLiteral("'quoted")};
    Journal journal;
    QVERIFY(journal.open(journalPath()));
    int id = 1;
    for (const QString &text : risky + harmless) {
        JournalEntry e = entry(id, CampaignAction::Deactivate, utc(id), text);
        e.reason = text;
        e.osUser = text;
        e.account = {QStringLiteral("acc"), text};
        QVERIFY(journal.begin(e) > 0);
        ++id;
    }
    const QStringList header = JournalCsv::header();
    const QList<QStringList> parsed = JournalCsv::parse(JournalCsv::toCsv(journal.entries()));
    QCOMPARE(parsed.size(), risky.size() + harmless.size() + 1);
    const QStringList textColumns = {QStringLiteral("campaign_name"), QStringLiteral("reason"),
                                     QStringLiteral("os_user"), QStringLiteral("account_name")};
    for (qsizetype row = 1; row < parsed.size(); ++row) { // newest first
        const QString written = (risky + harmless).at(parsed.size() - 1 - row);
        const QString expected = risky.contains(written) ? QLatin1Char('\'') + written : written;
        for (const QString &column : textColumns)
            QCOMPARE(parsed.at(row).at(header.indexOf(column)), expected);
        // Columns the app itself fills are never touched.
        QCOMPARE(parsed.at(row).at(header.indexOf(QStringLiteral("account_id"))), QStringLiteral("acc"));
        QVERIFY(!parsed.at(row).at(header.indexOf(QStringLiteral("campaign_id"))).startsWith(QLatin1Char('\'')));
    }
}

void TestJournalStore::tableModelPassesModelTesterWhileRowsAndFiltersChange()
{
    Journal journal;
    QVERIFY(journal.open(journalPath()));
    JournalTableModel model(&journal);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(JournalTableModel::ColumnCount));
    for (int c = 0; c < model.columnCount(); ++c)
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());

    // Rows arrive while a filter is set: only matching ones show.
    Journal::Filter deactivations;
    deactivations.action = CampaignAction::Deactivate;
    model.setFilter(deactivations);
    const QList<qint64> ids = addFilterFixture(journal);
    QCOMPARE(model.rowCount(), 3);

    Journal::Filter none;
    model.setFilter(none);
    QCOMPARE(model.rowCount(), 6);

    // A new pending row appears at the top at once, then completes in place.
    const qint64 live = journal.begin(entry(400, CampaignAction::Complete, QDateTime::currentDateTimeUtc()));
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.entryAt(0).rowId, live);
    QCOMPARE(model.entryAt(0).outcome, Outcome::Pending);
    QVERIFY(journal.finish(live, ended(Outcome::Success, CampaignStatus::Completed, 8)));
    QCOMPARE(model.entryAt(0).outcome, Outcome::Success);

    Journal::Filter byCampaign;
    byCampaign.campaignId = 200;
    model.setFilter(byCampaign);
    QCOMPARE(model.rowCount(), 2);
    journal.begin(entry(200, CampaignAction::Activate, QDateTime::currentDateTimeUtc()));
    journal.begin(entry(999, CampaignAction::Activate, QDateTime::currentDateTimeUtc()));
    QCOMPARE(model.rowCount(), 3);

    Journal::Filter unknown;
    unknown.outcome = Outcome::Unknown;
    model.setFilter(unknown);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(journal.settle(ids.at(2), CampaignStatus::Inactive, true));
    QCOMPARE(model.rowCount(), 0);

    Journal::Filter nothing;
    nothing.campaignId = 123456;
    model.setFilter(nothing);
    QCOMPARE(model.rowCount(), 0);
    model.setFilter(none);
    QCOMPARE(model.rowCount(), 9);
    // Every cell is readable in every role the view asks for.
    for (int r = 0; r < model.rowCount(); ++r) {
        QCOMPARE(model.index(r, 0).data(Qt::UserRole).toLongLong(), model.entryAt(r).rowId);
        QCOMPARE(model.index(r, JournalTableModel::CampaignIdColumn).data().toLongLong(), model.entryAt(r).campaignId);
    }
}

void TestJournalStore::tableModelShowsNewestFirst()
{
    Journal journal;
    QVERIFY(journal.open(journalPath()));
    JournalTableModel model(&journal);
    QList<qint64> written;
    for (int i = 0; i < 5; ++i)
        written << journal.begin(entry(10 + i, CampaignAction::Deactivate, utc(10, 8, i)));
    QCOMPARE(model.rowCount(), 5);
    for (int r = 0; r < 5; ++r) {
        QCOMPARE(model.entryAt(r).rowId, written.at(4 - r));
        QCOMPARE(model.index(r, JournalTableModel::CampaignIdColumn).data().toLongLong(), 14 - r);
        QCOMPARE(model.index(r, 0).data(Qt::UserRole).toLongLong(), written.at(4 - r));
        if (r > 0)
            QVERIFY(model.entryAt(r).startedAt < model.entryAt(r - 1).startedAt);
    }
    // The newest row is also the newest after another arrives.
    const qint64 latest = journal.begin(entry(99, CampaignAction::Activate));
    QCOMPARE(model.entryAt(0).rowId, latest);
    QCOMPARE(model.index(0, JournalTableModel::CampaignNameColumn).data().toString(), QStringLiteral("Campaign 99"));
}

void TestJournalStore::tableModelFilters_data()
{
    QTest::addColumn<qint64>("campaign");
    QTest::addColumn<int>("action"); // -1: any
    QTest::addColumn<int>("outcome"); // -1: any
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<QList<int>>("expected"); // fixture positions (0 = oldest), newest first

    const int any = -1;
    const int deactivate = int(CampaignAction::Deactivate), activate = int(CampaignAction::Activate),
              complete = int(CampaignAction::Complete);
    QTest::newRow("no filter") << qint64(0) << any << any << QDateTime() << QDateTime() << QList<int>{5, 4, 3, 2, 1, 0};
    QTest::newRow("campaign") << qint64(200) << any << any << QDateTime() << QDateTime() << QList<int>{3, 2};
    QTest::newRow("action deactivate") << qint64(0) << deactivate << any << QDateTime() << QDateTime()
                                       << QList<int>{4, 2, 0};
    QTest::newRow("action complete") << qint64(0) << complete << any << QDateTime() << QDateTime() << QList<int>{3};
    QTest::newRow("outcome success") << qint64(0) << any << int(Outcome::Success) << QDateTime() << QDateTime()
                                     << QList<int>{4, 0};
    QTest::newRow("outcome not applied") << qint64(0) << any << int(Outcome::NotApplied) << QDateTime() << QDateTime()
                                         << QList<int>{5};
    QTest::newRow("outcome cancelled") << qint64(0) << any << int(Outcome::Cancelled) << QDateTime() << QDateTime()
                                       << QList<int>{3};
    QTest::newRow("from, inclusive") << qint64(0) << any << any << utc(3) << QDateTime() << QList<int>{5, 4, 3, 2};
    QTest::newRow("to, inclusive") << qint64(0) << any << any << QDateTime() << utc(2) << QList<int>{1, 0};
    QTest::newRow("date range") << qint64(0) << any << any << utc(2) << utc(4) << QList<int>{3, 2, 1};
    QTest::newRow("date range, one millisecond inside")
        << qint64(0) << any << any << utc(2).addMSecs(1) << utc(4).addMSecs(-1) << QList<int>{2};
    QTest::newRow("date range in another time zone")
        << qint64(0) << any << any << QDateTime(QDate(2025, 3, 2), QTime(12, 0), Qt::OffsetFromUTC, 3 * 3600)
        << QDateTime(QDate(2025, 3, 3), QTime(12, 0), Qt::OffsetFromUTC, 3 * 3600) << QList<int>{2, 1};
    QTest::newRow("campaign and action") << qint64(100) << activate << any << QDateTime() << QDateTime()
                                         << QList<int>{1};
    QTest::newRow("all four") << qint64(300) << deactivate << int(Outcome::Success) << utc(5) << utc(5)
                              << QList<int>{4};
    QTest::newRow("nothing matches") << qint64(300) << complete << any << QDateTime() << QDateTime() << QList<int>{};
}

void TestJournalStore::tableModelFilters()
{
    QFETCH(qint64, campaign);
    QFETCH(int, action);
    QFETCH(int, outcome);
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(QList<int>, expected);

    Journal journal;
    QVERIFY(journal.open(journalPath()));
    const QList<qint64> ids = addFilterFixture(journal);
    JournalTableModel model(&journal);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 6);

    Journal::Filter f;
    f.campaignId = campaign;
    if (action >= 0)
        f.action = static_cast<CampaignAction>(action);
    if (outcome >= 0)
        f.outcome = static_cast<Outcome>(outcome);
    f.from = from;
    f.to = to;
    model.setFilter(f);

    QList<int> shown;
    for (int r = 0; r < model.rowCount(); ++r)
        shown << static_cast<int>(ids.indexOf(model.entryAt(r).rowId));
    QCOMPARE(shown, expected);
    // The journal's own query agrees with the model.
    QCOMPARE(journal.entries(f).size(), expected.size());
    // Clearing the filter brings everything back.
    model.setFilter(Journal::Filter{});
    QCOMPARE(model.rowCount(), 6);
}

QTEST_GUILESS_MAIN(TestJournalStore)
#include "tst_journal_store.moc"
