// The altcraft-emulator executable: started with QProcess, talked to over HTTP, and its
// command-line validation, token options and request log output.

#include "apitokengrant.h"
#include "emulatorhttp.h"
#include "emulatorprocess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace EmulatorHttp;

namespace {

QJsonObject withToken(QJsonObject body, const QString &token = ApiTokenGrant::defaultFullToken())
{
    body.insert(u"token"_s, token);
    return body;
}

} // namespace

class TestEmulatorCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesTheApi();
    void rejectsBadOptions_data();
    void rejectsBadOptions();
    void tokenOptionsReplaceTheDefaults();
    void userTokenWritesNameItsUser();
    void accountOptionServesMoreAccountsOnThePort();
    void requestLogShowsNoBody();
    void logBodiesShowsTheBodyWithoutTheToken();
    void faultOption();
    void errorsAsHttpStatusOption();
    void limitOptions();
};

void TestEmulatorCli::servesTheApi()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"50"_s, u"--quiet"_s}));
    QVERIFY(emulator.collect().contains(u"Campaigns: 50"_s));
    HttpClient http(emulator.baseUrl());

    const HttpResult list = http.post(u"list"_s, withToken({{u"state"_s, u"active"_s}, {u"limit"_s, 100}}));
    QVERIFY2(list.apiError() == 0, list.describe());
    const QList<qint64> active = idsOf(list.data());
    QVERIFY(!active.isEmpty());
    QCOMPARE(idsOf(http.post(u"list"_s, withToken({})).data()).size(), 50);
    const qint64 id = active.first();

    const HttpResult deactivate = http.post(u"deactivate"_s, withToken({{u"id"_s, id}}));
    QCOMPARE(deactivate.httpStatus, 200);
    QCOMPARE(deactivate.apiError(), 0);
    QCOMPARE(deactivate.errorText(), u"Successful operation"_s);
    QVERIFY(deactivate.data().isNull());

    const HttpResult status = http.post(u"get_status"_s, withToken({{u"id"_s, id}}));
    QCOMPARE(status.apiError(), 0);
    QCOMPARE(status.data().toObject().value(u"status"_s).toString(), u"inactive"_s);
    // --quiet: no request lines after the banner.
    QVERIFY2(!emulator.collect().contains(u"scampaigns/deactivate"_s), qPrintable(emulator.collect()));
}

void TestEmulatorCli::rejectsBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("campaigns abc") << QStringList{u"--campaigns"_s, u"abc"_s} << u"--campaigns"_s;
    QTest::newRow("campaigns negative") << QStringList{u"--campaigns"_s, u"-1"_s} << u"--campaigns"_s;
    QTest::newRow("campaigns too many") << QStringList{u"--campaigns"_s, u"100001"_s} << u"--campaigns"_s;
    QTest::newRow("port too high") << QStringList{u"--port"_s, u"70000"_s} << u"--port"_s;
    QTest::newRow("latency not a number") << QStringList{u"--latency-ms"_s, u"fast"_s} << u"--latency-ms"_s;
    QTest::newRow("seed not a number") << QStringList{u"--seed"_s, u"x"_s} << u"--seed"_s;
    QTest::newRow("fault bogus") << QStringList{u"--fault"_s, u"bogus"_s} << u"bogus"_s;
    QTest::newRow("fault unknown kind") << QStringList{u"--fault"_s, u"list:teapot"_s} << u"teapot"_s;
    QTest::newRow("fault zero count") << QStringList{u"--fault"_s, u"list:500:0"_s} << u"count"_s;
    QTest::newRow("body cap too small") << QStringList{u"--max-body-bytes"_s, u"10"_s} << u"--max-body-bytes"_s;
    QTest::newRow("request timeout zero")
        << QStringList{u"--request-timeout-ms"_s, u"0"_s} << u"--request-timeout-ms"_s;
    QTest::newRow("idle timeout not a number")
        << QStringList{u"--idle-timeout-ms"_s, u"long"_s} << u"--idle-timeout-ms"_s;
    QTest::newRow("account without token") << QStringList{u"--account"_s, u"second"_s} << u"NAME:TOKEN"_s;
    QTest::newRow("account without name") << QStringList{u"--account"_s, u":tok"_s} << u"NAME:TOKEN"_s;
    QTest::newRow("account count not a number") << QStringList{u"--account"_s, u"second:tok:many"_s} << u"COUNT"_s;
    QTest::newRow("account count too high") << QStringList{u"--account"_s, u"second:tok:100001"_s} << u"COUNT"_s;
    QTest::newRow("account given twice") << QStringList{u"--account"_s, u"second:tok1"_s, u"--account"_s,
                                                        u"second:tok2"_s}
                                         << u"twice"_s;
    QTest::newRow("user token without user") << QStringList{u"--user-token"_s, u"tok"_s} << u"TOKEN:USER"_s;
    QTest::newRow("user token with empty user") << QStringList{u"--user-token"_s, u"tok:"_s} << u"TOKEN:USER"_s;
    QTest::newRow("user token without token") << QStringList{u"--user-token"_s, u":anna"_s} << u"TOKEN:USER"_s;
    QTest::newRow("account with the default token")
        << QStringList{u"--account"_s, u"second:"_s + ApiTokenGrant::defaultFullToken()} << u"already"_s;
}

void TestEmulatorCli::rejectsBadOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess process;
    // The option under test comes last, so it wins over the defaults given here.
    process.start(QStringLiteral(ALTCRAFT_EMULATOR_PATH), QStringList{u"--port"_s, u"0"_s, u"--quiet"_s} + arguments);
    QVERIFY(process.waitForStarted(10000));
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished();
        QFAIL("the emulator kept running with a bad option");
    }
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY(process.exitCode() != 0);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(u"altcraft-emulator: "_s) && err.contains(message), qPrintable(err));
    QVERIFY(!QString::fromUtf8(process.readAllStandardOutput()).contains(u"listening"_s));
}

void TestEmulatorCli::tokenOptionsReplaceTheDefaults()
{
    const QString full = u"cli0full0token000000000000000001"_s;
    const QString view = u"cli0view0token000000000000000002"_s;
    EmulatorProcess emulator;
    QVERIFY(emulator.start(
        {u"--port"_s, u"0"_s, u"--campaigns"_s, u"10"_s, u"--quiet"_s, u"--token"_s, full, u"--view-token"_s, view}));
    QVERIFY(emulator.waitForOutput(QRegularExpression(u"Token \\(view only\\): "_s + view)));
    const QString banner = emulator.collect();
    QVERIFY2(banner.contains(u"Token (full access): "_s + full), qPrintable(banner));
    QVERIFY2(!banner.contains(ApiTokenGrant::defaultFullToken()), qPrintable(banner));
    HttpClient http(emulator.baseUrl());

    QCOMPARE(http.post(u"list"_s, withToken({}, full)).apiError(), 0);
    QCOMPARE(http.post(u"get_status"_s, withToken({{u"id"_s, 1}}, view)).apiError(), 0);
    QCOMPARE(http.post(u"list"_s, withToken({}, view)).apiError(), 403);
    const HttpResult oldFull = http.post(u"list"_s, withToken({}));
    QCOMPARE(oldFull.apiError(), 401);
    QCOMPARE(http.post(u"get_status"_s, withToken({{u"id"_s, 1}}, ApiTokenGrant::defaultViewToken())).apiError(), 401);
}

void TestEmulatorCli::userTokenWritesNameItsUser()
{
    const QString colleague = u"cli0colleague0token0000000000005"_s;
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"10"_s, u"--quiet"_s, u"--token"_s,
                            ApiTokenGrant::defaultFullToken(), u"--user-token"_s, colleague + u":anna.colleague"_s}));
    QVERIFY(emulator.waitForOutput(QRegularExpression(u"Token \\(full access, as anna.colleague\\): "_s + colleague)));
    HttpClient http(emulator.baseUrl());
    auto updatedUser = [&http](qint64 id) {
        const QJsonArray one = http.post(u"get"_s, withToken({{u"id"_s, id}})).data().toArray();
        return one.isEmpty() ? QString() : one.first().toObject().value(u"updated_user"_s).toString();
    };
    // A write with the colleague's token names the colleague; one with the plain token, the API user.
    QCOMPARE(http.post(u"deactivate"_s, withToken({{u"id"_s, 1}}, colleague)).apiError(), 0);
    QCOMPARE(updatedUser(1), u"anna.colleague"_s);
    QCOMPARE(http.post(u"deactivate"_s, withToken({{u"id"_s, 2}})).apiError(), 0);
    QCOMPARE(updatedUser(2), u"api.user"_s);
    // The colleague reads too.
    QCOMPARE(http.post(u"list"_s, withToken({}, colleague)).apiError(), 0);
}

void TestEmulatorCli::accountOptionServesMoreAccountsOnThePort()
{
    const QString second = u"cli0second0account0token00000003"_s;
    const QString third = u"cli0third0account0token000000004"_s;
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"20"_s, u"--account"_s,
                            u"second:"_s + second + u":8"_s, u"--account"_s, u"third:"_s + third}));
    QVERIFY(emulator.waitForOutput(QRegularExpression(u"Token \\(full access, account third\\): "_s + third)));
    const QString banner = emulator.collect();
    QVERIFY2(banner.contains(u"Account second: 8 campaigns"_s) && banner.contains(u"Account third: 20 campaigns"_s),
             qPrintable(banner));
    // The default account keeps its tokens.
    QVERIFY2(banner.contains(u"Token (full access): "_s + ApiTokenGrant::defaultFullToken()), qPrintable(banner));
    HttpClient http(emulator.baseUrl());

    auto list = [&http](const QString &token) { return http.post(u"list"_s, withToken({}, token)).data(); };
    auto names = [](const QJsonValue &data) {
        QStringList out;
        for (const QJsonValue &v : data.toArray())
            out.append(v.toObject().value(u"name"_s).toString());
        return out;
    };
    const QJsonValue inDefault = list(ApiTokenGrant::defaultFullToken());
    const QJsonValue inSecond = list(second);
    const QJsonValue inThird = list(third);
    QCOMPARE(idsOf(inDefault).size(), 20);
    QCOMPARE(idsOf(inSecond), idsOf(inDefault).first(8)); // the same IDs: separate accounts
    QCOMPARE(idsOf(inThird), idsOf(inDefault));
    QVERIFY(names(inSecond) != names(inDefault).first(8)); // but other campaigns
    QVERIFY(names(inThird) != names(inDefault));
    QVERIFY(names(inThird).first(8) != names(inSecond));

    // A deactivate in the second account leaves the default account's campaign of that ID alone.
    const QList<qint64> activeInSecond
        = idsOf(http.post(u"list"_s, withToken({{u"state"_s, u"active"_s}}, second)).data());
    QVERIFY(!activeInSecond.isEmpty());
    const qint64 id = activeInSecond.first();
    auto statusIn = [&http, id](const QString &token) {
        return http.post(u"get_status"_s, withToken({{u"id"_s, id}}, token)).data().toObject().value(u"status"_s);
    };
    const QJsonValue defaultBefore = statusIn(ApiTokenGrant::defaultFullToken());
    QCOMPARE(http.post(u"deactivate"_s, withToken({{u"id"_s, id}}, second)).apiError(), 0);
    QCOMPARE(statusIn(second).toString(), u"inactive"_s);
    QCOMPARE(statusIn(ApiTokenGrant::defaultFullToken()), defaultBefore);

    // An ID only the default account has is unknown to the second.
    const HttpResult other = http.post(u"get_status"_s, withToken({{u"id"_s, 15}}, second));
    QCOMPARE(other.apiError(), 404);
    QCOMPARE(other.errorText(), u"Campaign 15 not found"_s);

    // The request line names the account, never its token.
    QVERIFY(emulator.waitForOutput(QRegularExpression(u"deactivate \\(id \\d+, \\d+-byte body, account second\\)"_s)));
    QVERIFY2(!emulator.collect().section(u"Token (full access, account third)"_s, 1).contains(second),
             qPrintable(emulator.collect()));
}

namespace {
// The request lines after the start-up banner, once the two requests below have been logged.
QStringList requestLines(EmulatorProcess &emulator)
{
    emulator.waitForOutput(QRegularExpression(u"POST /api/v1.1/scampaigns/get_status .*\\n"_s));
    emulator.waitForOutput(QRegularExpression(u"POST /api/v1.1/scampaigns/get .*\\n"_s));
    const QString out = emulator.collect();
    const qsizetype bannerEnd = out.lastIndexOf(u"Token ("_s);
    return out.mid(out.indexOf(u'\n', bannerEnd) + 1).split(u'\n', Qt::SkipEmptyParts);
}

void sendTwoRequests(const QUrl &baseUrl)
{
    HttpClient http(baseUrl);
    QCOMPARE(http.post(u"get_status"_s, withToken({{u"id"_s, 4}, {u"note"_s, u"private-note-7"_s}})).apiError(), 0);
    QCOMPARE(http.post(u"get"_s, {{u"id"_s, 5}}, ApiTokenGrant::defaultFullToken().toUtf8()).apiError(), 0);
}
} // namespace

void TestEmulatorCli::requestLogShowsNoBody()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"10"_s}));
    sendTwoRequests(emulator.baseUrl());
    if (QTest::currentTestFailed())
        return;
    const QStringList lines = requestLines(emulator);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).contains(u"POST /api/v1.1/scampaigns/get_status (id 4, "_s)
                 && lines.at(0).contains(u"-byte body)"_s),
             qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).contains(u"POST /api/v1.1/scampaigns/get (id 5, "_s)
                 && lines.at(1).contains(u"[Authorization: <redacted>]"_s),
             qPrintable(lines.at(1)));
    const QString log = lines.join(u'\n');
    QVERIFY2(!log.contains(u"private-note-7"_s) && !log.contains(u"token"_s), qPrintable(log));
    QVERIFY2(!log.contains(ApiTokenGrant::defaultFullToken()), qPrintable(log));
}

void TestEmulatorCli::logBodiesShowsTheBodyWithoutTheToken()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"10"_s, u"--log-bodies"_s}));
    sendTwoRequests(emulator.baseUrl());
    if (QTest::currentTestFailed())
        return;
    const QStringList lines = requestLines(emulator);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).contains(u"get_status"_s) && lines.at(0).contains(u"\"id\":4"_s)
                 && lines.at(0).contains(u"private-note-7"_s) && lines.at(0).contains(u"\"token\":\"<redacted>\""_s),
             qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).contains(u"[Authorization: <redacted>]"_s), qPrintable(lines.at(1)));
    QVERIFY2(!lines.join(u'\n').contains(ApiTokenGrant::defaultFullToken()), qPrintable(lines.join(u'\n')));
}

void TestEmulatorCli::faultOption()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"10"_s, u"--quiet"_s, u"--fault"_s,
                            u"get_status:503:2"_s, u"--fault"_s, u"list:429"_s}));
    HttpClient http(emulator.baseUrl());
    const QJsonObject status = withToken({{u"id"_s, 1}});
    QCOMPARE(http.post(u"get_status"_s, status).httpStatus, 503);
    QCOMPARE(http.post(u"get_status"_s, status).httpStatus, 503);
    const HttpResult third = http.post(u"get_status"_s, status);
    QCOMPARE(third.httpStatus, 200);
    QCOMPARE(third.apiError(), 0);
    QCOMPARE(http.post(u"list"_s, withToken({})).httpStatus, 429);
    QCOMPARE(http.post(u"list"_s, withToken({})).httpStatus, 429);
}

void TestEmulatorCli::errorsAsHttpStatusOption()
{
    EmulatorProcess emulator;
    QVERIFY(
        emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"10"_s, u"--quiet"_s, u"--errors-as-http-status"_s}));
    HttpClient http(emulator.baseUrl());
    const HttpResult r = http.post(u"get_status"_s, {{u"id"_s, 1}});
    QCOMPARE(r.httpStatus, 401);
    QCOMPARE(r.apiError(), 401);
    QCOMPARE(http.post(u"get_status"_s, withToken({{u"id"_s, 1}})).httpStatus, 200);
}

void TestEmulatorCli::limitOptions()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"10"_s, u"--quiet"_s, u"--max-body-bytes"_s,
                            u"2000"_s, u"--request-timeout-ms"_s, u"300"_s}));
    HttpClient http(emulator.baseUrl());
    QJsonObject padded = withToken({});
    padded.insert(u"pad"_s, QString(1900, u'p'));
    const HttpResult fits = http.post(u"list"_s, padded);
    QVERIFY2(fits.httpStatus == 200 && fits.apiError() == 0, fits.describe());
    padded.insert(u"pad"_s, QString(2100, u'p'));
    const HttpResult over = http.post(u"list"_s, padded);
    QVERIFY2(over.httpStatus == 413 && over.apiError() == 413, over.describe());

    // A connection that never completes its request is closed at the deadline.
    QTcpSocket silent;
    QSignalSpy closed(&silent, &QAbstractSocket::disconnected);
    QElapsedTimer clock;
    clock.start();
    silent.connectToHost(QHostAddress::LocalHost, emulator.port());
    silent.write("POST /api/v1.1/scampaigns/list HTTP/1.1\r\n");
    QVERIFY(closed.wait(5000));
    QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
}

QTEST_GUILESS_MAIN(TestEmulatorCli)
#include "tst_emulator_cli.moc"
