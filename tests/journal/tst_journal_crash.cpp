// Crash safety of the journal, for real: a child process (this binary, re-run in "child mode")
// runs a bulk deactivate with the real client, service, journal and recorder against an
// emulator that lives in the parent, and the parent kills it with SIGKILL in the middle.
// Afterwards every request the server received has exactly one row, nothing is lost or
// duplicated, the rows left pending read as interrupted, and no campaign that was never
// started has a row.

#include "altcraftclient.h"
#include "altcraftemulator.h"
#include "campaignbuilder.h"
#include "campaignservice.h"
#include "journal.h"
#include "journalrecorder.h"
#include "journaltestsupport.h"
#include "settings.h"
#include "settlesupport.h"

#include <QCoreApplication>
#include <QHash>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace std::chrono_literals;
using Outcome = JournalEntry::Outcome;

namespace {

// The child's instructions come through the environment.
const char *const kChildMode = "CM_JOURNAL_CRASH_CHILD";
const char *const kChildUrl = "CM_JOURNAL_CRASH_URL";
const char *const kChildJournal = "CM_JOURNAL_CRASH_JOURNAL";
const char *const kChildSettings = "CM_JOURNAL_CRASH_SETTINGS";
const char *const kChildConcurrency = "CM_JOURNAL_CRASH_CONCURRENCY";

constexpr int kCampaigns = 40;
constexpr int kConcurrency = 4;
constexpr int kKillAfter = 10; // deactivate requests the server has read
constexpr qint64 kFirstId = 101;
const QString kReason = QStringLiteral("crash drill");

// Child mode: what the app does, and nothing else. It never ends on its own in the test: the
// parent kills it. Exit codes other than a kill say what went wrong.
int runChild()
{
    const QUrl base(qEnvironmentVariable(kChildUrl));
    AltcraftClient client;
    RequestFactory factory(base);
    factory.setToken(ApiTokenGrant::defaultFullToken());
    client.setFactory(factory);
    Settings settings(qEnvironmentVariable(kChildSettings));
    settings.setValue(Settings::Key::Concurrency, qEnvironmentVariableIntValue(kChildConcurrency));
    CampaignService service(&client, &settings);
    Journal journal;
    if (!journal.open(qEnvironmentVariable(kChildJournal))) {
        std::fprintf(stderr, "child: journal: %s\n", qPrintable(journal.errorString()));
        return 2;
    }
    JournalRecorder recorder(&journal, &service);
    QObject::connect(&service, &CampaignService::loadFinished, &service, [&service](const ApiError &error, int total) {
        if (!error.isNone() || total != kCampaigns) {
            std::fprintf(stderr, "child: load failed (%s, %d campaigns)\n", qPrintable(error.message()), total);
            QCoreApplication::exit(3);
            return;
        }
        if (!service.runAction(CampaignAction::Deactivate, service.model()->ids(), kReason)) {
            std::fprintf(stderr, "child: runAction refused\n");
            QCoreApplication::exit(4);
        }
    });
    QObject::connect(&service, &CampaignService::actionFinished, &service, [] {
        std::fprintf(stderr, "child: the bulk run finished before it was killed\n");
        QCoreApplication::exit(5);
    });
    service.reload();
    return QCoreApplication::exec();
}

} // namespace

class TestJournalCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedMidBulkRunLosesNoRowAndInventsNone();
};

void TestJournalCrash::killedMidBulkRunLosesNoRowAndInventsNone()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString journalPath = dir.filePath(QStringLiteral("journal.sqlite"));

    // The server outlives the child, so it can say what it received.
    AltcraftEmulator emu;
    QVERIFY(emu.start() != 0);
    emu.store().reset({});
    for (qint64 id : JournalTest::idRange(kFirstId, kCampaigns))
        emu.store().upsert(emulatedCampaign(id, EmulatedState::Active));
    emu.setLatency(100, 0, QStringLiteral("deactivate")); // a slow bulk run: there is a "middle"

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kChildMode), QStringLiteral("1"));
    env.insert(QString::fromLatin1(kChildUrl), emu.baseUrl().toString());
    env.insert(QString::fromLatin1(kChildJournal), journalPath);
    env.insert(QString::fromLatin1(kChildSettings), dir.filePath(QStringLiteral("child.ini")));
    env.insert(QString::fromLatin1(kChildConcurrency), QString::number(kConcurrency));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=false"));
    child.setProcessEnvironment(env);

    // Killed the moment the server has read the 10th deactivate: its answer is still 100 ms
    // away, so at least that row is pending when the process dies.
    int received = 0;
    qint64 killedDuring = 0;
    connect(&emu, &AltcraftEmulator::requestReceived, &child, [&](const RecordedRequest &r) {
        if (r.apiMethod() != QLatin1String("deactivate"))
            return;
        if (++received == kKillAfter && child.state() != QProcess::NotRunning) {
            killedDuring = r.campaignId();
            child.kill(); // SIGKILL: no destructor, no flush, no goodbye
        }
    });
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
    // The event loop keeps running (the emulator serves the child) until the child is gone.
    QTRY_VERIFY_WITH_TIMEOUT(child.state() == QProcess::NotRunning, 60000);
    const QByteArray childErr = child.readAllStandardError();
    QVERIFY2(killedDuring != 0, childErr.constData());
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    // Let the emulator read whatever the child had already put on the wire: it was there before
    // markers sent from here, so it is in the log once they are answered.
    AltcraftClient marker;
    RequestFactory markerFactory(emu.baseUrl());
    markerFactory.setToken(ApiTokenGrant::defaultFullToken());
    marker.setFactory(markerFactory);
    QVERIFY(Settle::settle(&marker, emu));

    QSet<qint64> requested;
    for (const RecordedRequest &r : emu.requests()) {
        if (r.apiMethod() != QLatin1String("deactivate"))
            continue;
        QVERIFY2(!requested.contains(r.campaignId()), "a deactivate was sent twice");
        requested.insert(r.campaignId());
    }
    QVERIFY(requested.size() >= kKillAfter);
    QVERIFY(requested.size() < kCampaigns);

    // The next start of the app.
    Journal journal;
    QVERIFY2(journal.open(journalPath), qPrintable(journal.errorString()));
    const QList<JournalEntry> rows = journal.entries();
    QHash<qint64, JournalEntry> byCampaign;
    QString operation;
    int interrupted = 0;
    for (const JournalEntry &e : rows) {
        QVERIFY2(!byCampaign.contains(e.campaignId),
                 qPrintable(QStringLiteral("two rows for campaign %1").arg(e.campaignId)));
        byCampaign.insert(e.campaignId, e);
        QCOMPARE(e.action, CampaignAction::Deactivate);
        QVERIFY(e.campaignId >= kFirstId && e.campaignId < kFirstId + kCampaigns);
        QVERIFY(e.outcome != Outcome::Pending);
        QCOMPARE(e.reason, kReason);
        QCOMPARE(e.statusBefore, CampaignStatus::Active);
        if (operation.isEmpty())
            operation = e.operationId;
        QCOMPARE(e.operationId, operation);
        if (e.interrupted) {
            ++interrupted;
            QCOMPARE(e.outcome, Outcome::Unknown);
            QCOMPARE(e.durationMs, qint64(-1)); // never finished
        } else {
            // Finished before the kill: the server answered, so it had received it.
            QCOMPARE(e.outcome, Outcome::Success);
            QVERIFY(requested.contains(e.campaignId));
            QCOMPARE(emu.store().find(e.campaignId)->state, EmulatedState::Inactive);
        }
    }
    QVERIFY(!operation.isEmpty()); // one bulk operation
    // Rows may still be unsettled at the kill: an item is done only once its status is read
    // back, and reads come in batches. What finished was confirmed (checked above); the rest
    // reads as interrupted, for Check Status Now.
    QVERIFY2(rows.size() >= kKillAfter,
             qPrintable(QStringLiteral("%1 rows, %2 interrupted").arg(rows.size()).arg(interrupted)));

    // None lost: every request the server received has its row.
    for (qint64 id : requested)
        QVERIFY2(byCampaign.contains(id),
                 qPrintable(QStringLiteral("no row for campaign %1, which the server received").arg(id)));
    // The one in flight at the kill is there, and now reads as interrupted.
    QVERIFY(byCampaign.contains(killedDuring));
    QVERIFY(byCampaign.value(killedDuring).interrupted);
    QCOMPARE(byCampaign.value(killedDuring).outcome, Outcome::Unknown);
    QVERIFY(journal.interruptedOnOpen() > 0);
    QCOMPARE(journal.interruptedOnOpen(), interrupted);
    QCOMPARE(int(journal.unsettled().size()), interrupted);

    // None invented: a row without a request can only be one whose request was leaving when the
    // process died (at most one per concurrent slot); a campaign never started has no row.
    int unsent = 0;
    for (const JournalEntry &e : rows) {
        if (!requested.contains(e.campaignId)) {
            ++unsent;
            QVERIFY(e.interrupted);
        }
    }
    QVERIFY2(unsent <= kConcurrency, qPrintable(QString::number(unsent)));
    QVERIFY(rows.size() <= requested.size() + kConcurrency);
    for (qint64 id : JournalTest::idRange(kFirstId, kCampaigns)) {
        if (!byCampaign.contains(id))
            QCOMPARE(emu.store().find(id)->state, EmulatedState::Active); // never touched
    }
    QVERIFY(rows.size() < kCampaigns);

    // Opening once more finds nothing new to interrupt.
    Journal again;
    QVERIFY(again.open(journalPath));
    QCOMPARE(again.interruptedOnOpen(), 0);
    QCOMPARE(again.count(), int(rows.size()));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(kChildMode)) {
        QCoreApplication app(argc, argv);
        return runChild();
    }
    QCoreApplication app(argc, argv);
    TestJournalCrash test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_journal_crash.moc"
