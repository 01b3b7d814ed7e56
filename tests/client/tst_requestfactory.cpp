// RequestFactory: how every request is built, without any network. Over-the-wire checks of the
// same headers and body live in tst_altcraftclient.

#include "clienttestsupport.h"
#include "logging.h"
#include "requestfactory.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QTest>

using namespace std::chrono_literals;
using ClientTest::LogCapture;

namespace {
const QString kToken = QStringLiteral("s3cr3ttokenvalue0000000000000042");
}

class TestRequestFactory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void urlFromBase_data();
    void urlFromBase();
    void urlDropsQueryFragmentAndUserInfo();
    void methodThatIsNotAnIdentifierGivesEmptyUrl_data();
    void methodThatIsNotAnIdentifierGivesEmptyUrl();
    void noBaseUrlGivesEmptyUrl();
    void headers();
    void transferTimeoutDefaultsTo30sAndIsConfigurable();
    void redirectPolicyIsSameOriginForReadsAndNoneForWrites();
    void tokenTravelsInBodyNeverInUrl();
    void bodyKeepsFields();
    void debugOutputSaysWhetherTokenIsSetButNeverShowsIt();
};

void TestRequestFactory::initTestCase()
{
    LogCapture::install();
}

void TestRequestFactory::cleanupTestCase()
{
    const int apiLines = static_cast<int>(LogCapture::textsIn(QStringLiteral("campaignmanager.api")).size());
    const int tokenHits = LogCapture::count(kToken);
    LogCapture::uninstall();
    QVERIFY2(apiLines > 0, "no campaignmanager.api line was captured: the token check below would be vacuous");
    QCOMPARE(tokenHits, 0);
}

void TestRequestFactory::urlFromBase_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");
    const QString root = QStringLiteral("https://altcraft.example.com/api/v1.1/scampaigns/list");
    const QString prefixed = QStringLiteral("https://altcraft.example.com/platform/api/v1.1/scampaigns/list");
    QTest::newRow("host, no slash") << QStringLiteral("https://altcraft.example.com") << root;
    QTest::newRow("host, slash") << QStringLiteral("https://altcraft.example.com/") << root;
    QTest::newRow("prefix, no slash") << QStringLiteral("https://altcraft.example.com/platform") << prefixed;
    QTest::newRow("prefix, slash") << QStringLiteral("https://altcraft.example.com/platform/") << prefixed;
    QTest::newRow("pasted /api") << QStringLiteral("https://altcraft.example.com/api") << root;
    QTest::newRow("pasted /api/v1.1") << QStringLiteral("https://altcraft.example.com/api/v1.1") << root;
    QTest::newRow("pasted /api/v1.1/") << QStringLiteral("https://altcraft.example.com/api/v1.1/") << root;
    QTest::newRow("pasted /api/v1.1/scampaigns")
        << QStringLiteral("https://altcraft.example.com/api/v1.1/scampaigns") << root;
    QTest::newRow("pasted /api/v1.1/scampaigns/")
        << QStringLiteral("https://altcraft.example.com/api/v1.1/scampaigns/") << root;
    QTest::newRow("prefix + pasted API root")
        << QStringLiteral("https://altcraft.example.com/platform/api/v1.1/") << prefixed;
    QTest::newRow("cloud host with port") << QStringLiteral("https://ru.altkraft.com:8443")
                                          << QStringLiteral("https://ru.altkraft.com:8443/api/v1.1/scampaigns/list");
    QTest::newRow("plain http loopback") << QStringLiteral("http://127.0.0.1:8080/")
                                         << QStringLiteral("http://127.0.0.1:8080/api/v1.1/scampaigns/list");
}

void TestRequestFactory::urlFromBase()
{
    QFETCH(QString, base);
    QFETCH(QString, expected);
    const RequestFactory viaConstructor{QUrl(base)};
    QCOMPARE(viaConstructor.url(QStringLiteral("list")).toString(), expected);

    RequestFactory viaSetter;
    viaSetter.setBaseUrl(QUrl(base));
    QCOMPARE(viaSetter.url(QStringLiteral("list")).toString(), expected);
    QCOMPARE(viaSetter.createRequest(QStringLiteral("list")).url().toString(), expected);

    // Other methods join the same way.
    QString statusUrl = expected;
    statusUrl.replace(QStringLiteral("/list"), QStringLiteral("/get_status"));
    QCOMPARE(viaSetter.url(QStringLiteral("get_status")).toString(), statusUrl);
}

void TestRequestFactory::urlDropsQueryFragmentAndUserInfo()
{
    const RequestFactory factory{QUrl(QStringLiteral("https://user:pw@altcraft.example.com/platform/?token=abc#frag"))};
    const QUrl url = factory.url(QStringLiteral("deactivate"));
    QCOMPARE(url.toString(), QStringLiteral("https://altcraft.example.com/platform/api/v1.1/scampaigns/deactivate"));
    QVERIFY(!url.hasQuery());
    QVERIFY(!url.hasFragment());
    QVERIFY(url.userInfo().isEmpty());
}

void TestRequestFactory::methodThatIsNotAnIdentifierGivesEmptyUrl_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("parent dir") << QStringLiteral("../x");
    QTest::newRow("absolute url") << QStringLiteral("http://evil/");
    QTest::newRow("protocol-relative") << QStringLiteral("//evil.example.com/x");
    QTest::newRow("query") << QStringLiteral("list?x=1");
    QTest::newRow("fragment") << QStringLiteral("list#x");
    QTest::newRow("slash") << QStringLiteral("list/x");
    QTest::newRow("encoded dots") << QStringLiteral("%2e%2e");
    QTest::newRow("space") << QStringLiteral("get status");
    QTest::newRow("empty") << QString();
    QTest::newRow("at sign") << QStringLiteral("x@evil");
}

void TestRequestFactory::methodThatIsNotAnIdentifierGivesEmptyUrl()
{
    QFETCH(QString, method);
    RequestFactory factory{QUrl(QStringLiteral("https://altcraft.example.com/"))};
    factory.setToken(kToken);
    QVERIFY2(factory.url(method).isEmpty(), qPrintable(factory.url(method).toString()));
    QVERIFY(factory.createRequest(method).url().isEmpty());
    // The well-formed neighbour still works, so the empty URL is about the method only.
    QVERIFY(!factory.url(QStringLiteral("list")).isEmpty());
}

void TestRequestFactory::noBaseUrlGivesEmptyUrl()
{
    QVERIFY(RequestFactory().url(QStringLiteral("list")).isEmpty());
    QVERIFY(RequestFactory(QUrl(QStringLiteral("altcraft.example.com"))).url(QStringLiteral("list")).isEmpty());
}

void TestRequestFactory::headers()
{
    RequestFactory factory{QUrl(QStringLiteral("https://altcraft.example.com/"))};
    factory.setToken(kToken);
    const QNetworkRequest request = factory.createRequest(QStringLiteral("get"));
    QCOMPARE(request.header(QNetworkRequest::ContentTypeHeader).toByteArray(), QByteArrayLiteral("application/json"));
    QCOMPARE(request.rawHeader("Accept"), QByteArrayLiteral("application/json"));
    const QByteArray expectedAgent = QByteArrayLiteral("CampaignManager/" CM_VERSION);
    QCOMPARE(request.header(QNetworkRequest::UserAgentHeader).toByteArray(), expectedAgent);
    QCOMPARE(RequestFactory::userAgent(), expectedAgent);
    QVERIFY(QByteArray(CM_VERSION).count('.') >= 1); // a real version, not an empty define
    // The token is in no header: it travels in the body only.
    for (const QByteArray &name : request.rawHeaderList())
        QVERIFY2(!request.rawHeader(name).contains(kToken.toUtf8()), name.constData());
    QVERIFY(!request.hasRawHeader("Authorization"));
}

void TestRequestFactory::transferTimeoutDefaultsTo30sAndIsConfigurable()
{
    RequestFactory factory{QUrl(QStringLiteral("https://altcraft.example.com/"))};
    QCOMPARE(factory.transferTimeout(), 30000ms);
    QCOMPARE(RequestFactory::kDefaultTimeout, 30000ms);
    QCOMPARE(factory.createRequest(QStringLiteral("list")).transferTimeout(), 30000);
    factory.setTransferTimeout(300ms);
    QCOMPARE(factory.transferTimeout(), 300ms);
    QCOMPARE(factory.createRequest(QStringLiteral("list")).transferTimeout(), 300);
}

void TestRequestFactory::redirectPolicyIsSameOriginForReadsAndNoneForWrites()
{
    const RequestFactory factory{QUrl(QStringLiteral("https://altcraft.example.com/"))};
    const QNetworkRequest read = factory.createRequest(QStringLiteral("get_status"));
    QCOMPARE(read.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
             static_cast<int>(QNetworkRequest::SameOriginRedirectPolicy));
    const QNetworkRequest write
        = factory.createRequest(QStringLiteral("completed"), RequestFactory::Effect::ChangesState);
    QCOMPARE(write.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
             static_cast<int>(QNetworkRequest::ManualRedirectPolicy));
}

void TestRequestFactory::tokenTravelsInBodyNeverInUrl()
{
    RequestFactory factory{QUrl(QStringLiteral("https://altcraft.example.com/platform"))};
    QVERIFY(!factory.hasToken());
    factory.setToken(kToken);
    QVERIFY(factory.hasToken());

    const QJsonObject body = QJsonDocument::fromJson(factory.body({{QStringLiteral("id"), 18}})).object();
    QCOMPARE(body.value(QStringLiteral("token")).toString(), kToken);
    QCOMPARE(body.value(QStringLiteral("id")).toInt(), 18);

    const QUrl url = factory.createRequest(QStringLiteral("deactivate")).url();
    QVERIFY(!url.hasQuery());
    QVERIFY(!url.toString(QUrl::FullyEncoded).contains(kToken));
    QVERIFY(!url.toString().contains(QStringLiteral("token")));

    factory.clearToken();
    QVERIFY(!factory.hasToken());
    QVERIFY(!factory.body({}).contains(kToken.toUtf8()));
}

void TestRequestFactory::bodyKeepsFields()
{
    RequestFactory factory{QUrl(QStringLiteral("https://altcraft.example.com"))};
    factory.setToken(kToken);
    const QJsonObject fields{{QStringLiteral("from_id"), 11},
                             {QStringLiteral("limit"), 5},
                             {QStringLiteral("state"), QStringLiteral("active")}};
    const QByteArray raw = factory.body(fields);
    QVERIFY(!raw.contains('\n')); // compact
    QJsonObject body = QJsonDocument::fromJson(raw).object();
    QCOMPARE(body.take(QStringLiteral("token")).toString(), kToken);
    QCOMPARE(body, fields);
}

void TestRequestFactory::debugOutputSaysWhetherTokenIsSetButNeverShowsIt()
{
    RequestFactory factory{QUrl(QStringLiteral("https://altcraft.example.com/platform"))};
    QString without;
    QDebug(&without) << factory;
    QVERIFY2(without.contains(QStringLiteral("not set")), qPrintable(without));
    QVERIFY2(without.contains(QStringLiteral("altcraft.example.com")), qPrintable(without));

    factory.setToken(kToken);
    QString with;
    QDebug(&with) << factory;
    QVERIFY2(with.contains(QStringLiteral("token set")), qPrintable(with));
    QVERIFY2(!with.contains(QStringLiteral("not set")), qPrintable(with));
    QVERIFY2(!with.contains(kToken), qPrintable(with));
    QVERIFY(!with.contains(kToken.left(8)));

    // Through the logging category as the app writes it: captured, and checked for the token
    // at the end of the run.
    qCDebug(lcApi) << "factory in use:" << factory;
    const QStringList apiLines = LogCapture::textsIn(QStringLiteral("campaignmanager.api"));
    QVERIFY(!apiLines.isEmpty());
    QVERIFY2(apiLines.last().contains(QStringLiteral("token set")), qPrintable(apiLines.last()));
}

QTEST_GUILESS_MAIN(TestRequestFactory)
#include "tst_requestfactory.moc"
