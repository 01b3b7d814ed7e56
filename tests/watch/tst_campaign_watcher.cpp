// CampaignWatcher against the real AltcraftEmulator over loopback HTTP (no mocks): what a check
// notices and who it says made a change, the whole-account check, the limits it keeps (concurrency,
// Retry-After), its backoff against a server that refuses connections, stop(), and the baseline
// the app persists. Checks are driven with checkNow() or short intervals, and waited for on
// signals, never with a fixed sleep (except where only a wait can show that nothing happens).

#include "altcraftclient.h"
#include "altcraftemulator.h"
#include "campaignbuilder.h"
#include "campaignwatcher.h"
#include "clienttestsupport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;
using ClientTest::LogCapture;
using Kind = WatchEvent::Kind;
using Origin = WatchEvent::Origin;

namespace {

constexpr int kWaitMs = 10000;
const QString kColleague = QStringLiteral("k.petrov");
const QString kColleagueToken = QStringLiteral("colleague0token00000000000000004");
const AccountRef kAccount{QStringLiteral("acc-main"), QStringLiteral("Main")};

// An action this computer did: what the journal would hold (the real journal is wired later).
struct DoneHere {
    qint64 campaignId;
    QDateTime at;
};

QList<WatchEvent> ofKind(const QList<WatchEvent> &events, Kind kind)
{
    QList<WatchEvent> result;
    for (const WatchEvent &e : events) {
        if (e.kind == kind)
            result.append(e);
    }
    return result;
}

} // namespace

namespace QTest {
template<>
inline char *toString(const Kind &kind)
{
    return qstrdup(QByteArray::number(static_cast<int>(kind)).constData());
}
template<>
inline char *toString(const Origin &origin)
{
    static const char *names[] = {"Unknown", "ThisComputer", "Schedule", "SomeoneElse"};
    return qstrdup(names[static_cast<int>(origin)]);
}
template<>
inline char *toString(const CampaignStatus &status)
{
    return qstrdup(CampaignStatuses::toApiString(status).toUtf8().constData());
}
} // namespace QTest

class TestCampaignWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void firstSightIsTheBaselineThenAColleaguesChangeIsSomeoneElse();
    void aChangeTheJournalHoldsIsThisComputers();
    void waitingPastAStartSetHereIsOverdueOnce();
    void waitingToActiveAtAStartSetHereIsTheSchedule();
    void cloningLongerThanTheLimitIsReportedOnce();
    void accountCheckFindsNewCampaignsAndUnwatchedChanges();
    void refusedListStopsAccountChecksButWatchedReadsGoOn();
    void unreadableCampaignGivesNoEvent();
    void listAskedToWaitHoldsTheGets();
    void concurrencyNeverAboveTheLimit();
    void retryAfterStopsTheCheckAndDelaysTheNext();
    void backsOffAgainstARefusingServerThenRecovers();
    void stopCancelsAndSilences();
    void baselineRoundTripsThroughJson();
    void persistedBaselineNoticesChangesMadeWhileClosed();

private:
    std::unique_ptr<CampaignWatcher> makeWatcher(AltcraftClient *client = nullptr)
    {
        auto w = std::make_unique<CampaignWatcher>(client ? client : m_client.get(), kAccount);
        w->setIntervalMs(60000); // checks come from checkNow() unless a test shortens this
        w->setAccountCheckMinutes(0);
        connect(w.get(), &CampaignWatcher::eventsFound, this,
                [this](const QList<WatchEvent> &events) { m_batches.append(events); });
        return w;
    }
    // One check, waited for; returns what checkFinished said.
    std::pair<ApiError, int> check(CampaignWatcher *w)
    {
        QSignalSpy finished(w, &CampaignWatcher::checkFinished);
        m_batches.clear();
        if (w->isRunning())
            w->checkNow();
        else
            w->start();
        if (!finished.wait(kWaitMs)) {
            qWarning("no checkFinished");
            return {ApiError(ApiError::Kind::InvalidRequest), -1};
        }
        return {finished.first().at(0).value<ApiError>(), finished.first().at(1).toInt()};
    }
    QList<WatchEvent> events() const
    {
        QList<WatchEvent> all;
        for (const QList<WatchEvent> &b : m_batches)
            all.append(b);
        return all;
    }
    std::unique_ptr<AltcraftClient> clientWith(const QString &token, const QUrl &base)
    {
        auto c = std::make_unique<AltcraftClient>();
        RequestFactory f(base);
        f.setToken(token);
        f.setTransferTimeout(5000ms);
        c->setFactory(f);
        return c;
    }
    // A colleague's action, through the API with their own token.
    void colleagueDoes(CampaignAction action, qint64 id)
    {
        ClientTest::CallResult<Done> done;
        m_colleague->perform(action, id, &done.context, done.callback());
        QTRY_COMPARE_WITH_TIMEOUT(done.calls, 1, kWaitMs);
        QVERIFY2(done.result.ok(), qPrintable(done.error().details()));
    }
    void put(const QList<EmulatedCampaign> &campaigns)
    {
        for (const EmulatedCampaign &c : campaigns)
            m_emu->store().upsert(c);
    }

    std::unique_ptr<AltcraftEmulator> m_emu;
    std::unique_ptr<AltcraftClient> m_client;
    std::unique_ptr<AltcraftClient> m_colleague;
    QList<QList<WatchEvent>> m_batches;
};

void TestCampaignWatcher::initTestCase()
{
    qRegisterMetaType<ApiError>();
    LogCapture::install();
}

void TestCampaignWatcher::cleanupTestCase()
{
    const qsizetype watchLines = LogCapture::textsIn(QStringLiteral("campaignmanager.watch")).size();
    const int tokenHits = LogCapture::count(ApiTokenGrant::defaultFullToken()) + LogCapture::count(kColleagueToken);
    LogCapture::uninstall();
    QVERIFY2(watchLines > 0, "no campaignmanager.watch line was captured");
    QCOMPARE(tokenHits, 0);
}

void TestCampaignWatcher::init()
{
    m_emu = std::make_unique<AltcraftEmulator>();
    QVERIFY(m_emu->start() != 0);
    m_emu->store().reset({});
    QList<ApiTokenGrant> tokens = ApiTokenGrant::defaults();
    ApiTokenGrant colleague{kColleagueToken, QStringLiteral("colleague"), true, true, true, {}};
    colleague.user = kColleague;
    tokens.append(colleague);
    m_emu->setTokens(tokens);
    m_client = clientWith(ApiTokenGrant::defaultFullToken(), m_emu->baseUrl());
    m_colleague = clientWith(kColleagueToken, m_emu->baseUrl());
    m_batches.clear();
}

void TestCampaignWatcher::cleanup()
{
    m_colleague.reset();
    m_client.reset();
    m_emu.reset();
}

void TestCampaignWatcher::firstSightIsTheBaselineThenAColleaguesChangeIsSomeoneElse()
{
    put(emulatedCampaigns(1, 3, EmulatedState::Active));
    auto w = makeWatcher();
    w->setWatched({1, 2, 3});
    QSignalSpy read(w.get(), &CampaignWatcher::campaignsRead);
    auto [error, delay] = check(w.get());
    QVERIFY2(error.isNone(), qPrintable(error.details()));
    QCOMPARE(delay, 60000);
    QVERIFY(events().isEmpty()); // first sight: the baseline only
    QCOMPARE(read.size(), 1);
    QCOMPARE(read.first().first().value<QList<Campaign>>().size(), 3);
    QCOMPARE(w->baseline().size(), 3);
    QCOMPARE(w->baseline().value(2).status, CampaignStatus::Active);

    colleagueDoes(CampaignAction::Deactivate, 2);
    check(w.get());
    QCOMPARE(m_batches.size(), 1); // one batch per check
    const QList<WatchEvent> found = events();
    QCOMPARE(found.size(), 1);
    const WatchEvent &e = found.first();
    QCOMPARE(e.kind, Kind::StatusChanged);
    QCOMPARE(e.campaignId, 2);
    QCOMPARE(e.before, CampaignStatus::Active);
    QCOMPARE(e.after, CampaignStatus::Inactive);
    QCOMPARE(e.updatedUser, kColleague);
    QCOMPARE(e.origin, Origin::SomeoneElse);
    QVERIFY(e.watched);
    QCOMPARE(e.account, kAccount);
    QCOMPARE(e.campaignName, QStringLiteral("Campaign 2"));
    QVERIFY(e.noticedAt.isValid());

    check(w.get()); // nothing changed since
    QVERIFY(events().isEmpty());
}

void TestCampaignWatcher::aChangeTheJournalHoldsIsThisComputers()
{
    put(emulatedCampaigns(1, 2, EmulatedState::Active));
    QList<DoneHere> doneHere;
    auto w = makeWatcher();
    w->setWatched({1, 2});
    QList<QDateTime> asked;
    w->setOriginLookup([&](qint64 id, const QDateTime &since) {
        asked.append(since);
        for (const DoneHere &d : doneHere) {
            if (d.campaignId == id && (!since.isValid() || d.at >= since))
                return Origin::ThisComputer;
        }
        return Origin::Unknown;
    });
    const QDateTime beforeFirst = QDateTime::currentDateTimeUtc();
    check(w.get());

    // Campaign 1 deactivated here (the journal holds it), campaign 2 by a colleague.
    ClientTest::CallResult<Done> done;
    doneHere.append({1, QDateTime::currentDateTimeUtc()});
    m_client->deactivate(1, &done.context, done.callback());
    QTRY_COMPARE_WITH_TIMEOUT(done.calls, 1, kWaitMs);
    colleagueDoes(CampaignAction::Deactivate, 2);

    check(w.get());
    const QList<WatchEvent> found = events();
    QCOMPARE(found.size(), 2);
    for (const WatchEvent &e : found) {
        QCOMPARE(e.kind, Kind::StatusChanged);
        QCOMPARE(e.origin, e.campaignId == 1 ? Origin::ThisComputer : Origin::SomeoneElse);
    }
    // The journal is asked from the previous read, less the margin.
    QCOMPARE(asked.size(), 2);
    for (const QDateTime &since : asked) {
        QVERIFY(since <= beforeFirst.addSecs(-CampaignWatcher::kOriginMarginSeconds + 5));
        QVERIFY(since >= beforeFirst.addSecs(-CampaignWatcher::kOriginMarginSeconds - 5));
    }
}

void TestCampaignWatcher::waitingPastAStartSetHereIsOverdueOnce()
{
    put({emulatedCampaign(5, EmulatedState::Waiting), emulatedCampaign(6, EmulatedState::Waiting)});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QHash<qint64, QDateTime> starts{{5, now.addSecs(-5 * 60)}, {6, now.addSecs(-60)}}; // 6: within the grace
    auto w = makeWatcher();
    w->setWatched({5, 6});
    w->setScheduleLookup([&](qint64 id) { return ActivationSchedule{starts.value(id), {}, {}}; });
    check(w.get());
    QList<WatchEvent> found = events();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().kind, Kind::StartOverdue);
    QCOMPARE(found.first().campaignId, 5);
    QCOMPARE(found.first().since, starts.value(5));
    QCOMPARE(found.first().after, CampaignStatus::Waiting);

    check(w.get()); // once per (campaign, start date)
    QVERIFY(events().isEmpty());

    starts[5] = now.addSecs(-3 * 60); // a new start was set here, and missed too
    check(w.get());
    found = events();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().since, starts.value(5));
}

void TestCampaignWatcher::waitingToActiveAtAStartSetHereIsTheSchedule()
{
    QDateTime fakeNow = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
    m_emu->store().setClock([&] { return fakeNow; });
    put({emulatedCampaign(7, EmulatedState::Inactive)});
    const QDateTime start = fakeNow.addSecs(3600);
    QVERIFY(m_emu->store().apply(7, EmulatedAction::Activate, QStringLiteral("api.user"), start).error == 0);
    QCOMPARE(m_emu->store().find(7)->state, EmulatedState::Waiting);

    auto w = makeWatcher();
    w->setClock([&] { return fakeNow; });
    w->setWatched({7});
    w->setScheduleLookup([&](qint64 id) { return id == 7 ? ActivationSchedule{start, {}, {}} : ActivationSchedule{}; });
    w->setOriginLookup([](qint64, const QDateTime &) { return Origin::ThisComputer; }); // the schedule wins
    check(w.get());
    QVERIFY(events().isEmpty());

    fakeNow = start.addSecs(90); // the server starts it
    check(w.get());
    const QList<WatchEvent> found = events();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().kind, Kind::StatusChanged);
    QCOMPARE(found.first().before, CampaignStatus::Waiting);
    QCOMPARE(found.first().after, CampaignStatus::Active);
    QCOMPARE(found.first().origin, Origin::Schedule);
}

void TestCampaignWatcher::cloningLongerThanTheLimitIsReportedOnce()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime longAgo = now.addSecs(-10 * 60);
    put({CampaignBuilder(8).updated(longAgo).emulated(EmulatedState::Cloning),
         CampaignBuilder(9).updated(now.addSecs(-60)).emulated(EmulatedState::Cloning)});
    auto w = makeWatcher();
    w->setStuckCloningMinutes(5);
    w->setWatched({8, 9});
    check(w.get());
    QList<WatchEvent> found = events();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().kind, Kind::StuckCloning);
    QCOMPARE(found.first().campaignId, 8);
    QCOMPARE(found.first().since, longAgo);

    check(w.get()); // once per cloning episode
    QVERIFY(events().isEmpty());

    // When the server sends no updatetime, the episode starts when a check first saw it cloning.
    QDateTime fakeNow = now;
    w->setClock([&] { return fakeNow; });
    put({CampaignBuilder(10).updated(QDateTime()).emulated(EmulatedState::Cloning)});
    w->setWatched({8, 9, 10});
    check(w.get());
    QVERIFY(ofKind(events(), Kind::StuckCloning).isEmpty());
    fakeNow = now.addSecs(6 * 60);
    check(w.get());
    found = ofKind(events(), Kind::StuckCloning);
    QCOMPARE(found.size(), 2); // 9 is now past the limit too
    for (const WatchEvent &e : found) {
        if (e.campaignId == 10)
            QCOMPARE(e.since, now);
        else
            QCOMPARE(e.campaignId, 9);
    }
}

void TestCampaignWatcher::accountCheckFindsNewCampaignsAndUnwatchedChanges()
{
    put(emulatedCampaigns(1, 5, EmulatedState::Inactive));
    put({emulatedCampaign(7, EmulatedState::Cloning)}); // unwatched, cloning since 2025: old news
    auto w = makeWatcher();
    w->setAccountCheckIntervalMs(1); // every check
    w->setWatched({1, 2});
    QSignalSpy read(w.get(), &CampaignWatcher::campaignsRead);
    QVERIFY(check(w.get()).first.isNone());
    QVERIFY(events().isEmpty()); // the first account check is the account's baseline
    QCOMPARE(m_emu->requestCount(QStringLiteral("list")), 1);
    QCOMPARE(m_emu->requestCount(QStringLiteral("get")), 0); // the watched ones came with the list
    QCOMPARE(read.first().first().value<QList<Campaign>>().size(), 6);

    put({emulatedCampaign(6, EmulatedState::Inactive)});
    colleagueDoes(CampaignAction::Activate, 3); // not watched
    colleagueDoes(CampaignAction::Activate, 1); // watched
    QVERIFY(check(w.get()).first.isNone());
    QCOMPARE(m_emu->requestCount(QStringLiteral("get")), 0);
    const QList<WatchEvent> found = events();
    QCOMPARE(found.size(), 3);
    const QList<WatchEvent> fresh = ofKind(found, Kind::NewCampaign);
    QCOMPARE(fresh.size(), 1);
    QCOMPARE(fresh.first().campaignId, 6);
    QCOMPARE(fresh.first().after, CampaignStatus::Inactive);
    QVERIFY(!fresh.first().watched);
    for (const WatchEvent &e : ofKind(found, Kind::StatusChanged)) {
        QVERIFY(e.campaignId == 1 || e.campaignId == 3);
        QCOMPARE(e.watched, e.campaignId == 1);
        QCOMPARE(e.before, CampaignStatus::Inactive);
        QCOMPARE(e.after, CampaignStatus::Active);
        QCOMPARE(e.updatedUser, kColleague);
        QCOMPARE(e.origin, Origin::SomeoneElse);
    }

    // A watched campaign the list leaves out is read by its own get.
    w->setWatched({1, 2, 404});
    check(w.get());
    QCOMPARE(m_emu->requestCount(QStringLiteral("get")), 1);
    QVERIFY(events().isEmpty());

    // A clone that appears after the account's baseline and stays cloning is news.
    put({emulatedCampaign(8, EmulatedState::Cloning)});
    check(w.get());
    QCOMPARE(events().size(), 2);
    QCOMPARE(ofKind(events(), Kind::NewCampaign).size(), 1);
    const QList<WatchEvent> stuck = ofKind(events(), Kind::StuckCloning);
    QCOMPARE(stuck.size(), 1);
    QCOMPARE(stuck.first().campaignId, 8);
    QVERIFY(!stuck.first().watched);
    QVERIFY(!w->baseline().contains(8)); // the persisted baseline holds the watched ones only
}

void TestCampaignWatcher::listAskedToWaitHoldsTheGets()
{
    put(emulatedCampaigns(1, 3, EmulatedState::Active));
    Fault f;
    f.kind = Fault::Kind::Http503;
    f.method = QStringLiteral("list");
    f.retryAfterSeconds = 2;
    m_emu->addFault(f);
    auto w = makeWatcher();
    w->setIntervalMs(100);
    w->setAccountCheckIntervalMs(1);
    w->setWatched({1, 2, 3});
    const auto [error, delay] = check(w.get());
    QCOMPARE(error.kind(), ApiError::Kind::ServerUnavailable);
    QVERIFY2(delay >= 2000, qPrintable(QString::number(delay)));
    QCOMPARE(m_emu->requestCount(QStringLiteral("list")), 1);
    QCOMPARE(m_emu->requestCount(QStringLiteral("get")), 0);
    QVERIFY(w->canList()); // asked to wait is not refused
    QVERIFY(!w->isUnreachable());
}

void TestCampaignWatcher::refusedListStopsAccountChecksButWatchedReadsGoOn()
{
    put(emulatedCampaigns(1, 3, EmulatedState::Active));
    auto viewOnly = clientWith(ApiTokenGrant::defaultViewToken(), m_emu->baseUrl());
    auto w = makeWatcher(viewOnly.get());
    w->setAccountCheckIntervalMs(1);
    w->setWatched({1, 2});
    QVERIFY(w->canList());
    QSignalSpy read(w.get(), &CampaignWatcher::campaignsRead);
    const auto [error, delay] = check(w.get());
    QVERIFY2(error.isNone(), qPrintable(error.details()));
    QVERIFY(!w->canList());
    QCOMPARE(m_emu->requestCount(QStringLiteral("list")), 1);
    QCOMPARE(m_emu->requestCount(QStringLiteral("get")), 2);
    QCOMPARE(read.first().first().value<QList<Campaign>>().size(), 2);

    colleagueDoes(CampaignAction::Deactivate, 1);
    check(w.get());
    QCOMPARE(m_emu->requestCount(QStringLiteral("list")), 1); // no more account checks
    QCOMPARE(m_emu->requestCount(QStringLiteral("get")), 4);
    QCOMPARE(events().size(), 1);
    QCOMPARE(events().first().campaignId, 1);
}

void TestCampaignWatcher::unreadableCampaignGivesNoEvent()
{
    put(emulatedCampaigns(1, 1, EmulatedState::Active));
    auto w = makeWatcher();
    w->setWatched({1, 999});
    QSignalSpy read(w.get(), &CampaignWatcher::campaignsRead);
    QVERIFY(check(w.get()).first.isNone());
    QVERIFY(check(w.get()).first.isNone());
    QVERIFY(events().isEmpty());
    QCOMPARE(read.size(), 2);
    QCOMPARE(read.last().first().value<QList<Campaign>>().size(), 1);
    QVERIFY(!w->baseline().contains(999));
    QVERIFY(!w->isUnreachable());
}

void TestCampaignWatcher::concurrencyNeverAboveTheLimit()
{
    QList<qint64> ids;
    for (qint64 id = 1; id <= 20; ++id)
        ids.append(id);
    put(emulatedCampaigns(1, 20, EmulatedState::Active));
    m_emu->setLatency(40, 0, QStringLiteral("get"));
    auto w = makeWatcher();
    w->setConcurrency(3);
    w->setWatched(ids);
    int maxSeen = 0;
    connect(m_emu.get(), &AltcraftEmulator::requestReceived, this,
            [&] { maxSeen = std::max(maxSeen, m_emu->inFlight()); });
    QVERIFY(check(w.get()).first.isNone());
    QCOMPARE(m_emu->requestCount(QStringLiteral("get")), 20);
    QCOMPARE(m_emu->maxInFlight(), 3);
    QVERIFY(maxSeen <= 3);
    QCOMPARE(w->baseline().size(), 20);
}

void TestCampaignWatcher::retryAfterStopsTheCheckAndDelaysTheNext()
{
    put(emulatedCampaigns(1, 5, EmulatedState::Active));
    Fault f;
    f.kind = Fault::Kind::TooManyRequests;
    f.method = QStringLiteral("get");
    f.retryAfterSeconds = 3;
    f.remaining = 1;
    m_emu->addFault(f);
    auto w = makeWatcher();
    w->setIntervalMs(100);
    w->setConcurrency(1);
    w->setWatched({1, 2, 3, 4, 5});
    const auto [error, delay] = check(w.get());
    QCOMPARE(error.kind(), ApiError::Kind::RateLimited);
    QVERIFY2(delay >= 3000, qPrintable(QString::number(delay)));
    QVERIFY(w->nextCheckInMs() > 2000);
    QCOMPARE(m_emu->requestCount(QStringLiteral("get")), 1); // the check stopped sending
    QVERIFY(!w->isUnreachable()); // the server answered
    QVERIFY(events().isEmpty());
}

void TestCampaignWatcher::backsOffAgainstARefusingServerThenRecovers()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    } // closed: connections to the port are refused
    auto client = clientWith(ApiTokenGrant::defaultFullToken(), QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
    auto w = makeWatcher(client.get());
    w->setIntervalMs(40);
    w->setBackoffCapMs(150);
    w->setWatched({1});
    QList<std::pair<ApiError, int>> checks;
    connect(w.get(), &CampaignWatcher::checkFinished, this, [&](const ApiError &error, int delay) {
        checks.append({error, delay});
    });
    w->start();
    QTRY_VERIFY_WITH_TIMEOUT(checks.size() >= 4, kWaitMs);
    QList<int> delays;
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(checks.at(i).first.kind(), ApiError::Kind::CannotConnect);
        delays.append(checks.at(i).second);
    }
    QCOMPARE(delays, (QList<int>{40, 80, 150, 150})); // 1x, 2x, then the cap
    QVERIFY(w->isUnreachable());
    QList<WatchEvent> unreachable = ofKind(events(), Kind::Unreachable);
    QCOMPARE(unreachable.size(), 1);
    QCOMPARE(unreachable.first().detail, checks.first().first.message());
    QCOMPARE(unreachable.first().campaignId, 0);
    QCOMPARE(unreachable.first().account, kAccount);

    // Check now starts the backoff over.
    QTRY_VERIFY_WITH_TIMEOUT(!w->isChecking(), kWaitMs);
    qsizetype before = checks.size();
    w->checkNow();
    QTRY_VERIFY_WITH_TIMEOUT(checks.size() > before, kWaitMs);
    QCOMPARE(checks.at(before).second, 40);
    QCOMPARE(ofKind(events(), Kind::Unreachable).size(), 1);

    // The server comes back on that same port.
    AltcraftEmulator revived;
    QCOMPARE(revived.start(port), port);
    revived.store().reset({emulatedCampaign(1, EmulatedState::Active)});
    before = checks.size();
    QTRY_VERIFY_WITH_TIMEOUT(checks.size() > before && checks.last().first.isNone(), kWaitMs);
    QCOMPARE(checks.last().second, 40); // back to the interval
    QVERIFY(!w->isUnreachable());
    QCOMPARE(ofKind(events(), Kind::Reachable).size(), 1);
    QCOMPARE(ofKind(events(), Kind::Unreachable).size(), 1); // still the one
    w->stop();
}

void TestCampaignWatcher::stopCancelsAndSilences()
{
    put(emulatedCampaigns(1, 4, EmulatedState::Active));
    m_emu->setLatency(300, 0, QStringLiteral("get"));
    auto w = makeWatcher();
    w->setIntervalMs(20);
    w->setConcurrency(1); // one on the wire at a time: the other three are never sent
    w->setWatched({1, 2, 3, 4});
    QSignalSpy finished(w.get(), &CampaignWatcher::checkFinished);
    QSignalSpy read(w.get(), &CampaignWatcher::campaignsRead);
    QSignalSpy received(m_emu.get(), &AltcraftEmulator::requestReceived);
    w->start();
    QVERIFY(received.wait(kWaitMs));
    w->stop();
    QVERIFY(!w->isRunning());
    QCOMPARE(w->nextCheckInMs(), -1);
    const int sent = m_emu->requestCount();
    // Only a wait can show that nothing happens: 15 intervals and the answers' latency.
    QTest::qWait(500);
    QCOMPARE(m_emu->requestCount(), sent);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(read.size(), 0);
    QVERIFY(m_batches.isEmpty());
}

void TestCampaignWatcher::baselineRoundTripsThroughJson()
{
    QHash<qint64, CampaignWatcher::Seen> baseline;
    const QDateTime t(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    baseline.insert(1,
                    {CampaignStatus::Active, t, QStringLiteral("Сезонная распродажа"), {}, t.addSecs(60), {}, false});
    baseline.insert(2, {CampaignStatus::Cloning, {}, QStringLiteral("Clone \"x\""), t, t, {}, true});
    baseline.insert(3, {CampaignStatus::Waiting, t, QString(), {}, {}, t.addSecs(-600), false});
    const QByteArray json = CampaignWatcher::toJson(baseline);
    QCOMPARE(CampaignWatcher::fromJson(json), baseline);
    QCOMPARE(CampaignWatcher::fromJsonObject(CampaignWatcher::toJsonObject(baseline)), baseline);
    QVERIFY(CampaignWatcher::fromJson("not json").isEmpty());
    QVERIFY(CampaignWatcher::fromJson(R"({"campaigns": {"x": {}, "-4": {}, "5": 3}})").isEmpty());
    QVERIFY(CampaignWatcher::fromJson({}).isEmpty());
}

void TestCampaignWatcher::persistedBaselineNoticesChangesMadeWhileClosed()
{
    put(emulatedCampaigns(1, 2, EmulatedState::Active));
    QByteArray saved;
    {
        auto w = makeWatcher();
        w->setWatched({1, 2});
        check(w.get());
        saved = CampaignWatcher::toJson(w->baseline());
    }
    colleagueDoes(CampaignAction::Complete, 2); // while the app was closed
    auto w = makeWatcher();
    w->setWatched({1, 2});
    w->setBaseline(CampaignWatcher::fromJson(saved));
    check(w.get());
    const QList<WatchEvent> found = events();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().campaignId, 2);
    QCOMPARE(found.first().before, CampaignStatus::Active);
    QCOMPARE(found.first().after, CampaignStatus::Completed);
}

QTEST_GUILESS_MAIN(TestCampaignWatcher)
#include "tst_campaign_watcher.moc"
