// ConnectionTester: the Settings dialog's "Test connection", against a real AltcraftEmulator
// over loopback HTTP (and a port where nothing listens).

#include "altcraftclient.h"
#include "altcraftemulator.h"
#include "apitokengrant.h"
#include "connectiontester.h"
#include "settlesupport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;

namespace QTest {
template<>
inline char *toString(const ApiError::Kind &kind)
{
    return qstrdup(ApiError::kindName(kind).toUtf8().constData());
}
} // namespace QTest

class TestConnectionTester : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void fullTokenHasRunRightWithOneListRequest();
    void emptyAccountStillHasRunRight();
    void viewOnlyTokenIsViewOnlyWithExplanation_data();
    void viewOnlyTokenIsViewOnlyWithExplanation();
    void badTokenIsRejected_data();
    void badTokenIsRejected();
    void deadPortCannotConnect();
    void cancelEndsTheTestAsCancelled();
    void startingAgainAbandonsTheRunningTest();
    void withoutClientReportsInvalidRequest();

private:
    void useToken(const QUrl &base, const QString &token)
    {
        RequestFactory factory(base);
        factory.setToken(token);
        factory.setTransferTimeout(20s);
        m_client->setFactory(factory);
    }
    // Runs one test to its end and returns the single finished() it emitted.
    ConnectionTester::Result runTest(ConnectionTester &tester)
    {
        QSignalSpy spy(&tester, &ConnectionTester::finished);
        tester.start();
        if (!spy.wait(60000) && spy.isEmpty())
            return {};
        return spy.first().first().value<ConnectionTester::Result>();
    }

    std::unique_ptr<AltcraftEmulator> m_emu;
    std::unique_ptr<AltcraftClient> m_client;
};

void TestConnectionTester::initTestCase()
{
    qRegisterMetaType<ConnectionTester::Result>();
}

void TestConnectionTester::init()
{
    m_emu = std::make_unique<AltcraftEmulator>();
    QVERIFY(m_emu->start() != 0);
    m_emu->seed(30, 3);
    m_client = std::make_unique<AltcraftClient>();
    m_client->setRetryBaseDelay(10);
}

void TestConnectionTester::cleanup()
{
    m_client.reset();
    m_emu.reset();
}

void TestConnectionTester::fullTokenHasRunRightWithOneListRequest()
{
    useToken(m_emu->baseUrl(), ApiTokenGrant::defaultFullToken());
    ConnectionTester tester(m_client.get());
    QSignalSpy spy(&tester, &ConnectionTester::finished);
    tester.start();
    QVERIFY(tester.isRunning());
    QVERIFY(spy.wait(60000));
    const auto result = spy.first().first().value<ConnectionTester::Result>();
    QCOMPARE(result.rights, ConnectionTester::Rights::Run);
    QVERIFY(result.connected());
    QCOMPARE(result.message,
             QStringLiteral("Connected. This token can list campaigns and change their state (Run right)."));
    QCOMPARE(result.message, ConnectionTester::runMessage());
    QCOMPARE(result.error.kind(), ApiError::Kind::None);
    QVERIFY(!tester.isRunning());
    QCOMPARE(tester.lastResult().rights, ConnectionTester::Rights::Run);

    // ONE cheap read: a single list request with limit 1, although 30 campaigns would make the
    // client page on. Let anything the client might still queue reach the emulator first.
    QVERIFY(Settle::settle(m_client.get(), *m_emu));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(Settle::requestsBesidesMarkers(*m_emu).size(), 1);
    const RecordedRequest request = Settle::requestsBesidesMarkers(*m_emu).first();
    QCOMPARE(request.apiMethod(), QStringLiteral("list"));
    QCOMPARE(request.json().value(QStringLiteral("limit")).toInt(), 1);
}

void TestConnectionTester::emptyAccountStillHasRunRight()
{
    AltcraftEmulator empty;
    QVERIFY(empty.start() != 0);
    useToken(empty.baseUrl(), ApiTokenGrant::defaultFullToken());
    ConnectionTester tester(m_client.get());
    const auto result = runTest(tester);
    QCOMPARE(result.rights, ConnectionTester::Rights::Run);
    QCOMPARE(result.message, ConnectionTester::runMessage());
    QCOMPARE(result.error.kind(), ApiError::Kind::None);
    QCOMPARE(empty.requestCount(QStringLiteral("list")), 1);
}

void TestConnectionTester::viewOnlyTokenIsViewOnlyWithExplanation_data()
{
    QTest::addColumn<bool>("errorsAsHttpStatus");
    QTest::newRow("403 in an HTTP 200 envelope") << false;
    QTest::newRow("HTTP 403") << true;
}

void TestConnectionTester::viewOnlyTokenIsViewOnlyWithExplanation()
{
    QFETCH(bool, errorsAsHttpStatus);
    m_emu->setErrorsAsHttpStatus(errorsAsHttpStatus);
    useToken(m_emu->baseUrl(), ApiTokenGrant::defaultViewToken());
    ConnectionTester tester(m_client.get());
    const auto result = runTest(tester);
    QCOMPARE(result.rights, ConnectionTester::Rights::ViewOnly);
    QVERIFY(result.connected());
    QCOMPARE(result.message,
             QStringLiteral("Connected, but this token cannot list campaigns (no Run right). "
                            "It can only read the status of campaigns you add by ID."));
    QCOMPARE(result.error.kind(), ApiError::Kind::NoAccess);
    QCOMPARE(result.error.method(), QStringLiteral("list"));
    // Decided by the 403 from list alone: no other request was made.
    QCOMPARE(m_emu->requests().size(), 1);
    QCOMPARE(m_emu->requestCount(QStringLiteral("list")), 1);
}

void TestConnectionTester::badTokenIsRejected_data()
{
    QTest::addColumn<bool>("errorsAsHttpStatus");
    QTest::newRow("401 in an HTTP 200 envelope") << false;
    QTest::newRow("HTTP 401") << true;
}

void TestConnectionTester::badTokenIsRejected()
{
    QFETCH(bool, errorsAsHttpStatus);
    m_emu->setErrorsAsHttpStatus(errorsAsHttpStatus);
    useToken(m_emu->baseUrl(), QStringLiteral("not0a0real0token0000000000000099"));
    ConnectionTester tester(m_client.get());
    const auto result = runTest(tester);
    QCOMPARE(result.rights, ConnectionTester::Rights::None);
    QVERIFY(!result.connected());
    QCOMPARE(result.error.kind(), ApiError::Kind::TokenRejected);
    QCOMPARE(result.message, result.error.message());
    QVERIFY2(
        result.message.startsWith(QLatin1String("The API token was not accepted. Check the API token in Settings.")),
        qPrintable(result.message));
    QVERIFY(!result.message.contains(QLatin1String("not0a0real0token")));
}

void TestConnectionTester::deadPortCannotConnect()
{
    quint16 port = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        port = server.serverPort();
        server.close();
    }
    QVERIFY(port != 0);
    useToken(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), ApiTokenGrant::defaultFullToken());
    ConnectionTester tester(m_client.get());
    const auto result = runTest(tester);
    QCOMPARE(result.rights, ConnectionTester::Rights::None);
    QCOMPARE(result.error.kind(), ApiError::Kind::CannotConnect);
    QCOMPARE(result.message,
             QStringLiteral("Cannot connect to the Altcraft server. Check the API URL in Settings and "
                            "your network connection."));
    QCOMPARE(result.message, result.error.message());
}

void TestConnectionTester::cancelEndsTheTestAsCancelled()
{
    Fault hang;
    hang.kind = Fault::Kind::Hang;
    hang.method = QStringLiteral("list");
    m_emu->addFault(hang);
    useToken(m_emu->baseUrl(), ApiTokenGrant::defaultFullToken());
    ConnectionTester tester(m_client.get());
    QSignalSpy spy(&tester, &ConnectionTester::finished);
    tester.start();
    QTRY_COMPARE_WITH_TIMEOUT(m_emu->requestCount(QStringLiteral("list")), 1, 30000);
    QVERIFY(tester.isRunning());
    tester.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 30000);
    const auto result = spy.first().first().value<ConnectionTester::Result>();
    QCOMPARE(result.rights, ConnectionTester::Rights::None);
    QCOMPARE(result.error.kind(), ApiError::Kind::Cancelled);
    QCOMPARE(result.message, result.error.message());
    QVERIFY(!tester.isRunning());
    // Cancelling again does nothing.
    tester.cancel();
    QVERIFY(Settle::settle(m_client.get(), *m_emu));
    QCOMPARE(spy.size(), 1);
}

void TestConnectionTester::startingAgainAbandonsTheRunningTest()
{
    Fault hangOnce;
    hangOnce.kind = Fault::Kind::Hang;
    hangOnce.method = QStringLiteral("list");
    hangOnce.remaining = 1;
    m_emu->addFault(hangOnce);
    useToken(m_emu->baseUrl(), ApiTokenGrant::defaultFullToken());
    ConnectionTester tester(m_client.get());
    QSignalSpy spy(&tester, &ConnectionTester::finished);
    tester.start();
    QTRY_COMPARE_WITH_TIMEOUT(m_emu->requestCount(QStringLiteral("list")), 1, 30000);
    tester.start(); // e.g. the user changed the token and pressed "Test connection" again
    QVERIFY(spy.wait(60000));
    QVERIFY(Settle::settle(m_client.get(), *m_emu));
    QCOMPARE(spy.size(), 1); // only the second run reports
    QCOMPARE(spy.first().first().value<ConnectionTester::Result>().rights, ConnectionTester::Rights::Run);
}

void TestConnectionTester::withoutClientReportsInvalidRequest()
{
    ConnectionTester tester(nullptr);
    const auto result = runTest(tester);
    QCOMPARE(result.rights, ConnectionTester::Rights::None);
    QCOMPARE(result.error.kind(), ApiError::Kind::InvalidRequest);
    QVERIFY(!result.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestConnectionTester)
#include "tst_connectiontester.moc"
