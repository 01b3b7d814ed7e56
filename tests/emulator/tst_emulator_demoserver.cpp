// The demo's emulator thread (DemoServer) serves both documented demo accounts on its one port:
// the default account through the default tokens, the second through its own token.

#include "demoserver.h"
#include "emulatorhttp.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace EmulatorHttp;

class TestEmulatorDemoServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesTheSecondAccountBesideTheDefault();
};

void TestEmulatorDemoServer::servesTheSecondAccountBesideTheDefault()
{
    DemoServer::Options options;
    options.campaigns = 30;
    options.secondAccountCampaigns = 12;
    DemoServer server(options);
    server.start();
    const QUrl url = server.waitForUrl();
    QVERIFY(url.isValid());
    HttpClient http(url);

    const HttpResult first = http.post(u"list"_s, {{u"token"_s, ApiTokenGrant::defaultFullToken()}});
    const HttpResult second = http.post(u"list"_s, {{u"token"_s, ApiTokenGrant::secondAccountToken()}});
    QVERIFY2(first.apiError() == 0, first.describe());
    QVERIFY2(second.apiError() == 0, second.describe());
    QCOMPARE(idsOf(first.data()).size(), 30);
    QCOMPARE(idsOf(second.data()), idsOf(first.data()).first(12));
    QVERIFY(first.data().toArray().first().toObject().value(u"name"_s)
            != second.data().toArray().first().toObject().value(u"name"_s));

    const QStringList accounts = server.inspect([](AltcraftEmulator &e) { return e.accounts(); });
    QCOMPARE(accounts, (QStringList{QString(), ApiTokenGrant::secondAccountName()}));
    const QString lastAccount
        = server.inspect([](AltcraftEmulator &e) { return e.requests().last().account.value_or(u"<none>"_s); });
    QCOMPARE(lastAccount, ApiTokenGrant::secondAccountName());
}

QTEST_GUILESS_MAIN(TestEmulatorDemoServer)
#include "tst_emulator_demoserver.moc"
