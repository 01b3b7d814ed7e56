// Accounts: AccountStore over a real INI file, and AccountMigration against the real Secret
// Service of the private D-Bus session that scripts/with-keyring starts (as tst_tokenstore).
// Every run gets its own HOME; CM_NO_KEYRING=1 skips the keychain tests on purpose.

#include "account.h"
#include "accountmigration.h"
#include "accountstore.h"
#include "settings.h"
#include "tokenstore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kKeychainWaitMs = 60000; // generous: this is no timing test

// One keychain operation, waited for; returns the token for load(), "" otherwise, and whether
// the store answered with success.
struct KeychainResult {
    bool ok = false;
    QString token;
};

KeychainResult loadToken(TokenStore *store)
{
    QSignalSpy loaded(store, &TokenStore::loaded);
    QSignalSpy failed(store, &TokenStore::failed);
    store->load();
    (void)QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, kKeychainWaitMs);
    if (loaded.isEmpty())
        return {};
    return {true, loaded.first().first().toString()};
}

bool saveToken(TokenStore *store, const QString &token)
{
    QSignalSpy saved(store, &TokenStore::saved);
    QSignalSpy failed(store, &TokenStore::failed);
    store->save(token);
    (void)QTest::qWaitFor([&] { return !saved.isEmpty() || !failed.isEmpty(); }, kKeychainWaitMs);
    return !saved.isEmpty();
}

bool forgetToken(TokenStore *store)
{
    QSignalSpy forgotten(store, &TokenStore::forgotten);
    QSignalSpy failed(store, &TokenStore::failed);
    store->forget();
    (void)QTest::qWaitFor([&] { return !forgotten.isEmpty() || !failed.isEmpty(); }, kKeychainWaitMs);
    return !forgotten.isEmpty();
}

Account someAccount(const QString &name, const QString &url = QStringLiteral("https://ru.altkraft.com/"))
{
    return Account::create(name, QUrl(url));
}

} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void accountSurvivesTheTripThroughSettings();
    void unknownEnvironmentIsTreatedAsProduction();
    void savedAccountsComeBackInANewStoreInTheirOrder();
    void damagedEntriesAreSkippedNotHalfUsed();
    void namesAreUniqueIgnoringCase();
    void demoIsAlwaysFirstAndCannotBeChangedOrRemoved();
    void duplicateGetsAFreshIdAndAFreeName();
    void removingTheCurrentAccountFallsBackToTheDemo();
    void tokensAreKeyedByAccountIdNotByHost();

    void migrationMovesTheOldUrlAndTokenIntoAnAccountNamedAfterItsHost();
    void migrationWithoutATokenStillMakesTheAccount();
    void interruptedMigrationFindsItsAccountInsteadOfAddingASecond();
    void nothingToMigrateWithoutTheOldUrl();

private:
    bool keyringMissing();
    QString iniPath() const { return m_dir->filePath(QStringLiteral("settings.ini")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_keyringProblem;
};

void TestAccounts::initTestCase()
{
    qRegisterMetaType<TokenStore::Failure>();
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        m_keyringProblem = QStringLiteral("No D-Bus session bus.");
        return;
    }
    (void)QTest::qWaitFor(
        [&] { return bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")).value(); }, 10000);
    if (!bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")).value())
        m_keyringProblem = QStringLiteral("No Secret Service on the session bus: run inside scripts/with-keyring.");
}

void TestAccounts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

bool TestAccounts::keyringMissing()
{
    if (m_keyringProblem.isEmpty())
        return false;
    if (qEnvironmentVariableIsSet("CM_NO_KEYRING"))
        return true;
    qFatal("%s", qPrintable(m_keyringProblem));
}

void TestAccounts::accountSurvivesTheTripThroughSettings()
{
    Account account = someAccount(QStringLiteral("Client A \"prod\""));
    account.environment = Account::Environment::Custom;
    account.customEnvironment = QStringLiteral("Pre-release");
    account.colour = QStringLiteral("#123abc");
    account.readOnly = true;
    account.confirmEveryAction = true;
    account.typedConfirmationFrom = 25;
    const Account back = Account::fromMap(account.toMap());
    QCOMPARE(back, account);
    QCOMPARE(back.environmentLabel(), QStringLiteral("Pre-release"));
    QVERIFY(!back.toMap().contains(QStringLiteral("token")));
}

void TestAccounts::unknownEnvironmentIsTreatedAsProduction()
{
    QVariantMap map = someAccount(QStringLiteral("A")).toMap();
    map[QStringLiteral("environment")] = QStringLiteral("quantum");
    map[QStringLiteral("colour")] = QStringLiteral("red; background: url(x)");
    const Account back = Account::fromMap(map);
    QCOMPARE(back.environment, Account::Environment::Production);
    // A colour that is not #rrggbb is replaced, so it can never reach a style sheet as written.
    QCOMPARE(back.colour, Account::defaultColour(Account::Environment::Production));
}

void TestAccounts::savedAccountsComeBackInANewStoreInTheirOrder()
{
    const Account b = someAccount(QStringLiteral("B"), QStringLiteral("https://b.example/"));
    const Account a = someAccount(QStringLiteral("A"), QStringLiteral("https://a.example/"));
    {
        Settings settings(iniPath());
        AccountStore store(&settings);
        QSignalSpy changed(&store, &AccountStore::accountsChanged);
        QCOMPARE(store.add(b), QString());
        QCOMPARE(store.add(a), QString());
        QCOMPARE(changed.count(), 2);
        settings.sync();
    }
    Settings settings(iniPath());
    AccountStore store(&settings);
    QCOMPARE(store.savedAccounts(), (QList<Account>{b, a}));
    QCOMPARE(store.accounts().size(), 4); // the demo's two built-in accounts come first
    QVERIFY(store.accounts().at(0).isDemo());
    QVERIFY(store.accounts().at(1).isDemo());
    QCOMPARE(store.accounts().at(2), b);
}

void TestAccounts::damagedEntriesAreSkippedNotHalfUsed()
{
    const Account good = someAccount(QStringLiteral("Good"));
    {
        Settings settings(iniPath());
        QVariantMap noUrl = someAccount(QStringLiteral("No URL")).toMap();
        noUrl.remove(QStringLiteral("apiUrl"));
        QVariantMap demo = good.toMap();
        demo[QStringLiteral("id")] = QStringLiteral("demo");
        settings.setValue(Settings::Key::Accounts, QVariantList{noUrl, good.toMap(), demo, good.toMap(), 42});
        settings.sync();
    }
    Settings settings(iniPath());
    AccountStore store(&settings);
    QCOMPARE(store.savedAccounts(), QList<Account>{good});
}

void TestAccounts::namesAreUniqueIgnoringCase()
{
    Settings settings(iniPath());
    AccountStore store(&settings);
    QCOMPARE(store.add(someAccount(QStringLiteral("Client A"))), QString());
    QVERIFY(!store.add(someAccount(QStringLiteral("  client a "))).isEmpty());
    QVERIFY(!store.add(someAccount(QStringLiteral("demo"))).isEmpty()); // the demo's name is taken
    QVERIFY(!store.add(someAccount(QStringLiteral("   "))).isEmpty());
    QCOMPARE(store.savedAccounts().size(), 1);
    QCOMPARE(store.findByName(QStringLiteral("CLIENT A"))->name, QStringLiteral("Client A"));
    Account renamed = store.savedAccounts().first();
    renamed.name = QStringLiteral("client A"); // its own name, in another case, is fine
    QCOMPARE(store.update(renamed), QString());
}

void TestAccounts::demoIsAlwaysFirstAndCannotBeChangedOrRemoved()
{
    Settings settings(iniPath());
    AccountStore store(&settings);
    store.setDemoUrl(QUrl(QStringLiteral("http://127.0.0.1:4567/")));
    const Account demo = store.accounts().first();
    QVERIFY(demo.isDemo());
    QCOMPARE(demo.environment, Account::Environment::Demo);
    QCOMPARE(demo.apiUrl, QUrl(QStringLiteral("http://127.0.0.1:4567/")));
    Account edited = demo;
    edited.name = QStringLiteral("Mine now");
    QVERIFY(!store.update(edited).isEmpty());
    QVERIFY(!store.add(edited).isEmpty());
    QVERIFY(!store.remove(demo.id).isEmpty());
    QCOMPARE(store.accounts().first().name, demo.name);
    // The second built-in account: Production, asking before every action, as fixed as the first.
    const Account second = store.accounts().at(1);
    QCOMPARE(second.id, QString(Account::kSecondDemoId));
    QVERIFY(second.isDemo());
    QCOMPARE(second.environment, Account::Environment::Production);
    QVERIFY(second.confirmEveryAction);
    QCOMPARE(second.apiUrl, demo.apiUrl);
    QCOMPARE(*store.find(second.id), second);
    QVERIFY(!store.remove(second.id).isEmpty());
    QVERIFY(!store.update(second).isEmpty());
    QVERIFY(settings.value(Settings::Key::Accounts).toList().isEmpty());
}

void TestAccounts::duplicateGetsAFreshIdAndAFreeName()
{
    Settings settings(iniPath());
    AccountStore store(&settings);
    Account original = someAccount(QStringLiteral("Client A"));
    original.readOnly = true;
    original.environment = Account::Environment::Staging;
    QCOMPARE(store.add(original), QString());
    const Account copy = store.duplicateOf(original);
    QVERIFY(copy.id != original.id);
    QCOMPARE(copy.name, QStringLiteral("Client A (copy)"));
    QCOMPARE(copy.apiUrl, original.apiUrl);
    QVERIFY(copy.readOnly); // the rules come along: a copy is no less careful
    QCOMPARE(copy.environment, Account::Environment::Staging);
    QCOMPARE(store.add(copy), QString());
    QCOMPARE(store.duplicateOf(original).name, QStringLiteral("Client A (copy 2)"));
    const Account demoCopy = store.duplicateOf(store.accounts().first());
    QVERIFY(!demoCopy.isDemo());
    QCOMPARE(demoCopy.environment, Account::Environment::Test);
}

void TestAccounts::removingTheCurrentAccountFallsBackToTheDemo()
{
    Settings settings(iniPath());
    AccountStore store(&settings);
    const Account a = someAccount(QStringLiteral("A"));
    QCOMPARE(store.add(a), QString());
    QSignalSpy current(&store, &AccountStore::currentChanged);
    store.setCurrent(a.id);
    QCOMPARE(store.current().id, a.id);
    QCOMPARE(current.count(), 1);
    store.setCurrent(QStringLiteral("no-such-id"));
    QCOMPARE(store.current().id, a.id);
    QCOMPARE(store.remove(a.id), QString());
    QVERIFY(store.current().isDemo());
    QCOMPARE(current.count(), 2);
    QVERIFY(current.last().first().value<Account>().isDemo());
    QVERIFY(!store.remove(a.id).isEmpty());
}

void TestAccounts::tokensAreKeyedByAccountIdNotByHost()
{
    if (keyringMissing())
        QSKIP("CM_NO_KEYRING is set");
    const Account a = someAccount(QStringLiteral("A"));
    const Account b = someAccount(QStringLiteral("B")); // same host, another account
    std::unique_ptr<TokenStore> storeA(TokenStore::forAccount(a.id));
    std::unique_ptr<TokenStore> storeB(TokenStore::forAccount(b.id));
    QCOMPARE(storeA->key(), QStringLiteral("api-token#") + a.id);
    QVERIFY(saveToken(storeA.get(), QStringLiteral("token0for0account0a0000000000001")));
    QVERIFY(saveToken(storeB.get(), QStringLiteral("token0for0account0b0000000000002")));
    std::unique_ptr<TokenStore> readA(TokenStore::forAccount(a.id));
    QCOMPARE(loadToken(readA.get()).token, QStringLiteral("token0for0account0a0000000000001"));
    // Removing an account's entry leaves the other's.
    QVERIFY(forgetToken(storeA.get()));
    std::unique_ptr<TokenStore> againA(TokenStore::forAccount(a.id));
    std::unique_ptr<TokenStore> againB(TokenStore::forAccount(b.id));
    const KeychainResult goneA = loadToken(againA.get());
    QVERIFY(goneA.ok);
    QCOMPARE(goneA.token, QString());
    QCOMPARE(loadToken(againB.get()).token, QStringLiteral("token0for0account0b0000000000002"));
    QVERIFY(forgetToken(storeB.get()));
}

void TestAccounts::migrationMovesTheOldUrlAndTokenIntoAnAccountNamedAfterItsHost()
{
    if (keyringMissing())
        QSKIP("CM_NO_KEYRING is set");
    const QUrl url(QStringLiteral("https://client-a.altkraft.example:8443/"));
    const QString token = QStringLiteral("old0single0token0000000000000003");
    TokenStore legacy(url);
    QVERIFY(saveToken(&legacy, token));
    Settings settings(iniPath());
    settings.setValue(Settings::Key::ApiUrl, url.toString());
    settings.setValue(Settings::Key::Concurrency, 4);
    AccountStore store(&settings);
    AccountMigration migration(&settings, &store);
    QVERIFY(migration.isNeeded());
    QSignalSpy finished(&migration, &AccountMigration::finished);
    QSignalSpy failed(&migration, &AccountMigration::failed);
    migration.start();
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, kKeychainWaitMs));
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));

    const Account account = finished.first().first().value<Account>();
    QCOMPARE(account.name, QStringLiteral("client-a.altkraft.example"));
    QCOMPARE(account.apiUrl, url);
    QCOMPARE(account.environment, Account::Environment::Production);
    QCOMPARE(store.savedAccounts(), QList<Account>{account});
    QCOMPARE(store.current().id, account.id);
    // Nothing lost: the token is under the account; the other settings are as they were.
    std::unique_ptr<TokenStore> moved(TokenStore::forAccount(account.id));
    QCOMPARE(loadToken(moved.get()).token, token);
    QCOMPARE(settings.concurrency(), 4);
    // The old keys are gone.
    QVERIFY(!migration.isNeeded());
    settings.sync();
    QVERIFY(!QSettings(iniPath(), QSettings::IniFormat).contains(Settings::keyName(Settings::Key::ApiUrl)));
    TokenStore oldEntry(url);
    const KeychainResult old = loadToken(&oldEntry);
    QVERIFY(old.ok);
    QCOMPARE(old.token, QString());
    // And the token is in no settings file.
    QFile ini(iniPath());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains(token.toUtf8()));
    QVERIFY(forgetToken(moved.get()));
}

void TestAccounts::migrationWithoutATokenStillMakesTheAccount()
{
    if (keyringMissing())
        QSKIP("CM_NO_KEYRING is set");
    Settings settings(iniPath());
    settings.setValue(Settings::Key::ApiUrl, QStringLiteral("https://no-token.example/"));
    AccountStore store(&settings);
    AccountMigration migration(&settings, &store);
    QSignalSpy finished(&migration, &AccountMigration::finished);
    migration.start();
    QVERIFY(finished.wait(kKeychainWaitMs));
    QCOMPARE(store.savedAccounts().size(), 1);
    QCOMPARE(store.savedAccounts().first().name, QStringLiteral("no-token.example"));
    QVERIFY(!migration.isNeeded());
}

void TestAccounts::interruptedMigrationFindsItsAccountInsteadOfAddingASecond()
{
    if (keyringMissing())
        QSKIP("CM_NO_KEYRING is set");
    const QUrl url(QStringLiteral("https://interrupted.example/"));
    Settings settings(iniPath());
    settings.setValue(Settings::Key::ApiUrl, url.toString());
    AccountStore store(&settings);
    // What a run that stopped after adding the account left behind; the user renamed it since.
    Account earlier = Account::create(QStringLiteral("Renamed by the user"), url);
    QCOMPARE(store.add(earlier), QString());
    // An unrelated account already has the host's name.
    QCOMPARE(store.add(someAccount(QStringLiteral("interrupted.example"), QStringLiteral("https://x.example/"))),
             QString());
    TokenStore legacy(url);
    QVERIFY(saveToken(&legacy, QStringLiteral("interrupted0token000000000000004")));
    AccountMigration migration(&settings, &store);
    QSignalSpy finished(&migration, &AccountMigration::finished);
    migration.start();
    QVERIFY(finished.wait(kKeychainWaitMs));
    QCOMPARE(finished.first().first().value<Account>().id, earlier.id);
    QCOMPARE(store.savedAccounts().size(), 2);
    std::unique_ptr<TokenStore> moved(TokenStore::forAccount(earlier.id));
    QCOMPARE(loadToken(moved.get()).token, QStringLiteral("interrupted0token000000000000004"));
    QVERIFY(forgetToken(moved.get()));
}

void TestAccounts::nothingToMigrateWithoutTheOldUrl()
{
    Settings settings(iniPath());
    AccountStore store(&settings);
    AccountMigration migration(&settings, &store);
    QVERIFY(!migration.isNeeded());
    QVERIFY(store.savedAccounts().isEmpty());
    QVERIFY(store.current().isDemo());
}

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
