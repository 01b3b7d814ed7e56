// The journal's storage, without a network: a real SQLite file in a temporary directory.
// Schema migration from version 1 and refusal of a newer schema, rows a dead session left
// pending, the CSV export (RFC 4180, UTF-8 BOM) and the History window's table model.

#include "journal.h"
#include "journalcsv.h"
#include "journaltablemodel.h"
#include "journaltestsupport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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

QDateTime utc(int day, int hour = 9, int minute = 0)
{
    return QDateTime(QDate(2025, 3, day), QTime(hour, minute), Qt::UTC);
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
    void migratesVersion1DatabaseKeepingItsRows();
    void refusesNewerSchemaWithClearError();
    void refusesFileThatIsNotADatabase();
    void reopenTurnsEarlierSessionsPendingRowsUnknown();
    void finishAndSettleRecordOutcomes();
    void rowWithAnUnknownActionIsLeftOutNotGuessed();
    void absentOptionalFieldsAreStoredAsEmptyText();

    void csvRoundTripKeepsAwkwardNames();
    void csvIsUtf8WithBomCrlfAndDoubledQuotes();

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
    QCOMPARE(Journal::kSchemaVersion, 2);
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
        QCOMPARE(raw.userVersion(), 2);
        const QStringList columns = raw.columns(QStringLiteral("actions"));
        QVERIFY(columns.contains(QStringLiteral("reason")));
        QVERIFY(columns.contains(QStringLiteral("interrupted")));
        QCOMPARE(raw.scalar(QStringLiteral(
                                "SELECT COUNT(*) FROM sqlite_master WHERE type='index' AND name='actions_started'"))
                     .toInt(),
                 1);
        // The old rows got the new columns' defaults.
        const QList<QVariantMap> old = raw.rows(QStringLiteral("SELECT reason, interrupted FROM actions ORDER BY id"));
        QCOMPARE(old.size(), 2);
        for (const QVariantMap &r : old) {
            QVERIFY(!r.value(QStringLiteral("reason")).isNull());
            QCOMPARE(r.value(QStringLiteral("reason")).toString(), QString());
            QCOMPARE(r.value(QStringLiteral("interrupted")).toInt(), 0);
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
        QCOMPARE(refused.errorText, QStringLiteral("No access: the token lacks the right"));
        QCOMPARE(refused.reason, QString());
        QVERIFY(!refused.interrupted);

        // New rows, with a reason, go into the migrated file.
        JournalEntry e = entry(19, CampaignAction::Activate);
        e.reason = QStringLiteral("Перезапуск после миграции");
        const qint64 id = journal.begin(e);
        QVERIFY(id > 2);
        QVERIFY(journal.finish(id, Outcome::Success, CampaignStatus::Active, 0, QString(), 12));
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
    QCOMPARE(raw.userVersion(), 2);
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
        QVERIFY(first.finish(completed, Outcome::Success, CampaignStatus::Inactive, 0, QString(), 5));
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
    QVERIFY(journal.finish(a, Outcome::Unknown, CampaignStatus::Active, 0, QStringLiteral("timed out"), 30000));
    QVERIFY(journal.finish(b, Outcome::Unknown, CampaignStatus::Unknown, 0, QStringLiteral("timed out"), 30000));
    QVERIFY(journal.finish(c, Outcome::Success, CampaignStatus::Unknown, 0, QString(), 20));
    QVERIFY(!journal.finish(999, Outcome::Success, CampaignStatus::Unknown, 0, QString(), 20));

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
    QVERIFY(journal.finish(id, Outcome::Success, CampaignStatus::Unknown, 0, QString(), 3));
    const JournalEntry e = journal.entries().value(0);
    QCOMPARE(e.rowId, id);
    QCOMPARE(e.outcome, Outcome::Success);
    QCOMPARE(e.operationId, QString());
    QCOMPARE(e.reason, QString());
    QCOMPARE(e.errorText, QString());
    QCOMPARE(e.statusBefore, CampaignStatus::Unknown);

    RawDb raw(journalPath());
    const QVariantMap row = raw.rows(QStringLiteral("SELECT operation_id, reason, error_text, campaign_name, os_user,"
                                                    " api_host, status_before FROM actions WHERE id=?"),
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
        QVERIFY(journal.finish(
            id, i == 2 ? Outcome::ApiError : Outcome::Success, CampaignStatus::Inactive, i == 2 ? 400 : 0,
            i == 2 ? QStringLiteral("Campaign is completed, \"cannot\"\r\nbe changed") : QString(), 100 + i));
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
            journal.finish(id, Outcome::Unknown, CampaignStatus::Unknown, 0, QString(), 1);
            journal.settle(id, CampaignStatus::Inactive, false);
        } else {
            journal.finish(id, r.outcome, CampaignStatus::Unknown, r.outcome == Outcome::ApiError ? 400 : 0, QString(),
                           1);
        }
        ids << id;
    }
    return ids;
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
    QVERIFY(journal.finish(live, Outcome::Success, CampaignStatus::Completed, 0, QString(), 8));
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
