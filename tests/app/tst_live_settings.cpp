// ClientBinder: the client's RequestFactory follows Settings without a restart (URL and timeout
// apply to the next request), the token stays in memory, and it never reaches the INI file.
// The "next request" checks go over loopback to a real AltcraftEmulator.

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

    void startsFromTheSavedSettings();
    void timeoutChangeAppliesImmediately();
    void timeoutChangeDoesNotReportAConnectionChange();
    void apiUrlChangeAppliesAndEmitsConnectionChanged();
    void urlOverrideWinsOverLaterSettingsChanges();
    void tokenIsHeldInMemoryAndKeptAcrossSettingsChanges();
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

void TestLiveSettings::startsFromTheSavedSettings()
{
    m_settings->setValue(Settings::Key::ApiUrl, QStringLiteral("https://ru.altkraft.com/"));
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 42);
    ClientBinder binder(m_client.get(), m_settings.get());
    QCOMPARE(m_client->factory().baseUrl(), QUrl(QStringLiteral("https://ru.altkraft.com/")));
    QCOMPARE(m_client->factory().transferTimeout(), std::chrono::milliseconds(42s));
    QVERIFY(!m_client->factory().hasToken());
    QCOMPARE(binder.effectiveUrl(), QUrl(QStringLiteral("https://ru.altkraft.com/")));
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
    m_settings->setValue(Settings::Key::ApiUrl, QStringLiteral("https://ru.altkraft.com/"));
    ClientBinder binder(m_client.get(), m_settings.get());
    binder.setToken(QStringLiteral("tok"));
    QSignalSpy changed(&binder, &ClientBinder::connectionChanged);
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 90);
    QCOMPARE(m_client->factory().transferTimeout(), std::chrono::milliseconds(90s));
    QCOMPARE(changed.count(), 0); // a reload of the campaign list is not needed for a timeout
    // ... and the rest of the factory is kept.
    QCOMPARE(m_client->factory().baseUrl(), QUrl(QStringLiteral("https://ru.altkraft.com/")));
    QVERIFY(m_client->factory().hasToken());
}

void TestLiveSettings::apiUrlChangeAppliesAndEmitsConnectionChanged()
{
    m_settings->setValue(Settings::Key::ApiUrl, QStringLiteral("https://ru.altkraft.com/"));
    ClientBinder binder(m_client.get(), m_settings.get());
    binder.setToken(QStringLiteral("tok"));
    QSignalSpy changed(&binder, &ClientBinder::connectionChanged);

    m_settings->setValue(Settings::Key::ApiUrl, QStringLiteral("https://altcraft.example.com/platform/"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_client->factory().baseUrl(), QUrl(QStringLiteral("https://altcraft.example.com/platform/")));
    QCOMPARE(m_client->factory().url(QStringLiteral("list")),
             QUrl(QStringLiteral("https://altcraft.example.com/platform/api/v1.1/scampaigns/list")));
    QCOMPARE(binder.effectiveUrl(), QUrl(QStringLiteral("https://altcraft.example.com/platform/")));
    QVERIFY(binder.isConfigured());

    // Setting the same value again is no change.
    m_settings->setValue(Settings::Key::ApiUrl, QStringLiteral("https://altcraft.example.com/platform/"));
    QCOMPARE(changed.count(), 1);
    // Other keys are no connection change either.
    m_settings->setValue(Settings::Key::Language, QStringLiteral("ru"));
    m_settings->setValue(Settings::Key::Concurrency, 3);
    QCOMPARE(changed.count(), 1);
}

void TestLiveSettings::urlOverrideWinsOverLaterSettingsChanges()
{
    m_settings->setValue(Settings::Key::ApiUrl, QStringLiteral("https://ru.altkraft.com/"));
    ClientBinder binder(m_client.get(), m_settings.get());
    QSignalSpy changed(&binder, &ClientBinder::connectionChanged);
    const QUrl demo(QStringLiteral("http://127.0.0.1:18080/"));
    binder.setUrlOverride(demo);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_client->factory().baseUrl(), demo);

    m_settings->setValue(Settings::Key::ApiUrl, QStringLiteral("https://altcraft.example.com/"));
    QCOMPARE(m_client->factory().baseUrl(), demo);
    QCOMPARE(changed.count(), 1);
    // The timeout still applies live under an override.
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 12);
    QCOMPARE(m_client->factory().transferTimeout(), std::chrono::milliseconds(12s));
    QCOMPARE(m_client->factory().baseUrl(), demo);
}

void TestLiveSettings::tokenIsHeldInMemoryAndKeptAcrossSettingsChanges()
{
    m_settings->setValue(Settings::Key::ApiUrl, QStringLiteral("https://ru.altkraft.com/"));
    ClientBinder binder(m_client.get(), m_settings.get());
    QSignalSpy changed(&binder, &ClientBinder::connectionChanged);
    const QString token = AppTest::randomToken();
    binder.setToken(token);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(binder.token(), token);
    QVERIFY(m_client->factory().hasToken());
    QVERIFY(m_client->factory().body({}).contains(token.toUtf8()));
    binder.setToken(token); // the same token again: nothing changed
    QCOMPARE(changed.count(), 1);

    m_settings->setValue(Settings::Key::ApiUrl, QStringLiteral("https://altcraft.example.com/"));
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 40);
    QVERIFY2(m_client->factory().body({}).contains(token.toUtf8()), "a settings change dropped the token");
    QVERIFY(!m_client->factory().url(QStringLiteral("list")).toString().contains(token));
}

void TestLiveSettings::tokenNeverAppearsInTheSettingsIniFile()
{
    const QString token = AppTest::randomToken();
    {
        ClientBinder binder(m_client.get(), m_settings.get());
        binder.setToken(token);
        m_settings->setValue(Settings::Key::ApiUrl, QStringLiteral("https://ru.altkraft.com/"));
        m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 45);
        m_settings->setValue(Settings::Key::Concurrency, 4);
        m_settings->setValue(Settings::Key::Language, QStringLiteral("ru"));
        m_settings->setTrackedCampaignIds({11, 42});
        binder.setUrlOverride(QUrl(QStringLiteral("http://127.0.0.1:18080/")));
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

    m_settings->setValue(Settings::Key::ApiUrl, QStringLiteral("http://127.0.0.1:%1/").arg(dead));
    m_client->setReadRetries(0);
    ClientBinder binder(m_client.get(), m_settings.get());
    binder.setToken(ApiTokenGrant::defaultFullToken());

    const ListingResult before = listOnce(*m_client);
    QVERIFY(before.done);
    QCOMPARE(before.error.kind(), ApiError::Kind::CannotConnect);
    QCOMPARE(emulator.requestCount(), 0);

    QSignalSpy changed(&binder, &ClientBinder::connectionChanged);
    m_settings->setValue(Settings::Key::ApiUrl, emulator.baseUrl().toString());
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

    m_settings->setValue(Settings::Key::ApiUrl, emulator.baseUrl().toString());
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 300);
    m_client->setReadRetries(0);
    ClientBinder binder(m_client.get(), m_settings.get());
    binder.setToken(ApiTokenGrant::defaultFullToken());

    // With 300 s the hung request would outlive this test; with 1 s it ends as a timeout.
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 1);
    const ListingResult outcome = listOnce(*m_client);
    QVERIFY2(outcome.done, "the request did not end: the new timeout was not applied");
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Timeout);
    QCOMPARE(emulator.requestCount(QStringLiteral("list")), 1);
}

QTEST_GUILESS_MAIN(TestLiveSettings)
#include "tst_live_settings.moc"
