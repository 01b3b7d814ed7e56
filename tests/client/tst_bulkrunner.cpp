// BulkRunner against the real AltcraftEmulator over loopback HTTP: concurrency as the server
// counts it, progress and per-item results, cancellation, Retry-After, and the status re-read
// that settles an action whose answer was lost (never a second send).

#include "altcraftclient.h"
#include "altcraftemulator.h"
#include "bulkrunner.h"
#include "campaignbuilder.h"
#include "clienttestsupport.h"
#include "rawhttpserver.h"
#include "settlesupport.h"

#include <QSet>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;
using ClientTest::LogCapture;
using Kind = ApiError::Kind;

Q_DECLARE_METATYPE(Fault::Kind)
Q_DECLARE_METATYPE(BulkOutcome)

namespace {

constexpr int kWaitMs = 15000; // upper bound for a whole run

Fault makeFault(Fault::Kind kind, const QString &method, std::optional<qint64> campaignId, int remaining = -1)
{
    Fault f;
    f.kind = kind;
    f.method = method;
    f.campaignId = campaignId;
    f.remaining = remaining;
    return f;
}

// Everything a run reported, in order.
struct RunLog {
    QList<qint64> started;
    QList<BulkItemResult> finished;
    QList<QPair<int, int>> progress;
    QList<BulkSummary> summaries;

    void attach(BulkRunner *runner)
    {
        QObject::connect(runner, &BulkRunner::itemStarted, runner, [this](qint64 id) { started.append(id); });
        QObject::connect(runner, &BulkRunner::itemFinished, runner,
                         [this](const BulkItemResult &r) { finished.append(r); });
        QObject::connect(runner, &BulkRunner::progress, runner, [this](int done, int total) {
            progress.append({done, total});
        });
        QObject::connect(runner, &BulkRunner::finished, runner, [this](const BulkSummary &s) { summaries.append(s); });
    }
    BulkItemResult resultFor(qint64 id) const
    {
        for (const BulkItemResult &r : finished) {
            if (r.id == id)
                return r;
        }
        return {};
    }
};

QList<RecordedRequest> requestsFor(const AltcraftEmulator &emulator, const QString &method, qint64 id = 0)
{
    QList<RecordedRequest> result;
    for (const RecordedRequest &r : emulator.requests()) {
        if (r.apiMethod() == method && (id == 0 || r.campaignId() == id))
            result.append(r);
    }
    return result;
}

// The requests that read campaign id back: its own get or get_status, or a list page whose
// range holds it (a page of n from from_id reaches at least from_id + n - 1).
QList<RecordedRequest> readsOf(const AltcraftEmulator &emulator, qint64 id)
{
    QList<RecordedRequest> result;
    for (const RecordedRequest &r : emulator.requests()) {
        const QString method = r.apiMethod();
        if ((method == QLatin1String("get") || method == QLatin1String("get_status")) && r.campaignId() == id) {
            result.append(r);
        } else if (method == QLatin1String("list")) {
            const qint64 from = r.json().value(QStringLiteral("from_id")).toInteger();
            const qint64 limit = r.json().value(QStringLiteral("limit")).toInteger();
            if (id >= from && id < from + limit)
                result.append(r);
        }
    }
    return result;
}

QList<qint64> idRange(qint64 first, int count)
{
    QList<qint64> ids;
    for (int i = 0; i < count; ++i)
        ids.append(first + i);
    return ids;
}

} // namespace

#define WAIT_FINISHED(log) QTRY_COMPARE_WITH_TIMEOUT((log).summaries.size(), 1, kWaitMs)

class TestBulkRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void inFlightReachesButNeverExceedsConcurrency();
    void concurrencyOneSendsOneAtATime();
    void readOnlyAccountRunsSendNoWriteAndSaySo();
    void concurrencyIsClampedTo1To6();
    void sixInParallelReallyReachTheServer();
    void atSixTheNextWritesWaitInsideQtNotOnTheWire();
    void afterASlowDownOnlyWhatMayBeOnTheWireIsHandedOver();
    void progressResultsAndSummary();
    void emptyRunFinishesAtOnce();
    void readBackWholeCampaignWithinTheConcurrencyLimit();
    void doneThatDidNotTakeEffectIsNotInEffect();
    void doneWhoseStatusCannotBeReadIsUnknown();
    void redirectOnAWriteIsNeverFollowed_data();
    void redirectOnAWriteIsNeverFollowed();
    void cancelAbortsRequestsOnTheWireAndLeavesQueuedItemsUnsent();
    void cancelAbortsHungRequestsAndSettlesThemByStatus();
    void cancelAgainstASilentServerEndsWithinTheSettleTime();
    void stopSendingLetsRequestsOnTheWireFinish();
    void retryAfterIsHonoured();
    void backoffGivesUpAfterMaxBackoffs();
    void lostAnswerSettledByStatusRereadNeverResent_data();
    void lostAnswerSettledByStatusRereadNeverResent();
    void itemStartedBeforeServerReceivesTheRequest();
    void aThousandAnswersAreReadBackInAHandfulOfPages();
    void aCampaignThePageLeavesOutIsReadByItsId();
    void aServerThatWillNotListIsReadOneByOne();

private:
    std::unique_ptr<BulkRunner> makeRunner(CampaignAction action, const QList<qint64> &ids)
    {
        return std::make_unique<BulkRunner>(m_client.get(), action, ids);
    }
    void putActive(const QList<qint64> &ids)
    {
        for (qint64 id : ids)
            m_emu->store().upsert(emulatedCampaign(id, EmulatedState::Active));
    }
    EmulatedState storedState(qint64 id) { return m_emu->store().find(id)->state; }
    // Points the client at another server (a raw socket server with broken answers).
    void useServer(const QUrl &baseUrl)
    {
        RequestFactory f = m_client->factory();
        f.setBaseUrl(baseUrl);
        m_client->setFactory(f);
    }
    void setTransferTimeout(std::chrono::milliseconds timeout)
    {
        RequestFactory f = m_client->factory();
        f.setTransferTimeout(timeout);
        m_client->setFactory(f);
    }

    std::unique_ptr<AltcraftEmulator> m_emu;
    std::unique_ptr<AltcraftClient> m_client;
};

void TestBulkRunner::initTestCase()
{
    LogCapture::install();
}

void TestBulkRunner::cleanupTestCase()
{
    const qsizetype apiLines = LogCapture::textsIn(QStringLiteral("campaignmanager.api")).size();
    const int tokenHits = LogCapture::count(ApiTokenGrant::defaultFullToken());
    LogCapture::uninstall();
    QVERIFY2(apiLines > 0, "no campaignmanager.api line was captured"); // the check below is not vacuous
    QCOMPARE(tokenHits, 0);
}

void TestBulkRunner::init()
{
    m_emu = std::make_unique<AltcraftEmulator>();
    QVERIFY(m_emu->start() != 0);
    m_emu->store().reset({});
    m_client = std::make_unique<AltcraftClient>();
    RequestFactory f(m_emu->baseUrl());
    f.setToken(ApiTokenGrant::defaultFullToken());
    f.setTransferTimeout(5000ms);
    m_client->setFactory(f);
    m_client->setRetryBaseDelay(10);
}

void TestBulkRunner::cleanup()
{
    m_client.reset();
    m_emu.reset();
}

void TestBulkRunner::inFlightReachesButNeverExceedsConcurrency()
{
    const QList<qint64> ids = idRange(1, 30);
    putActive(ids);
    m_emu->setLatency(100, 0, QStringLiteral("deactivate"));
    auto runner = makeRunner(CampaignAction::Deactivate, ids);
    runner->setConcurrency(4);
    RunLog log;
    log.attach(runner.get());
    int maxInFlightSeen = 0;
    connect(m_emu.get(), &AltcraftEmulator::requestReceived, this,
            [&] { maxInFlightSeen = std::max(maxInFlightSeen, m_emu->inFlight()); });
    runner->start();
    QVERIFY(runner->isRunning());
    WAIT_FINISHED(log);
    QCOMPARE(m_emu->maxInFlight(), 4);
    QVERIFY(maxInFlightSeen <= 4);
    QCOMPARE(m_emu->requestCount(QStringLiteral("deactivate")), 30);
    QCOMPARE(log.summaries.first().succeeded, 30);
    QVERIFY(!runner->isRunning());
    QCOMPARE(runner->inFlight(), 0);
}

void TestBulkRunner::concurrencyOneSendsOneAtATime()
{
    const QList<qint64> ids = idRange(1, 5);
    putActive(ids);
    m_emu->setLatency(30, 0, QStringLiteral("completed"));
    auto runner = makeRunner(CampaignAction::Complete, ids);
    runner->setConcurrency(1);
    RunLog log;
    log.attach(runner.get());
    runner->start();
    WAIT_FINISHED(log);
    QCOMPARE(m_emu->maxInFlight(), 1);
    QCOMPARE(log.summaries.first().succeeded, 5);
    // One at a time means in the given order.
    QList<qint64> sentOrder;
    for (const RecordedRequest &r : requestsFor(*m_emu, QStringLiteral("completed")))
        sentOrder.append(r.campaignId());
    QCOMPARE(sentOrder, ids);
}

// A bug that starts a run for a read-only account (no button needed) still sends nothing.
void TestBulkRunner::readOnlyAccountRunsSendNoWriteAndSaySo()
{
    const QList<qint64> ids = idRange(1, 10);
    putActive(ids);
    m_client->setReadOnly(true);
    auto runner = makeRunner(CampaignAction::Deactivate, ids);
    RunLog log;
    log.attach(runner.get());
    runner->start();
    WAIT_FINISHED(log);
    QCOMPARE(m_emu->requestCount(QStringLiteral("deactivate")), 0);
    QCOMPARE(log.finished.size(), ids.size());
    for (const BulkItemResult &r : std::as_const(log.finished)) {
        QCOMPARE(r.error.kind(), ApiError::Kind::ReadOnlyAccount);
        QCOMPARE(r.outcome, BulkOutcome::Failed); // never sent, so nothing to read back
        QVERIFY2(r.message().contains(QStringLiteral("read-only")), qPrintable(r.message()));
    }
    QCOMPARE(log.summaries.first().succeeded, 0);
    for (qint64 id : ids)
        QCOMPARE(m_emu->store().find(id)->state, EmulatedState::Active);
}

// Qt opens at most 6 HTTP/1.1 connections to one server, so 6 is what "parallel" can mean.
void TestBulkRunner::concurrencyIsClampedTo1To6()
{
    BulkRunner runner(m_client.get(), CampaignAction::Deactivate, {1});
    QCOMPARE(runner.concurrency(), BulkRunner::kDefaultConcurrency);
    runner.setConcurrency(0);
    QCOMPARE(runner.concurrency(), 1);
    runner.setConcurrency(-5);
    QCOMPARE(runner.concurrency(), 1);
    runner.setConcurrency(6);
    QCOMPARE(runner.concurrency(), 6);
    runner.setConcurrency(7);
    QCOMPARE(runner.concurrency(), 6);
    runner.setConcurrency(32);
    QCOMPARE(runner.concurrency(), BulkRunner::kMaxConcurrency);
    QCOMPARE(BulkRunner::kMaxConcurrency, 6);

    // A clamped-to-1 runner still runs, one request at a time.
    putActive(idRange(1, 3));
    m_emu->setLatency(20, 0, QStringLiteral("deactivate"));
    auto run = makeRunner(CampaignAction::Deactivate, idRange(1, 3));
    run->setConcurrency(0);
    RunLog log;
    log.attach(run.get());
    run->start();
    WAIT_FINISHED(log);
    QCOMPARE(log.summaries.first().succeeded, 3);
    QCOMPARE(m_emu->maxInFlight(), 1);
}

// The limit the setting promises is the one the server sees: 6 requests at once, never more.
void TestBulkRunner::sixInParallelReallyReachTheServer()
{
    const QList<qint64> ids = idRange(1, 24);
    putActive(ids);
    m_emu->setLatency(60, 0, QStringLiteral("deactivate"));
    m_emu->resetMaxInFlight();
    auto run = makeRunner(CampaignAction::Deactivate, ids);
    run->setConcurrency(6);
    RunLog log;
    log.attach(run.get());
    run->start();
    WAIT_FINISHED(log);
    QCOMPARE(log.summaries.first().succeeded, 24);
    QCOMPARE(m_emu->maxInFlight(), 6);
}

void TestBulkRunner::atSixTheNextWritesWaitInsideQtNotOnTheWire()
{
    // At six, Qt's own limit of connections to one server holds the wire: the runner hands Qt the
    // next six early, so a connection that frees up sends at once. The server still never sees
    // more than six, and every item is still confirmed by a read.
    const QList<qint64> ids = idRange(1, 60);
    putActive(ids);
    m_emu->setLatency(60, 0, QStringLiteral("deactivate"));
    m_emu->resetMaxInFlight();
    auto runner = makeRunner(CampaignAction::Deactivate, ids);
    runner->setConcurrency(6);
    RunLog log;
    log.attach(runner.get());
    int handedOver = 0;
    connect(runner.get(), &BulkRunner::itemStarted, this,
            [&] { handedOver = std::max(handedOver, runner->inFlight()); });
    runner->start();
    WAIT_FINISHED(log);
    QCOMPARE(handedOver, 12);
    QCOMPARE(m_emu->maxInFlight(), 6);
    QCOMPARE(log.summaries.first().succeeded, 60);
    QCOMPARE(m_emu->requestCount(QStringLiteral("deactivate")), 60);
    for (qint64 id : ids)
        QCOMPARE(storedState(id), EmulatedState::Inactive);
}

void TestBulkRunner::afterASlowDownOnlyWhatMayBeOnTheWireIsHandedOver()
{
    const QList<qint64> ids = idRange(1, 40);
    putActive(ids);
    m_emu->setLatency(30, 0, QStringLiteral("deactivate"));
    Fault limited = makeFault(Fault::Kind::TooManyRequests, QStringLiteral("deactivate"), 1, 1);
    limited.retryAfterSeconds = 1;
    m_emu->addFault(limited);
    auto runner = makeRunner(CampaignAction::Deactivate, ids);
    runner->setConcurrency(6);
    RunLog log;
    log.attach(runner.get());
    // From the moment the limited item goes out again, nothing waits inside Qt any more.
    bool resumed = false;
    int handedOverAfter = 0;
    connect(runner.get(), &BulkRunner::itemStarted, this, [&](qint64 id) {
        if (id == 1 && log.started.count(1) == 2)
            resumed = true;
        if (resumed)
            handedOverAfter = std::max(handedOverAfter, runner->inFlight());
    });
    runner->start();
    WAIT_FINISHED(log);
    QVERIFY(resumed);
    QVERIFY2(handedOverAfter >= 1 && handedOverAfter <= 6, qPrintable(QString::number(handedOverAfter)));
    QCOMPARE(log.summaries.first().succeeded, 40);
}

void TestBulkRunner::progressResultsAndSummary()
{
    const QList<qint64> ids = idRange(1, 10);
    putActive(ids);
    // 4 is completed: deactivating it is an illegal transition, and the status re-read shows
    // it is not inactive either, so it fails.
    m_emu->store().upsert(emulatedCampaign(4, EmulatedState::Completed));
    // 7 hits the tariff limit.
    Fault tariff = makeFault(Fault::Kind::ApiError, QStringLiteral("deactivate"), 7);
    tariff.apiErrorCode = 402;
    tariff.apiErrorText = QStringLiteral("Tariff limit reached");
    m_emu->addFault(tariff);

    auto runner = makeRunner(CampaignAction::Deactivate, ids);
    runner->setConcurrency(3);
    QCOMPARE(runner->total(), 10);
    QCOMPARE(runner->action(), CampaignAction::Deactivate);
    RunLog log;
    log.attach(runner.get());
    runner->start();
    WAIT_FINISHED(log);

    // Progress: one step per item, in order, always out of 10.
    QCOMPARE(log.progress.size(), 10);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(log.progress.at(i), qMakePair(i + 1, 10));

    // Per-item results: each id exactly once.
    QCOMPARE(log.finished.size(), 10);
    QList<qint64> reported;
    for (const BulkItemResult &r : std::as_const(log.finished))
        reported.append(r.id);
    std::sort(reported.begin(), reported.end());
    QCOMPARE(reported, ids);
    QCOMPARE(runner->results().size(), 10);

    const BulkItemResult illegal = log.resultFor(4);
    QCOMPARE(illegal.outcome, BulkOutcome::Failed);
    QCOMPARE(illegal.error.kind(), Kind::BadRequest);
    QCOMPARE(illegal.statusAfter, CampaignStatus::Completed);
    QCOMPARE(illegal.action, CampaignAction::Deactivate);
    const BulkItemResult tariffLimited = log.resultFor(7);
    QCOMPARE(tariffLimited.outcome, BulkOutcome::Failed);
    QCOMPARE(tariffLimited.error.kind(), Kind::TariffLimit);
    QCOMPARE(tariffLimited.error.serverText(), QStringLiteral("Tariff limit reached"));
    for (qint64 id : ids) {
        const BulkItemResult r = log.resultFor(id);
        QCOMPARE(r.attempts, 1);
        if (id == 4 || id == 7)
            continue;
        QCOMPARE(r.outcome, BulkOutcome::Succeeded);
        QVERIFY(r.error.isNone());
        QCOMPARE(storedState(id), EmulatedState::Inactive);
    }
    QCOMPARE(storedState(4), EmulatedState::Completed);
    QCOMPARE(storedState(7), EmulatedState::Active);

    const BulkSummary s = log.summaries.first();
    QCOMPARE(s.total, 10);
    QCOMPARE(s.succeeded, 8);
    QCOMPARE(s.failed, 2);
    QCOMPARE(s.unknown, 0);
    QCOMPARE(s.cancelled, 0);
    QCOMPARE(runner->summary().succeeded, 8);
    QCOMPARE(runner->doneCount(), 10);
    QCOMPARE(m_emu->requestCount(QStringLiteral("deactivate")), 10); // nothing sent twice
    QVERIFY(Settle::settle(m_client.get(), *m_emu));
    QCOMPARE(log.summaries.size(), 1); // finished once
}

void TestBulkRunner::emptyRunFinishesAtOnce()
{
    auto runner = makeRunner(CampaignAction::Activate, {});
    RunLog log;
    log.attach(runner.get());
    runner->start();
    WAIT_FINISHED(log);
    QCOMPARE(log.summaries.first().total, 0);
    QVERIFY(log.progress.isEmpty());
    QCOMPARE(m_emu->requestCount(), 0);
}

void TestBulkRunner::readBackWholeCampaignWithinTheConcurrencyLimit()
{
    const QList<qint64> ids = idRange(1, 8);
    for (qint64 id : ids)
        m_emu->store().upsert(emulatedCampaign(id, EmulatedState::Inactive));
    m_emu->setLatency(40);
    auto runner = makeRunner(CampaignAction::Activate, ids);
    runner->setConcurrency(2);
    runner->setReadBackWholeCampaign(true);
    RunLog log;
    log.attach(runner.get());
    runner->start();
    WAIT_FINISHED(log);
    QCOMPARE(log.summaries.first().succeeded, 8);
    QCOMPARE(m_emu->maxInFlight(), 2); // reads and writes together
    for (qint64 id : ids) {
        const BulkItemResult r = log.resultFor(id);
        QCOMPARE(r.statusAfter, CampaignStatus::Active);
        QVERIFY(!r.settledByReread); // the server said done; the read confirms it
        QVERIFY(r.campaignAfter.has_value());
        QCOMPARE(r.campaignAfter->id, id);
        QCOMPARE(r.campaignAfter->status, CampaignStatus::Active);
        const QList<RecordedRequest> activate = requestsFor(*m_emu, QStringLiteral("activate"), id);
        const QList<RecordedRequest> status = readsOf(*m_emu, id);
        QCOMPARE(activate.size(), 1);
        QCOMPARE(status.size(), 1);
        QVERIFY(status.first().sequence > activate.first().sequence);
        QCOMPARE(status.first().apiMethod(), QStringLiteral("list")); // eight answered: one page reads them
    }
}

void TestBulkRunner::cancelAbortsRequestsOnTheWireAndLeavesQueuedItemsUnsent()
{
    const QList<qint64> ids = idRange(1, 12);
    putActive(ids);
    // Long enough that the answers cannot come before the cancel; the emulator acts only when it
    // answers, so an aborted request never takes effect.
    m_emu->setLatency(3000, 0, QStringLiteral("deactivate"));
    auto runner = makeRunner(CampaignAction::Deactivate, ids);
    runner->setConcurrency(2);
    RunLog log;
    log.attach(runner.get());
    // Cancel the moment the server has both requests of the first round.
    QSet<qint64> inFlight;
    QList<BulkItemResult> finishedAtCancel;
    bool cancelled = false;
    connect(m_emu.get(), &AltcraftEmulator::requestReceived, this, [&](const RecordedRequest &r) {
        if (r.apiMethod() != QLatin1String("deactivate"))
            return;
        inFlight.insert(r.campaignId());
        if (inFlight.size() == 2 && !cancelled) {
            cancelled = true;
            runner->cancel();
            finishedAtCancel = log.finished;
        }
    });
    runner->start();
    QTRY_VERIFY_WITH_TIMEOUT(cancelled, kWaitMs);
    QCOMPARE(inFlight.size(), 2);
    // The queued ten ended at once as Cancelled.
    QCOMPARE(finishedAtCancel.size(), 10);
    for (const BulkItemResult &r : std::as_const(finishedAtCancel)) {
        QCOMPARE(r.outcome, BulkOutcome::Cancelled);
        QCOMPARE(r.error.kind(), Kind::Cancelled);
        QCOMPARE(r.attempts, 0);
        QVERIFY(!inFlight.contains(r.id));
    }

    // The two on the wire were aborted, not waited for: the run ends long before the server's
    // 3 s answer, each settled by reading its status.
    QTRY_COMPARE_WITH_TIMEOUT(log.summaries.size(), 1, 2000);
    QCOMPARE(log.finished.size(), 12);
    for (qint64 id : std::as_const(inFlight)) {
        const BulkItemResult r = log.resultFor(id);
        QCOMPARE(r.outcome, BulkOutcome::NotInEffect);
        QCOMPARE(r.error.kind(), Kind::Cancelled);
        QCOMPARE(r.statusAfter, CampaignStatus::Active);
        QVERIFY2(r.message().contains(QStringLiteral("cancelled")), qPrintable(r.message()));
        QCOMPARE(requestsFor(*m_emu, QStringLiteral("get_status"), id).size(), 1);
    }
    const BulkSummary s = log.summaries.first();
    QCOMPARE(s.notInEffect, 2);
    QCOMPARE(s.cancelled, 10);
    QCOMPARE(log.progress.last(), qMakePair(12, 12));

    // Nothing was sent again, and the queued items never went out.
    QCOMPARE(m_emu->requestCount(QStringLiteral("deactivate")), 2);
    QCOMPARE(log.started.size(), 2);
    for (qint64 id : ids)
        QCOMPARE(storedState(id), EmulatedState::Active);
}

void TestBulkRunner::cancelAbortsHungRequestsAndSettlesThemByStatus()
{
    // A server that never answers deactivate, with the default 30 s transfer timeout: Cancel
    // must not wait for it. One request had taken effect before the answer hung.
    setTransferTimeout(30000ms);
    const QList<qint64> ids = idRange(1, 3);
    putActive(ids);
    Fault hang = makeFault(Fault::Kind::Hang, QStringLiteral("deactivate"), std::nullopt);
    Fault appliedHang = makeFault(Fault::Kind::Hang, QStringLiteral("deactivate"), 2);
    appliedHang.applyChange = true;
    m_emu->addFault(appliedHang);
    m_emu->addFault(hang);
    auto runner = makeRunner(CampaignAction::Deactivate, ids);
    runner->setConcurrency(3);
    RunLog log;
    log.attach(runner.get());
    runner->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_emu->requestCount(QStringLiteral("deactivate")), 3, kWaitMs);
    runner->cancel();
    // Far sooner than the 30 s timeout.
    QTRY_COMPARE_WITH_TIMEOUT(log.summaries.size(), 1, 3000);

    for (qint64 id : {1, 3}) {
        const BulkItemResult r = log.resultFor(id);
        QCOMPARE(r.outcome, BulkOutcome::NotInEffect);
        QCOMPARE(r.statusAfter, CampaignStatus::Active);
    }
    const BulkItemResult applied = log.resultFor(2);
    QCOMPARE(applied.outcome, BulkOutcome::Succeeded);
    QVERIFY(applied.settledByReread);
    QCOMPARE(applied.statusAfter, CampaignStatus::Inactive);
    QCOMPARE(m_emu->requestCount(QStringLiteral("deactivate")), 3); // never re-sent
    for (qint64 id : ids)
        QCOMPARE(readsOf(*m_emu, id).size(), 1);
}

void TestBulkRunner::cancelAgainstASilentServerEndsWithinTheSettleTime()
{
    // Nothing answers at all, not even the status reads: after the settle time the items end
    // as Unknown, never as done or not done.
    RawHttpServer silent;
    QVERIFY(silent.listen());
    useServer(silent.baseUrl());
    setTransferTimeout(30000ms);
    auto runner = makeRunner(CampaignAction::Complete, {7, 8});
    runner->setCancelSettleMs(300);
    RunLog log;
    log.attach(runner.get());
    runner->start();
    QTRY_COMPARE_WITH_TIMEOUT(silent.requests().size(), 2, kWaitMs);
    runner->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(log.summaries.size(), 1, 3000);
    for (qint64 id : {7, 8}) {
        const BulkItemResult r = log.resultFor(id);
        QCOMPARE(r.outcome, BulkOutcome::Unknown);
        QCOMPARE(r.error.kind(), Kind::Cancelled);
        QCOMPARE(r.readError.kind(), Kind::Cancelled);
        QCOMPARE(r.statusAfter, CampaignStatus::Unknown);
        QVERIFY2(r.message().startsWith(QStringLiteral("Outcome unknown")), qPrintable(r.message()));
    }
    QCOMPARE(log.summaries.first().unknown, 2);
    int writes = 0;
    for (const RawHttpServer::Request &request : silent.requests())
        writes += request.path.endsWith("/completed") ? 1 : 0;
    QCOMPARE(writes, 2); // each sent once, then only status reads
}

void TestBulkRunner::stopSendingLetsRequestsOnTheWireFinish()
{
    const QList<qint64> ids = idRange(1, 6);
    putActive(ids);
    m_emu->setLatency(150, 0, QStringLiteral("deactivate"));
    auto runner = makeRunner(CampaignAction::Deactivate, ids);
    runner->setConcurrency(2);
    RunLog log;
    log.attach(runner.get());
    runner->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_emu->requestCount(QStringLiteral("deactivate")), 2, kWaitMs);
    runner->stopSending();
    WAIT_FINISHED(log);
    const BulkSummary s = log.summaries.first();
    QCOMPARE(s.succeeded, 2); // answered and confirmed, not aborted
    QCOMPARE(s.cancelled, 4);
    QCOMPARE(m_emu->requestCount(QStringLiteral("deactivate")), 2);
}

void TestBulkRunner::doneThatDidNotTakeEffectIsNotInEffect()
{
    // A server that answers "done" to deactivate and changes nothing.
    RawHttpServer liar;
    QVERIFY(liar.listen());
    liar.setHandler([](const RawHttpServer::Request &request) {
        const QJsonObject status{{QStringLiteral("status"), QStringLiteral("active")}};
        const QByteArray body = request.path.endsWith("/get_status") ? RawHttpServer::envelope(status)
                                                                     : RawHttpServer::envelope(QJsonValue());
        return RawHttpServer::Reply{RawHttpServer::response(200, body), false, false};
    });
    useServer(liar.baseUrl());
    auto runner = makeRunner(CampaignAction::Deactivate, {5});
    RunLog log;
    log.attach(runner.get());
    runner->start();
    WAIT_FINISHED(log);
    const BulkItemResult r = log.resultFor(5);
    QCOMPARE(r.outcome, BulkOutcome::NotInEffect);
    QVERIFY(r.error.isNone());
    QCOMPARE(r.statusAfter, CampaignStatus::Active);
    QCOMPARE(r.message(),
             QStringLiteral("Not deactivated: the server answered that it was done, but the change did "
                            "not take effect; the campaign is still “Active” (checked after the request)."));
    const BulkSummary s = log.summaries.first();
    QCOMPARE(s.succeeded, 0);
    QCOMPARE(s.notInEffect, 1);
}

void TestBulkRunner::doneWhoseStatusCannotBeReadIsUnknown()
{
    putActive({4});
    m_emu->addFault(makeFault(Fault::Kind::Http500, QStringLiteral("get_status"), 4));
    m_client->setReadRetries(1);
    auto runner = makeRunner(CampaignAction::Deactivate, {4});
    RunLog log;
    log.attach(runner.get());
    runner->start();
    WAIT_FINISHED(log);
    const BulkItemResult r = log.resultFor(4);
    // The server did act, but nothing confirmed it: not a success.
    QCOMPARE(storedState(4), EmulatedState::Inactive);
    QCOMPARE(r.outcome, BulkOutcome::Unknown);
    QCOMPARE(r.readError.kind(), Kind::ServerError);
    QCOMPARE(log.summaries.first().succeeded, 0);
    QCOMPARE(log.summaries.first().unknown, 1);
}

void TestBulkRunner::redirectOnAWriteIsNeverFollowed_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("301") << 301;
    QTest::newRow("302") << 302;
    QTest::newRow("303") << 303;
    QTest::newRow("307") << 307;
}

void TestBulkRunner::redirectOnAWriteIsNeverFollowed()
{
    // A same-origin redirect whose target answers "done" to anything: followed, its GET
    // without body or token would have looked like a deactivation.
    QFETCH(int, status);
    RawHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([status](const RawHttpServer::Request &request) {
        if (request.path.endsWith("/deactivate"))
            return RawHttpServer::Reply{
                RawHttpServer::response(status, "Moved", "text/plain", -1, {{"Location", "/elsewhere/deactivate"}}),
                false, false};
        if (request.path.endsWith("/get_status"))
            return RawHttpServer::Reply{
                RawHttpServer::response(
                    200, RawHttpServer::envelope(QJsonObject{{QStringLiteral("status"), QStringLiteral("active")}})),
                false, false};
        return RawHttpServer::Reply{RawHttpServer::response(200, RawHttpServer::envelope(QJsonValue())), false, false};
    });
    useServer(server.baseUrl());
    auto runner = makeRunner(CampaignAction::Deactivate, {9});
    RunLog log;
    log.attach(runner.get());
    runner->start();
    WAIT_FINISHED(log);
    const BulkItemResult r = log.resultFor(9);
    QCOMPARE(r.error.kind(), Kind::RedirectRefused);
    QCOMPARE(r.error.httpStatus(), status);
    QCOMPARE(r.outcome, BulkOutcome::NotInEffect);
    QCOMPARE(r.statusAfter, CampaignStatus::Active);
    QVERIFY2(r.message().contains(QStringLiteral("redirected")), qPrintable(r.message()));
    QStringList paths;
    for (const RawHttpServer::Request &request : server.requests())
        paths << QString::fromLatin1(request.method + ' ' + request.path);
    QCOMPARE(paths,
             QStringList({QStringLiteral("POST /api/v1.1/scampaigns/deactivate"),
                          QStringLiteral("POST /api/v1.1/scampaigns/get_status")}));
}

void TestBulkRunner::retryAfterIsHonoured()
{
    const QList<qint64> ids = {11, 12, 13};
    putActive(ids);
    Fault limited = makeFault(Fault::Kind::TooManyRequests, QStringLiteral("deactivate"), 11, 1);
    limited.retryAfterSeconds = 2;
    m_emu->addFault(limited);
    auto runner = makeRunner(CampaignAction::Deactivate, ids);
    runner->setConcurrency(1);
    RunLog log;
    log.attach(runner.get());
    runner->start();
    WAIT_FINISHED(log);

    const BulkItemResult r = log.resultFor(11);
    QCOMPARE(r.outcome, BulkOutcome::Succeeded);
    QCOMPARE(r.attempts, 2);
    QCOMPARE(storedState(11), EmulatedState::Inactive);
    const QList<RecordedRequest> sent = requestsFor(*m_emu, QStringLiteral("deactivate"), 11);
    QCOMPARE(sent.size(), 2);
    const qint64 gapMs = sent.at(0).receivedAt.msecsTo(sent.at(1).receivedAt);
    // Retry-After: 2 s is a minimum: nothing is re-sent before it (a coarse Qt timer would fire up
    // to 5% early, at 1.90 s). The upper bound only guards against a hang.
    QVERIFY2(gapMs >= 2000 && gapMs < 10000, qPrintable(QString::number(gapMs)));
    // All dispatching paused, not only the limited item: 12 went out after the pause.
    const RecordedRequest next = requestsFor(*m_emu, QStringLiteral("deactivate"), 12).value(0);
    QVERIFY(next.sequence > sent.at(1).sequence);
    QCOMPARE(log.summaries.first().succeeded, 3);
    QCOMPARE(log.started.count(11), 2); // itemStarted for each send
}

void TestBulkRunner::backoffGivesUpAfterMaxBackoffs()
{
    putActive({21});
    Fault unavailable = makeFault(Fault::Kind::Http503, QStringLiteral("deactivate"), 21);
    unavailable.retryAfterSeconds = 0;
    m_emu->addFault(unavailable);
    auto runner = makeRunner(CampaignAction::Deactivate, {21});
    runner->setMaxBackoffs(2);
    RunLog log;
    log.attach(runner.get());
    runner->start();
    WAIT_FINISHED(log);
    const BulkItemResult r = log.resultFor(21);
    QCOMPARE(r.outcome, BulkOutcome::Failed);
    QCOMPARE(r.error.kind(), Kind::ServerUnavailable);
    QCOMPARE(r.attempts, 3);
    QCOMPARE(m_emu->requestCount(QStringLiteral("deactivate")), 3);
    QCOMPARE(storedState(21), EmulatedState::Active);
}

void TestBulkRunner::lostAnswerSettledByStatusRereadNeverResent_data()
{
    QTest::addColumn<Fault::Kind>("kind");
    QTest::addColumn<bool>("applyChange");
    QTest::addColumn<Kind>("error");
    QTest::addColumn<BulkOutcome>("outcome");
    QTest::addColumn<CampaignStatus>("statusAfter");
    QTest::addColumn<EmulatedState>("stateAfter"); // the same, as the emulator holds it
    QTest::newRow("hang, not applied") << Fault::Kind::Hang << false << Kind::Timeout << BulkOutcome::NotInEffect
                                       << CampaignStatus::Active << EmulatedState::Active;
    QTest::newRow("hang, applied") << Fault::Kind::Hang << true << Kind::Timeout << BulkOutcome::Succeeded
                                   << CampaignStatus::Inactive << EmulatedState::Inactive;
    QTest::newRow("500, not applied") << Fault::Kind::Http500 << false << Kind::ServerError << BulkOutcome::NotInEffect
                                      << CampaignStatus::Active << EmulatedState::Active;
    QTest::newRow("500, applied") << Fault::Kind::Http500 << true << Kind::ServerError << BulkOutcome::Succeeded
                                  << CampaignStatus::Inactive << EmulatedState::Inactive;
    QTest::newRow("connection dropped, applied")
        << Fault::Kind::CloseConnection << true << Kind::ConnectionLost << BulkOutcome::Succeeded
        << CampaignStatus::Inactive << EmulatedState::Inactive;
    QTest::newRow("truncated answer, applied")
        << Fault::Kind::TruncatedJson << true << Kind::MalformedResponse << BulkOutcome::Succeeded
        << CampaignStatus::Inactive << EmulatedState::Inactive;
}

void TestBulkRunner::lostAnswerSettledByStatusRereadNeverResent()
{
    QFETCH(Fault::Kind, kind);
    QFETCH(bool, applyChange);
    QFETCH(Kind, error);
    QFETCH(BulkOutcome, outcome);
    QFETCH(CampaignStatus, statusAfter);
    QFETCH(EmulatedState, stateAfter);

    setTransferTimeout(300ms);
    const QList<qint64> ids = idRange(1, 4);
    putActive(ids);
    Fault fault = makeFault(kind, QStringLiteral("deactivate"), 2);
    fault.applyChange = applyChange;
    m_emu->addFault(fault);
    auto runner = makeRunner(CampaignAction::Deactivate, ids);
    runner->setConcurrency(4);
    RunLog log;
    log.attach(runner.get());
    runner->start();
    WAIT_FINISHED(log);

    const BulkItemResult r = log.resultFor(2);
    QCOMPARE(r.error.kind(), error);
    QCOMPARE(r.outcome, outcome);
    QCOMPARE(r.statusAfter, statusAfter);
    if (outcome == BulkOutcome::Succeeded)
        QVERIFY(r.settledByReread);
    QCOMPARE(r.attempts, 1);
    QCOMPARE(storedState(2), stateAfter);

    // The action went out exactly once, and the status was read after it.
    const QList<RecordedRequest> action = requestsFor(*m_emu, QStringLiteral("deactivate"), 2);
    const QList<RecordedRequest> reread = readsOf(*m_emu, 2);
    QCOMPARE(action.size(), 1);
    QCOMPARE(reread.size(), 1);
    QVERIFY(reread.first().sequence > action.first().sequence);
    QCOMPARE(log.started.count(2), 1);
    // Every item is confirmed by one read, the faulty one included.
    QCOMPARE(m_emu->requestCount(QStringLiteral("deactivate")), 4);
    for (qint64 id : ids)
        QCOMPARE(readsOf(*m_emu, id).size(), 1);
    const BulkSummary s = log.summaries.first();
    QCOMPARE(s.succeeded, outcome == BulkOutcome::Succeeded ? 4 : 3);
    QCOMPARE(s.notInEffect, outcome == BulkOutcome::NotInEffect ? 1 : 0);
    QCOMPARE(s.unknown, 0);
    if (outcome == BulkOutcome::NotInEffect && kind == Fault::Kind::Http500) {
        // The outcome is known: the message says so, with the status just read.
        QCOMPARE(r.message(),
                 QStringLiteral("Not deactivated: the server had an internal error (HTTP 500); the "
                                "campaign is still “Active” (checked after the request)."));
    }
}

void TestBulkRunner::aThousandAnswersAreReadBackInAHandfulOfPages()
{
    const QList<qint64> ids = idRange(1, 1000);
    putActive(ids);
    auto runner = makeRunner(CampaignAction::Deactivate, ids);
    // Pages by count only: the half-second rule would make the number of pages depend on how
    // fast this machine runs the test (under a sanitizer, on a busy CI host).
    runner->setListReadBackBatch(250, 3600 * 1000);
    RunLog log;
    log.attach(runner.get());
    runner->start();
    WAIT_FINISHED(log);
    QCOMPARE(log.summaries.first().succeeded, 1000);
    QCOMPARE(m_emu->requestCount(QStringLiteral("deactivate")), 1000);
    // Every campaign settled once, by a read that came after its own request (pages may
    // overlap when answers arrive out of order; an item is settled by the first that holds it).
    QSet<qint64> settled;
    for (const BulkItemResult &r : std::as_const(log.finished))
        settled.insert(r.id);
    QCOMPARE(settled.size(), 1000);
    for (qint64 id : ids) {
        const QList<RecordedRequest> reads = readsOf(*m_emu, id);
        QVERIFY(!reads.isEmpty());
        QVERIFY(reads.last().sequence > requestsFor(*m_emu, QStringLiteral("deactivate"), id).first().sequence);
        QCOMPARE(storedState(id), EmulatedState::Inactive);
    }
    // A handful of pages, not a thousand reads: one per 250 answers and one at the end.
    // (Stragglers, fewer than three in a span, are read one by one.)
    const int pages = m_emu->requestCount(QStringLiteral("list"));
    const int single = m_emu->requestCount(QStringLiteral("get_status"));
    QVERIFY2(pages >= 1 && pages + single <= 15,
             qPrintable(QStringLiteral("%1 pages, %2 single").arg(pages).arg(single)));
    QVERIFY(m_emu->maxInFlight() <= BulkRunner::kDefaultConcurrency);
}

void TestBulkRunner::aCampaignThePageLeavesOutIsReadByItsId()
{
    const QList<qint64> ids = idRange(1, 5);
    putActive(ids);
    // Campaign 3 is gone by the time the page is read (deleted by someone else): the page
    // leaves it out, so it is asked for by its ID, and that read says it is not there.
    QObject context;
    connect(m_emu.get(), &AltcraftEmulator::requestReceived, &context, [this](const RecordedRequest &r) {
        if (r.apiMethod() != QLatin1String("list"))
            return;
        QList<EmulatedCampaign> keep;
        for (qint64 id : m_emu->store().ids()) {
            if (id != 3)
                keep.append(*m_emu->store().find(id));
        }
        m_emu->store().reset(keep);
    });
    auto runner = makeRunner(CampaignAction::Deactivate, ids);
    RunLog log;
    log.attach(runner.get());
    runner->start();
    WAIT_FINISHED(log);
    for (qint64 id : {1, 2, 4, 5})
        QCOMPARE(log.resultFor(id).outcome, BulkOutcome::Succeeded);
    const BulkItemResult gone = log.resultFor(3);
    QCOMPARE(gone.outcome, BulkOutcome::Unknown); // sent and answered "done", but unreadable since
    QVERIFY(!gone.readError.isNone());
    const QList<RecordedRequest> list = requestsFor(*m_emu, QStringLiteral("list"));
    const QList<RecordedRequest> single = requestsFor(*m_emu, QStringLiteral("get_status"), 3);
    QCOMPARE(list.size(), 1);
    QCOMPARE(single.size(), 1);
    QVERIFY(single.first().sequence > list.first().sequence);
    QCOMPARE(m_emu->requestCount(QStringLiteral("get_status")), 1);
}

void TestBulkRunner::aServerThatWillNotListIsReadOneByOne()
{
    const QList<qint64> ids = idRange(1, 6);
    putActive(ids);
    Fault refuse = makeFault(Fault::Kind::ApiError, QStringLiteral("list"), std::nullopt);
    refuse.apiErrorCode = 403;
    refuse.apiErrorText = QStringLiteral("Access denied");
    m_emu->addFault(refuse);
    m_emu->setLatency(20); // long enough for two requests to meet at the server
    auto runner = makeRunner(CampaignAction::Deactivate, ids);
    runner->setConcurrency(2);
    RunLog log;
    log.attach(runner.get());
    runner->start();
    WAIT_FINISHED(log);
    QCOMPARE(log.summaries.first().succeeded, 6);
    // One refused page, then one read per campaign, never over the concurrency.
    QCOMPARE(m_emu->requestCount(QStringLiteral("list")), 1);
    for (qint64 id : ids) {
        QCOMPARE(requestsFor(*m_emu, QStringLiteral("get_status"), id).size(), 1);
        QCOMPARE(log.resultFor(id).statusAfter, CampaignStatus::Inactive);
    }
    QCOMPARE(m_emu->maxInFlight(), 2);
}

void TestBulkRunner::itemStartedBeforeServerReceivesTheRequest()
{
    const QList<qint64> ids = idRange(1, 10);
    putActive(ids);
    m_emu->setLatency(10, 10);
    auto runner = makeRunner(CampaignAction::Deactivate, ids);
    runner->setConcurrency(3);
    QList<QPair<QString, qint64>> events;
    connect(runner.get(), &BulkRunner::itemStarted, this, [&events](qint64 id) {
        events.append({QStringLiteral("started"), id});
    });
    connect(m_emu.get(), &AltcraftEmulator::requestReceived, this, [&events](const RecordedRequest &r) {
        if (r.apiMethod() == QLatin1String("deactivate"))
            events.append({QStringLiteral("received"), r.campaignId()});
    });
    RunLog log;
    log.attach(runner.get());
    runner->start();
    WAIT_FINISHED(log);
    QCOMPARE(events.size(), 20);
    for (qint64 id : ids) {
        const qsizetype started = events.indexOf({QStringLiteral("started"), id});
        const qsizetype received = events.indexOf({QStringLiteral("received"), id});
        QVERIFY2(started >= 0 && received >= 0, qPrintable(QString::number(id)));
        QVERIFY2(started < received,
                 qPrintable(
                     QStringLiteral("campaign %1: started at %2, received at %3").arg(id).arg(started).arg(received)));
        QCOMPARE(events.count({QStringLiteral("started"), id}), 1);
    }
}

QTEST_GUILESS_MAIN(TestBulkRunner)
#include "tst_bulkrunner.moc"
