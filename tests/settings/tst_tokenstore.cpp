// TokenStore against the real Secret Service of the private D-Bus session that
// scripts/with-keyring starts (dbus-run-session -- scripts/with-keyring ctest ...). The
// no-keychain path runs this same binary as a child process whose D-Bus address points at a
// socket that does not exist (helper mode, selected by CM_TOKENSTORE_HELPER=no-keychain).
//
// Every run gets its own HOME, and QStandardPaths' test mode is on, so the settings and data
// directories scanned for the token hold only what this run wrote.

#include "logging.h"
#include "secretscan.h"
#include "settings.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

namespace {

const QString kSecretsService = QStringLiteral("org.freedesktop.secrets");
const char kHelperEnv[] = "CM_TOKENSTORE_HELPER";
const char kHelperTokenEnv[] = "CM_TOKENSTORE_HELPER_TOKEN";
const QByteArray kHelperResultTag = QByteArrayLiteral("HELPER-RESULT ");

// ---- log capture: the whole run, to prove no token ever reaches a log line -------------------

QMutex logMutex;
QStringList logLines;
QStringList settingsLogLines;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    {
        QMutexLocker lock(&logMutex);
        logLines.append(text);
        if (context.category && qstrcmp(context.category, "campaignmanager.settings") == 0)
            settingsLogLines.append(text);
    }
    if (type != QtDebugMsg && type != QtInfoMsg && previousHandler)
        previousHandler(type, context, text);
}

// ---- helpers -------------------------------------------------------------------------------

QString randomAlnum(int length)
{
    static const QString alphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789");
    QString s;
    for (int i = 0; i < length; ++i)
        s += alphabet.at(QRandomGenerator::system()->bounded(static_cast<int>(alphabet.size())));
    return s;
}

// A token like Altcraft's (32 lowercase letters and digits), and an account no other run uses.
QString randomToken()
{
    return randomAlnum(32);
}
QString randomAccount()
{
    return QStringLiteral("tst-%1.example.com").arg(randomAlnum(12));
}

// What one TokenStore operation ended with.
struct Outcome {
    QString signal; // "loaded", "saved", "forgotten", "failed" or "timeout"
    QString token;
    TokenStore::Failure failure = TokenStore::Failure::Other;
    QString message;
    int signalCount = 0;
};

// Starts one operation and waits for the store's signal (generously: this is no timing test).
Outcome runOperation(TokenStore &store, const std::function<void()> &start)
{
    Outcome outcome;
    QEventLoop loop;
    QList<QMetaObject::Connection> connections;
    auto record = [&](const QString &signal) {
        ++outcome.signalCount;
        if (outcome.signal.isEmpty())
            outcome.signal = signal;
        loop.quit();
    };
    connections << QObject::connect(&store, &TokenStore::loaded, &loop, [&](const QString &token) {
        outcome.token = token;
        record(QStringLiteral("loaded"));
    });
    connections << QObject::connect(&store, &TokenStore::saved, &loop, [&] { record(QStringLiteral("saved")); });
    connections << QObject::connect(&store, &TokenStore::forgotten, &loop,
                                    [&] { record(QStringLiteral("forgotten")); });
    connections << QObject::connect(&store, &TokenStore::failed, &loop,
                                    [&](TokenStore::Failure kind, const QString &message) {
                                        outcome.failure = kind;
                                        outcome.message = message;
                                        record(QStringLiteral("failed"));
                                    });
    QTimer::singleShot(60000, &loop, [&] {
        outcome.signal = QStringLiteral("timeout");
        loop.quit();
    });
    start();
    loop.exec();
    // Anything still queued for this operation would be a second answer: let it arrive.
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    for (const auto &c : connections)
        QObject::disconnect(c);
    return outcome;
}

Outcome load(const QString &account)
{
    TokenStore store(account);
    return runOperation(store, [&] { store.load(); });
}

QString describe(const Outcome &o)
{
    return QStringLiteral("%1 (failure %2: %3)").arg(o.signal).arg(static_cast<int>(o.failure)).arg(o.message);
}

// Every directory the app writes settings or data to, in test mode.
QStringList appDirectories()
{
    const QString org = QCoreApplication::organizationName();
    QStringList dirs = {
        QFileInfo(QSettings().fileName()).absolutePath(),
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation),
        QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation),
        QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QLatin1Char('/') + org,
        QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QLatin1Char('/') + org,
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation),
    };
    dirs.removeDuplicates();
    return dirs;
}

// Writes ordinary, non-secret settings, so there is a settings file to look in.
QString writeOrdinarySettings()
{
    Settings settings;
    settings.setValue(Settings::Key::ApiUrl, QStringLiteral("https://ru.altkraft.com/"));
    settings.setValue(Settings::Key::Language, QStringLiteral("ru"));
    settings.setValue(Settings::Key::RequestTimeoutSeconds, 45);
    settings.setTrackedCampaignIds({11, 42});
    settings.sync();
    return QFileInfo(settings.fileName()).absoluteFilePath();
}

using TestSupport::Scan;
using TestSupport::scanForSecret;

// ---- helper mode: a process without any D-Bus session bus ---------------------------------

QJsonObject outcomeJson(const Outcome &o, const TokenStore &store)
{
    return {{QStringLiteral("signal"), o.signal},
            {QStringLiteral("failure"),
             QString::fromLatin1(QMetaEnum::fromType<TokenStore::Failure>().valueToKey(int(o.failure)))},
            {QStringLiteral("message"), o.message},
            {QStringLiteral("signals"), o.signalCount},
            {QStringLiteral("attempts"), store.lastAttempts()},
            {QStringLiteral("detail"), store.lastErrorDetail()},
            {QStringLiteral("tokenMatches"), o.token == qEnvironmentVariable(kHelperTokenEnv)},
            {QStringLiteral("tokenEmpty"), o.token.isEmpty()}};
}

int runNoKeychainHelper()
{
    const QString token = qEnvironmentVariable(kHelperTokenEnv);
    const QString settingsFile = writeOrdinarySettings();
    QJsonObject result;
    {
        TokenStore store(QStringLiteral("ru.altkraft.com"));
        const Outcome saved = runOperation(store, [&] { store.save(token); });
        result.insert(QStringLiteral("save"), outcomeJson(saved, store));
        result.insert(QStringLiteral("hasTokenAfterFailedSave"), store.hasToken());

        TokenStore reader(QStringLiteral("ru.altkraft.com"));
        const Outcome loaded = runOperation(reader, [&] { reader.load(); });
        result.insert(QStringLiteral("load"), outcomeJson(loaded, reader));

        // What the app offers then: "Use this token for this session only".
        store.useForSessionOnly(QStringLiteral("  ") + token + QStringLiteral("\n"));
        result.insert(QStringLiteral("sessionOnly"), store.isSessionOnly());
        result.insert(QStringLiteral("sessionTokenMatches"), store.token() == token);
        const Outcome sessionLoad = runOperation(store, [&] { store.load(); });
        result.insert(QStringLiteral("sessionLoad"), outcomeJson(sessionLoad, store));
    }
    QStringList roots = appDirectories();
    roots << QDir::homePath();
    const Scan scan = scanForSecret(roots, token);
    result.insert(QStringLiteral("filesScanned"), static_cast<int>(scan.files.size()));
    result.insert(QStringLiteral("settingsFileScanned"), scan.files.contains(settingsFile));
    result.insert(QStringLiteral("hits"), QJsonArray::fromStringList(scan.hits));
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 3;
    out.write(kHelperResultTag + QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n');
    return 0;
}

} // namespace

// Keychain tests need a Secret Service. Without one the test fails and says how to run it;
// CM_NO_KEYRING=1 turns that into an explicit skip.
#define REQUIRE_SECRET_SERVICE()                                                                                       \
    do {                                                                                                               \
        if (!m_keyringProblem.isEmpty()) {                                                                             \
            if (qEnvironmentVariable("CM_NO_KEYRING") == QLatin1String("1"))                                           \
                QSKIP("CM_NO_KEYRING=1: keychain test skipped on purpose");                                            \
            QFAIL(qPrintable(m_keyringProblem));                                                                       \
        }                                                                                                              \
    } while (false)

class TestTokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void keyIsDerivedFromTheApiHost();
    void cleanTrimsPastedWhitespace();
    void classifyMapsKeychainErrors_data();
    void classifyMapsKeychainErrors();

    void saveThenLoadThroughANewInstance();
    void savedTokenIsTrimmed();
    void tokenIsInNoSettingsOrDataFile();
    void loadOfAMissingEntryGivesAnEmptyTokenNotAnError();
    void forgetRemovesTheToken();
    void forgetOfAMissingEntrySucceeds();
    void savingAgainReplacesTheToken();
    void twoHostsKeepSeparateTokens();
    void sessionOnlyTokenIsNeverWrittenToTheKeychain();
    void withoutKeychainReportsNoKeychainAfterOneRetryAndSessionOnlyWorks();

    void noTokenInAnyLogLine(); // last: looks at the log of every test above

    void cleanupTestCase();

private:
    QString remember(const QString &token)
    {
        m_tokens.append(token);
        return token;
    }
    void forgetQuietly(const QString &account)
    {
        TokenStore store(account);
        runOperation(store, [&] { store.forget(); });
    }

    QString m_keyringProblem;
    QStringList m_tokens; // every token this run used, for the log check
};

void TestTokenStore::initTestCase()
{
    qRegisterMetaType<TokenStore::Failure>();
    QLoggingCategory::setFilterRules(QStringLiteral("campaignmanager.*.debug=true"));
    previousHandler = qInstallMessageHandler(captureMessage);

    const QString howToRun = QStringLiteral(
        " Run the keychain tests inside a private D-Bus session with an unlocked gnome-keyring, as scripts/test "
        "does: dbus-run-session -- scripts/with-keyring ctest -R tokenstore. Set CM_NO_KEYRING=1 to skip them "
        "on purpose.");
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        m_keyringProblem = QStringLiteral("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS=\"%1\": %2).")
                               .arg(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"), bus.lastError().message())
            + howToRun;
        return;
    }
    // Only a Secret Service that is already running counts: activating one on demand could
    // start a keyring in the user's own home and prompt for a password.
    (void)QTest::qWaitFor([&] { return bus.interface()->isServiceRegistered(kSecretsService).value(); }, 10000);
    if (!bus.interface()->isServiceRegistered(kSecretsService).value())
        m_keyringProblem
            = QStringLiteral("No Secret Service (%1) is running on the D-Bus session bus.").arg(kSecretsService)
            + howToRun;
}

void TestTokenStore::keyIsDerivedFromTheApiHost()
{
    QCOMPARE(TokenStore::serviceName(), QStringLiteral("campaign-manager"));
    QCOMPARE(TokenStore(QStringLiteral("ru.altkraft.com")).key(), QStringLiteral("api-token@ru.altkraft.com"));
    QCOMPARE(TokenStore(QUrl(QStringLiteral("https://ru.altkraft.com/"))).key(),
             QStringLiteral("api-token@ru.altkraft.com"));
    QCOMPARE(TokenStore(QUrl(QStringLiteral("https://RU.AltKraft.com/platform/"))).key(),
             QStringLiteral("api-token@ru.altkraft.com"));
    QCOMPARE(TokenStore(QUrl(QStringLiteral("http://127.0.0.1:18080/"))).key(),
             QStringLiteral("api-token@127.0.0.1:18080"));
    QCOMPARE(TokenStore(QUrl(QStringLiteral("http://[::1]:8080/"))).key(), QStringLiteral("api-token@[::1]:8080"));
    QCOMPARE(TokenStore(QUrl(QStringLiteral("https://альткрафт.рф/"))).key(),
             QStringLiteral("api-token@xn--80aa3ad0akdp1e.xn--p1ai"));
    QVERIFY(TokenStore(QStringLiteral("ru.altkraft.com")).key()
            != TokenStore(QStringLiteral("altcraft.example.com")).key());
}

void TestTokenStore::cleanTrimsPastedWhitespace()
{
    QCOMPARE(TokenStore::clean(QStringLiteral("  abc123 \n")), QStringLiteral("abc123"));
    QCOMPARE(TokenStore::clean(QStringLiteral("\tabc123\r\n")), QStringLiteral("abc123"));
    QCOMPARE(TokenStore::clean(QStringLiteral("abc123")), QStringLiteral("abc123"));
    QCOMPARE(TokenStore::clean(QStringLiteral(" \n ")), QString());
}

void TestTokenStore::classifyMapsKeychainErrors_data()
{
    // QKeychain::Error values: EntryNotFound 1, CouldNotDeleteEntry 2, AccessDeniedByUser 3,
    // AccessDenied 4, NoBackendAvailable 5, NotImplemented 6, OtherError 7.
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("text");
    QTest::addColumn<TokenStore::Failure>("expected");
    using F = TokenStore::Failure;
    QTest::newRow("NoBackendAvailable") << 5 << QStringLiteral("No keychain service available") << F::NoKeychain;
    QTest::newRow("NotImplemented") << 6 << QString() << F::NoKeychain;
    QTest::newRow("AccessDenied") << 4 << QStringLiteral("Cannot get secret of a locked object") << F::AccessDenied;
    QTest::newRow("AccessDeniedByUser") << 3 << QString() << F::AccessDenied;
    QTest::newRow("OtherError, no bus") << 7 << QStringLiteral("Could not connect: No such file or directory")
                                        << F::NoKeychain;
    QTest::newRow("OtherError, no Secret Service")
        << 7
        << QStringLiteral("GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets "
                          "was not provided by any .service files")
        << F::NoKeychain;
    QTest::newRow("OtherError, KWallet over D-Bus")
        << 7 << QStringLiteral("Could not open wallet: org.freedesktop.DBus.Error.NoServer; D-Bus is not running")
        << F::NoKeychain;
    QTest::newRow("OtherError, anything else") << 7 << QStringLiteral("Unknown error") << F::Other;
    QTest::newRow("CouldNotDeleteEntry") << 2 << QStringLiteral("Could not delete") << F::Other;
}

void TestTokenStore::classifyMapsKeychainErrors()
{
    QFETCH(int, error);
    QFETCH(QString, text);
    QFETCH(TokenStore::Failure, expected);
    QCOMPARE(TokenStore::classify(error, text), expected);
}

void TestTokenStore::saveThenLoadThroughANewInstance()
{
    REQUIRE_SECRET_SERVICE();
    const QString account = randomAccount();
    const QString token = remember(randomToken());
    {
        TokenStore writer(account);
        const Outcome saved = runOperation(writer, [&] { writer.save(token); });
        QVERIFY2(saved.signal == QLatin1String("saved"), qPrintable(describe(saved)));
        QCOMPARE(saved.signalCount, 1);
        QCOMPARE(writer.token(), token);
        QVERIFY(!writer.isSessionOnly());
    }
    TokenStore reader(account);
    QVERIFY(!reader.hasToken());
    const Outcome loaded = runOperation(reader, [&] { reader.load(); });
    QVERIFY2(loaded.signal == QLatin1String("loaded"), qPrintable(describe(loaded)));
    QCOMPARE(loaded.signalCount, 1);
    QVERIFY2(loaded.token == token, "the token read back differs from the one saved");
    QVERIFY(reader.token() == token);
    QVERIFY(!reader.isBusy());
    forgetQuietly(account);
}

void TestTokenStore::savedTokenIsTrimmed()
{
    REQUIRE_SECRET_SERVICE();
    const QString account = randomAccount();
    const QString token = remember(randomToken());
    TokenStore writer(account);
    const Outcome saved
        = runOperation(writer, [&] { writer.save(QStringLiteral(" \t") + token + QStringLiteral("\r\n")); });
    QVERIFY2(saved.signal == QLatin1String("saved"), qPrintable(describe(saved)));
    const Outcome loaded = load(account);
    QVERIFY2(loaded.signal == QLatin1String("loaded"), qPrintable(describe(loaded)));
    QVERIFY2(loaded.token == token, "the keychain holds the pasted whitespace too");
    forgetQuietly(account);
}

void TestTokenStore::tokenIsInNoSettingsOrDataFile()
{
    REQUIRE_SECRET_SERVICE();
    QVERIFY(QStandardPaths::isTestModeEnabled());
    const QString settingsFile = writeOrdinarySettings();
    const QString account = randomAccount();
    const QString token = remember(randomToken());
    {
        TokenStore writer(account);
        const Outcome saved = runOperation(writer, [&] { writer.save(token); });
        QVERIFY2(saved.signal == QLatin1String("saved"), qPrintable(describe(saved)));
    }
    const Outcome loaded = load(account);
    QVERIFY2(loaded.signal == QLatin1String("loaded") && loaded.token == token, qPrintable(describe(loaded)));
    // More ordinary settings after the keychain work, as the app would write them.
    {
        Settings settings;
        settings.setValue(Settings::Key::ApiUrl, QStringLiteral("https://%1/").arg(account));
        settings.sync();
    }

    QStringList roots = appDirectories();
    roots << QDir::homePath(); // this run's own HOME: everything the process wrote there
    const Scan scan = scanForSecret(roots, token);
    QVERIFY2(!scan.files.isEmpty(), "no file was scanned: the check below would be vacuous");
    QVERIFY2(scan.files.contains(settingsFile),
             qPrintable(QStringLiteral("the settings file %1 was not scanned; scanned: %2")
                            .arg(settingsFile, scan.files.join(QStringLiteral(", ")))));
    QVERIFY2(scan.hits.isEmpty(),
             qPrintable(QStringLiteral("the token was found in: ") + scan.hits.join(QStringLiteral(", "))));
    // The scan does find a secret that is there: the settings file holds the account name.
    QVERIFY(scanForSecret({QFileInfo(settingsFile).absolutePath()}, account).hits.contains(settingsFile));
    forgetQuietly(account);
}

void TestTokenStore::loadOfAMissingEntryGivesAnEmptyTokenNotAnError()
{
    REQUIRE_SECRET_SERVICE();
    TokenStore store(randomAccount());
    const Outcome loaded = runOperation(store, [&] { store.load(); });
    QVERIFY2(loaded.signal == QLatin1String("loaded"), qPrintable(describe(loaded)));
    QCOMPARE(loaded.signalCount, 1);
    QVERIFY(loaded.token.isEmpty());
    QVERIFY(!store.hasToken());
    QVERIFY(store.lastErrorDetail().isEmpty());
}

void TestTokenStore::forgetRemovesTheToken()
{
    REQUIRE_SECRET_SERVICE();
    const QString account = randomAccount();
    const QString token = remember(randomToken());
    TokenStore store(account);
    const Outcome saved = runOperation(store, [&] { store.save(token); });
    QVERIFY2(saved.signal == QLatin1String("saved"), qPrintable(describe(saved)));
    QVERIFY(load(account).token == token);

    const Outcome forgotten = runOperation(store, [&] { store.forget(); });
    QVERIFY2(forgotten.signal == QLatin1String("forgotten"), qPrintable(describe(forgotten)));
    QCOMPARE(forgotten.signalCount, 1);
    QVERIFY(!store.hasToken());

    const Outcome after = load(account);
    QVERIFY2(after.signal == QLatin1String("loaded"), qPrintable(describe(after)));
    QVERIFY2(after.token.isEmpty(), "the token is still in the keychain after forget()");
}

void TestTokenStore::forgetOfAMissingEntrySucceeds()
{
    REQUIRE_SECRET_SERVICE();
    TokenStore store(randomAccount());
    const Outcome forgotten = runOperation(store, [&] { store.forget(); });
    QVERIFY2(forgotten.signal == QLatin1String("forgotten"), qPrintable(describe(forgotten)));
    QCOMPARE(forgotten.signalCount, 1);
}

void TestTokenStore::savingAgainReplacesTheToken()
{
    REQUIRE_SECRET_SERVICE();
    const QString account = randomAccount();
    const QString first = remember(randomToken());
    const QString second = remember(randomToken());
    TokenStore store(account);
    QCOMPARE(runOperation(store, [&] { store.save(first); }).signal, QStringLiteral("saved"));
    QCOMPARE(runOperation(store, [&] { store.save(second); }).signal, QStringLiteral("saved"));
    const Outcome loaded = load(account);
    QVERIFY2(loaded.signal == QLatin1String("loaded"), qPrintable(describe(loaded)));
    QVERIFY2(loaded.token == second, "the second save did not replace the first token");
    forgetQuietly(account);
}

void TestTokenStore::twoHostsKeepSeparateTokens()
{
    REQUIRE_SECRET_SERVICE();
    const QString cloud = randomAccount();
    const QString onPrem = randomAccount() + QStringLiteral(":8443");
    const QString cloudToken = remember(randomToken());
    const QString onPremToken = remember(randomToken());
    TokenStore a(cloud);
    TokenStore b(onPrem);
    QVERIFY(a.key() != b.key());
    QCOMPARE(runOperation(a, [&] { a.save(cloudToken); }).signal, QStringLiteral("saved"));
    QCOMPARE(runOperation(b, [&] { b.save(onPremToken); }).signal, QStringLiteral("saved"));

    QVERIFY2(load(cloud).token == cloudToken, "the first host's token was overwritten");
    QVERIFY2(load(onPrem).token == onPremToken, "the second host's token is wrong");

    // Forgetting one leaves the other.
    QCOMPARE(runOperation(a, [&] { a.forget(); }).signal, QStringLiteral("forgotten"));
    QVERIFY(load(cloud).token.isEmpty());
    QVERIFY2(load(onPrem).token == onPremToken, "forgetting one host removed the other's token");
    forgetQuietly(onPrem);
}

void TestTokenStore::sessionOnlyTokenIsNeverWrittenToTheKeychain()
{
    REQUIRE_SECRET_SERVICE();
    const QString account = randomAccount();
    const QString token = remember(randomToken());
    TokenStore store(account);
    store.useForSessionOnly(QStringLiteral(" ") + token + QStringLiteral("\n"));
    QVERIFY(store.isSessionOnly());
    QVERIFY(store.token() == token);
    // load() answers from memory ...
    const Outcome own = runOperation(store, [&] { store.load(); });
    QVERIFY2(own.signal == QLatin1String("loaded") && own.token == token, qPrintable(describe(own)));
    QCOMPARE(store.lastAttempts(), 0);
    // ... while the keychain never saw it.
    const Outcome fresh = load(account);
    QVERIFY2(fresh.signal == QLatin1String("loaded"), qPrintable(describe(fresh)));
    QVERIFY2(fresh.token.isEmpty(), "a session-only token reached the keychain");
    // forget() drops it from memory.
    QCOMPARE(runOperation(store, [&] { store.forget(); }).signal, QStringLiteral("forgotten"));
    QVERIFY(!store.hasToken());
    QVERIFY(!store.isSessionOnly());
}

void TestTokenStore::withoutKeychainReportsNoKeychainAfterOneRetryAndSessionOnlyWorks()
{
    QTemporaryDir childHome;
    QVERIFY(childHome.isValid());
    const QString token = remember(randomToken());

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kHelperEnv), QStringLiteral("no-keychain"));
    env.insert(QString::fromLatin1(kHelperTokenEnv), token);
    env.insert(QStringLiteral("HOME"), childHome.path());
    // A D-Bus address whose socket does not exist: no session bus, so no Secret Service.
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=%1/no-such-bus-socket").arg(childHome.path()));
    // Nothing that could pick another backend or autolaunch a bus.
    for (const char *name :
         {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
          "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID", "GNOME_KEYRING_CONTROL", "CM_NO_KEYRING"})
        env.remove(QString::fromLatin1(name));

    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
    QVERIFY2(child.waitForFinished(120000), "the no-keychain helper process did not finish");
    const QByteArray out = child.readAllStandardOutput();
    const QByteArray err = child.readAllStandardError();
    const QString context
        = QStringLiteral("helper stdout:\n%1\nhelper stderr:\n%2").arg(QString::fromUtf8(out), QString::fromUtf8(err));
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(context));

    QJsonObject result;
    for (const QByteArray &line : out.split('\n')) {
        if (line.startsWith(kHelperResultTag))
            result = QJsonDocument::fromJson(line.mid(kHelperResultTag.size())).object();
    }
    QVERIFY2(!result.isEmpty(), qPrintable(context));

    // save() and load() both report NoKeychain, each after its one retry, with a message that
    // offers the session-only way out.
    for (const QString &op : {QStringLiteral("save"), QStringLiteral("load")}) {
        const QJsonObject o = result.value(op).toObject();
        const QString where
            = op + QStringLiteral(": ") + QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
        QVERIFY2(o.value(QStringLiteral("signal")).toString() == QLatin1String("failed"), qPrintable(where));
        QVERIFY2(o.value(QStringLiteral("failure")).toString() == QLatin1String("NoKeychain"), qPrintable(where));
        QVERIFY2(o.value(QStringLiteral("attempts")).toInt() == 2, qPrintable(where));
        QVERIFY2(o.value(QStringLiteral("signals")).toInt() == 1, qPrintable(where));
        QVERIFY2(o.value(QStringLiteral("message")).toString().contains(QLatin1String("for this session only")),
                 qPrintable(where));
        QVERIFY2(!o.value(QStringLiteral("detail")).toString().isEmpty(), qPrintable(where));
    }
    QVERIFY2(!result.value(QStringLiteral("hasTokenAfterFailedSave")).toBool(),
             "a failed save kept the token as if saved");
    QVERIFY2(result.value(QStringLiteral("load")).toObject().value(QStringLiteral("tokenEmpty")).toBool(),
             qPrintable(context));

    // Session-only use works without any keychain.
    QVERIFY(result.value(QStringLiteral("sessionOnly")).toBool());
    QVERIFY(result.value(QStringLiteral("sessionTokenMatches")).toBool());
    const QJsonObject sessionLoad = result.value(QStringLiteral("sessionLoad")).toObject();
    QCOMPARE(sessionLoad.value(QStringLiteral("signal")).toString(), QStringLiteral("loaded"));
    QVERIFY(sessionLoad.value(QStringLiteral("tokenMatches")).toBool());

    // ... and wrote the token nowhere: the child's own scan, then ours of its whole HOME.
    QVERIFY2(result.value(QStringLiteral("filesScanned")).toInt() > 0, "the helper scanned no file");
    QVERIFY2(result.value(QStringLiteral("settingsFileScanned")).toBool(), "the helper did not scan its settings file");
    QVERIFY2(result.value(QStringLiteral("hits")).toArray().isEmpty(), qPrintable(context));
    const Scan scan = scanForSecret({childHome.path()}, token);
    QVERIFY2(!scan.files.isEmpty(), "the helper's HOME holds no file: the check below would be vacuous");
    QVERIFY2(scan.hits.isEmpty(),
             qPrintable(QStringLiteral("the token was found in: ") + scan.hits.join(QStringLiteral(", "))));
    // The helper's log never held the token either.
    QVERIFY2(!out.contains(token.toUtf8()) && !err.contains(token.toUtf8()), "the helper printed the token");
}

void TestTokenStore::noTokenInAnyLogLine()
{
    // One more token through a path that needs no keychain, so the log is never empty even
    // when the keychain tests were skipped (CM_NO_KEYRING=1).
    {
        TokenStore store(randomAccount());
        store.useForSessionOnly(remember(randomToken()));
        QCOMPARE(runOperation(store, [&] { store.load(); }).signal, QStringLiteral("loaded"));
    }
    QStringList lines, settingsLines;
    {
        QMutexLocker lock(&logMutex);
        lines = logLines;
        settingsLines = settingsLogLines;
    }
    QVERIFY2(!settingsLines.isEmpty(),
             "no campaignmanager.settings line was captured: the check below would be vacuous");
    QVERIFY(!m_tokens.isEmpty());
    for (const QString &token : std::as_const(m_tokens)) {
        for (const QString &line : std::as_const(lines))
            QVERIFY2(!line.contains(token), qPrintable(QStringLiteral("a log line holds a token: ") + line.left(60)));
    }
}

void TestTokenStore::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
}

int main(int argc, char **argv)
{
    // Each process gets its own HOME (the helper's is chosen by the parent), so the test-mode
    // settings and data directories hold only what this process wrote.
    const bool helper = qEnvironmentVariable(kHelperEnv) == QLatin1String("no-keychain");
    QTemporaryDir home;
    if (!helper) {
        if (!home.isValid())
            return 2;
        qputenv("HOME", QFile::encodeName(home.path()));
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CampaignManager"));
    QCoreApplication::setApplicationName(QStringLiteral("campaign-manager"));
    QStandardPaths::setTestModeEnabled(true);
    if (helper)
        return runNoKeychainHelper();
    TestTokenStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_tokenstore.moc"
