// Several Altcraft accounts on one emulator port: each token reaches its own account's campaigns
// only, IDs overlap across accounts as on separate real accounts, another account's campaign is
// answered like an unknown ID, and the request log names the account each request was served for.
// A real AltcraftEmulator on loopback, a real QNetworkAccessManager.

#include "altcraftemulator.h"
#include "emulatorhttp.h"

#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace EmulatorHttp;

namespace {

const QString kAccountB = u"b"_s;

QString tokenB()
{
    return u"account0b0full0token0000000000b1"_s;
}

QString viewTokenB()
{
    return u"account0b0view0token0000000000b2"_s;
}

QList<ApiTokenGrant> grantsOfB()
{
    return {{tokenB(), u"full access"_s, true, true, true, {}},
            {viewTokenB(), u"view only"_s, true, false, true, {}, u"ignored: addAccount binds it"_s}};
}

// "'b'", "''" (the default account) or "<none>" (no valid token), for comparisons that print well.
QString accountOf(const RecordedRequest &request)
{
    return request.account ? u"'"_s + *request.account + u"'"_s : u"<none>"_s;
}

QStringList namesOf(const QJsonValue &data)
{
    QStringList names;
    for (const QJsonValue &v : data.toArray())
        names.append(v.toObject().value(u"name"_s).toString());
    return names;
}

} // namespace

class TestEmulatorAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void accountsListsTheDefaultThenTheAddedOnes();
    void twoTokensOfTwoAccountsListDifferentCampaigns();
    void overlappingIdInBIsBsCampaign();
    void deactivateWithTokenOfBChangesOnlyBsCampaign();
    void requestLogNamesTheAccount();
    void tokenOfBCannotReachACampaignOnlyInA_data();
    void tokenOfBCannotReachACampaignOnlyInA();
    void rightsStillApplyWithinAnAccount();
    void generatedAccountsShareIdsButNotCampaigns();
    void tokenOfAnAccountThatDoesNotExistIs401();
    void defaultTokensKeepServingTheDefaultAccount();
    void secondDemoTokenLooksLikeTheOthers();

private:
    HttpResult call(const QString &method, QJsonObject body, const QString &token);
    QString statusOf(qint64 id, const QString &token);

    std::unique_ptr<AltcraftEmulator> m_emu;
    std::unique_ptr<HttpClient> m_http;
};

// Account "" (default tokens): 1 active "A one", 7 active "A seven", 50 inactive "A fifty".
// Account "b" (tokenB, viewTokenB): 1 inactive "B one", 7 active "B seven".
void TestEmulatorAccounts::init()
{
    m_emu = std::make_unique<AltcraftEmulator>();
    QVERIFY(m_emu->start() != 0);
    m_emu->store().reset({
        CampaignBuilder(1).name(u"A one"_s).emulated(EmulatedState::Active),
        CampaignBuilder(7).name(u"A seven"_s).emulated(EmulatedState::Active),
        CampaignBuilder(50).name(u"A fifty"_s).emulated(EmulatedState::Inactive),
    });
    m_emu->addAccount(kAccountB, 0, 1, grantsOfB());
    m_emu->store(kAccountB).reset({
        CampaignBuilder(1).name(u"B one"_s).emulated(EmulatedState::Inactive),
        CampaignBuilder(7).name(u"B seven"_s).emulated(EmulatedState::Active),
    });
    m_http = std::make_unique<HttpClient>(m_emu->baseUrl());
}

void TestEmulatorAccounts::cleanup()
{
    m_http.reset();
    m_emu.reset();
}

HttpResult TestEmulatorAccounts::call(const QString &method, QJsonObject body, const QString &token)
{
    body.insert(u"token"_s, token);
    return m_http->post(method, body);
}

QString TestEmulatorAccounts::statusOf(qint64 id, const QString &token)
{
    const HttpResult r = call(u"get_status"_s, {{u"id"_s, id}}, token);
    if (r.httpStatus != 200 || r.apiError() != 0)
        return QString::fromUtf8("<get_status failed: " + r.describe() + '>');
    return r.data().toObject().value(u"status"_s).toString();
}

void TestEmulatorAccounts::accountsListsTheDefaultThenTheAddedOnes()
{
    m_emu->addAccount(u"a-later"_s, 3, 5, {});
    QCOMPARE(m_emu->accounts(), (QStringList{QString(), u"a-later"_s, kAccountB}));
    QCOMPARE(m_emu->store(u"a-later"_s).size(), 3);
    QCOMPARE(m_emu->store(kAccountB).size(), 2);
    QCOMPARE(m_emu->store().size(), 3);
}

void TestEmulatorAccounts::twoTokensOfTwoAccountsListDifferentCampaigns()
{
    const HttpResult a = call(u"list"_s, {}, ApiTokenGrant::defaultFullToken());
    const HttpResult b = call(u"list"_s, {}, tokenB());
    QVERIFY2(a.apiError() == 0, a.describe());
    QVERIFY2(b.apiError() == 0, b.describe());
    QCOMPARE(idsOf(a.data()), (QList<qint64>{1, 7, 50}));
    QCOMPARE(namesOf(a.data()), (QStringList{u"A one"_s, u"A seven"_s, u"A fifty"_s}));
    QCOMPARE(idsOf(b.data()), (QList<qint64>{1, 7}));
    QCOMPARE(namesOf(b.data()), (QStringList{u"B one"_s, u"B seven"_s}));
}

void TestEmulatorAccounts::overlappingIdInBIsBsCampaign()
{
    const HttpResult b = call(u"get"_s, {{u"id"_s, 1}}, tokenB());
    QVERIFY2(b.apiError() == 0, b.describe());
    QCOMPARE(namesOf(b.data()), QStringList{u"B one"_s});
    QCOMPARE(statusOf(1, tokenB()), u"inactive"_s);
    QCOMPARE(statusOf(1, viewTokenB()), u"inactive"_s);

    const HttpResult a = call(u"get"_s, {{u"id"_s, 1}}, ApiTokenGrant::defaultFullToken());
    QCOMPARE(namesOf(a.data()), QStringList{u"A one"_s});
    QCOMPARE(statusOf(1, ApiTokenGrant::defaultViewToken()), u"active"_s);
}

void TestEmulatorAccounts::deactivateWithTokenOfBChangesOnlyBsCampaign()
{
    const HttpResult r = call(u"deactivate"_s, {{u"id"_s, 7}}, tokenB());
    QVERIFY2(r.httpStatus == 200 && r.apiError() == 0, r.describe());

    QCOMPARE(statusOf(7, tokenB()), u"inactive"_s);
    QCOMPARE(m_emu->store(kAccountB).find(7)->state, EmulatedState::Inactive);
    QCOMPARE(m_emu->store(kAccountB).find(7)->updatedUser, EmulatorApi::apiUserName());
    // A's campaign 7 is another campaign: untouched.
    QCOMPARE(statusOf(7, ApiTokenGrant::defaultFullToken()), u"active"_s);
    QCOMPARE(m_emu->store().find(7)->state, EmulatedState::Active);
    QVERIFY(m_emu->store().find(7)->updatedUser != EmulatorApi::apiUserName());

    const QList<RecordedRequest> log = m_emu->requests();
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.at(0).apiMethod(), u"deactivate"_s);
    QCOMPARE(accountOf(log.at(0)), u"'b'"_s);
    QCOMPARE(accountOf(log.at(2)), u"''"_s);
}

void TestEmulatorAccounts::requestLogNamesTheAccount()
{
    QStringList received;
    connect(m_emu.get(), &AltcraftEmulator::requestReceived, this,
            [&received](const RecordedRequest &r) { received.append(accountOf(r)); });
    QCOMPARE(call(u"list"_s, {}, ApiTokenGrant::defaultFullToken()).apiError(), 0);
    QCOMPARE(call(u"list"_s, {}, tokenB()).apiError(), 0);
    QCOMPARE(m_http->post(u"get_status"_s, {{u"id"_s, 1}}, viewTokenB().toUtf8()).apiError(), 0); // Bearer header
    QCOMPARE(call(u"list"_s, {}, u"no0such0token000000000000000000x"_s).apiError(), 401);
    QCOMPARE(m_http->post(u"list"_s, {}).apiError(), 401);

    const QList<RecordedRequest> log = m_emu->requests();
    QCOMPARE(log.size(), 5);
    QStringList logged;
    for (const RecordedRequest &r : log)
        logged.append(accountOf(r));
    QCOMPARE(logged, (QStringList{u"''"_s, u"'b'"_s, u"'b'"_s, u"<none>"_s, u"<none>"_s}));
    // The signal carries it too, and the printed line names a named account only.
    QCOMPARE(received, logged);
    QVERIFY2(log.at(1).summary().endsWith(u", account b)"_s), qPrintable(log.at(1).summary()));
    QVERIFY2(!log.at(0).summary().contains(u"account"_s), qPrintable(log.at(0).summary()));
    QVERIFY2(!log.at(1).summary().contains(tokenB()), qPrintable(log.at(1).summary()));
}

void TestEmulatorAccounts::tokenOfBCannotReachACampaignOnlyInA_data()
{
    QTest::addColumn<QString>("method");
    for (const char *method : {"get", "get_status", "activate", "deactivate", "completed"})
        QTest::newRow(method) << QString::fromLatin1(method);
}

// Campaign 50 exists in A only: B gets exactly what A gets for an ID it has nowhere (999).
void TestEmulatorAccounts::tokenOfBCannotReachACampaignOnlyInA()
{
    QFETCH(QString, method);
    const QDateTime updatedBefore = m_emu->store().find(50)->updated;

    const HttpResult fromB = call(method, {{u"id"_s, 50}}, tokenB());
    const HttpResult unknownInA = call(method, {{u"id"_s, 999}}, ApiTokenGrant::defaultFullToken());
    QCOMPARE(fromB.httpStatus, 200);
    QCOMPARE(fromB.apiError(), 404);
    QCOMPARE(fromB.errorText(), u"Campaign 50 not found"_s);
    QVERIFY(fromB.data().isNull());
    QCOMPARE(fromB.httpStatus, unknownInA.httpStatus);
    QCOMPARE(fromB.body, QByteArray(unknownInA.body).replace("999", "50"));

    QCOMPARE(m_emu->store().find(50)->state, EmulatedState::Inactive);
    QCOMPARE(m_emu->store().find(50)->updated, updatedBefore);
    QVERIFY(!idsOf(call(u"list"_s, {}, tokenB()).data()).contains(50));

    // And with API errors sent as HTTP statuses, still the unknown ID's answer.
    m_emu->setErrorsAsHttpStatus(true);
    const HttpResult asStatus = call(method, {{u"id"_s, 50}}, tokenB());
    const HttpResult unknownAsStatus = call(method, {{u"id"_s, 999}}, ApiTokenGrant::defaultFullToken());
    QCOMPARE(asStatus.httpStatus, unknownAsStatus.httpStatus);
    QCOMPARE(asStatus.apiError(), 404);
}

void TestEmulatorAccounts::rightsStillApplyWithinAnAccount()
{
    const HttpResult list = call(u"list"_s, {}, viewTokenB());
    QCOMPARE(list.apiError(), 403);
    const HttpResult act = call(u"activate"_s, {{u"id"_s, 1}}, viewTokenB());
    QCOMPARE(act.apiError(), 403);
    QCOMPARE(m_emu->store(kAccountB).find(1)->state, EmulatedState::Inactive);
}

void TestEmulatorAccounts::generatedAccountsShareIdsButNotCampaigns()
{
    AltcraftEmulator emu;
    QVERIFY(emu.start() != 0);
    emu.seed(40, 1);
    emu.addAccount(u"second"_s, 30, 2, {{tokenB(), u"full access"_s, true, true, true, {}}});
    HttpClient http(emu.baseUrl());
    const HttpResult a = http.post(u"list"_s, {{u"token"_s, ApiTokenGrant::defaultFullToken()}});
    const HttpResult b = http.post(u"list"_s, {{u"token"_s, tokenB()}});
    QCOMPARE(idsOf(a.data()).size(), 40);
    QCOMPARE(idsOf(b.data()).size(), 30);
    QCOMPARE(idsOf(b.data()), idsOf(a.data()).first(30)); // the same IDs, 1 to 30
    const QStringList namesA = namesOf(a.data()).first(30);
    const QStringList namesB = namesOf(b.data());
    int differing = 0;
    for (qsizetype i = 0; i < namesB.size(); ++i)
        differing += namesA.at(i) != namesB.at(i) ? 1 : 0;
    QVERIFY2(differing > 20, qPrintable(u"only %1 of 30 names differ"_s.arg(differing)));
}

void TestEmulatorAccounts::tokenOfAnAccountThatDoesNotExistIs401()
{
    ApiTokenGrant stray{u"stray0account0token0000000000001"_s, u"stray"_s, true, true, true, {}, u"nowhere"_s};
    QList<ApiTokenGrant> tokens = m_emu->api().tokens();
    tokens.append(stray);
    m_emu->setTokens(tokens);
    const HttpResult r = call(u"list"_s, {}, stray.token);
    QCOMPARE(r.apiError(), 401);
    QCOMPARE(accountOf(m_emu->requests().last()), u"<none>"_s);
    QCOMPARE(call(u"list"_s, {}, tokenB()).apiError(), 0);
}

void TestEmulatorAccounts::defaultTokensKeepServingTheDefaultAccount()
{
    AltcraftEmulator emu;
    QVERIFY(emu.start() != 0);
    emu.seed(12, 1);
    HttpClient http(emu.baseUrl());
    // No account added: the second demo token is no token here.
    QCOMPARE(http.post(u"list"_s, {{u"token"_s, ApiTokenGrant::secondAccountToken()}}).apiError(), 401);
    QCOMPARE(emu.accounts(), QStringList{QString()});

    emu.addAccount(ApiTokenGrant::secondAccountName(), 5, 2, ApiTokenGrant::secondAccountDefaults());
    QCOMPARE(idsOf(http.post(u"list"_s, {{u"token"_s, ApiTokenGrant::defaultFullToken()}}).data()).size(), 12);
    QCOMPARE(idsOf(http.post(u"list"_s, {{u"token"_s, ApiTokenGrant::secondAccountToken()}}).data()).size(), 5);
    QCOMPARE(http.post(u"get_status"_s, {{u"token"_s, ApiTokenGrant::defaultViewToken()}, {u"id"_s, 12}}).apiError(),
             0);
    QCOMPARE(accountOf(emu.requests().last()), u"''"_s);
}

void TestEmulatorAccounts::secondDemoTokenLooksLikeTheOthers()
{
    static const QRegularExpression shape(u"^[a-z0-9]{32}$"_s);
    QVERIFY(shape.match(ApiTokenGrant::secondAccountToken()).hasMatch());
    QVERIFY(ApiTokenGrant::secondAccountToken() != ApiTokenGrant::defaultFullToken());
    QVERIFY(ApiTokenGrant::secondAccountToken() != ApiTokenGrant::defaultViewToken());
    QVERIFY(!ApiTokenGrant::secondAccountName().isEmpty());
    const QList<ApiTokenGrant> grants = ApiTokenGrant::secondAccountDefaults();
    QCOMPARE(grants.size(), 1);
    QCOMPARE(grants.first().account, ApiTokenGrant::secondAccountName());
    QVERIFY(grants.first().canView && grants.first().canRun && grants.first().allGroups);
}

QTEST_GUILESS_MAIN(TestEmulatorAccounts)
#include "tst_emulator_accounts.moc"
