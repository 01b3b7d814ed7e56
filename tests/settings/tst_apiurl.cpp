// ApiUrl: what the user types as the Altcraft API URL, normalised or rejected with a message
// that says what is wrong. Pure functions, no network.

#include "apiurl.h"
#include "requestfactory.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

namespace {

// Marks every string looked up in the "ApiUrl" context, to prove the messages go through tr().
class MarkingTranslator : public QTranslator
{
public:
    static QString mark() { return QStringLiteral("[tr] "); }
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "ApiUrl") == 0)
            return mark() + QString::fromUtf8(sourceText);
        return QString();
    }
};

} // namespace

class TestApiUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts_data();
    void accepts();
    void rejects_data();
    void rejects();
    void everyRejectionIsTranslated_data();
    void everyRejectionIsTranslated();
    void idnHostGoesOnTheWireAsAce();
    void normalisedUrlFeedsRequestFactory_data();
    void normalisedUrlFeedsRequestFactory();
    void normalisingTwiceChangesNothing_data();
    void normalisingTwiceChangesNothing();
    void isLoopbackHost_data();
    void isLoopbackHost();
};

void TestApiUrl::accepts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // QUrl::toEncoded(): what goes on the wire

    const QString cloud = QStringLiteral("https://ru.altkraft.com/");
    const QString onPrem = QStringLiteral("https://altcraft.example.com/platform/");
    QTest::newRow("cloud host, no scheme -> https") << QStringLiteral("ru.altkraft.com") << cloud;
    QTest::newRow("cloud host, https and slash") << QStringLiteral("https://ru.altkraft.com/") << cloud;
    QTest::newRow("cloud host, https, no slash") << QStringLiteral("https://ru.altkraft.com") << cloud;
    QTest::newRow("surrounding spaces trimmed") << QStringLiteral("   https://ru.altkraft.com/  ") << cloud;
    QTest::newRow("surrounding tab and newline trimmed") << QStringLiteral("\tru.altkraft.com\n") << cloud;
    QTest::newRow("upper case scheme and host") << QStringLiteral("HTTPS://RU.AltKraft.COM") << cloud;
    QTest::newRow("on-prem prefix kept") << QStringLiteral("https://altcraft.example.com/platform/") << onPrem;
    QTest::newRow("on-prem prefix gets trailing slash")
        << QStringLiteral("https://altcraft.example.com/platform") << onPrem;
    QTest::newRow("nested prefix") << QStringLiteral("https://altcraft.example.com/a/b")
                                   << QStringLiteral("https://altcraft.example.com/a/b/");
    QTest::newRow("pasted API root") << QStringLiteral("https://ru.altkraft.com/api/v1.1/") << cloud;
    QTest::newRow("pasted API root, no slash") << QStringLiteral("https://ru.altkraft.com/api/v1.1") << cloud;
    QTest::newRow("pasted /api") << QStringLiteral("https://ru.altkraft.com/api") << cloud;
    QTest::newRow("pasted method URL") << QStringLiteral("https://ru.altkraft.com/api/v1.1/scampaigns/list") << cloud;
    QTest::newRow("pasted method URL, no scheme")
        << QStringLiteral("ru.altkraft.com/api/v1.1/scampaigns/get_status") << cloud;
    QTest::newRow("prefix kept before pasted API root")
        << QStringLiteral("https://altcraft.example.com/platform/api/v1.1/scampaigns/list") << onPrem;
    QTest::newRow("prefix that only starts with api is kept") << QStringLiteral("https://altcraft.example.com/apiary")
                                                              << QStringLiteral("https://altcraft.example.com/apiary/");
    QTest::newRow("doubled slashes collapsed") << QStringLiteral("https://altcraft.example.com//platform//") << onPrem;
    QTest::newRow("dot segments resolved") << QStringLiteral("https://altcraft.example.com/platform/x/../") << onPrem;
    QTest::newRow("default https port dropped") << QStringLiteral("https://ru.altkraft.com:443/") << cloud;
    QTest::newRow("custom port kept") << QStringLiteral("https://altcraft.example.com:8443")
                                      << QStringLiteral("https://altcraft.example.com:8443/");
    QTest::newRow("http to localhost:8080")
        << QStringLiteral("http://localhost:8080") << QStringLiteral("http://localhost:8080/");
    QTest::newRow("localhost:8080 without scheme -> https")
        << QStringLiteral("localhost:8080") << QStringLiteral("https://localhost:8080/");
    QTest::newRow("http to 127.0.0.1") << QStringLiteral("http://127.0.0.1:18080/")
                                       << QStringLiteral("http://127.0.0.1:18080/");
    QTest::newRow("http to elsewhere in 127/8, default port dropped")
        << QStringLiteral("http://127.1.2.3:80/") << QStringLiteral("http://127.1.2.3/");
    QTest::newRow("http to [::1]") << QStringLiteral("http://[::1]:8080/") << QStringLiteral("http://[::1]:8080/");
    QTest::newRow("https to 127.0.0.1 with prefix")
        << QStringLiteral("https://127.0.0.1/platform/api/v1.1/") << QStringLiteral("https://127.0.0.1/platform/");
    QTest::newRow("IDN host -> ACE") << QStringLiteral("https://альткрафт.рф")
                                     << QStringLiteral("https://xn--80aa3ad0akdp1e.xn--p1ai/");
    QTest::newRow("IDN host, no scheme, prefix") << QStringLiteral("пример.испытание/platform")
                                                 << QStringLiteral("https://xn--e1afmkfd.xn--80akhbyknj4f/platform/");
}

void TestApiUrl::accepts()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const ApiUrlCheck check = ApiUrl::normalise(input);
    QVERIFY2(check.ok(), qPrintable(QStringLiteral("rejected: ") + check.error));
    QVERIFY(check.error.isEmpty());
    QCOMPARE(QString::fromLatin1(check.url.toEncoded()), expected);
}

void TestApiUrl::rejects_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("says"); // the message must contain this

    QTest::newRow("empty") << QString() << QStringLiteral("Enter the API URL");
    QTest::newRow("only spaces") << QStringLiteral("   \t ") << QStringLiteral("Enter the API URL");
    QTest::newRow("space inside the host") << QStringLiteral("https://ru.altkraft .com") << QStringLiteral("spaces");
    QTest::newRow("space inside the path")
        << QStringLiteral("https://ru.altkraft.com/my platform/") << QStringLiteral("spaces");
    QTest::newRow("http to a public host")
        << QStringLiteral("http://ru.altkraft.com") << QStringLiteral("Use https://");
    QTest::newRow("http to a private address")
        << QStringLiteral("http://10.0.0.5:8080/") << QStringLiteral("Use https://");
    QTest::newRow("http to a 127.0.0.1 look-alike")
        << QStringLiteral("http://127.0.0.1.example.com/") << QStringLiteral("Use https://");
    QTest::newRow("http to a localhost look-alike")
        << QStringLiteral("http://localhost.example.com/") << QStringLiteral("Use https://");
    QTest::newRow("ftp") << QStringLiteral("ftp://ru.altkraft.com/") << QStringLiteral("“ftp://” is not supported");
    QTest::newRow("ftp without slashes") << QStringLiteral("ftp:ru.altkraft.com")
                                         << QStringLiteral("“ftp:” is not supported");
    QTest::newRow("https without slashes") << QStringLiteral("https:ru.altkraft.com") << QStringLiteral("malformed");
    QTest::newRow("user@host") << QStringLiteral("https://user@ru.altkraft.com/")
                               << QStringLiteral("user name and password");
    QTest::newRow("user:password@host") << QStringLiteral("https://api:s3cret@ru.altkraft.com/")
                                        << QStringLiteral("user name and password");
    QTest::newRow("user@host without scheme")
        << QStringLiteral("user@ru.altkraft.com") << QStringLiteral("user name and password");
    QTest::newRow("query string") << QStringLiteral("https://ru.altkraft.com/?token=abc") << QStringLiteral("“?”");
    QTest::newRow("empty query") << QStringLiteral("https://ru.altkraft.com/?") << QStringLiteral("“?”");
    QTest::newRow("query on a pasted method URL")
        << QStringLiteral("https://ru.altkraft.com/api/v1.1/scampaigns/list?id=1") << QStringLiteral("“?”");
    QTest::newRow("fragment") << QStringLiteral("https://ru.altkraft.com/#campaigns") << QStringLiteral("“#”");
    QTest::newRow("no host") << QStringLiteral("https://") << QStringLiteral("no host name");
    QTest::newRow("no host, a path") << QStringLiteral("https:///platform/") << QStringLiteral("no host name");
    QTest::newRow("only a port") << QStringLiteral(":8080") << QStringLiteral("no host name");
    QTest::newRow("port not a number") << QStringLiteral("https://ru.altkraft.com:https/")
                                       << QStringLiteral("port “https”");
    QTest::newRow("port out of range") << QStringLiteral("https://ru.altkraft.com:70000/")
                                       << QStringLiteral("port “70000”");
    QTest::newRow("port zero") << QStringLiteral("localhost:0") << QStringLiteral("port “0”");
    QTest::newRow("empty port") << QStringLiteral("https://ru.altkraft.com:/") << QStringLiteral("port “”");
    QTest::newRow("signed port") << QStringLiteral("https://ru.altkraft.com:+443/") << QStringLiteral("port “+443”");
    QTest::newRow("character not allowed in a host")
        << QStringLiteral("https://ru.alt<kraft>.com/") << QStringLiteral("not valid");
    QTest::newRow("unclosed IPv6 literal") << QStringLiteral("http://[::1:8080/") << QStringLiteral("IPv6");
}

void TestApiUrl::rejects()
{
    QFETCH(QString, input);
    QFETCH(QString, says);
    const ApiUrlCheck check = ApiUrl::normalise(input);
    QVERIFY2(!check.ok(), qPrintable(QStringLiteral("accepted as ") + check.url.toString()));
    QVERIFY2(check.error.contains(says), qPrintable(QStringLiteral("message: ") + check.error));
    QVERIFY(check.url.isEmpty());
}

void TestApiUrl::everyRejectionIsTranslated_data()
{
    rejects_data();
}

void TestApiUrl::everyRejectionIsTranslated()
{
    QFETCH(QString, input);
    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const ApiUrlCheck check = ApiUrl::normalise(input);
    QCoreApplication::removeTranslator(&translator);
    QVERIFY(!check.ok());
    QVERIFY2(check.error.startsWith(MarkingTranslator::mark()),
             qPrintable(QStringLiteral("not looked up through tr(): ") + check.error));
}

void TestApiUrl::idnHostGoesOnTheWireAsAce()
{
    const ApiUrlCheck check = ApiUrl::normalise(QStringLiteral("https://альткрафт.рф/"));
    QVERIFY2(check.ok(), qPrintable(check.error));
    QCOMPARE(check.url.host(QUrl::EncodeUnicode), QStringLiteral("xn--80aa3ad0akdp1e.xn--p1ai"));
    // The request built from it carries only ASCII.
    const QNetworkRequest request = RequestFactory(check.url).createRequest(QStringLiteral("list"));
    QCOMPARE(request.url().toEncoded(),
             QByteArrayLiteral("https://xn--80aa3ad0akdp1e.xn--p1ai/api/v1.1/scampaigns/list"));
    // Typing the ACE form gives the same account.
    const ApiUrlCheck ace = ApiUrl::normalise(QStringLiteral("xn--80aa3ad0akdp1e.xn--p1ai"));
    QVERIFY2(ace.ok(), qPrintable(ace.error));
    QCOMPARE(ace.url, check.url);
}

void TestApiUrl::normalisedUrlFeedsRequestFactory_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("requestUrl");
    QTest::newRow("cloud") << QStringLiteral("ru.altkraft.com")
                           << QStringLiteral("https://ru.altkraft.com/api/v1.1/scampaigns/list");
    QTest::newRow("on-prem prefix, pasted method URL")
        << QStringLiteral("https://altcraft.example.com/platform/api/v1.1/scampaigns/get")
        << QStringLiteral("https://altcraft.example.com/platform/api/v1.1/scampaigns/list");
    QTest::newRow("emulator") << QStringLiteral("http://127.0.0.1:18080")
                              << QStringLiteral("http://127.0.0.1:18080/api/v1.1/scampaigns/list");
}

void TestApiUrl::normalisedUrlFeedsRequestFactory()
{
    QFETCH(QString, input);
    QFETCH(QString, requestUrl);
    const ApiUrlCheck check = ApiUrl::normalise(input);
    QVERIFY2(check.ok(), qPrintable(check.error));
    QCOMPARE(RequestFactory(check.url).url(QStringLiteral("list")).toString(), requestUrl);
}

void TestApiUrl::normalisingTwiceChangesNothing_data()
{
    accepts_data();
}

void TestApiUrl::normalisingTwiceChangesNothing()
{
    QFETCH(QString, input);
    const ApiUrlCheck once = ApiUrl::normalise(input);
    QVERIFY2(once.ok(), qPrintable(once.error));
    const ApiUrlCheck twice = ApiUrl::normalise(once.url.toString());
    QVERIFY2(twice.ok(), qPrintable(twice.error));
    QCOMPARE(twice.url, once.url);
}

void TestApiUrl::isLoopbackHost_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("localhost") << QStringLiteral("localhost") << true;
    QTest::newRow("LOCALHOST") << QStringLiteral("LOCALHOST") << true;
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("127.255.255.254") << QStringLiteral("127.255.255.254") << true;
    QTest::newRow("::1") << QStringLiteral("::1") << true;
    QTest::newRow("[::1]") << QStringLiteral("[::1]") << true;
    QTest::newRow("::1 long form") << QStringLiteral("0:0:0:0:0:0:0:1") << true;
    QTest::newRow("128.0.0.1") << QStringLiteral("128.0.0.1") << false;
    QTest::newRow("10.0.0.1") << QStringLiteral("10.0.0.1") << false;
    QTest::newRow("0.0.0.0") << QStringLiteral("0.0.0.0") << false;
    QTest::newRow("::2") << QStringLiteral("::2") << false;
    QTest::newRow("localhost.example.com") << QStringLiteral("localhost.example.com") << false;
    QTest::newRow("127.0.0.1.example.com") << QStringLiteral("127.0.0.1.example.com") << false;
    QTest::newRow("ru.altkraft.com") << QStringLiteral("ru.altkraft.com") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestApiUrl::isLoopbackHost()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(ApiUrl::isLoopbackHost(host), loopback);
}

QTEST_GUILESS_MAIN(TestApiUrl)
#include "tst_apiurl.moc"
