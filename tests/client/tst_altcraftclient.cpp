// AltcraftClient against the real AltcraftEmulator over loopback HTTP, and against RawHttpServer
// for the broken answers the emulator cannot give. Nothing is mocked: every call below crosses a
// socket, and what the server saw is read back from its own request log.

#include "altcraftclient.h"
#include "altcraftemulator.h"
#include "campaignbuilder.h"
#include "clienttestsupport.h"
#include "emulatedcampaignjson.h"
#include "logging.h"
#include "rawhttpserver.h"
#include "settlesupport.h"
#include "statespelling.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSet>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;
using ClientTest::CallResult;
using ClientTest::LogCapture;
using Kind = ApiError::Kind;

Q_DECLARE_METATYPE(Fault)
Q_DECLARE_METATYPE(Fault::Kind)
Q_DECLARE_METATYPE(ApiError::Kind)

namespace {

const QString kFullToken = ApiTokenGrant::defaultFullToken();
const QString kViewToken = ApiTokenGrant::defaultViewToken();
const QString kBadToken = QStringLiteral("wrongtoken0000000000000000000bad");

// Generous upper bound for anything that should take milliseconds.
constexpr int kWaitMs = 10000;

RequestFactory factoryFor(const QUrl &base, const QString &token, std::chrono::milliseconds timeout)
{
    RequestFactory f(base);
    f.setToken(token);
    f.setTransferTimeout(timeout);
    return f;
}

// Collects what listCampaigns delivers, and how many list requests the server had seen at each
// delivered page (to prove pages arrive while the listing is still going on).
struct ListResult {
    QList<QList<Campaign>> pages;
    QList<int> serverListCountAtPage;
    int doneCalls = 0;
    qsizetype pagesAtDone = -1;
    ApiError error;
    qsizetype total = -1;
    ListOutcome outcome;
    std::function<void()> onEachPage;
    QObject context; // last, so it dies first and the callbacks with it

    ApiCall *start(AltcraftClient *client, const CampaignFilter &filter, AltcraftEmulator *emulator = nullptr)
    {
        return client->listCampaigns(
            filter, &context,
            [this, emulator](const QList<Campaign> &page) {
                pages.append(page);
                serverListCountAtPage.append(emulator ? emulator->requestCount(QStringLiteral("list")) : -1);
                if (onEachPage)
                    onEachPage();
            },
            [this](const ApiError &e, const ListOutcome &o) {
                ++doneCalls;
                pagesAtDone = pages.size();
                error = e;
                total = o.total;
                outcome = o;
            });
    }
    QList<qint64> ids() const
    {
        QList<qint64> result;
        for (const QList<Campaign> &page : pages) {
            for (const Campaign &c : page)
                result.append(c.id);
        }
        return result;
    }
};

// A fault for one API method; the other fields keep the emulator's defaults unless a test
// sets them.
Fault makeFault(Fault::Kind kind, const QString &method, int remaining = -1)
{
    Fault f;
    f.kind = kind;
    f.method = method;
    f.remaining = remaining;
    return f;
}

QJsonObject campaignJson(qint64 id)
{
    return emulatedCampaignJson(emulatedCampaign(id, EmulatedState::Active), StateSpelling());
}

QList<RecordedRequest> requestsFor(const AltcraftEmulator &emulator, const QString &method)
{
    QList<RecordedRequest> result;
    for (const RecordedRequest &r : emulator.requests()) {
        if (r.apiMethod() == method)
            result.append(r);
    }
    return result;
}

} // namespace

#define WAIT_CALLED(holder) QTRY_COMPARE_WITH_TIMEOUT((holder).calls, 1, kWaitMs)
#define CHECK_ERROR(error, method, status)                                                                             \
    do {                                                                                                               \
        const QString problems_ = ClientTest::errorProblems((error), (method), (status));                              \
        QVERIFY2(problems_.isEmpty(), qPrintable(problems_));                                                          \
    } while (false)

class TestAltcraftClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    // Every operation succeeds against the emulator.
    void listCampaignsAllPages();
    void campaignWithNestedCounts();
    void statusOfEachState_data();
    void statusOfEachState();
    void activateNowSendsBothDateFields();
    void activateWithFutureScheduleLeavesCampaignWaiting();
    void deactivate();
    void complete();
    void wireFormatTokenInBodyOnly();
    void rawRequestLineHasNoQueryAndNoToken();
    void tokenEchoedByTheServerIsRemoved_data();
    void tokenEchoedByTheServerIsRemoved();
    void callbacksCalledExactlyOnce();

    // Lifetime and cancellation.
    void destroyedContextMeansNoCallback();
    void destroyedContextBeforeStartSendsNothing();
    void destroyedContextStopsListing();
    void cancelGivesCancelledNotTimeout();
    void cancelBeforeStartSendsNothing();
    void cancelWhileWaitingToRetry();
    void cancelFromPageCallbackStopsListing();

    // Each error kind, classified.
    void cannotConnect();
    void timeoutOnHangingRead();
    void timeoutOnHangingWriteIsNotRetried();
    void redirectToOtherOriginIsRefusedAndNeverFollowed_data();
    void redirectToOtherOriginIsRefusedAndNeverFollowed();
    void faultClassified_data();
    void faultClassified();
    void emulatorErrorsClassified_data();
    void emulatorErrorsClassified();
    void invalidRequestWithoutBaseUrl();
    void readOnlyAccountSendsNoWriteButStillReads();
    void brokenRawResponses_data();
    void brokenRawResponses();
    void serverThatAcceptsAndCloses();
    void retryAfterAsHttpDate();

    // Read retries; writes never retried.
    void readRetriesThenSucceeds_data();
    void readRetriesThenSucceeds();
    void readGivesUpAfterThreeRetries();
    void readNotRetriedWhenRetryCannotHelp_data();
    void readNotRetriedWhenRetryCannotHelp();
    void writesAreNeverRetried_data();
    void writesAreNeverRetried();

    // Pagination.
    void paginationWithFilter();
    void paginationStopsWhenServerDoesNotAdvance_data();
    void paginationStopsWhenServerDoesNotAdvance();
    void paginationWithNonPositivePageSizeDoesNotLoop();
    void listPageBrokenAfterTheFirst_data();
    void listPageBrokenAfterTheFirst();
    void cancelWhileAPageIsParsedDropsIt();

    // Parsing: strict about what the app needs, tolerant of the rest.
    void unknownFieldsAreKept();
    void tolerantOfUnknownStateAndExtraNestedKeys();
    void unreadableListItemsAreSkippedAndTheRestLoaded_data();
    void unreadableListItemsAreSkippedAndTheRestLoaded();
    void endlessListStopsAtTheCeilingAndKeepsWhatArrived_data();
    void endlessListStopsAtTheCeilingAndKeepsWhatArrived();

    // Logging.
    void logLineHoldsMethodStatusCodeAndDuration();

private:
    void putCampaign(const EmulatedCampaign &c) { m_emu->store().upsert(c); }
    void putCampaign(qint64 id, EmulatedState state) { putCampaign(emulatedCampaign(id, state)); }
    EmulatedState storedState(qint64 id) { return m_emu->store().find(id)->state; }
    QJsonObject servedJson(qint64 id)
    {
        return emulatedCampaignJson(*m_emu->store().find(id), m_emu->store().spelling());
    }
    void useServer(const QUrl &base, std::chrono::milliseconds timeout = 5000ms)
    {
        m_client->setFactory(factoryFor(base, kFullToken, timeout));
    }

    std::unique_ptr<AltcraftEmulator> m_emu;
    std::unique_ptr<AltcraftClient> m_client;
};

void TestAltcraftClient::initTestCase()
{
    LogCapture::install();
}

void TestAltcraftClient::cleanupTestCase()
{
    m_client.reset();
    m_emu.reset();
    const QStringList apiLines = LogCapture::textsIn(QStringLiteral("campaignmanager.api"));
    const int full = LogCapture::count(kFullToken);
    const int view = LogCapture::count(kViewToken);
    const int bad = LogCapture::count(kBadToken);
    LogCapture::uninstall();
    // The token check cannot pass vacuously: the client logged its exchanges. (The emulator's
    // own lines, when it ran, are in the capture too.)
    QVERIFY2(!apiLines.isEmpty(), "no campaignmanager.api line was captured");
    QCOMPARE(full, 0);
    QCOMPARE(view, 0);
    QCOMPARE(bad, 0);
}

void TestAltcraftClient::init()
{
    m_emu = std::make_unique<AltcraftEmulator>();
    QVERIFY(m_emu->start() != 0);
    m_emu->seed(50, 7);
    m_client = std::make_unique<AltcraftClient>();
    useServer(m_emu->baseUrl());
    m_client->setRetryBaseDelay(10);
}

void TestAltcraftClient::cleanup()
{
    m_client.reset();
    m_emu.reset();
}

// ---------------------------------------------------------------------------------------------
// Operations

void TestAltcraftClient::listCampaignsAllPages()
{
    const QList<qint64> expected = m_emu->store().ids();
    QCOMPARE(expected.size(), 50);
    ListResult list;
    CampaignFilter filter;
    filter.pageSize = 7;
    list.start(m_client.get(), filter, m_emu.get());
    QTRY_COMPARE_WITH_TIMEOUT(list.doneCalls, 1, kWaitMs);
    QVERIFY2(list.error.isNone(), qPrintable(list.error.details()));
    QCOMPARE(list.total, 50);
    QCOMPARE(list.ids(), expected);
    QCOMPARE(list.pages.size(), 8); // 7 full pages of 7, then one of 1
    QCOMPARE(m_emu->requestCount(QStringLiteral("list")), 8);
    for (const QList<Campaign> &page : std::as_const(list.pages)) {
        for (const Campaign &c : page)
            QCOMPARE(c.toJson(), servedJson(c.id)); // every field survived the trip
    }
}

void TestAltcraftClient::campaignWithNestedCounts()
{
    EmulatedCampaign stored = emulatedCampaign(1001, EmulatedState::Active);
    stored.nested.broadcasts = {11, 12};
    stored.nested.regulars = {13};
    stored.nested.triggers = {14, 15, 16};
    stored.nested.workflows = {17, 18};
    stored.nested.abns = {19};
    stored.nested.placements = {};
    putCampaign(stored);

    CallResult<Campaign> r;
    m_client->campaign(1001, &r.context, r.callback());
    WAIT_CALLED(r);
    QVERIFY2(r.result.ok(), qPrintable(r.error().details()));
    QCOMPARE(r.result.value.id, 1001);
    QCOMPARE(r.result.value.nested.mailingCount(), 6);
    QCOMPARE(r.result.value.nested.scenarioCount(), 2);
    QCOMPARE(r.result.value.nested.totalCount(), 9);
    QCOMPARE(r.result.value.nested.ids(NestedObjects::Broadcasts), stored.nested.broadcasts);
    QCOMPARE(r.result.value.nested.ids(NestedObjects::Regulars), stored.nested.regulars);
    QCOMPARE(r.result.value.nested.ids(NestedObjects::Triggers), stored.nested.triggers);
    QCOMPARE(r.result.value.nested.ids(NestedObjects::Workflows), stored.nested.workflows);
    QCOMPARE(r.result.value.nested.ids(NestedObjects::Abns), stored.nested.abns);
    QCOMPARE(r.result.value.nested.ids(NestedObjects::Placements), stored.nested.placements);
    QCOMPARE(r.result.value.toJson(), servedJson(1001));
    QCOMPARE(requestsFor(*m_emu, QStringLiteral("get")).value(0).campaignId(), 1001);
}

void TestAltcraftClient::statusOfEachState_data()
{
    // Each documented state on the emulator, and what the client must make of it.
    QTest::addColumn<EmulatedState>("onServer");
    QTest::addColumn<CampaignStatus>("status");
    QTest::newRow("cloning") << EmulatedState::Cloning << CampaignStatus::Cloning;
    QTest::newRow("inactive") << EmulatedState::Inactive << CampaignStatus::Inactive;
    QTest::newRow("waiting") << EmulatedState::Waiting << CampaignStatus::Waiting;
    QTest::newRow("active") << EmulatedState::Active << CampaignStatus::Active;
    QTest::newRow("completed") << EmulatedState::Completed << CampaignStatus::Completed;
    QTest::newRow("deleted") << EmulatedState::Deleted << CampaignStatus::Deleted;
}

void TestAltcraftClient::statusOfEachState()
{
    QFETCH(EmulatedState, onServer);
    QFETCH(CampaignStatus, status);
    putCampaign(1001, onServer);
    CallResult<CampaignStatus> r;
    m_client->status(1001, &r.context, r.callback());
    WAIT_CALLED(r);
    QVERIFY2(r.result.ok(), qPrintable(r.error().details()));
    QCOMPARE(r.result.value, status);
}

void TestAltcraftClient::activateNowSendsBothDateFields()
{
    putCampaign(1001, EmulatedState::Inactive);
    CallResult<Done> r;
    m_client->activate(1001, &r.context, r.callback());
    WAIT_CALLED(r);
    QVERIFY2(r.result.ok(), qPrintable(r.error().details()));
    QCOMPARE(storedState(1001), EmulatedState::Active);

    const QList<RecordedRequest> sent = requestsFor(*m_emu, QStringLiteral("activate"));
    QCOMPARE(sent.size(), 1);
    const QJsonObject body = sent.first().json();
    QCOMPARE(body.value(QStringLiteral("id")).toInteger(), 1001);
    QVERIFY2(body.contains(QStringLiteral("activate_date")), sent.first().body.constData());
    QVERIFY2(body.contains(QStringLiteral("start_date")), sent.first().body.constData());
    QCOMPARE(body.value(QStringLiteral("activate_date")), body.value(QStringLiteral("start_date")));
    QVERIFY(!body.contains(QStringLiteral("deactivate_date")));
    QVERIFY(!body.contains(QStringLiteral("completed_date")));
}

void TestAltcraftClient::activateWithFutureScheduleLeavesCampaignWaiting()
{
    putCampaign(1001, EmulatedState::Inactive);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ActivationSchedule schedule;
    schedule.activateAt = now.addDays(2);
    schedule.deactivateAt = now.addDays(3);
    schedule.completeAt = now.addDays(4);

    CallResult<Done> r;
    m_client->activate(1001, &r.context, r.callback(), schedule);
    WAIT_CALLED(r);
    QVERIFY2(r.result.ok(), qPrintable(r.error().details()));
    QCOMPARE(storedState(1001), EmulatedState::Waiting);

    const QList<RecordedRequest> sent = requestsFor(*m_emu, QStringLiteral("activate"));
    QCOMPARE(sent.size(), 1);
    const QJsonObject body = sent.first().json();
    const QString activate = body.value(QStringLiteral("activate_date")).toString();
    QVERIFY2(!activate.isEmpty(), sent.first().body.constData());
    QCOMPARE(body.value(QStringLiteral("start_date")).toString(), activate);
    QCOMPARE(JsonFields::parseTimestamp(activate), schedule.activateAt);
    QCOMPARE(JsonFields::parseTimestamp(body.value(QStringLiteral("deactivate_date")).toString()),
             schedule.deactivateAt);
    QCOMPARE(JsonFields::parseTimestamp(body.value(QStringLiteral("completed_date")).toString()), schedule.completeAt);

    // And the client reads the same state back.
    CallResult<CampaignStatus> status;
    m_client->status(1001, &status.context, status.callback());
    WAIT_CALLED(status);
    QCOMPARE(status.result.value, CampaignStatus::Waiting);
}

void TestAltcraftClient::deactivate()
{
    putCampaign(1001, EmulatedState::Active);
    CallResult<Done> r;
    m_client->deactivate(1001, &r.context, r.callback());
    WAIT_CALLED(r);
    QVERIFY2(r.result.ok(), qPrintable(r.error().details()));
    QCOMPARE(storedState(1001), EmulatedState::Inactive);
    QCOMPARE(m_emu->requestCount(QStringLiteral("deactivate")), 1);
    QCOMPARE(requestsFor(*m_emu, QStringLiteral("deactivate")).first().campaignId(), 1001);
}

void TestAltcraftClient::complete()
{
    putCampaign(1001, EmulatedState::Inactive);
    CallResult<Done> r;
    m_client->complete(1001, &r.context, r.callback());
    WAIT_CALLED(r);
    QVERIFY2(r.result.ok(), qPrintable(r.error().details()));
    QCOMPARE(storedState(1001), EmulatedState::Completed);
    // The API method for Complete is "completed".
    QCOMPARE(m_emu->requestCount(QStringLiteral("completed")), 1);
    QCOMPARE(requestsFor(*m_emu, QStringLiteral("completed")).first().campaignId(), 1001);
}

void TestAltcraftClient::wireFormatTokenInBodyOnly()
{
    putCampaign(1001, EmulatedState::Active);
    CallResult<CampaignStatus> s;
    CallResult<Campaign> c;
    CallResult<Done> d;
    ListResult l;
    m_client->status(1001, &s.context, s.callback());
    m_client->campaign(1001, &c.context, c.callback());
    m_client->deactivate(1001, &d.context, d.callback());
    l.start(m_client.get(), CampaignFilter{}, m_emu.get());
    WAIT_CALLED(s);
    WAIT_CALLED(c);
    WAIT_CALLED(d);
    QTRY_COMPARE_WITH_TIMEOUT(l.doneCalls, 1, kWaitMs);

    const QList<RecordedRequest> sent = m_emu->requests();
    QCOMPARE(sent.size(), 4);
    const QByteArray token = kFullToken.toUtf8();
    for (const RecordedRequest &r : sent) {
        QCOMPARE(r.httpMethod, QByteArrayLiteral("POST"));
        QVERIFY2(r.path.startsWith(QStringLiteral("/api/v1.1/scampaigns/")), qPrintable(r.path));
        QVERIFY2(!r.path.contains(QLatin1Char('?')), qPrintable(r.path));
        QVERIFY(!r.path.contains(kFullToken));
        QCOMPARE(r.header("content-type"), QByteArrayLiteral("application/json"));
        QCOMPARE(r.header("accept"), QByteArrayLiteral("application/json"));
        QCOMPARE(r.header("user-agent"), RequestFactory::userAgent());
        for (const auto &h : r.headers)
            QVERIFY2(!h.second.contains(token), h.first.constData());
        QCOMPARE(r.json().value(QStringLiteral("token")).toString(), kFullToken);
    }
}

// A server that writes the token back: in error_text, or in a page that reflects the request.
// Nothing the app shows, logs or stores from that reply holds it.
void TestAltcraftClient::tokenEchoedByTheServerIsRemoved_data()
{
    QTest::addColumn<QString>("shape");
    QTest::newRow("error_text") << QStringLiteral("error_text");
    QTest::newRow("html page reflecting the request") << QStringLiteral("html");
}

void TestAltcraftClient::tokenEchoedByTheServerIsRemoved()
{
    QFETCH(QString, shape);
    RawHttpServer raw;
    QVERIFY(raw.listen());
    raw.setHandler([shape](const RawHttpServer::Request &request) {
        if (shape == QLatin1String("html"))
            return RawHttpServer::Reply{RawHttpServer::response(200, "<p>" + request.body + "</p>", "text/html"), false,
                                        false};
        const QString echoed = QStringLiteral("token %1 is not allowed here")
                                   .arg(request.json().value(QStringLiteral("token")).toString());
        return RawHttpServer::Reply{
            RawHttpServer::response(200, RawHttpServer::envelope(QJsonValue::Null, 403, echoed)), false, false};
    });
    useServer(raw.baseUrl());
    CallResult<Done> d;
    m_client->deactivate(5, &d.context, d.callback());
    WAIT_CALLED(d);
    QVERIFY(!d.result.ok());
    const ApiError e = d.error();
    const QString everything = e.message() + e.details() + e.serverText();
    // Not even the start of it (a details line keeps only the first bytes of a body).
    QVERIFY2(!everything.contains(kFullToken.left(6)), qPrintable(everything));
    if (shape == QLatin1String("error_text"))
        QVERIFY2(everything.contains(QStringLiteral("token [token removed] is not allowed")), qPrintable(everything));
    QCOMPARE(raw.requests().first().json().value(QStringLiteral("token")).toString(), kFullToken); // it was sent
}

void TestAltcraftClient::rawRequestLineHasNoQueryAndNoToken()
{
    // The emulator's log keeps only the path; a raw server sees the request line as sent,
    // query string included.
    RawHttpServer raw;
    QVERIFY(raw.listen());
    raw.setHandler([](const RawHttpServer::Request &request) {
        QJsonValue data;
        if (request.path.endsWith("/get_status"))
            data = QJsonObject{{QStringLiteral("status"), QStringLiteral("active")}};
        else if (request.path.endsWith("/list") || request.path.endsWith("/get"))
            data = QJsonArray{campaignJson(1)};
        return RawHttpServer::Reply{RawHttpServer::response(200, RawHttpServer::envelope(data)), false, false};
    });
    useServer(raw.baseUrl());
    CallResult<CampaignStatus> s;
    CallResult<Campaign> c;
    CallResult<Done> a;
    CallResult<Done> d;
    CallResult<Done> k;
    ListResult l;
    m_client->status(1, &s.context, s.callback());
    m_client->campaign(1, &c.context, c.callback());
    m_client->activate(1, &a.context, a.callback());
    m_client->deactivate(1, &d.context, d.callback());
    m_client->complete(1, &k.context, k.callback());
    l.start(m_client.get(), CampaignFilter{});
    WAIT_CALLED(s);
    WAIT_CALLED(c);
    WAIT_CALLED(a);
    WAIT_CALLED(d);
    WAIT_CALLED(k);
    QTRY_COMPARE_WITH_TIMEOUT(l.doneCalls, 1, kWaitMs);
    QVERIFY2(s.result.ok() && c.result.ok() && a.result.ok() && d.result.ok() && k.result.ok() && l.error.isNone(),
             qPrintable(s.error().details() + c.error().details() + a.error().details() + d.error().details()
                        + k.error().details() + l.error.details()));

    const QList<RawHttpServer::Request> sent = raw.requests();
    QCOMPARE(sent.size(), 6);
    QSet<QByteArray> paths;
    const QByteArray token = kFullToken.toUtf8();
    for (const RawHttpServer::Request &r : sent) {
        paths.insert(r.path);
        QCOMPARE(r.method, QByteArrayLiteral("POST"));
        QVERIFY2(!r.path.contains('?') && !r.path.contains(token), r.path.constData());
        for (const auto &h : r.headers)
            QVERIFY2(!h.second.contains(token), h.first.constData());
        QCOMPARE(r.header("Content-Length").toLongLong(), r.body.size());
        QCOMPARE(r.json().value(QStringLiteral("token")).toString(), kFullToken);
    }
    const QSet<QByteArray> expected
        = {"/api/v1.1/scampaigns/get_status", "/api/v1.1/scampaigns/get",       "/api/v1.1/scampaigns/activate",
           "/api/v1.1/scampaigns/deactivate", "/api/v1.1/scampaigns/completed", "/api/v1.1/scampaigns/list"};
    QCOMPARE(paths, expected);
}

void TestAltcraftClient::callbacksCalledExactlyOnce()
{
    putCampaign(1001, EmulatedState::Active);
    putCampaign(1002, EmulatedState::Inactive);
    m_emu->addFault(makeFault(Fault::Kind::Http500, QStringLiteral("get"), 1));
    CallResult<CampaignStatus> ok;
    CallResult<Campaign> retried;
    CallResult<Done> refused;
    CallResult<Done> cancelled;
    m_client->status(1001, &ok.context, ok.callback());
    m_client->campaign(1001, &retried.context, retried.callback());
    m_client->deactivate(1002, &refused.context, refused.callback()); // inactive: 400
    ApiCall *call = m_client->complete(1001, &cancelled.context, cancelled.callback());
    call->cancel();
    call->cancel(); // a second cancel changes nothing
    WAIT_CALLED(ok);
    WAIT_CALLED(retried);
    WAIT_CALLED(refused);
    WAIT_CALLED(cancelled);
    QVERIFY(ok.result.ok());
    QVERIFY(retried.result.ok());
    QCOMPARE(refused.error().kind(), Kind::BadRequest);
    QCOMPARE(cancelled.error().kind(), Kind::Cancelled);
    // Let any stray late callback arrive before counting again.
    QVERIFY(Settle::settle(m_client.get(), *m_emu));
    QCOMPARE(ok.calls, 1);
    QCOMPARE(retried.calls, 1);
    QCOMPARE(refused.calls, 1);
    QCOMPARE(cancelled.calls, 1);
}

// ---------------------------------------------------------------------------------------------
// Lifetime and cancellation

void TestAltcraftClient::destroyedContextMeansNoCallback()
{
    m_emu->setLatency(150, 0, QStringLiteral("get_status"));
    QPointer<QObject> context = new QObject;
    // Destroyed the moment the server has the request, so the answer is certainly still due.
    connect(m_emu.get(), &AltcraftEmulator::requestReceived, this, [&context] { delete context; });
    int calls = 0;
    QPointer<ApiCall> call = m_client->status(1, context, [&calls](const ApiResult<CampaignStatus> &) { ++calls; });
    QTRY_VERIFY_WITH_TIMEOUT(context.isNull(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(call.isNull(), kWaitMs); // the call ended and cleaned up
    // The emulator has sent its delayed answer, or seen the connection go; then the client has
    // taken in whatever came.
    QTRY_COMPARE_WITH_TIMEOUT(m_emu->inFlight(), 0, kWaitMs);
    QVERIFY(Settle::settle(m_client.get(), *m_emu));
    QCOMPARE(calls, 0);
    QCOMPARE(m_emu->requestCount(QStringLiteral("get_status")), 1); // and it was not retried
}

void TestAltcraftClient::destroyedContextBeforeStartSendsNothing()
{
    auto *context = new QObject;
    int calls = 0;
    QPointer<ApiCall> call = m_client->deactivate(1, context, [&calls](const ApiResult<Done> &) { ++calls; });
    delete context;
    QTRY_VERIFY_WITH_TIMEOUT(call.isNull(), kWaitMs);
    QVERIFY(Settle::settle(m_client.get(), *m_emu));
    QCOMPARE(calls, 0);
    QCOMPARE(Settle::requestsBesidesMarkers(*m_emu).size(), 0);
}

void TestAltcraftClient::destroyedContextStopsListing()
{
    m_emu->setLatency(50, 0, QStringLiteral("list"));
    QPointer<QObject> context = new QObject;
    int pages = 0;
    int done = 0;
    // Destroyed while page 2 is in flight: once page 1 is handed over and the server has page
    // 2's request. That request goes out as soon as page 1's last ID is known, so either comes first.
    const auto destroyOnceBoth = [this, &context, &pages] {
        if (context && pages == 1 && m_emu->requestCount(QStringLiteral("list")) == 2)
            delete context;
    };
    connect(m_emu.get(), &AltcraftEmulator::requestReceived, this, destroyOnceBoth);
    CampaignFilter filter;
    filter.pageSize = 5;
    QPointer<ApiCall> call = m_client->listCampaigns(
        filter, context,
        [&pages, &destroyOnceBoth](const QList<Campaign> &) {
            ++pages;
            destroyOnceBoth();
        },
        [&done](const ApiError &, const ListOutcome &) { ++done; });
    QTRY_VERIFY_WITH_TIMEOUT(context.isNull(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(call.isNull(), kWaitMs);
    // Page 2's delayed answer is sent, or its connection gone; then the client has taken it in.
    QTRY_COMPARE_WITH_TIMEOUT(m_emu->inFlight(), 0, kWaitMs);
    QVERIFY(Settle::settle(m_client.get(), *m_emu));
    QCOMPARE(pages, 1);
    QCOMPARE(done, 0);
    QCOMPARE(m_emu->requestCount(QStringLiteral("list")), 2);
}

void TestAltcraftClient::cancelGivesCancelledNotTimeout()
{
    useServer(m_emu->baseUrl(), 5000ms);
    m_emu->addFault(makeFault(Fault::Kind::Hang, QStringLiteral("get_status")));
    m_emu->addFault(makeFault(Fault::Kind::Hang, QStringLiteral("deactivate")));
    CallResult<CampaignStatus> read;
    CallResult<Done> write;
    ApiCall *readCall = m_client->status(1, &read.context, read.callback());
    ApiCall *writeCall = m_client->deactivate(1, &write.context, write.callback());
    QTRY_COMPARE_WITH_TIMEOUT(m_emu->requestCount(), 2, kWaitMs);
    readCall->cancel();
    writeCall->cancel();
    WAIT_CALLED(read);
    WAIT_CALLED(write);
    QCOMPARE(read.error().kind(), Kind::Cancelled);
    QCOMPARE(write.error().kind(), Kind::Cancelled);
    CHECK_ERROR(read.error(), QStringLiteral("get_status"), 0);
    CHECK_ERROR(write.error(), QStringLiteral("deactivate"), 0);
    QVERIFY(!read.error().isTransient());
    // A cancelled read is not retried.
    QVERIFY(Settle::settle(m_client.get(), *m_emu));
    QCOMPARE(m_emu->requestCount(QStringLiteral("get_status")), 1);
}

void TestAltcraftClient::cancelBeforeStartSendsNothing()
{
    CallResult<Done> r;
    QPointer<ApiCall> call = m_client->complete(1, &r.context, r.callback());
    QVERIFY(!call->isFinished());
    call->cancel();
    WAIT_CALLED(r);
    QCOMPARE(r.error().kind(), Kind::Cancelled);
    QVERIFY(call.isNull() || call->isCancelled());
    QVERIFY(Settle::settle(m_client.get(), *m_emu));
    QCOMPARE(Settle::requestsBesidesMarkers(*m_emu).size(), 0);
    QCOMPARE(r.calls, 1);
}

void TestAltcraftClient::cancelWhileWaitingToRetry()
{
    m_client->setRetryBaseDelay(5000);
    m_emu->addFault(makeFault(Fault::Kind::Http500, QStringLiteral("get_status")));
    CallResult<CampaignStatus> r;
    ApiCall *call = m_client->status(1, &r.context, r.callback());
    // Wait until the client has logged the failed first attempt: it now sits in its retry pause.
    // (QStringList::indexOf with a regular expression wants a whole-line match.)
    const QRegularExpression firstAttempt(QStringLiteral(R"(.*scampaigns/get_status"? attempt 1 -> HTTP 500\b.*)"));
    QTRY_VERIFY_WITH_TIMEOUT(LogCapture::textsIn(QStringLiteral("campaignmanager.api")).indexOf(firstAttempt) >= 0,
                             kWaitMs);
    QCOMPARE(r.calls, 0);
    const QPointer<ApiCall> guard = call;
    call->cancel();
    WAIT_CALLED(r);
    QCOMPARE(r.error().kind(), Kind::Cancelled);
    // Gone, and its retry timer with it: no retry can come later either.
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), kWaitMs);
    QVERIFY(Settle::settle(m_client.get(), *m_emu));
    QCOMPARE(m_emu->requestCount(QStringLiteral("get_status")), 1);
}

void TestAltcraftClient::cancelFromPageCallbackStopsListing()
{
    ListResult list;
    CampaignFilter filter;
    filter.pageSize = 5;
    ApiCall *call = list.start(m_client.get(), filter, m_emu.get());
    list.onEachPage = [call] { call->cancel(); };
    QTRY_COMPARE_WITH_TIMEOUT(list.doneCalls, 1, kWaitMs);
    QCOMPARE(list.error.kind(), Kind::Cancelled);
    QCOMPARE(list.pages.size(), 1);
    QCOMPARE(list.total, 5);
    QVERIFY(Settle::settle(m_client.get(), *m_emu));
    // No page is asked for after the cancel. The next one may have been asked for before the
    // first was handed over (as soon as its last ID was known): it is dropped, never delivered.
    const QList<RecordedRequest> sent = requestsFor(*m_emu, QStringLiteral("list"));
    QVERIFY2(sent.size() <= 2, qPrintable(QString::number(sent.size())));
    if (sent.size() == 2)
        QCOMPARE(sent.at(1).json().value(QStringLiteral("from_id")).toInteger(), list.pages.first().last().id + 1);
    QCOMPARE(list.pages.size(), 1);
    QCOMPARE(list.doneCalls, 1);
}

// ---------------------------------------------------------------------------------------------
// Errors

void TestAltcraftClient::cannotConnect()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    QUrl dead = m_emu->baseUrl();
    dead.setPort(probe.serverPort());
    probe.close(); // nothing listens on this port any more
    useServer(dead);

    CallResult<CampaignStatus> read;
    CallResult<Done> write;
    m_client->status(1, &read.context, read.callback());
    m_client->deactivate(1, &write.context, write.callback());
    WAIT_CALLED(read);
    WAIT_CALLED(write);
    QCOMPARE(read.error().kind(), Kind::CannotConnect);
    QCOMPARE(write.error().kind(), Kind::CannotConnect);
    CHECK_ERROR(read.error(), QStringLiteral("get_status"), 0);
    CHECK_ERROR(write.error(), QStringLiteral("deactivate"), 0);
    QVERIFY(read.error().details().contains(QStringLiteral("network error:")));
    QVERIFY(!write.error().outcomeUnknown()); // it never reached a server
}

void TestAltcraftClient::timeoutOnHangingRead()
{
    useServer(m_emu->baseUrl(), 300ms);
    m_emu->addFault(makeFault(Fault::Kind::Hang, QStringLiteral("get_status")));
    CallResult<CampaignStatus> r;
    m_client->status(1, &r.context, r.callback());
    WAIT_CALLED(r);
    QCOMPARE(r.error().kind(), Kind::Timeout); // Qt reports it as a cancel; it is not one
    CHECK_ERROR(r.error(), QStringLiteral("get_status"), 0);
    // A timeout is a transport error: the read was tried 1 + 3 times.
    QCOMPARE(m_emu->requestCount(QStringLiteral("get_status")), 1 + AltcraftClient::kDefaultReadRetries);
}

void TestAltcraftClient::timeoutOnHangingWriteIsNotRetried()
{
    useServer(m_emu->baseUrl(), 300ms);
    putCampaign(1001, EmulatedState::Active);
    m_emu->addFault(makeFault(Fault::Kind::Hang, QStringLiteral("deactivate")));
    CallResult<Done> r;
    m_client->deactivate(1001, &r.context, r.callback());
    WAIT_CALLED(r);
    QCOMPARE(r.error().kind(), Kind::Timeout);
    QVERIFY(r.error().outcomeUnknown());
    CHECK_ERROR(r.error(), QStringLiteral("deactivate"), 0);
    QCOMPARE(m_emu->requestCount(QStringLiteral("deactivate")), 1);
}

void TestAltcraftClient::redirectToOtherOriginIsRefusedAndNeverFollowed_data()
{
    QTest::addColumn<Fault::Kind>("kind");
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("status");
    for (const QString &method : {QStringLiteral("get_status"), QStringLiteral("deactivate")}) {
        QTest::addRow("302 %s", qPrintable(method)) << Fault::Kind::Redirect302 << method << 302;
        QTest::addRow("307 %s", qPrintable(method)) << Fault::Kind::Redirect307 << method << 307;
    }
}

void TestAltcraftClient::redirectToOtherOriginIsRefusedAndNeverFollowed()
{
    QFETCH(Fault::Kind, kind);
    QFETCH(QString, method);
    QFETCH(int, status);

    // The redirect target: a second emulator, which would accept the token and act on it...
    AltcraftEmulator other;
    QVERIFY(other.start() != 0);
    other.seed(5, 1);
    // ...and a raw listener that counts bare TCP connections, not only complete requests.
    RawHttpServer probe;
    QVERIFY(probe.listen());

    // Same host with another port, and another host name for the same machine.
    for (const QString &host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}) {
        for (const quint16 port : {other.port(), probe.port()}) {
            QUrl target;
            target.setScheme(QStringLiteral("http"));
            target.setHost(host);
            target.setPort(port);
            target.setPath(QStringLiteral("/"));
            m_emu->clearFaults();
            m_emu->clearRequests();
            Fault fault = makeFault(kind, method);
            fault.redirectTo = target;
            m_emu->addFault(fault);

            ApiError error;
            if (method == QLatin1String("get_status")) {
                CallResult<CampaignStatus> r;
                m_client->status(1, &r.context, r.callback());
                WAIT_CALLED(r);
                error = r.error();
            } else {
                CallResult<Done> r;
                m_client->deactivate(1, &r.context, r.callback());
                WAIT_CALLED(r);
                error = r.error();
            }
            QVERIFY2(error.kind() == Kind::RedirectRefused,
                     qPrintable(target.toString() + QLatin1Char('\n') + error.details()));
            QVERIFY2(error.httpStatus() == status || error.httpStatus() == 0, qPrintable(error.details()));
            CHECK_ERROR(error, method, error.httpStatus());
            QCOMPARE(m_emu->requestCount(method), 1); // refused, not retried
        }
    }
    // Any connection the redirect opened was made before the markers, and accepted by now.
    QVERIFY(Settle::settle(m_client.get(), *m_emu));
    QCOMPARE(other.requestCount(), 0);
    QCOMPARE(probe.connectionCount(), 0);
    QVERIFY(probe.requests().isEmpty());
}

void TestAltcraftClient::faultClassified_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<Kind>("expected");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("apiCode");
    QTest::addColumn<QString>("serverText");
    QTest::addColumn<int>("retryAfter");

    // On a write: no retry hides the first answer.
    auto fault = [](Fault::Kind kind) { return makeFault(kind, QStringLiteral("deactivate")); };
    QTest::newRow("500") << fault(Fault::Kind::Http500) << Kind::ServerError << 500 << 500
                         << QStringLiteral("Internal server error") << -1;
    QTest::newRow("502 html") << fault(Fault::Kind::Http502) << Kind::ServerError << 502 << 0 << QString() << -1;
    Fault unavailable = fault(Fault::Kind::Http503);
    unavailable.retryAfterSeconds = 30;
    QTest::newRow("503") << unavailable << Kind::ServerUnavailable << 503 << 0 << QString() << 30;
    Fault limited = fault(Fault::Kind::TooManyRequests);
    limited.retryAfterSeconds = 7;
    QTest::newRow("429") << limited << Kind::RateLimited << 429 << 429 << QStringLiteral("Too many requests") << 7;
    QTest::newRow("html page") << fault(Fault::Kind::HtmlPage) << Kind::MalformedResponse << 200 << 0 << QString()
                               << -1;
    QTest::newRow("truncated json") << fault(Fault::Kind::TruncatedJson) << Kind::MalformedResponse << 200 << 0
                                    << QString() << -1;
    QTest::newRow("wrong types") << fault(Fault::Kind::WrongTypes) << Kind::MalformedResponse << 200 << 0 << QString()
                                 << -1;
    Fault tariff = fault(Fault::Kind::ApiError);
    tariff.apiErrorCode = 402;
    tariff.apiErrorText = QStringLiteral("Tariff limit reached");
    QTest::newRow("api 402") << tariff << Kind::TariffLimit << 200 << 402 << QStringLiteral("Tariff limit reached")
                             << -1;
    Fault undocumented = fault(Fault::Kind::ApiError);
    undocumented.apiErrorCode = 440;
    undocumented.apiErrorText = QStringLiteral("Campaign is locked by another operation");
    QTest::newRow("api 440") << undocumented << Kind::ApiCode << 200 << 440
                             << QStringLiteral("Campaign is locked by another operation") << -1;
    Fault oversized = fault(Fault::Kind::Oversized);
    oversized.oversizeBytes = 2 * 1024 * 1024;
    QTest::newRow("oversized") << oversized << Kind::ResponseTooLarge << 200 << 0 << QString() << -1;
}

void TestAltcraftClient::faultClassified()
{
    QFETCH(Fault, fault);
    QFETCH(Kind, expected);
    QFETCH(int, httpStatus);
    QFETCH(int, apiCode);
    QFETCH(QString, serverText);
    QFETCH(int, retryAfter);

    m_client->setMaxResponseBytes(1024 * 1024);
    putCampaign(1001, EmulatedState::Active);
    m_emu->addFault(fault);
    CallResult<Done> r;
    m_client->deactivate(1001, &r.context, r.callback());
    WAIT_CALLED(r);
    const ApiError e = r.error();
    QCOMPARE(e.kind(), expected);
    QCOMPARE(e.apiCode(), apiCode);
    QCOMPARE(e.serverText(), serverText);
    QCOMPARE(e.retryAfterSeconds(), retryAfter);
    CHECK_ERROR(e, QStringLiteral("deactivate"), httpStatus);
    if (!serverText.isEmpty()) {
        QVERIFY2(e.message().contains(serverText), qPrintable(e.message()));
        QVERIFY2(e.details().contains(serverText), qPrintable(e.details()));
    }
    if (apiCode)
        QVERIFY2(e.details().contains(QStringLiteral("API error: %1").arg(apiCode)), qPrintable(e.details()));
    // One campaign's answer cannot be narrowed with a filter: the advice is only for a list.
    if (expected == Kind::ResponseTooLarge)
        QVERIFY2(!e.message().contains(QStringLiteral("filter")), qPrintable(e.message()));
    QCOMPARE(m_emu->requestCount(QStringLiteral("deactivate")), 1);
    QCOMPARE(storedState(1001), EmulatedState::Active); // the faults did not apply the change
}

void TestAltcraftClient::emulatorErrorsClassified_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<bool>("errorsAsHttpStatus");
    QTest::addColumn<QString>("method");
    QTest::addColumn<Kind>("expected");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("apiCode");

    for (const bool asHttp : {false, true}) {
        const char *how = asHttp ? "as HTTP status" : "in HTTP 200";
        QTest::addRow("bad token, %s", how) << QStringLiteral("bad token") << asHttp << QStringLiteral("get_status")
                                            << Kind::TokenRejected << (asHttp ? 401 : 200) << 401;
        QTest::addRow("view-only token deactivates, %s", how)
            << QStringLiteral("view token") << asHttp << QStringLiteral("deactivate") << Kind::NoAccess
            << (asHttp ? 403 : 200) << 403;
        QTest::addRow("view-only token lists, %s", how)
            << QStringLiteral("view token list") << asHttp << QStringLiteral("list") << Kind::NoAccess
            << (asHttp ? 403 : 200) << 403;
        QTest::addRow("illegal transition, %s", how)
            << QStringLiteral("illegal transition") << asHttp << QStringLiteral("activate") << Kind::BadRequest
            << (asHttp ? 400 : 200) << 400;
        // 404 is not a documented API code: shown with the server's text. As an HTTP status
        // it is an HttpStatus error that still carries that text.
        QTest::addRow("unknown campaign, %s", how)
            << QStringLiteral("unknown campaign") << asHttp << QStringLiteral("get")
            << (asHttp ? Kind::HttpStatus : Kind::ApiCode) << (asHttp ? 404 : 200) << 404;
    }
}

void TestAltcraftClient::emulatorErrorsClassified()
{
    QFETCH(QString, scenario);
    QFETCH(bool, errorsAsHttpStatus);
    QFETCH(QString, method);
    QFETCH(Kind, expected);
    QFETCH(int, httpStatus);
    QFETCH(int, apiCode);

    m_emu->setErrorsAsHttpStatus(errorsAsHttpStatus);
    putCampaign(1001, EmulatedState::Active);
    if (scenario == QLatin1String("bad token"))
        m_client->setFactory(factoryFor(m_emu->baseUrl(), kBadToken, 5000ms));
    else if (scenario.startsWith(QLatin1String("view token")))
        m_client->setFactory(factoryFor(m_emu->baseUrl(), kViewToken, 5000ms));

    ApiError error;
    if (method == QLatin1String("get_status")) {
        CallResult<CampaignStatus> r;
        m_client->status(1001, &r.context, r.callback());
        WAIT_CALLED(r);
        error = r.error();
    } else if (method == QLatin1String("deactivate")) {
        CallResult<Done> r;
        m_client->deactivate(1001, &r.context, r.callback());
        WAIT_CALLED(r);
        error = r.error();
    } else if (method == QLatin1String("activate")) {
        CallResult<Done> r;
        m_client->activate(1001, &r.context, r.callback()); // already active
        WAIT_CALLED(r);
        error = r.error();
    } else if (method == QLatin1String("get")) {
        CallResult<Campaign> r;
        m_client->campaign(987654, &r.context, r.callback());
        WAIT_CALLED(r);
        error = r.error();
    } else {
        ListResult l;
        l.start(m_client.get(), CampaignFilter{});
        QTRY_COMPARE_WITH_TIMEOUT(l.doneCalls, 1, kWaitMs);
        QVERIFY(l.pages.isEmpty());
        error = l.error;
    }
    QCOMPARE(error.kind(), expected);
    QCOMPARE(error.apiCode(), apiCode);
    // The server's own words reach the user.
    QVERIFY2(!error.serverText().isEmpty(), qPrintable(error.details()));
    QVERIFY2(error.message().contains(error.serverText()), qPrintable(error.message()));
    CHECK_ERROR(error, method, httpStatus);
    QCOMPARE(storedState(1001), EmulatedState::Active);
    QCOMPARE(m_emu->requestCount(method), 1); // API errors are answers: never retried
}

void TestAltcraftClient::invalidRequestWithoutBaseUrl()
{
    m_client->setFactory(RequestFactory());
    CallResult<CampaignStatus> r;
    m_client->status(1, &r.context, r.callback());
    WAIT_CALLED(r);
    QCOMPARE(r.error().kind(), Kind::InvalidRequest);
    CHECK_ERROR(r.error(), QStringLiteral("get_status"), 0);
    QCOMPARE(m_emu->requestCount(), 0);
}

void TestAltcraftClient::readOnlyAccountSendsNoWriteButStillReads()
{
    putCampaign(1001, EmulatedState::Active);
    putCampaign(1002, EmulatedState::Inactive);
    m_client->setReadOnly(true);
    CallResult<Done> deactivate, activate, complete;
    m_client->deactivate(1001, &deactivate.context, deactivate.callback());
    m_client->activate(1002, &activate.context, activate.callback());
    m_client->complete(1002, &complete.context, complete.callback());
    WAIT_CALLED(deactivate);
    WAIT_CALLED(activate);
    WAIT_CALLED(complete);
    for (const auto *r : {&deactivate, &activate, &complete}) {
        QCOMPARE(r->error().kind(), Kind::ReadOnlyAccount);
        QVERIFY(r->error().message().contains(QStringLiteral("read-only")));
    }
    QCOMPARE(m_emu->requestCount(), 0);
    QCOMPARE(storedState(1001), EmulatedState::Active);
    QCOMPARE(storedState(1002), EmulatedState::Inactive);

    // Reads go on: the account can still be looked at.
    CallResult<CampaignStatus> status;
    m_client->status(1001, &status.context, status.callback());
    WAIT_CALLED(status);
    QCOMPARE(status.result.value, CampaignStatus::Active);
    QCOMPARE(m_emu->requestCount(), 1);

    // And writes go out again once the account is no longer read-only.
    m_client->setReadOnly(false);
    CallResult<Done> again;
    m_client->deactivate(1001, &again.context, again.callback());
    WAIT_CALLED(again);
    QVERIFY2(again.result.ok(), qPrintable(again.error().details()));
    QCOMPARE(storedState(1001), EmulatedState::Inactive);
}

void TestAltcraftClient::brokenRawResponses_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("closeAfter");
    QTest::addColumn<Kind>("expected");
    QTest::addColumn<int>("httpStatus");

    const QByteArray okStatus
        = RawHttpServer::envelope(QJsonObject{{QStringLiteral("status"), QStringLiteral("active")}});
    QTest::newRow("2xx with empty body") << QStringLiteral("get_status") << RawHttpServer::response(200, {}) << false
                                         << Kind::MalformedResponse << 200;
    QTest::newRow("204 no content") << QStringLiteral("deactivate") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n")
                                    << false << Kind::MalformedResponse << 204;
    QTest::newRow("JSON that is not an object")
        << QStringLiteral("get_status") << RawHttpServer::response(200, "[1,2,3]") << false << Kind::MalformedResponse
        << 200;
    QTest::newRow("no error field") << QStringLiteral("get_status")
                                    << RawHttpServer::response(200, R"({"data":{"status":"active"}})") << false
                                    << Kind::MalformedResponse << 200;
    QTest::newRow("error as string") << QStringLiteral("deactivate")
                                     << RawHttpServer::response(200, R"({"data":null,"error":"0"})") << false
                                     << Kind::MalformedResponse << 200;
    QTest::newRow("status missing") << QStringLiteral("get_status")
                                    << RawHttpServer::response(200, RawHttpServer::envelope(QJsonObject{})) << false
                                    << Kind::MalformedResponse << 200;
    QTest::newRow("get with empty array")
        << QStringLiteral("get") << RawHttpServer::response(200, RawHttpServer::envelope(QJsonArray{})) << false
        << Kind::MalformedResponse << 200;
    QTest::newRow("get answers another campaign")
        << QStringLiteral("get") << RawHttpServer::response(200, RawHttpServer::envelope(QJsonArray{campaignJson(2)}))
        << false << Kind::MalformedResponse << 200;
    // Content-Length promises more than comes, then the server closes: the body is cut short.
    QTest::newRow("Content-Length too large, then close")
        << QStringLiteral("get_status")
        << RawHttpServer::response(200, okStatus.left(20), "application/json", okStatus.size()) << true
        << Kind::ConnectionLost << 200;
    // Content-Length smaller than the body: what arrives is a cut envelope.
    QTest::newRow("Content-Length too small")
        << QStringLiteral("get_status")
        << RawHttpServer::response(200, okStatus, "application/json", okStatus.size() / 2) << false
        << Kind::MalformedResponse << 200;
    QTest::newRow("404 with HTML") << QStringLiteral("get_status")
                                   << RawHttpServer::response(404, "<html>Not Found</html>", "text/html") << false
                                   << Kind::HttpStatus << 404;
}

void TestAltcraftClient::brokenRawResponses()
{
    QFETCH(QString, method);
    QFETCH(QByteArray, response);
    QFETCH(bool, closeAfter);
    QFETCH(Kind, expected);
    QFETCH(int, httpStatus);

    RawHttpServer raw;
    QVERIFY(raw.listen());
    raw.setHandler([response, closeAfter](const RawHttpServer::Request &) {
        return RawHttpServer::Reply{response, closeAfter, false};
    });
    useServer(raw.baseUrl());
    m_client->setReadRetries(0); // one answer per call: this is about classification

    ApiError error;
    if (method == QLatin1String("get_status")) {
        CallResult<CampaignStatus> r;
        m_client->status(1, &r.context, r.callback());
        WAIT_CALLED(r);
        error = r.error();
    } else if (method == QLatin1String("get")) {
        CallResult<Campaign> r;
        m_client->campaign(1, &r.context, r.callback());
        WAIT_CALLED(r);
        error = r.error();
    } else {
        CallResult<Done> r;
        m_client->deactivate(1, &r.context, r.callback());
        WAIT_CALLED(r);
        error = r.error();
    }
    QCOMPARE(error.kind(), expected);
    CHECK_ERROR(error, method, error.httpStatus() ? httpStatus : 0);
    QVERIFY(!raw.requests().isEmpty());
    QCOMPARE(QString::fromLatin1(raw.requests().first().path), QStringLiteral("/api/v1.1/scampaigns/") + method);
}

void TestAltcraftClient::serverThatAcceptsAndCloses()
{
    RawHttpServer raw;
    QVERIFY(raw.listen());
    raw.setCloseOnAccept(true);
    useServer(raw.baseUrl());
    CallResult<Done> r;
    m_client->deactivate(1, &r.context, r.callback());
    WAIT_CALLED(r);
    const ApiError e = r.error();
    QVERIFY2(e.kind() == Kind::ConnectionLost, qPrintable(e.details()));
    QVERIFY(e.outcomeUnknown());
    CHECK_ERROR(e, QStringLiteral("deactivate"), 0);
    // Markers over the same connection manager: a second connection would have been opened before them.
    useServer(m_emu->baseUrl());
    QVERIFY(Settle::settle(m_client.get(), *m_emu));
    QCOMPARE(raw.connectionCount(), 1); // a write is not sent again on a new connection
}

void TestAltcraftClient::retryAfterAsHttpDate()
{
    RawHttpServer raw;
    QVERIFY(raw.listen());
    const QByteArray when = QDateTime::currentDateTimeUtc().addSecs(120).toString(Qt::RFC2822Date).toLatin1();
    raw.setHandler([when](const RawHttpServer::Request &) {
        return RawHttpServer::Reply{
            RawHttpServer::response(429, RawHttpServer::envelope(QJsonValue::Null, 429, QStringLiteral("Slow down")),
                                    "application/json", -1, {{"Retry-After", when}}),
            false, false};
    });
    useServer(raw.baseUrl());
    CallResult<Done> r;
    m_client->deactivate(1, &r.context, r.callback());
    WAIT_CALLED(r);
    QCOMPARE(r.error().kind(), Kind::RateLimited);
    QVERIFY2(r.error().retryAfterSeconds() > 100 && r.error().retryAfterSeconds() <= 120,
             qPrintable(r.error().details()));
    CHECK_ERROR(r.error(), QStringLiteral("deactivate"), 429);
}

// ---------------------------------------------------------------------------------------------
// Retries

void TestAltcraftClient::readRetriesThenSucceeds_data()
{
    QTest::addColumn<Fault::Kind>("kind");
    QTest::newRow("500") << Fault::Kind::Http500;
    QTest::newRow("502") << Fault::Kind::Http502;
    QTest::newRow("503") << Fault::Kind::Http503;
    QTest::newRow("429") << Fault::Kind::TooManyRequests;
    QTest::newRow("hang (timeout)") << Fault::Kind::Hang;
    QTest::newRow("connection closed") << Fault::Kind::CloseConnection;
}

void TestAltcraftClient::readRetriesThenSucceeds()
{
    QFETCH(Fault::Kind, kind);
    useServer(m_emu->baseUrl(), 300ms);
    putCampaign(1001, EmulatedState::Waiting);
    Fault fault = makeFault(kind, QStringLiteral("get_status"), 2);
    fault.retryAfterSeconds = 0;
    m_emu->addFault(fault);
    CallResult<CampaignStatus> r;
    m_client->status(1001, &r.context, r.callback());
    WAIT_CALLED(r);
    QVERIFY2(r.result.ok(), qPrintable(r.error().details()));
    QCOMPARE(r.result.value, CampaignStatus::Waiting);
    QCOMPARE(m_emu->requestCount(QStringLiteral("get_status")), 3);
}

void TestAltcraftClient::readGivesUpAfterThreeRetries()
{
    m_emu->addFault(makeFault(Fault::Kind::Http500, QStringLiteral("get_status"), 10));
    CallResult<CampaignStatus> r;
    m_client->status(1, &r.context, r.callback());
    WAIT_CALLED(r);
    QCOMPARE(r.error().kind(), Kind::ServerError);
    CHECK_ERROR(r.error(), QStringLiteral("get_status"), 500);
    QCOMPARE(m_emu->requestCount(QStringLiteral("get_status")), 4);

    // The retry count is configurable.
    m_emu->clearRequests();
    m_client->setReadRetries(1);
    CallResult<Campaign> again;
    m_emu->addFault(makeFault(Fault::Kind::Http502, QStringLiteral("get"), 10));
    m_client->campaign(1, &again.context, again.callback());
    WAIT_CALLED(again);
    QCOMPARE(again.error().kind(), Kind::ServerError);
    QCOMPARE(m_emu->requestCount(QStringLiteral("get")), 2);
}

void TestAltcraftClient::readNotRetriedWhenRetryCannotHelp_data()
{
    QTest::addColumn<Fault::Kind>("kind");
    QTest::addColumn<Kind>("expected");
    QTest::newRow("api error") << Fault::Kind::ApiError << Kind::TariffLimit;
    QTest::newRow("html page") << Fault::Kind::HtmlPage << Kind::MalformedResponse;
    QTest::newRow("wrong types") << Fault::Kind::WrongTypes << Kind::MalformedResponse;
    QTest::newRow("redirect") << Fault::Kind::Redirect302 << Kind::RedirectRefused;
}

void TestAltcraftClient::readNotRetriedWhenRetryCannotHelp()
{
    QFETCH(Fault::Kind, kind);
    QFETCH(Kind, expected);
    Fault fault = makeFault(kind, QStringLiteral("get_status"));
    fault.redirectTo = QUrl(QStringLiteral("http://localhost:1/"));
    m_emu->addFault(fault);
    CallResult<CampaignStatus> r;
    m_client->status(1, &r.context, r.callback());
    WAIT_CALLED(r);
    QCOMPARE(r.error().kind(), expected);
    // A retry would have happened before the callback: the count is final.
    QCOMPARE(m_emu->requestCount(QStringLiteral("get_status")), 1);
}

void TestAltcraftClient::writesAreNeverRetried_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<Fault::Kind>("kind");
    QTest::addColumn<Kind>("expected");
    for (const QString &method :
         {QStringLiteral("deactivate"), QStringLiteral("completed"), QStringLiteral("activate")}) {
        QTest::addRow("%s 500", qPrintable(method)) << method << Fault::Kind::Http500 << Kind::ServerError;
        QTest::addRow("%s 502", qPrintable(method)) << method << Fault::Kind::Http502 << Kind::ServerError;
        QTest::addRow("%s 503", qPrintable(method)) << method << Fault::Kind::Http503 << Kind::ServerUnavailable;
        QTest::addRow("%s 429", qPrintable(method)) << method << Fault::Kind::TooManyRequests << Kind::RateLimited;
        QTest::addRow("%s hang", qPrintable(method)) << method << Fault::Kind::Hang << Kind::Timeout;
        QTest::addRow("%s closed", qPrintable(method))
            << method << Fault::Kind::CloseConnection << Kind::ConnectionLost;
    }
}

void TestAltcraftClient::writesAreNeverRetried()
{
    QFETCH(QString, method);
    QFETCH(Fault::Kind, kind);
    QFETCH(Kind, expected);
    useServer(m_emu->baseUrl(), 300ms);
    const EmulatedState before = method == QLatin1String("activate") ? EmulatedState::Inactive : EmulatedState::Active;
    putCampaign(1001, before);
    // applyChange: the server acts, then the answer goes wrong. A blind re-send would now be
    // refused (or, for a complete, repeated), so exactly one request may reach the server.
    Fault fault = makeFault(kind, method);
    fault.applyChange = true;
    fault.retryAfterSeconds = 0;
    m_emu->addFault(fault);
    CallResult<Done> r;
    const CampaignAction action = method == QLatin1String("deactivate") ? CampaignAction::Deactivate
        : method == QLatin1String("completed")                          ? CampaignAction::Complete
                                                                        : CampaignAction::Activate;
    m_client->perform(action, 1001, &r.context, r.callback());
    WAIT_CALLED(r);
    QCOMPARE(r.error().kind(), expected);
    CHECK_ERROR(r.error(), method, r.error().httpStatus());
    // A re-send, by the client or by Qt's HTTP layer, would have happened before the callback.
    QCOMPARE(m_emu->requestCount(method), 1);
    QCOMPARE(m_emu->requestCount(), 1);
    QVERIFY(storedState(1001) != before); // the server did act
}

// ---------------------------------------------------------------------------------------------
// Pagination

void TestAltcraftClient::paginationWithFilter()
{
    QList<qint64> expected;
    for (qint64 id : m_emu->store().ids()) {
        if (m_emu->store().find(id)->state == EmulatedState::Active)
            expected.append(id);
    }
    QVERIFY2(expected.size() > 10, "the seed must give at least three pages of active campaigns");

    ListResult list;
    CampaignFilter filter;
    filter.state = QStringLiteral("active");
    filter.pageSize = 5;
    list.start(m_client.get(), filter, m_emu.get());
    QTRY_COMPARE_WITH_TIMEOUT(list.doneCalls, 1, kWaitMs);
    QVERIFY2(list.error.isNone(), qPrintable(list.error.details()));

    // Progressive: page n arrived when the server had seen n list requests, or n + 1 (the next
    // page is asked for as soon as page n's last ID is known, before page n is handed over), so
    // pages reach the caller while the listing is still going on, and onDone comes last.
    const int requests = m_emu->requestCount(QStringLiteral("list"));
    QVERIFY(list.pages.size() >= 3);
    QCOMPARE(list.pagesAtDone, list.pages.size()); // onDone came after every page
    for (qsizetype i = 0; i < list.pages.size(); ++i) {
        const int seen = list.serverListCountAtPage.at(i);
        QVERIFY2(seen == i + 1 || seen == i + 2,
                 qPrintable(QStringLiteral("page %1 arrived after %2 list requests").arg(i + 1).arg(seen)));
    }
    QVERIFY(requests >= list.pages.size());

    QCOMPARE(list.total, expected.size());
    const QList<qint64> ids = list.ids();
    QCOMPARE(ids, expected);
    QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), ids.size());
    QVERIFY(std::is_sorted(ids.cbegin(), ids.cend()));
    for (const QList<Campaign> &page : std::as_const(list.pages)) {
        QVERIFY(page.size() <= 5);
        for (const Campaign &c : page)
            QCOMPARE(c.status, CampaignStatus::Active);
    }

    // Keyset paging: each request starts after the last ID of the previous page.
    const QList<RecordedRequest> sent = requestsFor(*m_emu, QStringLiteral("list"));
    qint64 expectedFrom = 1;
    for (qsizetype i = 0; i < sent.size(); ++i) {
        const QJsonObject body = sent.at(i).json();
        QCOMPARE(body.value(QStringLiteral("state")).toString(), QStringLiteral("active"));
        QCOMPARE(body.value(QStringLiteral("limit")).toInt(), 5);
        QCOMPARE(body.value(QStringLiteral("from_id")).toInteger(), expectedFrom);
        if (i < list.pages.size())
            expectedFrom = list.pages.at(i).last().id + 1;
    }
}

void TestAltcraftClient::paginationStopsWhenServerDoesNotAdvance_data()
{
    QTest::addColumn<int>("overlap");
    QTest::newRow("always the same page") << -1;
    QTest::newRow("pages overlap by one") << 1;
}

void TestAltcraftClient::paginationStopsWhenServerDoesNotAdvance()
{
    QFETCH(int, overlap);
    RawHttpServer raw;
    QVERIFY(raw.listen());
    raw.setHandler([overlap](const RawHttpServer::Request &request) {
        const qint64 from = request.json().value(QStringLiteral("from_id")).toInteger();
        const qint64 first = overlap < 0 ? 1 : std::max<qint64>(1, from - overlap);
        QJsonArray page;
        for (qint64 id = first; id < first + 5; ++id)
            page.append(campaignJson(id));
        return RawHttpServer::Reply{RawHttpServer::response(200, RawHttpServer::envelope(page)), false, false};
    });
    useServer(raw.baseUrl());

    ListResult list;
    CampaignFilter filter;
    filter.pageSize = 5;
    list.start(m_client.get(), filter);
    QTRY_COMPARE_WITH_TIMEOUT(list.doneCalls, 1, kWaitMs);
    QCOMPARE(list.error.kind(), Kind::MalformedResponse);
    CHECK_ERROR(list.error, QStringLiteral("list"), 200);
    QCOMPARE(list.pages.size(), 1);
    QCOMPARE(list.total, 5);
    QCOMPARE(raw.requests().size(), 2);
}

void TestAltcraftClient::listPageBrokenAfterTheFirst_data()
{
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<Kind>("expected");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("apiCode");

    auto page = [](qint64 first) {
        QJsonArray items;
        for (qint64 id = first; id < first + 5; ++id)
            items.append(campaignJson(id));
        return items;
    };
    const QByteArray full = RawHttpServer::envelope(page(6));
    QTest::newRow("HTML page, HTTP 200") << RawHttpServer::response(
        200, "<html><body>Down for maintenance</body></html>", "text/html")
                                         << Kind::MalformedResponse << 200 << 0;
    QTest::newRow("HTML page, HTTP 502") << RawHttpServer::response(502, "<html>Bad gateway</html>", "text/html")
                                         << Kind::ServerError << 502 << 0;
    QTest::newRow("JSON cut short") << RawHttpServer::response(200, full.left(full.size() / 2))
                                    << Kind::MalformedResponse << 200 << 0;
    QTest::newRow("API error in HTTP 200")
        << RawHttpServer::response(200, R"({"data":null,"error":403,"error_text":"No access"})") << Kind::NoAccess
        << 200 << 403;
    QTest::newRow("data not an array") << RawHttpServer::response(200, RawHttpServer::envelope(QJsonObject{}))
                                       << Kind::MalformedResponse << 200 << 0;
    QTest::newRow("IDs going back") << RawHttpServer::response(200, RawHttpServer::envelope(page(3)))
                                    << Kind::MalformedResponse << 200 << 0;
}

void TestAltcraftClient::listPageBrokenAfterTheFirst()
{
    // The second page is asked for while the first is still being read, and both are parsed
    // off this thread: a broken second page still ends the listing with the error every other
    // reply gets, after the first page and before any third request.
    QFETCH(QByteArray, second);
    QFETCH(Kind, expected);
    QFETCH(int, httpStatus);
    QFETCH(int, apiCode);
    RawHttpServer raw;
    QVERIFY(raw.listen());
    raw.setHandler([second](const RawHttpServer::Request &request) {
        if (request.json().value(QStringLiteral("from_id")).toInteger() != 1)
            return RawHttpServer::Reply{second, false, false};
        QJsonArray items;
        for (qint64 id = 1; id <= 5; ++id)
            items.append(campaignJson(id));
        return RawHttpServer::Reply{RawHttpServer::response(200, RawHttpServer::envelope(items)), false, false};
    });
    useServer(raw.baseUrl());
    m_client->setReadRetries(0); // one answer per page: this is about classification

    ListResult list;
    CampaignFilter filter;
    filter.pageSize = 5;
    list.start(m_client.get(), filter);
    QTRY_COMPARE_WITH_TIMEOUT(list.doneCalls, 1, kWaitMs);
    QCOMPARE(list.error.kind(), expected);
    QCOMPARE(list.error.apiCode(), apiCode);
    CHECK_ERROR(list.error, QStringLiteral("list"), httpStatus);
    QCOMPARE(list.pages.size(), 1);
    QCOMPARE(list.total, 5);
    QCOMPARE(list.ids(), (QList<qint64>{1, 2, 3, 4, 5}));
    QCOMPARE(raw.requests().size(), 2);
    QCOMPARE(raw.requests().at(1).json().value(QStringLiteral("from_id")).toInteger(), 6);
}

void TestAltcraftClient::cancelWhileAPageIsParsedDropsIt()
{
    // The parse thread is held busy, so the first page's reply waits there to be parsed while
    // the listing is cancelled and a new one starts: the old page must never come out.
    QSemaphore release;
    const auto unblock = qScopeGuard([&release] { release.release(); }); // a failed check must not hang the pool
    m_client->parsePool()->start([&release] { release.acquire(); });
    bool replied = false;
    connect(m_client->networkAccessManager(), &QNetworkAccessManager::finished, this, [&replied] { replied = true; });
    ListResult first;
    CampaignFilter filter;
    filter.pageSize = 5;
    ApiCall *call = first.start(m_client.get(), filter);
    // The client takes the reply in the same emission that sets replied: once QTRY sees it,
    // the reply is queued on the parse thread.
    QTRY_VERIFY_WITH_TIMEOUT(replied, kWaitMs);
    call->cancel();
    QCOMPARE(first.doneCalls, 1);
    QCOMPARE(first.error.kind(), Kind::Cancelled);

    // On the server the campaigns change; the new listing must show only what it read.
    QList<EmulatedCampaign> renamed;
    for (qint64 id : m_emu->store().ids()) {
        EmulatedCampaign c = *m_emu->store().find(id);
        c.name = QStringLiteral("Renamed %1").arg(id);
        renamed.append(c);
    }
    m_emu->store().reset(renamed);
    ListResult second;
    second.start(m_client.get(), filter);
    release.release();
    QTRY_COMPARE_WITH_TIMEOUT(second.doneCalls, 1, kWaitMs);
    QVERIFY2(second.error.isNone(), qPrintable(second.error.details()));
    QCOMPARE(second.ids(), m_emu->store().ids());
    for (const QList<Campaign> &page : std::as_const(second.pages)) {
        for (const Campaign &c : page)
            QCOMPARE(c.name, QStringLiteral("Renamed %1").arg(c.id));
    }
    QVERIFY(first.pages.isEmpty());
    QCOMPARE(first.doneCalls, 1);
}

void TestAltcraftClient::paginationWithNonPositivePageSizeDoesNotLoop()
{
    // The emulator refuses limit 0; a lenient server answers it with an empty page. Asking again
    // from the same ID would loop for ever.
    RawHttpServer raw;
    QVERIFY(raw.listen());
    raw.setHandler([](const RawHttpServer::Request &) {
        return RawHttpServer::Reply{RawHttpServer::response(200, RawHttpServer::envelope(QJsonArray{})), false, false};
    });
    useServer(raw.baseUrl());
    ListResult list;
    CampaignFilter filter;
    filter.pageSize = 0;
    list.start(m_client.get(), filter);
    QTRY_COMPARE_WITH_TIMEOUT(list.doneCalls, 1, kWaitMs);
    QVERIFY(list.error.isNone());
    QCOMPARE(list.total, 0);
    QCOMPARE(raw.requests().size(), 1);
}

// ---------------------------------------------------------------------------------------------
// Parsing

void TestAltcraftClient::unknownFieldsAreKept()
{
    EmulatedCampaign stored = emulatedCampaign(1001, EmulatedState::Inactive);
    stored.extraFields = QJsonObject{
        {QStringLiteral("marketing_mode"), QStringLiteral("auto")},
        {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("region"), QStringLiteral("north")}}},
        {QStringLiteral("priority"), 3},
    };
    putCampaign(stored);

    CallResult<Campaign> r;
    m_client->campaign(1001, &r.context, r.callback());
    WAIT_CALLED(r);
    QVERIFY2(r.result.ok(), qPrintable(r.error().details()));
    QCOMPARE(r.result.value.unknownFields, stored.extraFields);
    QCOMPARE(r.result.value.name, stored.name);

    ListResult list;
    CampaignFilter filter;
    filter.fromId = 1001;
    list.start(m_client.get(), filter);
    QTRY_COMPARE_WITH_TIMEOUT(list.doneCalls, 1, kWaitMs);
    QVERIFY(list.error.isNone());
    QCOMPARE(list.total, 1);
    QCOMPARE(list.pages.first().first().unknownFields, stored.extraFields);
}

void TestAltcraftClient::tolerantOfUnknownStateAndExtraNestedKeys()
{
    RawHttpServer raw;
    QVERIFY(raw.listen());
    QJsonObject item{
        {QStringLiteral("id"), 7},
        {QStringLiteral("name"), QStringLiteral("Архив")},
        {QStringLiteral("state"), QStringLiteral("archived")},
        {QStringLiteral("audience"),
         QJsonObject{
             {QStringLiteral("extension_conf"),
              QJsonObject{{QStringLiteral("regulars"), QJsonObject{{QStringLiteral("ids"), QJsonArray{1, 2}}}},
                          {QStringLiteral("holograms"), QJsonObject{{QStringLiteral("ids"), QJsonArray{3}}}}}}}},
        {QStringLiteral("future_field"), QJsonArray{1, QStringLiteral("two")}}};
    raw.setHandler([item](const RawHttpServer::Request &) {
        return RawHttpServer::Reply{RawHttpServer::response(200, RawHttpServer::envelope(QJsonArray{item})), false,
                                    false};
    });
    useServer(raw.baseUrl());
    CallResult<Campaign> r;
    m_client->campaign(7, &r.context, r.callback());
    WAIT_CALLED(r);
    QVERIFY2(r.result.ok(), qPrintable(r.error().details()));
    QCOMPARE(r.result.value.status, CampaignStatus::Unknown);
    QCOMPARE(r.result.value.statusText, QStringLiteral("archived"));
    QCOMPARE(r.result.value.nested.ids(NestedObjects::Regulars), (QList<qint64>{1, 2}));
    QCOMPARE(r.result.value.unknownFields.value(QStringLiteral("future_field")),
             item.value(QStringLiteral("future_field")));
}

void TestAltcraftClient::unreadableListItemsAreSkippedAndTheRestLoaded_data()
{
    QTest::addColumn<QByteArray>("badItem"); // raw JSON bytes: some are not even UTF-8
    QTest::addColumn<QString>("why");
    auto json = [](const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };
    QJsonObject noName = campaignJson(3);
    noName.remove(QStringLiteral("name"));
    QJsonObject stringId = campaignJson(3);
    stringId.insert(QStringLiteral("id"), QStringLiteral("3"));
    QJsonObject fractionalId = campaignJson(3);
    fractionalId.insert(QStringLiteral("id"), 3.5);
    QJsonObject numericName = campaignJson(3);
    numericName.insert(QStringLiteral("name"), 42);
    QJsonObject noState = campaignJson(3);
    noState.remove(QStringLiteral("state"));
    QJsonObject negativeId = campaignJson(3);
    negativeId.insert(QStringLiteral("id"), -5);
    QJsonObject marked = campaignJson(3);
    marked.insert(QStringLiteral("name"), QStringLiteral("NAME-HERE"));
    QByteArray hugeId = json(campaignJson(3));
    hugeId.replace("\"id\":3", "\"id\":18446744073709551616"); // 2^64
    QByteArray notUtf8 = json(marked);
    notUtf8.replace("NAME-HERE", "Spring \xff\xfe sale");
    QTest::newRow("missing name") << json(noName) << QStringLiteral("'name'");
    QTest::newRow("id as string") << json(stringId) << QStringLiteral("'id'");
    QTest::newRow("fractional id") << json(fractionalId) << QStringLiteral("'id'");
    QTest::newRow("name as number") << json(numericName) << QStringLiteral("'name'");
    QTest::newRow("missing state") << json(noState) << QStringLiteral("'state'");
    QTest::newRow("item is not an object") << QByteArray("\"campaign 3\"") << QStringLiteral("not a JSON object");
    QTest::newRow("id -5") << json(negativeId) << QStringLiteral("positive integer");
    QTest::newRow("id 2^64") << hugeId << QStringLiteral("positive integer");
    QTest::newRow("name not UTF-8") << notUtf8 << QStringLiteral("not valid UTF-8");
}

void TestAltcraftClient::unreadableListItemsAreSkippedAndTheRestLoaded()
{
    QFETCH(QByteArray, badItem);
    QFETCH(QString, why);
    RawHttpServer raw;
    QVERIFY(raw.listen());
    // A first full page that is fine, a full page holding the bad item, then the end.
    raw.setHandler([badItem](const RawHttpServer::Request &request) {
        const qint64 from = request.json().value(QStringLiteral("from_id")).toInteger();
        QByteArray body;
        if (from == 1) {
            body = RawHttpServer::envelope(QJsonArray{campaignJson(1), campaignJson(2)});
        } else if (from == 3) {
            body = "{\"data\":[" + badItem + "," + QJsonDocument(campaignJson(4)).toJson(QJsonDocument::Compact)
                + "],\"error\":0,\"error_text\":\"Successful operation\"}";
        } else {
            body = RawHttpServer::envelope(QJsonArray());
        }
        return RawHttpServer::Reply{RawHttpServer::response(200, body), false, false};
    });
    useServer(raw.baseUrl());
    ListResult list;
    CampaignFilter filter;
    filter.pageSize = 2;
    list.start(m_client.get(), filter);
    QTRY_COMPARE_WITH_TIMEOUT(list.doneCalls, 1, kWaitMs);
    QVERIFY2(list.error.isNone(), qPrintable(list.error.details()));
    QCOMPARE(list.ids(), (QList<qint64>{1, 2, 4}));
    QCOMPARE(list.total, 3);
    QCOMPARE(list.outcome.skipped, 1);
    QCOMPARE(list.outcome.skipReasons.size(), 1);
    QVERIFY2(list.outcome.skipReasons.first().contains(why), qPrintable(list.outcome.skipReasons.first()));
    QVERIFY(!list.outcome.capped);
    // The listing went on past the bad page, from the last ID it held.
    QCOMPARE(raw.requests().size(), 3);
    QCOMPARE(raw.requests().at(2).json().value(QStringLiteral("from_id")).toInteger(), 5);
}

void TestAltcraftClient::endlessListStopsAtTheCeilingAndKeepsWhatArrived_data()
{
    QTest::addColumn<qint64>("serverHas"); // -1: a server that never stops
    QTest::addColumn<int>("ceiling");
    QTest::addColumn<qsizetype>("total");
    QTest::addColumn<bool>("capped");
    QTest::newRow("endless, ceiling mid-page") << qint64(-1) << 25 << qsizetype(25) << true;
    QTest::newRow("endless, ceiling at a page's end") << qint64(-1) << 20 << qsizetype(20) << true;
    QTest::newRow("ceiling crossed by the last, short page") << qint64(23) << 20 << qsizetype(20) << true;
    QTest::newRow("exactly the ceiling") << qint64(20) << 20 << qsizetype(20) << false;
    QTest::newRow("under the ceiling") << qint64(17) << 20 << qsizetype(17) << false;
}

void TestAltcraftClient::endlessListStopsAtTheCeilingAndKeepsWhatArrived()
{
    QFETCH(qint64, serverHas);
    QFETCH(int, ceiling);
    QFETCH(qsizetype, total);
    QFETCH(bool, capped);
    RawHttpServer raw;
    QVERIFY(raw.listen());
    raw.setHandler([serverHas](const RawHttpServer::Request &request) {
        const qint64 from = request.json().value(QStringLiteral("from_id")).toInteger();
        const qint64 limit = request.json().value(QStringLiteral("limit")).toInteger();
        QJsonArray page;
        for (qint64 id = from; id < from + limit && (serverHas < 0 || id <= serverHas); ++id)
            page.append(campaignJson(id));
        return RawHttpServer::Reply{RawHttpServer::response(200, RawHttpServer::envelope(page)), false, false};
    });
    useServer(raw.baseUrl());
    m_client->setMaxListedCampaigns(ceiling);
    ListResult list;
    CampaignFilter filter;
    filter.pageSize = 10;
    list.start(m_client.get(), filter);
    QTRY_COMPARE_WITH_TIMEOUT(list.doneCalls, 1, kWaitMs);
    QCOMPARE(list.total, total);
    QCOMPARE(list.ids().size(), total); // what arrived was delivered and is kept
    QCOMPARE(list.ids().last(), total);
    QCOMPARE(list.outcome.capped, capped);
    if (capped) {
        QCOMPARE(list.error.kind(), Kind::ListTooLong);
        QVERIFY2(list.error.message().contains(QString::number(ceiling)), qPrintable(list.error.message()));
        // It asked for no page past the one that crossed the ceiling.
        QCOMPARE(raw.requests().size(), 3);
    } else {
        QVERIFY2(list.error.isNone(), qPrintable(list.error.details()));
    }
}

// ---------------------------------------------------------------------------------------------
// Logging

void TestAltcraftClient::logLineHoldsMethodStatusCodeAndDuration()
{
    CallResult<CampaignStatus> r;
    m_client->status(987654, &r.context, r.callback()); // unknown campaign: HTTP 200, API 404
    WAIT_CALLED(r);
    QCOMPARE(r.error().kind(), Kind::ApiCode);
    const QRegularExpression line(
        QStringLiteral(R"(^POST "?/api/v1\.1/scampaigns/get_status"? .*HTTP 200\b.*API 404\b.*\b\d+ ms$)"));
    const QStringList lines = LogCapture::textsIn(QStringLiteral("campaignmanager.api"));
    QVERIFY2(lines.indexOf(line) >= 0, qPrintable(lines.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestAltcraftClient)
#include "tst_altcraftclient.moc"
