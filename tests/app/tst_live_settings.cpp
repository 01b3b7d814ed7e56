// ClientBinder: the client's RequestFactory follows the account in use and Settings without a
// restart (address, token and timeout apply to the next request), an account's address and
// token change together, the token stays in memory and never reaches the INI file. Settings
// keeps each account's tracked campaigns, filters and columns apart. The "next request" checks
// go over loopback to a real AltcraftEmulator.

#include "altcraftclient.h"
#include "altcraftemulator.h"
#include "apitokengrant.h"
#include "apptestsupport.h"
#include "clientbinder.h"
#include "settings.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;

namespace {

// What one list request through the client ended with.
struct ListingResult {
    bool done = false;
    ApiError error;
    qsizetype total = -1;
};

ListingResult listOnce(AltcraftClient &client)
{
    ListingResult outcome;
    QObject context;
    CampaignFilter filter;
    filter.pageSize = 1000;
    client.listCampaigns(
        filter, &context, [](const QList<Campaign> &) {},
        [&](const ApiError &error, const ::ListOutcome &listed) {
            outcome.done = true;
            outcome.error = error;
            outcome.total = listed.total;
        });
    (void)QTest::qWaitFor([&] { return outcome.done; }, 60000);
    return outcome;
}

// A loopback port where nothing listens: bound, then closed again.
quint16 deadPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestLiveSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void startsWithNoAccountAndTheSavedTimeout();
    void timeoutChangeAppliesImmediately();
    void timeoutChangeDoesNotReportAConnectionChange();
    void connectionChangeAppliesAddressAndTokenTogether();
    void savedApiUrlNoLongerSteersTheClient();
    void tokenIsHeldInMemoryAndKeptAcrossSettingsChanges();
    void eachAccountKeepsItsOwnTrackedCampaignsFiltersAndColumns();
    void olderVersionsValuesMoveToTheMigratedAccount();
    void tokenNeverAppearsInTheSettingsIniFile();
    void nextRequestGoesToTheNewUrlWithoutARestart();
    void nextRequestUsesTheNewTimeoutWithoutARestart();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<AltcraftClient> m_client;
    QString iniPath() const { return m_dir->filePath(QStringLiteral("campaign-manager.ini")); }
};

void TestLiveSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<Settings>(iniPath());
    m_client = std::make_unique<AltcraftClient>();
}

void TestLiveSettings::cleanup()
{
    m_client.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestLiveSettings::startsWithNoAccountAndTheSavedTimeout()
{
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 42);
    ClientBinder binder(m_client.get(), m_settings.get());
    QVERIFY(m_client->factory().baseUrl().host().isEmpty()); // nowhere to send anything yet
    QVERIFY(binder.url().isEmpty());
    QCOMPARE(m_client->factory().transferTimeout(), std::chrono::milliseconds(42s));
    QVERIFY(!m_client->factory().hasToken());
    QVERIFY(!binder.isConfigured());
}

void TestLiveSettings::timeoutChangeAppliesImmediately()
{
    ClientBinder binder(m_client.get(), m_settings.get());
    QCOMPARE(m_client->factory().transferTimeout(),
             std::chrono::milliseconds(
                 std::chrono::seconds(Settings::defaultValue(Settings::Key::RequestTimeoutSeconds).toInt())));

    // No event loop in between: the factory changes as the setting does.
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 75);
    QCOMPARE(m_client->factory().transferTimeout(), std::chrono::milliseconds(75s));
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 5);
    QCOMPARE(m_client->factory().transferTimeout(), std::chrono::milliseconds(5s));
    // Back to the default when the key is removed.
    m_settings->reset(Settings::Key::RequestTimeoutSeconds);
    QCOMPARE(m_client->factory().transferTimeout(), std::chrono::milliseconds(30s));
}

void TestLiveSettings::timeoutChangeDoesNotReportAConnectionChange()
{
    ClientBinder binder(m_client.get(), m_settings.get());
    binder.setConnection(QUrl(QStringLiteral("https://ru.altkraft.com/")), QStringLiteral("tok"));
    QSignalSpy changed(&binder, &ClientBinder::connectionChanged);
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 90);
    QCOMPARE(m_client->factory().transferTimeout(), std::chrono::milliseconds(90s));
    QCOMPARE(changed.count(), 0); // a reload of the campaign list is not needed for a timeout
    // ... and the rest of the factory is kept.
    QCOMPARE(m_client->factory().baseUrl(), QUrl(QStringLiteral("https://ru.altkraft.com/")));
    QVERIFY(m_client->factory().hasToken());
}

void TestLiveSettings::connectionChangeAppliesAddressAndTokenTogether()
{
    ClientBinder binder(m_client.get(), m_settings.get());
    QSignalSpy changed(&binder, &ClientBinder::connectionChanged);
    binder.setConnection(QUrl(QStringLiteral("https://ru.altkraft.com/")), QStringLiteral("token-of-a"));
    QCOMPARE(changed.count(), 1);
    QVERIFY(binder.isConfigured());

    // Another account: one change, and at no point the old token with the new address.
    bool mixed = false;
    connect(&binder, &ClientBinder::connectionChanged, this, [&] {
        mixed = mixed
            || (m_client->factory().baseUrl().host() == QLatin1String("altcraft.example.com")
                && m_client->factory().body({}).contains("token-of-a"));
    });
    binder.setConnection(QUrl(QStringLiteral("https://altcraft.example.com/platform/")), QStringLiteral("token-of-b"));
    QCOMPARE(changed.count(), 2);
    QVERIFY(!mixed);
    QCOMPARE(m_client->factory().url(QStringLiteral("list")),
             QUrl(QStringLiteral("https://altcraft.example.com/platform/api/v1.1/scampaigns/list")));
    QVERIFY(m_client->factory().body({}).contains("token-of-b"));
    QVERIFY(!m_client->factory().body({}).contains("token-of-a"));
    QCOMPARE(binder.url(), QUrl(QStringLiteral("https://altcraft.example.com/platform/")));

    // While the next account's token is read from the keychain, nothing can be sent.
    binder.setConnection(QUrl(QStringLiteral("https://third.example/")), QString());
    QCOMPARE(changed.count(), 3);
    QVERIFY(!binder.isConfigured());
    QVERIFY(!m_client->factory().hasToken());

    // The same again is no change; other keys are none either.
    binder.setConnection(QUrl(QStringLiteral("https://third.example/")), QString());
    m_settings->setValue(Settings::Key::Language, QStringLiteral("ru"));
    m_settings->setValue(Settings::Key::Concurrency, 3);
    QCOMPARE(changed.count(), 3);
}

void TestLiveSettings::savedApiUrlNoLongerSteersTheClient()
{
    // Key::ApiUrl is what a version before accounts saved: only the migration reads it now.
    ClientBinder binder(m_client.get(), m_settings.get());
    const QUrl demo(QStringLiteral("http://127.0.0.1:18080/"));
    binder.setConnection(demo, QStringLiteral("tok"));
    QSignalSpy changed(&binder, &ClientBinder::connectionChanged);
    m_settings->setValue(Settings::Key::ApiUrl, QStringLiteral("https://altcraft.example.com/"));
    QCOMPARE(m_client->factory().baseUrl(), demo);
    QCOMPARE(changed.count(), 0);
    // The timeout still applies live.
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 12);
    QCOMPARE(m_client->factory().transferTimeout(), std::chrono::milliseconds(12s));
    QCOMPARE(m_client->factory().baseUrl(), demo);
}

void TestLiveSettings::tokenIsHeldInMemoryAndKeptAcrossSettingsChanges()
{
    ClientBinder binder(m_client.get(), m_settings.get());
    binder.setConnection(QUrl(QStringLiteral("https://ru.altkraft.com/")), QString());
    QSignalSpy changed(&binder, &ClientBinder::connectionChanged);
    const QString token = AppTest::randomToken();
    binder.setToken(token);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(binder.token(), token);
    QVERIFY(m_client->factory().hasToken());
    QVERIFY(m_client->factory().body({}).contains(token.toUtf8()));
    binder.setToken(token); // the same token again: nothing changed
    QCOMPARE(changed.count(), 1);

    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 40);
    m_settings->setValue(Settings::Key::Language, QStringLiteral("ru"));
    QVERIFY2(m_client->factory().body({}).contains(token.toUtf8()), "a settings change dropped the token");
    QVERIFY(!m_client->factory().url(QStringLiteral("list")).toString().contains(token));
}

void TestLiveSettings::tokenNeverAppearsInTheSettingsIniFile()
{
    const QString token = AppTest::randomToken();
    {
        ClientBinder binder(m_client.get(), m_settings.get());
        binder.setConnection(QUrl(QStringLiteral("https://ru.altkraft.com/")), token);
        m_settings->setValue(Settings::Key::ApiUrl, QStringLiteral("https://ru.altkraft.com/"));
        m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 45);
        m_settings->setValue(Settings::Key::Concurrency, 4);
        m_settings->setValue(Settings::Key::Language, QStringLiteral("ru"));
        m_settings->setTrackedCampaignIds({11, 42});
        m_settings->setAccountScope(QStringLiteral("some-account"));
        m_settings->setTrackedCampaignIds({12});
        binder.setConnection(QUrl(QStringLiteral("http://127.0.0.1:18080/")), token);
        QVERIFY(binder.isConfigured());
        m_settings->sync();
    }
    m_settings.reset(); // written out and closed

    QFile ini(iniPath());
    QVERIFY2(ini.open(QIODevice::ReadOnly), "no settings file was written: the check below would be vacuous");
    const QByteArray content = ini.readAll();
    QVERIFY2(content.contains("ru.altkraft.com"), content.constData()); // it does hold the settings
    const AppTest::Scan scan = AppTest::scanForSecret({m_dir->path()}, token);
    QVERIFY(scan.files.contains(QFileInfo(iniPath()).absoluteFilePath()));
    QVERIFY2(scan.hits.isEmpty(),
             qPrintable(QStringLiteral("the token was found in: ") + scan.hits.join(QStringLiteral(", "))));
}

void TestLiveSettings::nextRequestGoesToTheNewUrlWithoutARestart()
{
    AltcraftEmulator emulator;
    emulator.seed(7);
    QVERIFY(emulator.start() != 0);
    const quint16 dead = deadPort();
    QVERIFY(dead != 0);

    m_client->setReadRetries(0);
    ClientBinder binder(m_client.get(), m_settings.get());
    binder.setConnection(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(dead)), ApiTokenGrant::defaultFullToken());

    const ListingResult before = listOnce(*m_client);
    QVERIFY(before.done);
    QCOMPARE(before.error.kind(), ApiError::Kind::CannotConnect);
    QCOMPARE(emulator.requestCount(), 0);

    QSignalSpy changed(&binder, &ClientBinder::connectionChanged);
    binder.setConnection(emulator.baseUrl(), ApiTokenGrant::defaultFullToken());
    QCOMPARE(changed.count(), 1);
    const ListingResult after = listOnce(*m_client);
    QVERIFY(after.done);
    QVERIFY2(after.error.isNone(), qPrintable(after.error.message()));
    QCOMPARE(after.total, qsizetype(7));
    QVERIFY(emulator.requestCount(QStringLiteral("list")) >= 1);
    // The request carried the token from memory, in the body.
    QCOMPARE(emulator.requests().constLast().json().value(QStringLiteral("token")).toString(),
             ApiTokenGrant::defaultFullToken());
}

void TestLiveSettings::nextRequestUsesTheNewTimeoutWithoutARestart()
{
    AltcraftEmulator emulator;
    emulator.seed(3);
    QVERIFY(emulator.start() != 0);
    Fault hang;
    hang.kind = Fault::Kind::Hang;
    hang.method = QStringLiteral("list");
    emulator.addFault(hang);

    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 300);
    m_client->setReadRetries(0);
    ClientBinder binder(m_client.get(), m_settings.get());
    binder.setConnection(emulator.baseUrl(), ApiTokenGrant::defaultFullToken());

    // With 300 s the hung request would outlive this test; with 1 s it ends as a timeout.
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 1);
    const ListingResult outcome = listOnce(*m_client);
    QVERIFY2(outcome.done, "the request did not end: the new timeout was not applied");
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Timeout);
    QCOMPARE(emulator.requestCount(QStringLiteral("list")), 1);
}

void TestLiveSettings::eachAccountKeepsItsOwnTrackedCampaignsFiltersAndColumns()
{
    QSignalSpy changed(m_settings.get(), &Settings::changed);
    m_settings->setAccountScope(QStringLiteral("account-a"));
    // tracked, columns, search, status, watched, the table's view, the saved views and the default
    // one: whoever shows them reloads
    QCOMPARE(changed.count(), 8);
    m_settings->setTrackedCampaignIds({1, 2});
    m_settings->setValue(Settings::Key::CampaignSearch, QStringLiteral("spring"));
    m_settings->setValue(Settings::Key::CampaignTableHeader, QByteArray("columns of a"));
    m_settings->setValue(Settings::Key::Concurrency, 3); // not per account
    m_settings->setValue(Settings::Key::SavedCampaignViews, QByteArray("[{\"name\":\"a's view\"}]"));

    m_settings->setAccountScope(QStringLiteral("account-b"));
    QVERIFY(m_settings->trackedCampaignIds().isEmpty());
    QCOMPARE(m_settings->value(Settings::Key::CampaignSearch).toString(), QString());
    QVERIFY(m_settings->value(Settings::Key::CampaignTableHeader).toByteArray().isEmpty());
    QVERIFY(m_settings->value(Settings::Key::SavedCampaignViews).toByteArray().isEmpty());
    QCOMPARE(m_settings->concurrency(), 3);
    m_settings->setTrackedCampaignIds({9});
    m_settings->setValue(Settings::Key::CampaignStatusFilter, QStringLiteral("inactive"));
    // The watch reads every account's watched campaigns, whichever account is in scope.
    m_settings->setWatchedCampaignIds(QStringLiteral("account-a"), {4, 2, 4});
    m_settings->setWatchedCampaignIds(QStringLiteral("account-b"), {8});

    // Across a restart, each account finds its own again.
    m_settings->sync();
    m_settings = std::make_unique<Settings>(iniPath());
    m_settings->setAccountScope(QStringLiteral("account-a"));
    QCOMPARE(m_settings->trackedCampaignIds(), (QList<qint64>{1, 2}));
    QCOMPARE(m_settings->value(Settings::Key::CampaignSearch).toString(), QStringLiteral("spring"));
    QCOMPARE(m_settings->value(Settings::Key::CampaignTableHeader).toByteArray(), QByteArray("columns of a"));
    QCOMPARE(m_settings->value(Settings::Key::SavedCampaignViews).toByteArray(),
             QByteArray("[{\"name\":\"a's view\"}]"));
    QCOMPARE(m_settings->value(Settings::Key::CampaignStatusFilter).toString(), QString());
    m_settings->setAccountScope(QStringLiteral("account-b"));
    QCOMPARE(m_settings->trackedCampaignIds(), (QList<qint64>{9}));
    QCOMPARE(m_settings->value(Settings::Key::CampaignStatusFilter).toString(), QStringLiteral("inactive"));
    QCOMPARE(m_settings->watchedCampaignIds(QStringLiteral("account-a")), (QList<qint64>{4, 2})); // once each
    QCOMPARE(m_settings->watchedCampaignIds(QStringLiteral("account-b")), (QList<qint64>{8}));
    QCOMPARE(m_settings->value(Settings::Key::WatchedCampaignIds).toString(), QStringLiteral("8"));
}

void TestLiveSettings::olderVersionsValuesMoveToTheMigratedAccount()
{
    // What a version before accounts wrote, with no account scope.
    m_settings->setTrackedCampaignIds({5, 6});
    m_settings->setValue(Settings::Key::CampaignTableHeader, QByteArray("old columns"));
    m_settings->adoptUnscopedValues(QStringLiteral("migrated"));
    QVERIFY(m_settings->trackedCampaignIds().isEmpty()); // gone from where nobody reads them now
    m_settings->setAccountScope(QStringLiteral("migrated"));
    QCOMPARE(m_settings->trackedCampaignIds(), (QList<qint64>{5, 6}));
    QCOMPARE(m_settings->value(Settings::Key::CampaignTableHeader).toByteArray(), QByteArray("old columns"));
    // Run again (an interrupted migration): the account's own values are kept.
    m_settings->setAccountScope(QString());
    m_settings->setTrackedCampaignIds({7});
    m_settings->adoptUnscopedValues(QStringLiteral("migrated"));
    m_settings->setAccountScope(QStringLiteral("migrated"));
    QCOMPARE(m_settings->trackedCampaignIds(), (QList<qint64>{5, 6}));
}

QTEST_GUILESS_MAIN(TestLiveSettings)
#include "tst_live_settings.moc"
