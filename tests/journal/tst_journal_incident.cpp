// The incident pause and its exact restore, for real: the in-process AltcraftEmulator over
// loopback, a real CampaignService and a real journal file. The snapshot records what the
// server reported right after the pause; the restore activates exactly the campaigns still
// inactive and untouched since, and names the ones it leaves alone.

#include "altcraftclient.h"
#include "altcraftemulator.h"
#include "campaignbuilder.h"
#include "campaignservice.h"
#include "incidentpause.h"
#include "journal.h"
#include "journalrecorder.h"
#include "journaltestsupport.h"
#include "settings.h"
#include "snapshotrestoreplan.h"

#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;
using JournalTest::idRange;
using JournalTest::RawDb;
using Reason = SnapshotRestorePlan::Reason;

namespace {

constexpr int kWaitMs = 30000; // upper bound for one run; never a timing assertion
const AccountRef kAccount{QStringLiteral("acc-prod"), QStringLiteral("Production <b>EU</b>")};
const AccountRef kOtherAccount{QStringLiteral("acc-stage"), QStringLiteral("Staging")};
const QString kColleague = QStringLiteral("colleague");

QSet<qint64> toSet(const QList<qint64> &ids)
{
    return QSet<qint64>(ids.cbegin(), ids.cend());
}

IncidentSnapshotItem pausedItem(qint64 id, const QDateTime &after, const QString &user)
{
    IncidentSnapshotItem i;
    i.campaignId = id;
    i.campaignName = QStringLiteral("c%1").arg(id);
    i.statusBefore = CampaignStatus::Active;
    i.paused = true;
    i.updatedAfter = after;
    i.updatedUserAfter = user;
    return i;
}

Campaign campaignNow(qint64 id, CampaignStatus status, const QDateTime &updated, const QString &user)
{
    Campaign c;
    c.id = id;
    c.name = QStringLiteral("c%1").arg(id);
    c.setStatus(status);
    c.updated = updated;
    c.updatedUser = user;
    return c;
}

} // namespace

class TestJournalIncident : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void planClassifiesEachCampaign();
    void pauseOf300ThenSomeoneElseChangesTwoThenExactRestore();
    void restoreIsRefusedInAnotherAccountAndReadsNothing();
    void snapshotSurvivesReopeningTheFile();
    void version5FileIsUpgradedKeepingItsRows();

private:
    QString journalPath() const { return m_dir->filePath(QStringLiteral("journal.sqlite")); }
    [[nodiscard]] bool load()
    {
        QSignalSpy done(m_service.get(), &CampaignService::loadFinished);
        m_service->reload();
        return done.wait(kWaitMs) && done.first().first().value<ApiError>().isNone();
    }
    QList<qint64> sent(const QString &method) const
    {
        QList<qint64> ids;
        for (const RecordedRequest &r : m_emu->requests()) {
            if (r.apiMethod() == method)
                ids.append(r.campaignId());
        }
        return ids;
    }
    [[nodiscard]] bool planFor(SnapshotRestore &restore, const IncidentSnapshot &snapshot, SnapshotRestorePlan *plan)
    {
        QSignalSpy planned(&restore, &SnapshotRestore::planned);
        if (!restore.plan(snapshot, kAccount))
            return false;
        if (planned.isEmpty() && !planned.wait(kWaitMs))
            return false;
        *plan = planned.first().at(1).value<SnapshotRestorePlan>();
        return true;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AltcraftEmulator> m_emu;
    std::unique_ptr<AltcraftClient> m_client;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<CampaignService> m_service;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<JournalRecorder> m_recorder;
    QDateTime m_now = QDateTime(QDate(2026, 3, 2), QTime(9, 15, 0, 250), Qt::UTC);
};

void TestJournalIncident::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_emu = std::make_unique<AltcraftEmulator>();
    QVERIFY(m_emu->start() != 0);
    m_emu->store().reset({});
    m_emu->store().setClock([this] { return m_now; });
    m_client = std::make_unique<AltcraftClient>();
    RequestFactory f(m_emu->baseUrl());
    f.setToken(ApiTokenGrant::defaultFullToken());
    f.setTransferTimeout(10000ms);
    m_client->setFactory(f);
    m_client->setRetryBaseDelay(10);
    m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_settings->setValue(Settings::Key::Concurrency, 6);
    m_service = std::make_unique<CampaignService>(m_client.get(), m_settings.get());
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(journalPath()), qPrintable(m_journal->errorString()));
    m_recorder = std::make_unique<JournalRecorder>(m_journal.get(), m_service.get());
    m_recorder->setAccount(kAccount);
}

void TestJournalIncident::cleanup()
{
    m_recorder.reset();
    m_service.reset();
    m_journal.reset();
    m_client.reset();
    m_settings.reset();
    m_emu.reset();
    m_dir.reset();
}

void TestJournalIncident::planClassifiesEachCampaign()
{
    const QDateTime after(QDate(2026, 3, 2), QTime(9, 0, 0, 5), Qt::UTC);
    const QDateTime later = after.addSecs(3600);
    const QString me = QStringLiteral("api user");
    IncidentSnapshot s;
    s.account = kAccount;
    for (qint64 id = 1; id <= 9; ++id)
        s.items.append(pausedItem(id, after, me));
    s.items[7].paused = false; // 8: its deactivate failed then
    s.items[7].updatedAfter = {};
    s.items[8].updatedAfter = {}; // 9: the read-back after the pause was not recorded
    QHash<qint64, Campaign> now;
    now.insert(1, campaignNow(1, CampaignStatus::Inactive, after, me)); // untouched
    now.insert(2, campaignNow(2, CampaignStatus::Inactive, later, kColleague)); // touched, inactive again
    now.insert(3, campaignNow(3, CampaignStatus::Active, later, kColleague)); // someone else activated it
    now.insert(4, campaignNow(4, CampaignStatus::Completed, later, kColleague));
    // 5: not found
    now.insert(6, campaignNow(6, CampaignStatus::Waiting, later, me)); // our own earlier restore
    now.insert(7, campaignNow(7, CampaignStatus::Inactive, after.addMSecs(1), me)); // a millisecond counts
    now.insert(8, campaignNow(8, CampaignStatus::Active, after, me));
    now.insert(9, campaignNow(9, CampaignStatus::Inactive, after, me));
    now.insert(10, campaignNow(10, CampaignStatus::Inactive, after, me)); // not in the snapshot
    const SnapshotRestorePlan plan = SnapshotRestorePlan::classify(s, now);
    QCOMPARE(plan.toActivate(), QList<qint64>{1});
    QHash<qint64, Reason> reasons;
    for (const auto &l : plan.leftAlone())
        reasons.insert(l.campaignId, l.reason);
    const QHash<qint64, Reason> expected{
        {2, Reason::ChangedBySomeoneElse}, {3, Reason::ChangedBySomeoneElse},   {4, Reason::Completed},
        {5, Reason::DeletedOrNotFound},    {6, Reason::AlreadyActiveOrWaiting}, {7, Reason::ChangedBySomeoneElse},
        {8, Reason::NotChangedByPause},    {9, Reason::NotVerifiable},
    };
    QCOMPARE(reasons, expected);
    QCOMPARE(plan.count(Reason::ChangedBySomeoneElse), 3);
    const auto two = plan.leftAlone().at(0);
    QCOMPARE(two.campaignId, 2);
    QCOMPARE(two.changedBy, kColleague);
    QCOMPARE(two.changedAt, later);
    QVERIFY(SnapshotRestorePlan::sentence(two).contains(kColleague));

    // A campaign whose read failed now is neither activated nor called deleted.
    const SnapshotRestorePlan unread = SnapshotRestorePlan::classify(s, now, {1});
    QVERIFY(unread.toActivate().isEmpty());
    QCOMPARE(unread.count(Reason::Unreadable), 1);
}

void TestJournalIncident::pauseOf300ThenSomeoneElseChangesTwoThenExactRestore()
{
    // 300 campaigns: every tenth already inactive (paused on purpose), every seventh of the
    // rest waiting, the others active.
    QSet<qint64> inactiveBefore, eligible;
    QHash<qint64, EmulatedState> stateBefore;
    for (qint64 id : idRange(1, 300)) {
        const EmulatedState state = id % 10 == 0 ? EmulatedState::Inactive
            : id % 7 == 0                        ? EmulatedState::Waiting
                                                 : EmulatedState::Active;
        m_emu->store().upsert(CampaignBuilder(id).emulated(state));
        stateBefore.insert(id, state);
        (state == EmulatedState::Inactive ? inactiveBefore : eligible).insert(id);
    }
    QCOMPARE(inactiveBefore.size(), 30);
    QVERIFY(load());
    QCOMPARE(IncidentPause::eligible(m_service.get(), idRange(1, 300)).size(), eligible.size());

    // The pause, at a known time on the emulator's clock.
    const QDateTime pausedAt = m_now;
    IncidentPause pause(m_service.get());
    QSignalSpy paused(&pause, &IncidentPause::finished);
    QVERIFY(pause.start(kAccount, IncidentSnapshot::Scope::Everything, idRange(1, 300), QStringLiteral("wrong offer")));
    QVERIFY(paused.wait(kWaitMs));
    IncidentSnapshot snapshot = paused.first().first().value<IncidentSnapshot>();
    QCOMPARE(paused.first().at(1).value<BulkSummary>().succeeded, static_cast<int>(eligible.size()));
    QCOMPARE(toSet(sent(QStringLiteral("deactivate"))), eligible); // the inactive ones were not sent

    QCOMPARE(snapshot.account, kAccount);
    QCOMPARE(snapshot.reason, QStringLiteral("wrong offer"));
    QCOMPARE(snapshot.scope, IncidentSnapshot::Scope::Everything);
    QCOMPARE(snapshot.items.size(), eligible.size());
    QCOMPARE(snapshot.pausedCount(), static_cast<int>(eligible.size()));
    for (const IncidentSnapshotItem &item : std::as_const(snapshot.items)) {
        QVERIFY(eligible.contains(item.campaignId));
        QCOMPARE(item.statusBefore,
                 stateBefore.value(item.campaignId) == EmulatedState::Waiting ? CampaignStatus::Waiting
                                                                              : CampaignStatus::Active);
        QVERIFY(item.paused);
        // What the server reports after the pause, to the millisecond.
        const EmulatedCampaign *onServer = m_emu->store().find(item.campaignId);
        QCOMPARE(item.updatedAfter, pausedAt);
        QCOMPARE(item.updatedAfter, onServer->updated);
        QCOMPARE(item.updatedUserAfter, onServer->updatedUser);
        QVERIFY(!item.updatedUserAfter.isEmpty());
    }
    snapshot.id = m_journal->saveSnapshot(snapshot);
    QVERIFY(snapshot.id > 0);

    // An hour later someone else changes two of them: one paused again after a start (inactive,
    // but not as the pause left it), one activated. A third is completed.
    m_now = m_now.addSecs(3600);
    const qint64 touchedInactive = 11, touchedActive = 21, completed = 31;
    QVERIFY(eligible.contains(touchedInactive) && eligible.contains(touchedActive) && eligible.contains(completed));
    QVERIFY(m_emu->store().apply(touchedInactive, EmulatedAction::Activate, kColleague).error == 0);
    QVERIFY(m_emu->store().apply(touchedInactive, EmulatedAction::Deactivate, kColleague).error == 0);
    QVERIFY(m_emu->store().apply(touchedActive, EmulatedAction::Activate, kColleague).error == 0);
    QVERIFY(m_emu->store().apply(completed, EmulatedAction::Complete, kColleague).error == 0);

    // The restore works from the snapshot as the journal gives it back.
    const QList<IncidentSnapshot> stored = m_journal->snapshots();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first(), snapshot);

    m_emu->clearRequests();
    SnapshotRestore restore(m_service.get());
    SnapshotRestorePlan plan;
    QVERIFY(planFor(restore, stored.first(), &plan));
    QSet<qint64> expected = eligible;
    expected -= {touchedInactive, touchedActive, completed};
    QCOMPARE(toSet(plan.toActivate()), expected);
    QCOMPARE(plan.leftAlone().size(), 3);
    QCOMPARE(plan.count(Reason::ChangedBySomeoneElse), 2);
    QCOMPARE(plan.count(Reason::Completed), 1);
    for (const auto &left : plan.leftAlone()) {
        if (left.reason != Reason::ChangedBySomeoneElse)
            continue;
        QVERIFY(left.campaignId == touchedInactive || left.campaignId == touchedActive);
        QCOMPARE(left.changedBy, kColleague);
        QCOMPARE(left.changedAt, m_now);
        QVERIFY(SnapshotRestorePlan::sentence(left).contains(kColleague));
    }
    QVERIFY(sent(QStringLiteral("activate")).isEmpty()); // planning reads, never writes

    QSignalSpy finished(m_service.get(), &CampaignService::actionFinished);
    QVERIFY(restore.restore(stored.first(), plan));
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.first().at(1).value<BulkSummary>().succeeded, static_cast<int>(expected.size()));
    const QList<qint64> activated = sent(QStringLiteral("activate"));
    QCOMPARE(activated.size(), expected.size()); // each once, none re-sent
    QCOMPARE(toSet(activated), expected); // none of the three, none of those inactive before
    for (qint64 id : inactiveBefore)
        QCOMPARE(m_emu->store().find(id)->state, EmulatedState::Inactive);
    QCOMPARE(m_emu->store().find(touchedInactive)->state, EmulatedState::Inactive);
    // The journal records the restore's activations with its reason.
    Journal::Filter activations;
    activations.action = CampaignAction::Activate;
    const QList<JournalEntry> rows = m_journal->entries(activations);
    QCOMPARE(rows.size(), expected.size());
    QCOMPARE(rows.first().reason, SnapshotRestore::reasonFor(stored.first()));

    // Restoring again sends nothing: what is active now is skipped.
    m_emu->clearRequests();
    SnapshotRestorePlan again;
    QVERIFY(planFor(restore, stored.first(), &again));
    QVERIFY(again.toActivate().isEmpty());
    QCOMPARE(again.count(Reason::AlreadyActiveOrWaiting), static_cast<int>(expected.size()));
    QVERIFY(!restore.restore(stored.first(), again));
    QVERIFY(sent(QStringLiteral("activate")).isEmpty());
}

void TestJournalIncident::restoreIsRefusedInAnotherAccountAndReadsNothing()
{
    m_emu->store().upsert(CampaignBuilder(5).emulated(EmulatedState::Inactive));
    IncidentSnapshot s;
    s.account = kAccount;
    s.items.append(pausedItem(5, m_now, QStringLiteral("full access")));
    QVERIFY(!SnapshotRestore::refusal(s, kOtherAccount).isEmpty());
    QVERIFY(SnapshotRestore::refusal(s, kOtherAccount).contains(kAccount.name)); // says which one it needs
    QVERIFY(!SnapshotRestore::refusal(s, {}).isEmpty());
    QVERIFY(SnapshotRestore::refusal(s, kAccount).isEmpty());
    // A one-off --api-url session (no id, the host as the name) restores its own snapshots only.
    const AccountRef oneOff{QString(), QStringLiteral("127.0.0.1")};
    QVERIFY(!SnapshotRestore::refusal(s, oneOff).isEmpty());
    IncidentSnapshot fromOneOff = s;
    fromOneOff.account = oneOff;
    QVERIFY(SnapshotRestore::refusal(fromOneOff, oneOff).isEmpty());
    QVERIFY(!SnapshotRestore::refusal(fromOneOff, {QString(), QStringLiteral("altcraft.example.com")}).isEmpty());
    QVERIFY(!SnapshotRestore::refusal(fromOneOff, kAccount).isEmpty());
    QVERIFY(!SnapshotRestore::refusal(fromOneOff, {}).isEmpty());

    m_emu->clearRequests();
    SnapshotRestore restore(m_service.get());
    QSignalSpy planned(&restore, &SnapshotRestore::planned);
    QVERIFY(!restore.plan(s, kOtherAccount));
    QVERIFY(!restore.plan(s, {}));
    QVERIFY(planned.isEmpty());
    QVERIFY(m_emu->requests().isEmpty());
    // In its own account the same snapshot is read (and proves the refusal was the account's).
    QVERIFY(restore.plan(s, kAccount));
    QVERIFY(planned.wait(kWaitMs));
    QCOMPARE(sent(QStringLiteral("get")), QList<qint64>{5});
}

void TestJournalIncident::snapshotSurvivesReopeningTheFile()
{
    IncidentSnapshot older, newer;
    older.takenAt = m_now;
    older.account = kAccount;
    older.reason = QStringLiteral("Неверная скидка — <i>не</i> HTML");
    older.scope = IncidentSnapshot::Scope::Filter;
    older.items.append(pausedItem(7, m_now.addMSecs(17), QStringLiteral("api user")));
    IncidentSnapshotItem failed;
    failed.campaignId = 8;
    failed.campaignName = QStringLiteral("Кампания \"8\"");
    failed.statusBefore = CampaignStatus::Waiting;
    older.items.append(failed);
    newer = older;
    newer.takenAt = m_now.addSecs(60);
    newer.scope = IncidentSnapshot::Scope::Everything;
    newer.reason.clear();
    older.id = m_journal->saveSnapshot(older);
    newer.id = m_journal->saveSnapshot(newer);
    QVERIFY(older.id > 0 && newer.id > older.id);

    m_recorder.reset();
    m_journal->close();
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(journalPath()), qPrintable(m_journal->errorString()));
    const QList<IncidentSnapshot> read = m_journal->snapshots();
    QCOMPARE(read.size(), 2);
    QCOMPARE(read.at(0), newer); // newest first
    QCOMPARE(read.at(1), older);
    QCOMPARE(read.at(1).items.at(1).updatedAfter, QDateTime());
    QCOMPARE(read.at(1).pausedCount(), 1);

    RawDb raw(journalPath());
    const auto rows = raw.rows(QStringLiteral("SELECT scope, status_before FROM snapshots JOIN snapshot_items"
                                              " ON snapshot_id=snapshots.id WHERE snapshots.id=? ORDER BY campaign_id"),
                               {older.id});
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).value(QStringLiteral("scope")).toString(), QStringLiteral("filter")); // a key, not a sentence
    QCOMPARE(rows.at(1).value(QStringLiteral("status_before")).toString(), QStringLiteral("waiting"));
}

void TestJournalIncident::version5FileIsUpgradedKeepingItsRows()
{
    // A journal as schema 5 left it: the current file without what step 6 adds.
    JournalEntry e;
    e.campaignId = 42;
    e.campaignName = QStringLiteral("kept");
    e.account = kAccount;
    const qint64 row = m_journal->begin(e);
    QVERIFY(row > 0);
    m_recorder.reset();
    m_journal->close();
    {
        RawDb v5(journalPath());
        QVERIFY(v5.exec(QStringLiteral("DROP TABLE snapshot_items")));
        QVERIFY(v5.exec(QStringLiteral("DROP TABLE snapshots")));
        QVERIFY(v5.exec(QStringLiteral("PRAGMA user_version=5")));
        QVERIFY(v5.rows(QStringLiteral("SELECT name FROM sqlite_master WHERE name LIKE 'snapshot%'")).isEmpty());
    }
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(journalPath()), qPrintable(m_journal->errorString()));
    {
        RawDb raw(journalPath());
        QCOMPARE(raw.userVersion(), Journal::kSchemaVersion);
    }
    QVERIFY(m_journal->snapshots().isEmpty());
    QCOMPARE(m_journal->entries().size(), 1);
    QCOMPARE(m_journal->entries().first().campaignName, QStringLiteral("kept"));
    IncidentSnapshot s;
    s.takenAt = m_now;
    s.account = kAccount;
    s.items.append(pausedItem(42, m_now, QStringLiteral("api user")));
    QVERIFY(m_journal->saveSnapshot(s) > 0);
    QCOMPARE(m_journal->snapshots().size(), 1);
}

QTEST_GUILESS_MAIN(TestJournalIncident)
#include "tst_journal_incident.moc"
