// CampaignService's server-side filter against the real AltcraftEmulator over loopback HTTP: what
// the list requests carry (as the emulator recorded them), which rows the table then holds, the
// ceiling (isCapped), tracked campaigns, a filter changed mid-load, and switchAccount(). The
// expected rows are worked out here from the seeded campaigns, never by the client's code.

#include "altcraftclient.h"
#include "altcraftemulator.h"
#include "campaignbuilder.h"
#include "campaignservice.h"
#include "clienttestsupport.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using ClientTest::LogCapture;
using Kind = ApiError::Kind;

namespace {

constexpr int kWaitMs = 15000;
constexpr int kCampaigns = 40;
constexpr int kCeiling = 15; // below kCampaigns: an unfiltered list cannot be held whole

const EmulatedGroup kRetail{1, QStringLiteral("Retail")};
const EmulatedGroup kLoyalty{2, QStringLiteral("Loyalty")};
const EmulatedGroup kB2b{3, QStringLiteral("B2B")};

// Tags, groups and state vary with different periods, so every combination occurs.
EmulatedCampaign seeded(qint64 id)
{
    static const QList<QStringList> tags{{},
                                         {QStringLiteral("vip")},
                                         {QStringLiteral("promo")},
                                         {QStringLiteral("vip"), QStringLiteral("promo")},
                                         {QStringLiteral("b2b")}};
    static const QList<QList<EmulatedGroup>> groups{{kRetail}, {kLoyalty}, {kRetail, kB2b}};
    static const QList<EmulatedState> states{EmulatedState::Inactive, EmulatedState::Active, EmulatedState::Completed,
                                             EmulatedState::Active};
    return CampaignBuilder(id).tags(tags[id % 5]).groups(groups[id % 3]).emulated(states[id % 4]);
}

QList<EmulatedCampaign> seededCampaigns(int count)
{
    QList<EmulatedCampaign> result;
    for (int id = 1; id <= count; ++id)
        result.append(seeded(id));
    return result;
}

// The filter the tests use, in the client's terms.
CampaignFilter activeVipOrPromoInLoyaltyOrB2b()
{
    CampaignFilter f;
    f.state = QStringLiteral("active");
    f.tags = {QStringLiteral("vip"), QStringLiteral("promo")};
    f.groupIds = {kLoyalty.id, kB2b.id};
    return f;
}

// The same question asked of the seeded data: the state is the one given, one of the campaign's
// tags is among the tags, one of its groups among the group IDs.
QSet<qint64> expectedMatches(const QList<EmulatedCampaign> &campaigns, EmulatedState state, const QStringList &tags,
                             const QList<qint64> &groupIds)
{
    QSet<qint64> result;
    for (const EmulatedCampaign &c : campaigns) {
        const bool tagged = tags.isEmpty()
            || std::any_of(c.tags.cbegin(), c.tags.cend(), [&](const QString &t) { return tags.contains(t); });
        const bool grouped = groupIds.isEmpty()
            || std::any_of(c.groups.cbegin(), c.groups.cend(), [&](const auto &g) { return groupIds.contains(g.id); });
        if (c.state == state && tagged && grouped)
            result.insert(c.id);
    }
    return result;
}

QSet<qint64> idsFrom(qint64 first, qint64 last)
{
    QSet<qint64> result;
    for (qint64 id = first; id <= last; ++id)
        result.insert(id);
    return result;
}

QSet<qint64> tableIds(const CampaignService &service)
{
    const QList<qint64> ids = service.model()->ids();
    return QSet<qint64>(ids.cbegin(), ids.cend());
}

// Every loadFinished, in order.
struct LoadLog {
    QList<Kind> finished;
    int started = 0;

    void attach(CampaignService *service)
    {
        QObject::connect(service, &CampaignService::loadStarted, service, [this] { ++started; });
        QObject::connect(service, &CampaignService::loadFinished, service,
                         [this](const ApiError &error, int) { finished.append(error.kind()); });
    }
};

QStringList sortedKeys(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

} // namespace

#define WAIT_LOADS(log, n) QTRY_COMPARE_WITH_TIMEOUT((log).finished.size(), (n), kWaitMs)

class TestCampaignServiceFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void unfilteredLoadAtTheCeilingIsCapped();
    void unfilteredLoadInFullIsNotCapped();
    void filterIsSentAsDocumentedAndTheTableHoldsExactlyTheMatches();
    void sameFilterAgainDoesNotReload();
    void filteredLoadLeavesCappedAsItWas();
    void clearingTheFilterListsEverythingAgain();
    void trackedCampaignThatDoesNotMatchStays();
    void changingTheFilterWhileLoadingCancelsTheLoad();
    void switchAccountClearsTheFilter();
    void noListingAfterShutDown();

private:
    QList<RecordedRequest> listRequests() const
    {
        QList<RecordedRequest> result;
        for (const RecordedRequest &r : m_emu->requests()) {
            if (r.apiMethod() == QLatin1String("list"))
                result.append(r);
        }
        return result;
    }
    // Loads the unfiltered list, which stops at kCeiling.
    void loadCapped(LoadLog &log)
    {
        m_service->reload();
        WAIT_LOADS(log, 1);
        QCOMPARE(log.finished.last(), Kind::ListTooLong);
        QVERIFY(m_service->isCapped());
    }

    QList<EmulatedCampaign> m_campaigns;
    std::unique_ptr<AltcraftEmulator> m_emu;
    std::unique_ptr<AltcraftClient> m_client;
    std::unique_ptr<CampaignService> m_service;
};

void TestCampaignServiceFilter::initTestCase()
{
    LogCapture::install();
}

void TestCampaignServiceFilter::cleanupTestCase()
{
    const qsizetype apiLines = LogCapture::textsIn(QStringLiteral("campaignmanager.api")).size();
    const int tokenHits = LogCapture::count(ApiTokenGrant::defaultFullToken());
    LogCapture::uninstall();
    QVERIFY2(apiLines > 0, "no campaignmanager.api line was captured"); // the check below is not vacuous
    QCOMPARE(tokenHits, 0);
}

void TestCampaignServiceFilter::init()
{
    m_emu = std::make_unique<AltcraftEmulator>();
    QVERIFY(m_emu->start() != 0);
    m_campaigns = seededCampaigns(kCampaigns);
    m_emu->store().reset(m_campaigns);
    m_client = std::make_unique<AltcraftClient>();
    RequestFactory f(m_emu->baseUrl());
    f.setToken(ApiTokenGrant::defaultFullToken());
    f.setTransferTimeout(5000ms);
    m_client->setFactory(f);
    m_client->setRetryBaseDelay(10);
    m_client->setMaxListedCampaigns(kCeiling);
    m_service = std::make_unique<CampaignService>(m_client.get(), nullptr);
}

void TestCampaignServiceFilter::cleanup()
{
    m_service.reset();
    m_client.reset();
    m_emu.reset();
}

void TestCampaignServiceFilter::unfilteredLoadAtTheCeilingIsCapped()
{
    LoadLog log;
    log.attach(m_service.get());
    QVERIFY(!m_service->isCapped());
    loadCapped(log);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(tableIds(*m_service), idsFrom(1, kCeiling)); // what arrived is kept
}

void TestCampaignServiceFilter::unfilteredLoadInFullIsNotCapped()
{
    LoadLog log;
    log.attach(m_service.get());
    loadCapped(log);
    if (QTest::currentTestFailed())
        return;
    m_client->setMaxListedCampaigns(kCampaigns);
    m_service->reload();
    WAIT_LOADS(log, 2);
    QCOMPARE(log.finished.last(), Kind::None);
    QVERIFY(!m_service->isCapped());
    QCOMPARE(tableIds(*m_service), idsFrom(1, kCampaigns));
}

void TestCampaignServiceFilter::filterIsSentAsDocumentedAndTheTableHoldsExactlyTheMatches()
{
    const CampaignFilter wanted = activeVipOrPromoInLoyaltyOrB2b();
    const QSet<qint64> expected = expectedMatches(m_campaigns, EmulatedState::Active, wanted.tags, wanted.groupIds);
    // The filter reaches campaigns the capped list could not hold, and not all of them match.
    QVERIFY(!expected.isEmpty() && expected.size() < kCeiling);
    QVERIFY(std::any_of(expected.cbegin(), expected.cend(), [](qint64 id) { return id > kCeiling; }));

    LoadLog log;
    log.attach(m_service.get());
    loadCapped(log);
    if (QTest::currentTestFailed())
        return;
    m_emu->clearRequests();
    int changed = 0;
    connect(m_service.get(), &CampaignService::serverFilterChanged, this, [&changed] { ++changed; });

    CampaignFilter asked = wanted;
    // Paging is the service's own: these are ignored.
    asked.fromId = 5;
    asked.pageSize = 7;
    asked.maxPages = 1;
    m_service->setServerFilter(asked);
    QCOMPARE(changed, 1);
    QVERIFY(m_service->hasServerFilter());
    QCOMPARE(m_service->serverFilter(), wanted);
    QVERIFY(m_service->isLoading()); // re-listed at once
    WAIT_LOADS(log, 2);
    QCOMPARE(log.finished.last(), Kind::None);

    const QList<RecordedRequest> lists = listRequests();
    QCOMPARE(lists.size(), 1); // the matches fit one page
    const QJsonObject body = lists.first().json();
    QCOMPARE(sortedKeys(body),
             QStringList({u"from_id"_s, u"groups_id"_s, u"limit"_s, u"state"_s, u"token"_s, u"ui_tags"_s}));
    QCOMPARE(body.value(u"state"_s), QJsonValue(u"active"_s));
    QCOMPARE(body.value(u"ui_tags"_s), QJsonValue(QJsonArray{u"vip"_s, u"promo"_s}));
    QCOMPARE(body.value(u"groups_id"_s), QJsonValue(QJsonArray{kLoyalty.id, kB2b.id}));
    QCOMPARE(body.value(u"from_id"_s).toInteger(), 1);
    QCOMPARE(body.value(u"limit"_s).toInteger(), 1000);
    for (const RecordedRequest &r : m_emu->requests()) {
        QVERIFY2(!r.path.contains(ApiTokenGrant::defaultFullToken()), qPrintable(r.path));
        QVERIFY2(!r.path.contains(u'?'), qPrintable(r.path));
    }

    // Rows of the unfiltered list that do not match went once the filtered list was in.
    QCOMPARE(tableIds(*m_service), expected);
    QVERIFY(m_service->isCapped()); // a filtered load says nothing of the whole account
}

void TestCampaignServiceFilter::sameFilterAgainDoesNotReload()
{
    LoadLog log;
    log.attach(m_service.get());
    m_service->setServerFilter(activeVipOrPromoInLoyaltyOrB2b());
    WAIT_LOADS(log, 1);
    int changed = 0;
    connect(m_service.get(), &CampaignService::serverFilterChanged, this, [&changed] { ++changed; });
    CampaignFilter same = activeVipOrPromoInLoyaltyOrB2b();
    same.pageSize = 3; // not part of the server filter
    m_service->setServerFilter(same);
    QCOMPARE(changed, 0);
    QVERIFY(!m_service->isLoading());
    QCOMPARE(log.started, 1);
}

void TestCampaignServiceFilter::filteredLoadLeavesCappedAsItWas()
{
    LoadLog log;
    log.attach(m_service.get());
    // Capped, then a filtered load in full: still capped (see the test above); here the other way:
    // not capped, then a filtered load that itself hits the ceiling.
    m_client->setMaxListedCampaigns(kCampaigns);
    m_service->reload();
    WAIT_LOADS(log, 1);
    QCOMPARE(log.finished.last(), Kind::None);
    QVERIFY(!m_service->isCapped());

    m_client->setMaxListedCampaigns(2);
    CampaignFilter inactive;
    inactive.state = QStringLiteral("inactive");
    QVERIFY(expectedMatches(m_campaigns, EmulatedState::Inactive, {}, {}).size() > 2);
    m_service->setServerFilter(inactive);
    WAIT_LOADS(log, 2);
    QCOMPARE(log.finished.last(), Kind::ListTooLong);
    QVERIFY(!m_service->isCapped());
}

void TestCampaignServiceFilter::clearingTheFilterListsEverythingAgain()
{
    const CampaignFilter wanted = activeVipOrPromoInLoyaltyOrB2b();
    const QSet<qint64> expected = expectedMatches(m_campaigns, EmulatedState::Active, wanted.tags, wanted.groupIds);
    LoadLog log;
    log.attach(m_service.get());
    loadCapped(log);
    if (QTest::currentTestFailed())
        return;
    m_service->setServerFilter(wanted);
    WAIT_LOADS(log, 2);
    QCOMPARE(tableIds(*m_service), expected);

    m_emu->clearRequests();
    m_service->setServerFilter(CampaignFilter{});
    QVERIFY(!m_service->hasServerFilter());
    WAIT_LOADS(log, 3);
    QCOMPARE(log.finished.last(), Kind::ListTooLong);
    QVERIFY(m_service->isCapped());
    const QList<RecordedRequest> lists = listRequests();
    QVERIFY(!lists.isEmpty());
    for (const RecordedRequest &r : lists)
        QCOMPARE(sortedKeys(r.json()), QStringList({u"from_id"_s, u"limit"_s, u"token"_s}));
    // The first kCeiling are back; a list that did not arrive whole removes nothing.
    QCOMPARE(tableIds(*m_service), idsFrom(1, kCeiling) | expected);

    // With room for the whole account, the next unfiltered list is the table.
    m_client->setMaxListedCampaigns(kCampaigns);
    m_service->reload();
    WAIT_LOADS(log, 4);
    QCOMPARE(log.finished.last(), Kind::None);
    QVERIFY(!m_service->isCapped());
    QCOMPARE(tableIds(*m_service), idsFrom(1, kCampaigns));

    // And a filter again leaves only its matches.
    m_service->setServerFilter(wanted);
    WAIT_LOADS(log, 5);
    QCOMPARE(tableIds(*m_service), expected);
}

void TestCampaignServiceFilter::trackedCampaignThatDoesNotMatchStays()
{
    const CampaignFilter wanted = activeVipOrPromoInLoyaltyOrB2b();
    const QSet<qint64> expected = expectedMatches(m_campaigns, EmulatedState::Active, wanted.tags, wanted.groupIds);
    const qint64 tracked = kCampaigns; // past the ceiling, and not a match
    QVERIFY(!expected.contains(tracked));

    int addFinished = 0;
    connect(m_service.get(), &CampaignService::addFinished, this, [&addFinished] { ++addFinished; });
    m_service->addByIds({tracked});
    QTRY_COMPARE_WITH_TIMEOUT(addFinished, 1, kWaitMs);
    QCOMPARE(m_service->trackedIds(), QList<qint64>{tracked});

    LoadLog log;
    log.attach(m_service.get());
    // Whoever hears that the list is in finds the row there, not read back later.
    bool rowWhenListed = false;
    connect(m_service.get(), &CampaignService::loadFinished, this,
            [&] { rowWhenListed = m_service->model()->campaign(tracked) != nullptr; });
    m_emu->clearRequests();
    m_service->setServerFilter(wanted);
    WAIT_LOADS(log, 1);
    QCOMPARE(log.finished.last(), Kind::None);
    QVERIFY(rowWhenListed);
    // The list left it out, so it is read by its ID, and stays.
    const auto readById = [this, tracked] {
        const QList<RecordedRequest> requests = m_emu->requests();
        return std::any_of(requests.cbegin(), requests.cend(), [tracked](const RecordedRequest &r) {
            return r.apiMethod() == QLatin1String("get") && r.campaignId() == tracked;
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(readById(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_emu->inFlight(), 0, kWaitMs);
    QCOMPARE(tableIds(*m_service), expected | QSet<qint64>{tracked});
}

void TestCampaignServiceFilter::changingTheFilterWhileLoadingCancelsTheLoad()
{
    // Three pages of 1,000 for the first filter, each answered late: its load is still going when
    // the filter changes, with room to spare on a busy machine.
    m_campaigns = seededCampaigns(12000);
    m_emu->store().reset(m_campaigns);
    m_client->setMaxListedCampaigns(AltcraftClient::kDefaultMaxListedCampaigns);
    m_emu->setLatency(300, 0, QStringLiteral("list"));

    LoadLog log;
    log.attach(m_service.get());
    int progress = 0;
    connect(m_service.get(), &CampaignService::loadProgress, this, [&progress] { ++progress; });
    CampaignFilter inactive;
    inactive.state = QStringLiteral("inactive");
    m_service->setServerFilter(inactive);
    QTRY_VERIFY_WITH_TIMEOUT(progress > 0, kWaitMs); // its first page is in the table
    QVERIFY(m_service->isLoading());
    QVERIFY(!tableIds(*m_service).isEmpty());

    const CampaignFilter wanted = activeVipOrPromoInLoyaltyOrB2b();
    const QSet<qint64> expected = expectedMatches(m_campaigns, EmulatedState::Active, wanted.tags, wanted.groupIds);
    QVERIFY(expected.size() > 1000); // more than a page
    m_service->setServerFilter(wanted);
    QCOMPARE(log.finished, QList<Kind>{Kind::Cancelled}); // at once, before the new load
    QCOMPARE(log.started, 2);
    WAIT_LOADS(log, 2);
    QCOMPARE(log.finished.last(), Kind::None);
    QVERIFY(!m_service->isLoading());
    QCOMPARE(tableIds(*m_service), expected);
    // Nothing of the first load came after: no later page put its rows back.
    QTRY_COMPARE_WITH_TIMEOUT(m_emu->inFlight(), 0, kWaitMs);
    QCOMPARE(tableIds(*m_service), expected);
    QCOMPARE(log.finished.size(), 2);
}

void TestCampaignServiceFilter::switchAccountClearsTheFilter()
{
    LoadLog log;
    log.attach(m_service.get());
    loadCapped(log);
    if (QTest::currentTestFailed())
        return;
    m_service->setServerFilter(activeVipOrPromoInLoyaltyOrB2b());
    WAIT_LOADS(log, 2);
    int changed = 0;
    connect(m_service.get(), &CampaignService::serverFilterChanged, this, [&changed] { ++changed; });

    m_service->switchAccount();
    QVERIFY(!m_service->hasServerFilter());
    QCOMPARE(m_service->serverFilter(), CampaignFilter{});
    QCOMPARE(changed, 1);
    QVERIFY(!m_service->isCapped()); // the new account has not been listed
    QVERIFY(!m_service->isLoading()); // the caller's reload lists it
    QCOMPARE(log.started, 2);

    m_emu->clearRequests();
    m_service->reload();
    WAIT_LOADS(log, 3);
    const QList<RecordedRequest> lists = listRequests();
    QVERIFY(!lists.isEmpty());
    for (const RecordedRequest &r : lists)
        QCOMPARE(sortedKeys(r.json()), QStringList({u"from_id"_s, u"limit"_s, u"token"_s}));
}

void TestCampaignServiceFilter::noListingAfterShutDown()
{
    m_service->shutDown();
    m_service->setServerFilter(activeVipOrPromoInLoyaltyOrB2b());
    QVERIFY(m_service->hasServerFilter()); // kept, but not listed
    QVERIFY(!m_service->isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(m_emu->inFlight(), 0, kWaitMs);
    QCOMPARE(m_emu->requestCount(QStringLiteral("list")), 0);
}

QTEST_GUILESS_MAIN(TestCampaignServiceFilter)
#include "tst_campaignservice_filter.moc"
