// The Activity log (issue 18), in a real SQLite file in a temporary directory: what the background
// watch noticed, stored as facts (schema 7), read back newest first, filtered, cleared, kept across
// a reopen and bounded on open; originOfChange() over the actions table; the step from schema 6;
// the sentences ActivityMessage words the facts in; and the Activity pane's table model.

#include "activitymessage.h"
#include "activitytablemodel.h"
#include "journal.h"
#include "journaltestsupport.h"
#include "localization.h"
#include "statuslabels.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

using JournalTest::RawDb;
using Kind = WatchEvent::Kind;
using Origin = WatchEvent::Origin;

namespace {

const AccountRef kProd{QStringLiteral("acc-prod"), QStringLiteral("Production")};
const AccountRef kStage{QStringLiteral("acc-stage"), QStringLiteral("Staging")};

const QList<Kind> kKinds{Kind::StatusChanged, Kind::NewCampaign, Kind::StartOverdue,
                         Kind::StuckCloning,  Kind::Unreachable, Kind::Reachable};
const QList<Origin> kOrigins{Origin::Unknown, Origin::ThisComputer, Origin::Schedule, Origin::SomeoneElse};

// Now, to the millisecond (what the file keeps).
QDateTime nowMs()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch(), Qt::UTC);
}

WatchEvent watchEvent(Kind kind, const AccountRef &account, qint64 campaignId, const QDateTime &noticedAt)
{
    WatchEvent e;
    e.kind = kind;
    e.account = account;
    e.campaignId = campaignId;
    e.campaignName = QStringLiteral("Campaign name %1").arg(campaignId);
    e.noticedAt = noticedAt;
    return e;
}

} // namespace

namespace QTest {
template<>
inline char *toString(const WatchEvent &e)
{
    return qstrdup(
        QStringLiteral("WatchEvent(id %1, %2/%3, %4 %5, campaign %6 \"%7\", %8→%9, user \"%10\", since %11, "
                       "noticed %12, detail \"%13\", watched %14)")
            .arg(e.id)
            .arg(Journal::activityKindKey(e.kind), Journal::activityOriginKey(e.origin), e.account.id, e.account.name)
            .arg(e.campaignId)
            .arg(e.campaignName, CampaignStatuses::toApiString(e.before), CampaignStatuses::toApiString(e.after),
                 e.updatedUser, e.since.toString(Qt::ISODateWithMs), e.noticedAt.toString(Qt::ISODateWithMs), e.detail)
            .arg(e.watched)
            .toUtf8()
            .constData());
}
} // namespace QTest

class TestActivityLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyKindAndOriginIsReadBackWithAllItsFields();
    void storedAsKeysNotSentences();
    void keptAcrossCloseAndReopen();
    void newestFirst();
    void filtersByAccountCampaignSinceAndLimit();
    void clearsOneAccountOrAll();
    void originOfChangeIsThisComputerOnlyForThisAccountAndCampaignSince();
    void schema6FileIsUpgradedKeepingItsRows();
    void openRemovesOnlyRowsOlderThan90DaysBeyondTheNewest20000();

    void modelLoadsWhatTheJournalHolds();
    void modelAppendsEachBatchAsOneInsertionOnTop();
    void modelEmptiesWhenCleared();

    void messagesKeepHostileNamesLiteral();
    void messagesSayOneSentencePerKindAndOrigin();
    void englishPluralsForCloningMinutes();

private:
    QString journalPath() const { return m_dir->filePath(QStringLiteral("journal.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Journal> m_journal;
};

void TestActivityLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(journalPath()), qPrintable(m_journal->errorString()));
}

void TestActivityLog::cleanup()
{
    m_journal.reset();
    m_dir.reset();
}

void TestActivityLog::everyKindAndOriginIsReadBackWithAllItsFields()
{
    const QDateTime t0 = nowMs().addSecs(-3600);
    QList<WatchEvent> events;
    for (Kind kind : kKinds) {
        for (Origin origin : kOrigins) {
            WatchEvent e = watchEvent(kind, kProd, 100 + events.size(), t0.addSecs(events.size()));
            e.origin = origin;
            e.before = CampaignStatus::Active;
            e.after = CampaignStatus::Inactive;
            e.updatedUser = QStringLiteral("anna.colleague");
            e.since = t0.addSecs(-600);
            e.detail = QStringLiteral("The server did not answer within 30 seconds.");
            e.watched = events.size() % 2 == 0;
            events.append(e);
        }
    }
    QSignalSpy added(m_journal.get(), &Journal::activityAdded);
    const QList<WatchEvent> stored = m_journal->recordActivity(events);
    QCOMPARE(stored.size(), events.size());
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first().first().value<QList<WatchEvent>>(), stored);
    for (int i = 0; i < stored.size(); ++i) {
        QVERIFY(stored.at(i).id > 0);
        WatchEvent withId = events.at(i);
        withId.id = stored.at(i).id;
        QCOMPARE(stored.at(i), withId);
    }

    QList<WatchEvent> read = m_journal->activity();
    QCOMPARE(read.size(), stored.size());
    std::reverse(read.begin(), read.end()); // newest first; they were noticed in order
    for (int i = 0; i < read.size(); ++i) {
        QCOMPARE(read.at(i), stored.at(i));
        QCOMPARE(read.at(i).noticedAt.timeSpec(), Qt::UTC);
    }
}

void TestActivityLog::storedAsKeysNotSentences()
{
    WatchEvent e = watchEvent(Kind::StatusChanged, kProd, 7, nowMs());
    e.origin = Origin::SomeoneElse;
    e.before = CampaignStatus::Waiting;
    e.after = CampaignStatus::Active;
    QCOMPARE(m_journal->recordActivity({e}).size(), 1);
    RawDb raw(journalPath());
    const QList<QVariantMap> rows = raw.rows(QStringLiteral("SELECT * FROM activity"));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().value(QStringLiteral("kind")).toString(), QStringLiteral("status_changed"));
    QCOMPARE(rows.first().value(QStringLiteral("origin")).toString(), QStringLiteral("someone_else"));
    QCOMPARE(rows.first().value(QStringLiteral("status_before")).toString(), QStringLiteral("waiting"));
    QCOMPARE(rows.first().value(QStringLiteral("status_after")).toString(), QStringLiteral("active"));
    for (Kind k : kKinds)
        QCOMPARE(Journal::activityKindFromKey(Journal::activityKindKey(k)), k);
    for (Origin o : kOrigins)
        QCOMPARE(Journal::activityOriginFromKey(Journal::activityOriginKey(o)), o);
}

void TestActivityLog::keptAcrossCloseAndReopen()
{
    WatchEvent e = watchEvent(Kind::StuckCloning, kStage, 9, nowMs());
    e.since = e.noticedAt.addSecs(-1800);
    e.watched = true;
    const QList<WatchEvent> stored = m_journal->recordActivity({e});
    QCOMPARE(stored.size(), 1);
    m_journal->close();
    QVERIFY(!m_journal->isOpen());

    Journal reopened;
    QVERIFY2(reopened.open(journalPath()), qPrintable(reopened.errorString()));
    QCOMPARE(reopened.activity(), stored);
}

void TestActivityLog::newestFirst()
{
    const QDateTime t0 = nowMs().addSecs(-100);
    // Written out of order, in three batches: read back by the time noticed, newest first.
    const qint64 middle
        = m_journal->recordActivity({watchEvent(Kind::NewCampaign, kProd, 2, t0.addSecs(20))}).first().id;
    const qint64 oldest
        = m_journal->recordActivity({watchEvent(Kind::NewCampaign, kProd, 1, t0.addSecs(10))}).first().id;
    const qint64 newest
        = m_journal->recordActivity({watchEvent(Kind::NewCampaign, kProd, 3, t0.addSecs(30))}).first().id;
    const QList<WatchEvent> read = m_journal->activity();
    QCOMPARE(read.size(), 3);
    QCOMPARE(read.at(0).id, newest);
    QCOMPARE(read.at(1).id, middle);
    QCOMPARE(read.at(2).id, oldest);
}

void TestActivityLog::filtersByAccountCampaignSinceAndLimit()
{
    const QDateTime t0 = nowMs().addSecs(-1000);
    QList<WatchEvent> events;
    for (int i = 0; i < 10; ++i)
        events.append(watchEvent(Kind::StatusChanged, i % 2 ? kStage : kProd, 10 + i % 3, t0.addSecs(i * 10)));
    QCOMPARE(m_journal->recordActivity(events).size(), 10);

    ActivityFilter byAccount;
    byAccount.accountId = kStage.id;
    const QList<WatchEvent> stage = m_journal->activity(byAccount);
    QCOMPARE(stage.size(), 5);
    for (const WatchEvent &e : stage)
        QCOMPARE(e.account, kStage);

    ActivityFilter byCampaign;
    byCampaign.campaignId = 11; // i = 1, 4, 7
    QCOMPARE(m_journal->activity(byCampaign).size(), 3);
    byCampaign.accountId = kProd.id; // i = 4
    const QList<WatchEvent> one = m_journal->activity(byCampaign);
    QCOMPARE(one.size(), 1);
    QCOMPARE(one.first().noticedAt, t0.addSecs(40));

    ActivityFilter since;
    since.since = t0.addSecs(70); // i = 7, 8, 9: inclusive
    const QList<WatchEvent> recent = m_journal->activity(since);
    QCOMPARE(recent.size(), 3);
    QCOMPARE(recent.last().noticedAt, t0.addSecs(70));

    ActivityFilter limited;
    limited.limit = 4;
    const QList<WatchEvent> newest = m_journal->activity(limited);
    QCOMPARE(newest.size(), 4);
    QCOMPARE(newest.first().noticedAt, t0.addSecs(90));
    QCOMPARE(newest.last().noticedAt, t0.addSecs(60));
    QCOMPARE(ActivityFilter{}.limit, 5000);
}

void TestActivityLog::clearsOneAccountOrAll()
{
    const QDateTime t = nowMs();
    QCOMPARE(m_journal
                 ->recordActivity({watchEvent(Kind::Unreachable, kProd, 0, t), watchEvent(Kind::Reachable, kProd, 0, t),
                                   watchEvent(Kind::NewCampaign, kStage, 5, t)})
                 .size(),
             3);
    QSignalSpy cleared(m_journal.get(), &Journal::activityCleared);
    QVERIFY(m_journal->clearActivity(kProd.id));
    QCOMPARE(cleared.size(), 1);
    const QList<WatchEvent> left = m_journal->activity();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().account, kStage);

    QVERIFY(m_journal->clearActivity());
    QCOMPARE(cleared.size(), 2);
    QVERIFY(m_journal->activity().isEmpty());
    RawDb raw(journalPath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM activity")).toInt(), 0);
}

void TestActivityLog::originOfChangeIsThisComputerOnlyForThisAccountAndCampaignSince()
{
    const QDateTime since = nowMs().addSecs(-300);
    auto row = [&](const AccountRef &account, qint64 campaignId, const QDateTime &startedAt) {
        JournalEntry e;
        e.account = account;
        e.campaignId = campaignId;
        e.campaignName = QStringLiteral("c");
        e.action = CampaignAction::Deactivate;
        e.statusBefore = CampaignStatus::Active;
        e.startedAt = startedAt;
        return m_journal->begin(e);
    };
    // Campaign 42: a pending row (its request still out) after since.
    QVERIFY(row(kProd, 42, since.addSecs(10)) > 0);
    // Campaign 43: a completed, successful row after since (the command line writes the same rows).
    const qint64 done = row(kProd, 43, since.addSecs(20));
    QVERIFY(done > 0);
    JournalEntry outcome;
    outcome.outcome = JournalEntry::Outcome::Success;
    outcome.statusAfter = CampaignStatus::Inactive;
    QVERIFY(m_journal->finish(done, outcome));
    m_journal->commitCompletions();
    // Campaign 45: only before since.
    QVERIFY(row(kProd, 45, since.addSecs(-1)) > 0);
    // At exactly since counts.
    QVERIFY(row(kProd, 46, since) > 0);

    QCOMPARE(m_journal->originOfChange(kProd.id, 42, since), Origin::ThisComputer);
    QCOMPARE(m_journal->originOfChange(kProd.id, 43, since), Origin::ThisComputer);
    QCOMPARE(m_journal->originOfChange(kProd.id, 46, since), Origin::ThisComputer);
    QCOMPARE(m_journal->originOfChange(kStage.id, 42, since), Origin::Unknown); // another account
    QCOMPARE(m_journal->originOfChange(kProd.id, 44, since), Origin::Unknown); // another campaign
    QCOMPARE(m_journal->originOfChange(kProd.id, 45, since), Origin::Unknown); // before since
    QCOMPARE(m_journal->originOfChange(kProd.id, 45, since.addSecs(-60)), Origin::ThisComputer);

    // The lookup has its index: SQLite does not scan the actions table for it.
    RawDb raw(journalPath());
    const QList<QVariantMap> plan
        = raw.rows(QStringLiteral("EXPLAIN QUERY PLAN SELECT 1 FROM actions WHERE account_id=? AND campaign_id=?"
                                  " AND started_at>=? LIMIT 1"),
                   {kProd.id, 42, QStringLiteral("2026")});
    QVERIFY(!plan.isEmpty());
    const QString detail = plan.first().value(QStringLiteral("detail")).toString();
    QVERIFY2(detail.contains(QStringLiteral("actions_account_campaign_started")), qPrintable(detail));
}

void TestActivityLog::schema6FileIsUpgradedKeepingItsRows()
{
    // A journal as schema 6 left it: the current file without what step 7 adds.
    JournalEntry e;
    e.account = kProd;
    e.campaignId = 42;
    e.campaignName = QStringLiteral("kept");
    QVERIFY(m_journal->begin(e) > 0);
    m_journal->close();
    {
        RawDb v6(journalPath());
        QVERIFY2(v6.exec(QStringLiteral("DROP TABLE activity")), qPrintable(v6.lastError()));
        QVERIFY(v6.exec(QStringLiteral("DROP INDEX actions_account_campaign_started")));
        QVERIFY(v6.exec(QStringLiteral("PRAGMA user_version=6")));
        QVERIFY(v6.rows(QStringLiteral("SELECT name FROM sqlite_master WHERE name LIKE 'activity%'")).isEmpty());
    }
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(journalPath()), qPrintable(m_journal->errorString()));
    {
        RawDb raw(journalPath());
        QCOMPARE(raw.userVersion(), 7);
        QCOMPARE(raw.userVersion(), Journal::kSchemaVersion);
        const QStringList columns = raw.columns(QStringLiteral("activity"));
        for (const char *name :
             {"id", "noticed_at", "kind", "origin", "account_id", "account_name", "campaign_id", "campaign_name",
              "status_before", "status_after", "updated_user", "since", "detail", "watched"})
            QVERIFY2(columns.contains(QLatin1String(name)), name);
        QCOMPARE(raw.rows(QStringLiteral("SELECT name FROM sqlite_master WHERE type='index' AND"
                                         " name='actions_account_campaign_started'"))
                     .size(),
                 1);
    }
    QCOMPARE(m_journal->entries().size(), 1);
    QCOMPARE(m_journal->entries().first().campaignName, QStringLiteral("kept"));
    QVERIFY(m_journal->activity().isEmpty());
    QCOMPARE(m_journal->recordActivity({watchEvent(Kind::NewCampaign, kProd, 43, nowMs())}).size(), 1);
    QCOMPARE(m_journal->activity().size(), 1);
    QCOMPARE(m_journal->originOfChange(kProd.id, 42, QDateTime::currentDateTimeUtc().addDays(-1)),
             Origin::ThisComputer);
}

void TestActivityLog::openRemovesOnlyRowsOlderThan90DaysBeyondTheNewest20000()
{
    const QString old
        = QDateTime::currentDateTimeUtc().addDays(-Journal::kActivityKeepDays - 10).toString(Qt::ISODateWithMs);
    const QString recent = QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODateWithMs);
    // A quiet log: an old row among few is kept.
    QVERIFY(
        !m_journal
             ->recordActivity({watchEvent(Kind::Reachable, kProd, 0, QDateTime::fromString(old, Qt::ISODateWithMs))})
             .isEmpty());
    m_journal->close();
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(journalPath()), qPrintable(m_journal->errorString()));
    QCOMPARE(m_journal->activity().size(), 1);
    m_journal->close();

    // A busy one: 3 more old rows and 20,000 recent ones. The 4 old rows are beyond the newest
    // 20,000 and go; recent rows past the count stay (none here, so exactly 20,000 remain).
    {
        RawDb raw(journalPath());
        QVERIFY(raw.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<3)"
                                        " INSERT INTO activity (noticed_at, kind) SELECT ?, 'reachable' FROM n"),
                         {old}));
        QVERIFY(raw.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<%1)"
                                        " INSERT INTO activity (noticed_at, kind) SELECT ?, 'new_campaign' FROM n")
                             .arg(Journal::kActivityKeepRows),
                         {recent}));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM activity")).toInt(), Journal::kActivityKeepRows + 4);
    }
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(journalPath()), qPrintable(m_journal->errorString()));
    RawDb raw(journalPath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM activity")).toInt(), Journal::kActivityKeepRows);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM activity WHERE noticed_at<?"), {recent}).toInt(), 0);
    // 20,000 recent rows and one more recent than 90 days: nothing is older, nothing goes.
    QVERIFY(raw.exec(
        QStringLiteral("INSERT INTO activity (noticed_at, kind) VALUES (?, 'reachable')"),
        {QDateTime::currentDateTimeUtc().addDays(-Journal::kActivityKeepDays + 1).toString(Qt::ISODateWithMs)}));
    m_journal->close();
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(journalPath()), qPrintable(m_journal->errorString()));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM activity")).toInt(), Journal::kActivityKeepRows + 1);
}

void TestActivityLog::modelLoadsWhatTheJournalHolds()
{
    const QDateTime t0 = nowMs().addSecs(-60);
    WatchEvent change = watchEvent(Kind::StatusChanged, kProd, 42, t0.addSecs(10));
    change.campaignName = QStringLiteral("Spring sale");
    change.before = CampaignStatus::Active;
    change.after = CampaignStatus::Inactive;
    change.origin = Origin::SomeoneElse;
    change.updatedUser = QStringLiteral("anna.colleague");
    QCOMPARE(m_journal->recordActivity({watchEvent(Kind::Unreachable, kStage, 0, t0), change}).size(), 2);

    ActivityTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setJournal(m_journal.get());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ActivityTableModel::ColumnCount));

    // Newest first: the change, then the outage.
    const QModelIndex what = model.index(0, ActivityTableModel::WhatColumn);
    QCOMPARE(what.data().toString(), ActivityMessage::sentence(change));
    QVERIFY(what.data().toString().contains(QStringLiteral("anna.colleague")));
    QCOMPARE(model.index(0, ActivityTableModel::CampaignColumn).data().toString(), QStringLiteral("42 · Spring sale"));
    QCOMPARE(model.index(0, ActivityTableModel::AccountColumn).data().toString(), kProd.name);
    QCOMPARE(model.index(0, ActivityTableModel::OriginColumn).data().toString(), QStringLiteral("anna.colleague"));
    QCOMPARE(model.index(1, ActivityTableModel::CampaignColumn).data().toString(), QString());
    QCOMPARE(model.index(0, ActivityTableModel::TimeColumn).data(ActivityTableModel::SortRole).toLongLong(),
             change.noticedAt.toMSecsSinceEpoch());
    QCOMPARE(model.index(0, ActivityTableModel::TimeColumn).data().toString(),
             change.noticedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    const auto stored = model.index(0, ActivityTableModel::TimeColumn).data(ActivityTableModel::EventRole);
    QVERIFY(stored.canConvert<WatchEvent>());
    QCOMPARE(stored.value<WatchEvent>().campaignId, 42);
    QCOMPARE(stored.value<WatchEvent>().account, kProd);
    QCOMPARE(model.accounts(), (QList<AccountRef>{kProd, kStage}));
}

void TestActivityLog::modelAppendsEachBatchAsOneInsertionOnTop()
{
    const QDateTime t0 = nowMs().addSecs(-60);
    QCOMPARE(m_journal->recordActivity({watchEvent(Kind::NewCampaign, kProd, 1, t0)}).size(), 1);
    ActivityTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJournal(m_journal.get());
    QCOMPARE(model.rowCount(), 1);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QList<WatchEvent> batch;
    for (int i = 0; i < 5; ++i)
        batch.append(watchEvent(Kind::StatusChanged, kStage, 10 + i, t0.addSecs(1 + i)));
    const QList<WatchEvent> stored = m_journal->recordActivity(batch);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 4);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.eventAt(0).id, stored.last().id); // the newest of the batch on top
    QCOMPARE(model.eventAt(4).id, stored.first().id);
    QCOMPARE(model.eventAt(5).campaignId, 1); // what was there stays below

    QCOMPARE(m_journal->recordActivity({watchEvent(Kind::Reachable, kProd, 0, t0.addSecs(30))}).size(), 1);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.eventAt(0).kind, Kind::Reachable);
    // The model holds what a reload reads.
    QList<WatchEvent> shown;
    for (int r = 0; r < model.rowCount(); ++r)
        shown.append(model.eventAt(r));
    QCOMPARE(shown, m_journal->activity());
}

void TestActivityLog::modelEmptiesWhenCleared()
{
    const QDateTime t = nowMs();
    QCOMPARE(
        m_journal
            ->recordActivity({watchEvent(Kind::NewCampaign, kProd, 1, t), watchEvent(Kind::NewCampaign, kStage, 2, t)})
            .size(),
        2);
    ActivityTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJournal(m_journal.get());
    QCOMPARE(model.rowCount(), 2);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(m_journal->clearActivity(kProd.id));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.eventAt(0).account, kStage);
    QVERIFY(m_journal->clearActivity());
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 0);
}

void TestActivityLog::messagesKeepHostileNamesLiteral()
{
    WatchEvent e = watchEvent(Kind::StatusChanged, kProd, 42, nowMs());
    e.campaignName = QStringLiteral("<b>Sale</b> %2 <img src=x> \u202Egpj.exe");
    e.updatedUser = QStringLiteral("<a href=\"http://evil\">%1</a>");
    e.origin = Origin::SomeoneElse;
    e.before = CampaignStatus::Active;
    e.after = CampaignStatus::Inactive;
    for (const QString &text : {ActivityMessage::sentence(e), ActivityMessage::summary(e)}) {
        QVERIFY2(text.contains(QStringLiteral("<b>Sale</b> %2 <img src=x> [U+202E]gpj.exe")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("<a href=\"http://evil\">%1</a>")), qPrintable(text));
        QVERIFY2(!text.contains(QChar(0x202E)), qPrintable(text));
    }
    // The status words are the app's, not the names' %2 substituted.
    QVERIFY(ActivityMessage::sentence(e).contains(StatusLabels::status(CampaignStatus::Inactive)));
    QCOMPARE(ActivityMessage::origin(e), e.updatedUser);

    WatchEvent down
        = watchEvent(Kind::Unreachable, {QStringLiteral("acc"), QStringLiteral("<i>Prod</i> %1")}, 0, nowMs());
    down.detail = QStringLiteral("<script>%2</script>");
    const QString s = ActivityMessage::sentence(down);
    QVERIFY2(s.contains(QStringLiteral("<i>Prod</i> %1")) && s.contains(QStringLiteral("<script>%2</script>")),
             qPrintable(s));

    // The model shows the same literal text.
    QCOMPARE(m_journal->recordActivity({e}).size(), 1);
    ActivityTableModel model;
    model.setJournal(m_journal.get());
    QVERIFY(model.index(0, ActivityTableModel::CampaignColumn)
                .data()
                .toString()
                .endsWith(QStringLiteral("<b>Sale</b> %2 <img src=x> [U+202E]gpj.exe")));
}

void TestActivityLog::messagesSayOneSentencePerKindAndOrigin()
{
    WatchEvent e = watchEvent(Kind::StatusChanged, kProd, 42, nowMs());
    e.campaignName = QStringLiteral("Spring sale");
    e.before = CampaignStatus::Active;
    e.after = CampaignStatus::Inactive;
    e.origin = Origin::SomeoneElse;
    e.updatedUser = QStringLiteral("anna.colleague");
    QCOMPARE(ActivityMessage::summary(e), QStringLiteral("“Spring sale” was paused by anna.colleague"));
    QCOMPARE(ActivityMessage::sentence(e),
             QStringLiteral("“Spring sale” went from “Active” to “Inactive”: changed by anna.colleague, not from this "
                            "computer."));

    QSet<QString> sentences;
    for (Origin origin : kOrigins) {
        e.origin = origin;
        sentences.insert(ActivityMessage::sentence(e));
    }
    e.origin = Origin::SomeoneElse;
    e.updatedUser.clear();
    sentences.insert(ActivityMessage::sentence(e));
    QVERIFY2(ActivityMessage::sentence(e).contains(QStringLiteral("by someone else")),
             qPrintable(ActivityMessage::sentence(e)));
    QCOMPARE(sentences.size(), 5); // each origin says its own sentence
    e.origin = Origin::ThisComputer;
    QVERIFY(ActivityMessage::sentence(e).contains(QStringLiteral("this computer")));
    e.origin = Origin::Schedule;
    QVERIFY(ActivityMessage::sentence(e).contains(QStringLiteral("schedule")));

    WatchEvent started = watchEvent(Kind::StatusChanged, kProd, 42, nowMs());
    started.campaignName.clear();
    started.after = CampaignStatus::Active;
    QCOMPARE(ActivityMessage::summary(started), QStringLiteral("Campaign 42 started"));

    WatchEvent overdue = watchEvent(Kind::StartOverdue, kProd, 42, nowMs());
    overdue.since = overdue.noticedAt.addSecs(-3600);
    QVERIFY2(ActivityMessage::sentence(overdue).contains(QStringLiteral("still waiting: it was to start at ")),
             qPrintable(ActivityMessage::sentence(overdue)));

    WatchEvent cloning = watchEvent(Kind::StuckCloning, kProd, 42, QDateTime());
    cloning.since = nowMs().addSecs(-3600);
    QVERIFY2(ActivityMessage::sentence(cloning).contains(QStringLiteral("has been cloning since ")),
             qPrintable(ActivityMessage::sentence(cloning)));

    WatchEvent down = watchEvent(Kind::Unreachable, kProd, 0, nowMs());
    down.detail = QStringLiteral("Connection refused.");
    QCOMPARE(ActivityMessage::sentence(down),
             QStringLiteral("The server of Production stopped answering: Connection "
                            "refused."));
    QCOMPARE(ActivityMessage::sentence(watchEvent(Kind::Reachable, kProd, 0, nowMs())),
             QStringLiteral("The server of Production answers again."));
    WatchEvent added = watchEvent(Kind::NewCampaign, kProd, 43, nowMs());
    added.after = CampaignStatus::Waiting;
    QVERIFY(ActivityMessage::sentence(added).contains(StatusLabels::status(CampaignStatus::Waiting)));

    // Every kind has its own sentence and summary.
    QSet<QString> kinds;
    QSet<QString> summaries;
    for (Kind kind : kKinds) {
        WatchEvent k = watchEvent(kind, kProd, kind == Kind::Unreachable || kind == Kind::Reachable ? 0 : 42, nowMs());
        k.since = k.noticedAt.addSecs(-1200);
        QVERIFY(!ActivityMessage::sentence(k).isEmpty());
        kinds.insert(ActivityMessage::sentence(k));
        summaries.insert(ActivityMessage::summary(k));
    }
    QCOMPARE(kinds.size(), kKinds.size());
    QCOMPARE(summaries.size(), kKinds.size());
}

void TestActivityLog::englishPluralsForCloningMinutes()
{
    auto english = std::make_unique<Localization>();
    QCOMPARE(english->install(QStringLiteral("en")), QStringLiteral("en"));
    WatchEvent e = watchEvent(Kind::StuckCloning, kProd, 42, nowMs());
    e.campaignName = QStringLiteral("Spring sale");
    e.since = e.noticedAt.addSecs(-60);
    const QString one = ActivityMessage::sentence(e);
    e.since = e.noticedAt.addSecs(-25 * 60 - 30);
    const QString many = ActivityMessage::sentence(e);
    english.reset(); // the source texts again for the other tests
    QCOMPARE(one, QStringLiteral("“Spring sale” has been cloning for 1 minute."));
    QCOMPARE(many, QStringLiteral("“Spring sale” has been cloning for 25 minutes."));
}

QTEST_GUILESS_MAIN(TestActivityLog)
#include "tst_activity_log.moc"
