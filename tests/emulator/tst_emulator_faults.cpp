// The emulator's misbehaviour on demand: every Fault::Kind, how faults are matched and used up,
// applyChange, latency and the in-flight count, and the request log with its redaction.
// A real AltcraftEmulator on loopback, a real QNetworkAccessManager.

#include "altcraftemulator.h"
#include "emulatedcampaignjson.h"
#include "emulatorhttp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace EmulatorHttp;

namespace {

Fault makeFault(Fault::Kind kind, const QString &method = u"*"_s, int remaining = -1)
{
    Fault f;
    f.kind = kind;
    f.method = method;
    f.remaining = remaining;
    return f;
}

QByteArray fullToken()
{
    return ApiTokenGrant::defaultFullToken().toUtf8();
}

} // namespace

class TestEmulatorFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // Every kind of fault.
    void hangNeverAnswersAndFreesTheSlotWhenTheClientGivesUp();
    void http500();
    void http502();
    void http503_data();
    void http503();
    void tooManyRequests_data();
    void tooManyRequests();
    void htmlPage();
    void truncatedJson();
    void wrongTypes();
    void oversized();
    void redirect_data();
    void redirect();
    void apiError_data();
    void apiError();
    void closeConnection();

    // Matching, counting, ordering, applyChange.
    void faultMatchesOnlyItsMethod();
    void wildcardFaultMatchesEveryMethod();
    void faultMatchesOnlyItsCampaign();
    void remainingCountsDownThenServiceResumes();
    void firstMatchingFaultWins();
    void clearFaultsRestoresService();
    void applyChange_data();
    void applyChange();
    void hangWithApplyChangeStillChangesState();

    // Latency and requests in flight.
    void latencyDelaysReplies();
    void latencyWithJitterIsAtLeastTheFixedPart();
    void latencyForOneMethodLeavesOthersAlone();
    void methodLatencyOverridesTheWildcard();
    void clearLatencyRemovesTheDelay();
    void concurrentRequestsReachMaxInFlight();
    void hungRequestsStayInFlightUntilClientsGiveUp();

    // The request log.
    void requestLogRecordsRequestsInOrder();
    void requestCountIsPerMethod();
    void requestLogLimitDropsTheOldest();
    void requestLogLimitZeroKeepsNothingButStillSignals();
    void clearRequestsEmptiesTheLog();
    void requestReceivedIsEmittedBeforeTheReply();
    void redactedSummaryNeverShowsTheToken_data();
    void redactedSummaryNeverShowsTheToken();
    void debugLineShowsNoBody();

private:
    QJsonObject body(qint64 id = 1) const { return {{u"token"_s, ApiTokenGrant::defaultFullToken()}, {u"id"_s, id}}; }
    HttpResult call(const QString &method, qint64 id = 1) { return m_http->post(method, body(id)); }
    HttpResult callManualRedirect(const QString &method, qint64 id = 1);
    QString storedStatus(qint64 id)
    {
        return emulatedCampaignJson(*m_emu->store().find(id), m_emu->store().spelling())
            .value(QStringLiteral("state"))
            .toString();
    }

    std::unique_ptr<AltcraftEmulator> m_emu;
    std::unique_ptr<HttpClient> m_http;
};

void TestEmulatorFaults::init()
{
    m_emu = std::make_unique<AltcraftEmulator>();
    QVERIFY(m_emu->start() != 0);
    m_emu->store().reset({emulatedCampaign(1, EmulatedState::Active), emulatedCampaign(2, EmulatedState::Active),
                          emulatedCampaign(3, EmulatedState::Inactive)});
    m_http = std::make_unique<HttpClient>(m_emu->baseUrl());
}

void TestEmulatorFaults::cleanup()
{
    m_http.reset();
    m_emu.reset();
}

HttpResult TestEmulatorFaults::callManualRedirect(const QString &method, qint64 id)
{
    QNetworkRequest req = m_http->request(apiPath(method));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return waitForReply(m_http->startPost(req, QJsonDocument(body(id)).toJson(QJsonDocument::Compact)));
}

// ---- Every kind of fault ------------------------------------------------------------------

void TestEmulatorFaults::hangNeverAnswersAndFreesTheSlotWhenTheClientGivesUp()
{
    m_emu->addFault(makeFault(Fault::Kind::Hang, u"get_status"_s));
    QSignalSpy received(m_emu.get(), &AltcraftEmulator::requestReceived);
    QNetworkReply *hung = m_http->startPost(u"get_status"_s, body());
    QSignalSpy finished(hung, &QNetworkReply::finished);
    QTRY_COMPARE(received.count(), 1);
    QVERIFY(!finished.wait(300));
    QVERIFY(!hung->isFinished());
    QCOMPARE(m_emu->inFlight(), 1);

    // A hung connection does not hold up the others.
    const HttpResult other = call(u"list"_s);
    QVERIFY2(other.apiError() == 0, other.describe());
    QCOMPARE(m_emu->inFlight(), 1);

    hung->abort();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(hung->error(), QNetworkReply::OperationCanceledError);
    QTRY_COMPARE(m_emu->inFlight(), 0);
    QCOMPARE(m_emu->requestCount(u"get_status"_s), 1);
    delete hung;
}

void TestEmulatorFaults::http500()
{
    m_emu->addFault(makeFault(Fault::Kind::Http500));
    const HttpResult r = call(u"deactivate"_s);
    QCOMPARE(r.httpStatus, 500);
    QCOMPARE(r.networkError, QNetworkReply::InternalServerError);
    QVERIFY2(r.isJsonObject(), r.describe());
    QCOMPARE(r.apiError(), 500);
    QCOMPARE(storedStatus(1), u"active"_s);
}

void TestEmulatorFaults::http502()
{
    m_emu->addFault(makeFault(Fault::Kind::Http502));
    const HttpResult r = call(u"get_status"_s);
    QCOMPARE(r.httpStatus, 502);
    QVERIFY2(r.header("Content-Type").startsWith("text/html"), r.header("Content-Type"));
    QVERIFY(r.body.contains("502 Bad Gateway"));
    QVERIFY(!r.isJsonObject());
}

void TestEmulatorFaults::http503_data()
{
    QTest::addColumn<int>("retryAfterSeconds");
    QTest::addColumn<QByteArray>("retryAfter"); // empty: no header
    QTest::newRow("retry after 7 s") << 7 << QByteArray("7");
    QTest::newRow("retry after 0 s") << 0 << QByteArray("0");
    QTest::newRow("no Retry-After") << -1 << QByteArray();
}

void TestEmulatorFaults::http503()
{
    QFETCH(int, retryAfterSeconds);
    QFETCH(QByteArray, retryAfter);
    Fault f = makeFault(Fault::Kind::Http503);
    f.retryAfterSeconds = retryAfterSeconds;
    m_emu->addFault(f);
    const HttpResult r = call(u"get_status"_s);
    QCOMPARE(r.httpStatus, 503);
    QCOMPARE(r.networkError, QNetworkReply::ServiceUnavailableError);
    QCOMPARE(r.hasHeader("Retry-After"), !retryAfter.isEmpty());
    QCOMPARE(r.header("Retry-After"), retryAfter);
    QVERIFY(!r.isJsonObject());
}

void TestEmulatorFaults::tooManyRequests_data()
{
    QTest::addColumn<int>("retryAfterSeconds");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::newRow("retry after 3 s") << 3 << QByteArray("3");
    QTest::newRow("retry after 120 s") << 120 << QByteArray("120");
    QTest::newRow("negative becomes 0") << -5 << QByteArray("0");
}

void TestEmulatorFaults::tooManyRequests()
{
    QFETCH(int, retryAfterSeconds);
    QFETCH(QByteArray, retryAfter);
    Fault f = makeFault(Fault::Kind::TooManyRequests);
    f.retryAfterSeconds = retryAfterSeconds;
    m_emu->addFault(f);
    const HttpResult r = call(u"list"_s);
    QCOMPARE(r.httpStatus, 429);
    QCOMPARE(r.header("Retry-After"), retryAfter);
    QCOMPARE(r.apiError(), 429);
}

void TestEmulatorFaults::htmlPage()
{
    m_emu->addFault(makeFault(Fault::Kind::HtmlPage));
    const HttpResult r = call(u"get_status"_s);
    QCOMPARE(r.httpStatus, 200);
    QCOMPARE(r.networkError, QNetworkReply::NoError);
    QVERIFY2(r.header("Content-Type").startsWith("text/html"), r.header("Content-Type"));
    QVERIFY(r.body.contains("<html>"));
    QJsonParseError error{};
    QJsonDocument::fromJson(r.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
}

void TestEmulatorFaults::truncatedJson()
{
    m_emu->addFault(makeFault(Fault::Kind::TruncatedJson));
    const HttpResult r = call(u"get_status"_s);
    QCOMPARE(r.httpStatus, 200);
    QVERIFY2(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
    QVERIFY(r.body.startsWith("{"));
    QCOMPARE(r.header("Content-Length").toInt(), r.body.size());
    QJsonParseError error{};
    QJsonDocument::fromJson(r.body, &error);
    QVERIFY2(error.error != QJsonParseError::NoError, r.body);
}

void TestEmulatorFaults::wrongTypes()
{
    m_emu->addFault(makeFault(Fault::Kind::WrongTypes));
    const HttpResult r = call(u"get_status"_s);
    QCOMPARE(r.httpStatus, 200);
    QVERIFY2(r.isJsonObject(), r.describe());
    const QJsonObject o = r.json();
    QVERIFY(o.contains(u"error"_s) && !o.value(u"error"_s).isDouble());
    QVERIFY(o.contains(u"error_text"_s) && !o.value(u"error_text"_s).isString());
    QVERIFY(!o.value(u"data"_s).toObject().value(u"status"_s).isString());
}

void TestEmulatorFaults::oversized()
{
    Fault f = makeFault(Fault::Kind::Oversized);
    f.oversizeBytes = 2 * 1024 * 1024;
    m_emu->addFault(f);
    const HttpResult r = call(u"list"_s);
    QCOMPARE(r.httpStatus, 200);
    QVERIFY2(r.body.size() >= f.oversizeBytes, qPrintable(QString::number(r.body.size())));
    // Only the size is wrong: it is a valid envelope.
    QVERIFY(r.isJsonObject());
    QCOMPARE(r.apiError(), 0);
}

void TestEmulatorFaults::redirect_data()
{
    QTest::addColumn<Fault::Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QUrl>("redirectTo");
    QTest::addColumn<QByteArray>("location");
    const QUrl origin(u"http://127.0.0.1:9/"_s);
    const QUrl withPath(u"https://elsewhere.example:8443/login"_s);
    QTest::newRow("302 to origin") << Fault::Kind::Redirect302 << 302 << origin
                                   << QByteArray("http://127.0.0.1:9/api/v1.1/scampaigns/get_status");
    QTest::newRow("307 to origin") << Fault::Kind::Redirect307 << 307 << origin
                                   << QByteArray("http://127.0.0.1:9/api/v1.1/scampaigns/get_status");
    QTest::newRow("302 to a page") << Fault::Kind::Redirect302 << 302 << withPath
                                   << QByteArray("https://elsewhere.example:8443/login");
    QTest::newRow("307 to a page") << Fault::Kind::Redirect307 << 307 << withPath
                                   << QByteArray("https://elsewhere.example:8443/login");
}

void TestEmulatorFaults::redirect()
{
    QFETCH(Fault::Kind, kind);
    QFETCH(int, status);
    QFETCH(QUrl, redirectTo);
    QFETCH(QByteArray, location);
    Fault f = makeFault(kind);
    f.redirectTo = redirectTo;
    m_emu->addFault(f);
    const HttpResult r = callManualRedirect(u"get_status"_s);
    QVERIFY2(r.httpStatus == status, r.describe());
    QCOMPARE(r.header("Location"), location);
}

void TestEmulatorFaults::apiError_data()
{
    QTest::addColumn<bool>("custom");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    QTest::newRow("default: tariff limit") << false << 402 << u"Tariff limit reached"_s;
    QTest::newRow("undocumented 440") << true << 440 << u"Сессия истекла"_s;
    QTest::newRow("403") << true << 403 << u"No access"_s;
}

void TestEmulatorFaults::apiError()
{
    QFETCH(bool, custom);
    QFETCH(int, code);
    QFETCH(QString, text);
    Fault f = makeFault(Fault::Kind::ApiError, u"deactivate"_s);
    if (custom) {
        f.apiErrorCode = code;
        f.apiErrorText = text;
    }
    m_emu->addFault(f);
    const HttpResult r = call(u"deactivate"_s);
    QCOMPARE(r.httpStatus, 200);
    QCOMPARE(r.apiError(), code);
    QCOMPARE(r.errorText(), text);
    QVERIFY(r.data().isNull());
    QCOMPARE(storedStatus(1), u"active"_s);
}

void TestEmulatorFaults::closeConnection()
{
    m_emu->addFault(makeFault(Fault::Kind::CloseConnection, u"get_status"_s));
    const HttpResult r = call(u"get_status"_s);
    QVERIFY(r.finished);
    QCOMPARE(r.httpStatus, 0);
    QVERIFY2(r.networkError != QNetworkReply::NoError, r.describe());
    QVERIFY(r.body.isEmpty());
    QVERIFY(m_emu->requestCount(u"get_status"_s) >= 1);
    QTRY_COMPARE(m_emu->inFlight(), 0);
    // The server itself is fine.
    QCOMPARE(call(u"list"_s).apiError(), 0);
}

// ---- Matching, counting, ordering, applyChange --------------------------------------------

void TestEmulatorFaults::faultMatchesOnlyItsMethod()
{
    m_emu->addFault(makeFault(Fault::Kind::Http503, u"deactivate"_s));
    const HttpResult status = call(u"get_status"_s);
    QCOMPARE(status.httpStatus, 200);
    QCOMPARE(status.apiError(), 0);
    QCOMPARE(call(u"list"_s).apiError(), 0);
    QCOMPARE(call(u"deactivate"_s).httpStatus, 503);
    QCOMPARE(call(u"deactivate"_s, 2).httpStatus, 503);
}

void TestEmulatorFaults::wildcardFaultMatchesEveryMethod()
{
    m_emu->addFault(makeFault(Fault::Kind::Http502, u"*"_s));
    for (const QString &method : EmulatorApi::methods())
        QVERIFY2(call(method).httpStatus == 502, qPrintable(method));
}

void TestEmulatorFaults::faultMatchesOnlyItsCampaign()
{
    Fault f = makeFault(Fault::Kind::Http500, u"*"_s);
    f.campaignId = 2;
    m_emu->addFault(f);
    QCOMPARE(call(u"get_status"_s, 1).httpStatus, 200);
    QCOMPARE(call(u"get_status"_s, 2).httpStatus, 500);
    QCOMPARE(call(u"deactivate"_s, 2).httpStatus, 500);
    QCOMPARE(call(u"deactivate"_s, 1).apiError(), 0);
    QCOMPARE(call(u"list"_s).httpStatus, 200); // no id: no match
    QCOMPARE(storedStatus(2), u"active"_s);
    QCOMPARE(storedStatus(1), u"inactive"_s);
}

void TestEmulatorFaults::remainingCountsDownThenServiceResumes()
{
    m_emu->addFault(makeFault(Fault::Kind::Http503, u"get_status"_s, 2));
    QCOMPARE(call(u"get_status"_s).httpStatus, 503);
    QCOMPARE(call(u"list"_s).httpStatus, 200); // another method does not use it up
    QCOMPARE(call(u"get_status"_s).httpStatus, 503);
    const HttpResult third = call(u"get_status"_s);
    QCOMPARE(third.httpStatus, 200);
    QCOMPARE(third.apiError(), 0);
    QCOMPARE(call(u"get_status"_s).httpStatus, 200);
}

void TestEmulatorFaults::firstMatchingFaultWins()
{
    m_emu->addFault(makeFault(Fault::Kind::Http500, u"deactivate"_s, 1));
    m_emu->addFault(makeFault(Fault::Kind::Http502, u"*"_s));
    QCOMPARE(call(u"deactivate"_s).httpStatus, 500);
    QCOMPARE(call(u"deactivate"_s).httpStatus, 502); // the first is used up
    QCOMPARE(call(u"get_status"_s).httpStatus, 502);
}

void TestEmulatorFaults::clearFaultsRestoresService()
{
    m_emu->addFault(makeFault(Fault::Kind::Http500));
    QCOMPARE(call(u"get_status"_s).httpStatus, 500);
    m_emu->clearFaults();
    const HttpResult r = call(u"get_status"_s);
    QCOMPARE(r.httpStatus, 200);
    QCOMPARE(r.apiError(), 0);
}

void TestEmulatorFaults::applyChange_data()
{
    QTest::addColumn<Fault::Kind>("kind");
    QTest::addColumn<bool>("applyChange");
    const QList<QPair<const char *, Fault::Kind>> kinds = {
        {"500", Fault::Kind::Http500},
        {"502", Fault::Kind::Http502},
        {"503", Fault::Kind::Http503},
        {"429", Fault::Kind::TooManyRequests},
        {"html", Fault::Kind::HtmlPage},
        {"truncated", Fault::Kind::TruncatedJson},
        {"wrong types", Fault::Kind::WrongTypes},
        {"oversized", Fault::Kind::Oversized},
        {"302", Fault::Kind::Redirect302},
        {"307", Fault::Kind::Redirect307},
        {"api error", Fault::Kind::ApiError},
        {"close", Fault::Kind::CloseConnection},
    };
    for (bool apply : {false, true}) {
        for (const auto &k : kinds)
            QTest::addRow("%s, %s", k.first, apply ? "applyChange" : "no change") << k.second << apply;
    }
}

void TestEmulatorFaults::applyChange()
{
    QFETCH(Fault::Kind, kind);
    QFETCH(bool, applyChange);
    Fault f = makeFault(kind, u"deactivate"_s);
    f.applyChange = applyChange;
    f.oversizeBytes = 64 * 1024;
    f.redirectTo = QUrl(u"http://127.0.0.1:9/"_s);
    m_emu->addFault(f);
    const HttpResult r = callManualRedirect(u"deactivate"_s);
    QVERIFY(r.finished);
    // Whatever the fault, the reply is not a plain success...
    QVERIFY2(!(r.httpStatus == 200 && r.apiError() == 0 && r.body.size() < 1000), r.describe());
    m_emu->clearFaults();
    // ...and the state changed exactly when the fault says the server did the work.
    const QString expected = applyChange ? u"inactive"_s : u"active"_s;
    QCOMPARE(storedStatus(1), expected);
    const HttpResult status = call(u"get_status"_s);
    QCOMPARE(status.data().toObject().value(u"status"_s).toString(), expected);
}

void TestEmulatorFaults::hangWithApplyChangeStillChangesState()
{
    Fault f = makeFault(Fault::Kind::Hang, u"completed"_s);
    f.applyChange = true;
    m_emu->addFault(f);
    QNetworkReply *hung = m_http->startPost(u"completed"_s, body(3));
    QSignalSpy finished(hung, &QNetworkReply::finished);
    QTRY_COMPARE(m_emu->requestCount(u"completed"_s), 1);
    QTRY_COMPARE(storedStatus(3), u"completed"_s);
    QVERIFY(!finished.wait(200));
    QCOMPARE(m_emu->inFlight(), 1);
    hung->abort();
    QTRY_COMPARE(m_emu->inFlight(), 0);
    delete hung;
}

// ---- Latency and requests in flight -------------------------------------------------------

void TestEmulatorFaults::latencyDelaysReplies()
{
    m_emu->setLatency(150);
    QElapsedTimer timer;
    timer.start();
    const HttpResult r = call(u"get_status"_s);
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(r.apiError(), 0);
    QVERIFY2(elapsed >= 145, qPrintable(u"%1 ms"_s.arg(elapsed)));
}

void TestEmulatorFaults::latencyWithJitterIsAtLeastTheFixedPart()
{
    m_emu->setLatency(80, 40);
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        const HttpResult r = call(u"list"_s);
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(r.apiError(), 0);
        QVERIFY2(elapsed >= 75, qPrintable(u"%1 ms"_s.arg(elapsed)));
    }
}

void TestEmulatorFaults::latencyForOneMethodLeavesOthersAlone()
{
    m_emu->setLatency(60000, 0, u"list"_s);
    QNetworkReply *slow = m_http->startPost(u"list"_s, body());
    QTRY_COMPARE(m_emu->requestCount(u"list"_s), 1);
    const HttpResult fast = call(u"get_status"_s);
    QCOMPARE(fast.apiError(), 0);
    QVERIFY(!slow->isFinished());
    QCOMPARE(m_emu->inFlight(), 1);
    slow->abort();
    QTRY_COMPARE(m_emu->inFlight(), 0);
    delete slow;
}

void TestEmulatorFaults::methodLatencyOverridesTheWildcard()
{
    m_emu->setLatency(60000, 0, u"*"_s);
    m_emu->setLatency(0, 0, u"get_status"_s);
    const HttpResult r = call(u"get_status"_s); // would time out with the wildcard's minute
    QVERIFY2(r.finished, "get_status took the wildcard latency");
    QCOMPARE(r.apiError(), 0);
}

void TestEmulatorFaults::clearLatencyRemovesTheDelay()
{
    m_emu->setLatency(60000);
    m_emu->clearLatency();
    const HttpResult r = call(u"get_status"_s);
    QVERIFY2(r.finished, "the cleared latency still applied");
    QCOMPARE(r.apiError(), 0);
}

void TestEmulatorFaults::concurrentRequestsReachMaxInFlight()
{
    constexpr int kConcurrent = 4; // QNetworkAccessManager opens up to 6 connections per host
    m_emu->setLatency(600);
    QCOMPARE(m_emu->maxInFlight(), 0);
    QList<QNetworkReply *> replies;
    for (int i = 0; i < kConcurrent; ++i)
        replies.append(m_http->startPost(u"get_status"_s, body(1 + i % 3)));
    QTRY_COMPARE(m_emu->inFlight(), kConcurrent);
    for (QNetworkReply *reply : replies) {
        const HttpResult r = waitForReply(reply);
        QCOMPARE(r.apiError(), 0);
    }
    QCOMPARE(m_emu->maxInFlight(), kConcurrent);
    QCOMPARE(m_emu->inFlight(), 0);
    m_emu->resetMaxInFlight();
    QCOMPARE(m_emu->maxInFlight(), 0);
}

void TestEmulatorFaults::hungRequestsStayInFlightUntilClientsGiveUp()
{
    m_emu->addFault(makeFault(Fault::Kind::Hang));
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 3; ++i)
        replies.append(m_http->startPost(u"get_status"_s, body()));
    QTRY_COMPARE(m_emu->inFlight(), 3);
    QCOMPARE(m_emu->maxInFlight(), 3);
    for (int i = 0; i < 3; ++i) {
        replies.at(i)->abort();
        QTRY_COMPARE(m_emu->inFlight(), 2 - i);
    }
    QCOMPARE(m_emu->maxInFlight(), 3);
    qDeleteAll(replies);
}

// ---- The request log ----------------------------------------------------------------------

void TestEmulatorFaults::requestLogRecordsRequestsInOrder()
{
    const QByteArray first = R"({"token":")" + fullToken() + R"(","id":2})";
    const QByteArray second = R"({"id":1})";
    const QByteArray third = "this is not JSON";
    QCOMPARE(waitForReply(m_http->startPost(m_http->request(apiPath(u"get_status"_s)), first)).apiError(), 0);
    QCOMPARE(waitForReply(m_http->startPost(m_http->request(apiPath(u"deactivate"_s), fullToken()), second)).apiError(),
             0);
    QCOMPARE(waitForReply(m_http->startPost(m_http->request(apiPath(u"list"_s)), third)).apiError(), 400);

    const QList<RecordedRequest> log = m_emu->requests();
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.at(0).httpMethod, QByteArray("POST"));
    QCOMPARE(log.at(0).path, u"/api/v1.1/scampaigns/get_status"_s);
    QCOMPARE(log.at(0).apiMethod(), u"get_status"_s);
    QCOMPARE(log.at(0).body, first);
    QCOMPARE(log.at(0).campaignId(), 2);
    QCOMPARE(log.at(0).json().value(u"token"_s).toString(), ApiTokenGrant::defaultFullToken());
    QCOMPARE(log.at(0).header("content-type"), QByteArray("application/json"));
    QCOMPARE(log.at(0).header("Content-Length"), QByteArray::number(first.size()));
    QVERIFY(log.at(0).header("Authorization").isEmpty());

    QCOMPARE(log.at(1).path, u"/api/v1.1/scampaigns/deactivate"_s);
    QCOMPARE(log.at(1).body, second);
    QCOMPARE(log.at(1).header("authorization"), "Bearer " + fullToken());
    QCOMPARE(log.at(1).campaignId(), 1);

    QCOMPARE(log.at(2).apiMethod(), u"list"_s);
    QCOMPARE(log.at(2).body, third);
    QVERIFY(log.at(2).json().isEmpty());

    QVERIFY(log.at(0).sequence < log.at(1).sequence);
    QVERIFY(log.at(1).sequence < log.at(2).sequence);
    QVERIFY(log.at(0).receivedAt <= log.at(1).receivedAt);
    QVERIFY(log.at(1).receivedAt <= log.at(2).receivedAt);
    QVERIFY(log.at(2).receivedAt.isValid());

    // GET is recorded as such.
    m_http->send(m_http->request(apiPath(u"list"_s)), "GET");
    QCOMPARE(m_emu->requests().last().httpMethod, QByteArray("GET"));
}

void TestEmulatorFaults::requestCountIsPerMethod()
{
    call(u"get_status"_s);
    call(u"get_status"_s, 2);
    call(u"deactivate"_s);
    m_http->postRaw(u"elsewhere"_s, "{}");
    QCOMPARE(m_emu->requestCount(), 4);
    QCOMPARE(m_emu->requestCount(u"get_status"_s), 2);
    QCOMPARE(m_emu->requestCount(u"deactivate"_s), 1);
    QCOMPARE(m_emu->requestCount(u"list"_s), 0);
}

void TestEmulatorFaults::requestLogLimitDropsTheOldest()
{
    m_emu->setRequestLogLimit(2);
    call(u"get_status"_s, 1);
    call(u"get_status"_s, 2);
    call(u"get_status"_s, 3);
    const QList<RecordedRequest> log = m_emu->requests();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).campaignId(), 2);
    QCOMPARE(log.at(1).campaignId(), 3);
}

void TestEmulatorFaults::requestLogLimitZeroKeepsNothingButStillSignals()
{
    m_emu->setRequestLogLimit(0);
    QSignalSpy received(m_emu.get(), &AltcraftEmulator::requestReceived);
    QCOMPARE(call(u"get_status"_s).apiError(), 0);
    QCOMPARE(received.count(), 1);
    QCOMPARE(received.first().first().value<RecordedRequest>().apiMethod(), u"get_status"_s);
    QVERIFY(m_emu->requests().isEmpty());
}

void TestEmulatorFaults::clearRequestsEmptiesTheLog()
{
    call(u"get_status"_s);
    QCOMPARE(m_emu->requests().size(), 1);
    m_emu->clearRequests();
    QVERIFY(m_emu->requests().isEmpty());
    call(u"list"_s);
    QCOMPARE(m_emu->requests().size(), 1);
    QCOMPARE(m_emu->requests().first().apiMethod(), u"list"_s);
}

void TestEmulatorFaults::requestReceivedIsEmittedBeforeTheReply()
{
    // With a long latency the reply is far off; the signal must not wait for it.
    m_emu->setLatency(60000);
    QSignalSpy received(m_emu.get(), &AltcraftEmulator::requestReceived);
    QNetworkReply *reply = m_http->startPost(u"deactivate"_s, body(2));
    QTRY_COMPARE(received.count(), 1);
    QVERIFY(!reply->isFinished());
    const auto record = received.first().first().value<RecordedRequest>();
    QCOMPARE(record.apiMethod(), u"deactivate"_s);
    QCOMPARE(record.campaignId(), 2);
    QCOMPARE(m_emu->requests().size(), 1); // logged by then, too
    reply->abort();
    delete reply;

    // Without latency, the signal still comes first, and sees the state before the change.
    m_emu->clearLatency();
    QString statusWhenSignalled;
    connect(m_emu.get(), &AltcraftEmulator::requestReceived, this,
            [this, &statusWhenSignalled] { statusWhenSignalled = storedStatus(1); });
    QList<QByteArray> order;
    QNetworkReply *second = m_http->startPost(u"deactivate"_s, body(1));
    connect(m_emu.get(), &AltcraftEmulator::requestReceived, second, [&order] { order.append("received"); });
    connect(second, &QNetworkReply::finished, this, [&order] { order.append("finished"); });
    QCOMPARE(waitForReply(second).apiError(), 0);
    QCOMPARE(order, (QList<QByteArray>{"received", "finished"}));
    QCOMPARE(statusWhenSignalled, u"active"_s);
    QCOMPARE(storedStatus(1), u"inactive"_s);
    disconnect(m_emu.get(), &AltcraftEmulator::requestReceived, this, nullptr);
}

void TestEmulatorFaults::redactedSummaryNeverShowsTheToken_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("bearer");
    QTest::addColumn<QString>("mustShow");
    const QByteArray token = fullToken();
    QTest::newRow("token in the URL") << u"?token="_s + QString::fromUtf8(token) << QByteArray(R"({"id":2})")
                                      << QByteArray() << u"\"id\":2"_s;
    QTest::newRow("token in body") << QString() << QByteArray(R"({"token":")" + token + R"(","id":2})") << QByteArray()
                                   << u"\"id\":2"_s;
    QTest::newRow("Bearer header") << QString() << QByteArray(R"({"id":2})") << token
                                   << u"[Authorization: <redacted>]"_s;
    QTest::newRow("both") << QString() << QByteArray(R"({"token":")" + token + R"(","id":2})") << token
                          << u"[Authorization: <redacted>]"_s;
    QTest::newRow("unknown token") << QString() << QByteArray(R"({"token":"zzzzsecretzzzz","id":2})")
                                   << QByteArray("zzzzsecretzzzz") << u"<redacted>"_s;
    QTest::newRow("body not JSON") << QString() << QByteArray("token=" + token + "&id=2") << QByteArray() << u"bytes"_s;
    QTest::newRow("JSON array body") << QString() << QByteArray(R"([{"token":")" + token + R"("}])") << QByteArray()
                                     << u"bytes"_s;
}

void TestEmulatorFaults::redactedSummaryNeverShowsTheToken()
{
    QFETCH(QString, query);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, bearer);
    QFETCH(QString, mustShow);
    waitForReply(m_http->startPost(m_http->request(apiPath(u"get_status"_s) + query, bearer), body));
    QCOMPARE(m_emu->requests().size(), 1);
    const RecordedRequest record = m_emu->requests().first();
    QVERIFY(record.body == body); // the log itself keeps everything
    const QString summary = record.redactedSummary();
    QVERIFY2(summary.startsWith(u"POST /api/v1.1/scampaigns/get_status"_s), qPrintable(summary));
    QVERIFY2(summary.contains(mustShow), qPrintable(summary));
    QVERIFY2(!summary.contains(ApiTokenGrant::defaultFullToken()), qPrintable(summary));
    QVERIFY2(!summary.contains(u"zzzzsecretzzzz"_s), qPrintable(summary));
    if (!bearer.isEmpty())
        QVERIFY2(summary.contains(u"[Authorization: <redacted>]"_s), qPrintable(summary));

    const QString brief = record.summary();
    QVERIFY2(brief.startsWith(u"POST /api/v1.1/scampaigns/get_status ("_s), qPrintable(brief));
    QVERIFY2(brief.contains(u"%1-byte body"_s.arg(body.size())), qPrintable(brief));
    QVERIFY2(!brief.contains(ApiTokenGrant::defaultFullToken()) && !brief.contains(u"zzzzsecretzzzz"_s),
             qPrintable(brief));
}

namespace {
QStringList g_emulatorLines;
void captureEmulatorLines(QtMsgType, const QMessageLogContext &context, const QString &text)
{
    if (qstrcmp(context.category, "campaignmanager.emulator") == 0)
        g_emulatorLines.append(text);
}
} // namespace

// What --verbose prints in demo mode: method, path, campaign id and body size; never the body,
// not even with its token redacted, since any field of it may be private.
void TestEmulatorFaults::debugLineShowsNoBody()
{
    QLoggingCategory::setFilterRules(u"campaignmanager.emulator.debug=true"_s);
    g_emulatorLines.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureEmulatorLines);
    const QByteArray withId = R"({"token":")" + fullToken() + R"(","id":2,"note":"private-note-7"})";
    const QByteArray withoutId = R"({"token":")" + fullToken() + R"(","ui_tags":["private-tag-9"]})";
    const HttpResult status = waitForReply(m_http->startPost(m_http->request(apiPath(u"get_status"_s)), withId));
    const HttpResult list = waitForReply(m_http->startPost(m_http->request(apiPath(u"list"_s)), withoutId));
    qInstallMessageHandler(previous);
    QVERIFY2(status.apiError() == 0, status.describe());
    QVERIFY2(list.apiError() == 0, list.describe());

    QCOMPARE(g_emulatorLines.size(), 2);
    QCOMPARE(g_emulatorLines.at(0), u"POST /api/v1.1/scampaigns/get_status (id 2, %1-byte body)"_s.arg(withId.size()));
    QCOMPARE(g_emulatorLines.at(1), u"POST /api/v1.1/scampaigns/list (%1-byte body)"_s.arg(withoutId.size()));
    for (const QString &line : std::as_const(g_emulatorLines)) {
        QVERIFY2(!line.contains(u"private-"_s), qPrintable(line));
        QVERIFY2(!line.contains(u"token"_s), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestEmulatorFaults)
#include "tst_emulator_faults.moc"
