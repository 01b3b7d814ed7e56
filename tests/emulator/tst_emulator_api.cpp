// The emulator's API as a client sees it: every method, every transition of the state machine,
// tokens, rights and object groups, field validation, keyset pagination and list filters, and
// the campaign generator. A real AltcraftEmulator on loopback, a real QNetworkAccessManager.

#include "altcraftemulator.h"
#include "campaigngenerator.h"
#include "emulatedcampaignjson.h"
#include "emulatorhttp.h"
#include "statespelling.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace EmulatorHttp;

namespace {

QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
}

QString stamp(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

const QList<EmulatedGroup> kRetail = {{1, u"Retail"_s}};
const QList<EmulatedGroup> kLoyalty = {{2, u"Loyalty"_s}};
const QList<EmulatedGroup> kPartners = {{3, u"Partners"_s}};

// A token that sees only the Loyalty group (2), with both rights.
QString loyaltyToken()
{
    return u"loyalty0only0token00000000000003"_s;
}

// A token with the Run right but without View object.
QString runOnlyToken()
{
    return u"run0only0token000000000000000004"_s;
}

// One valid request per method against the standard store of init().
struct MethodCall {
    const char *method;
    qint64 id; // 0: no id (list)
};
constexpr MethodCall kValidCalls[] = {
    {"list", 0}, {"get", 1}, {"get_status", 1}, {"activate", 2}, {"deactivate", 1}, {"completed", 3},
};

QJsonObject bodyFor(const MethodCall &call)
{
    QJsonObject body;
    if (call.id != 0)
        body.insert(u"id"_s, call.id);
    return body;
}

} // namespace

class TestEmulatorApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // Methods and the envelope.
    void everyMethodAnswersWithTheEnvelope_data();
    void everyMethodAnswersWithTheEnvelope();
    void listReturnsCampaignObjects();
    void getReturnsAnArrayHoldingOneCampaign();
    void getAddsMarketingActivitiesOnRequest();
    void getRejectsNonBooleanMarketingActivities();
    void getStatusReturnsTheStatusObject_data();
    void getStatusReturnsTheStatusObject();
    void actionsReturnNullData_data();
    void actionsReturnNullData();

    // The state machine.
    void transitions_data();
    void transitions();
    void activateWithFutureDateWaitsUntilThen_data();
    void activateWithFutureDateWaitsUntilThen();
    void activateWithoutFutureDateIsImmediate_data();
    void activateWithoutFutureDateIsImmediate();
    void activateRejectsInvalidDates_data();
    void activateRejectsInvalidDates();
    void activatePrefersActivateDateOverStartDate();
    void activateSchedulesDeactivationAndCompletion();
    void deactivatingAWaitingCampaignCancelsItsSchedule();

    // Tokens, rights and object groups.
    void missingTokenIs401_data();
    void missingTokenIs401();
    void unknownTokenIs401_data();
    void unknownTokenIs401();
    void nonStringTokenIs400();
    void bearerTokenIsAccepted_data();
    void bearerTokenIsAccepted();
    void unknownBearerTokenIs401();
    void tokenInTheUrlIsNotAccepted();
    void viewOnlyTokenRights_data();
    void viewOnlyTokenRights();
    void tokenWithoutViewRightCannotRead_data();
    void tokenWithoutViewRightCannotRead();
    void groupRestrictedTokenIsRefusedOtherGroups_data();
    void groupRestrictedTokenIsRefusedOtherGroups();
    void groupRestrictedTokenServesItsGroups_data();
    void groupRestrictedTokenServesItsGroups();
    void groupRestrictedTokenListsOnlyItsGroups();
    void campaignInSeveralGroupsIsVisibleThroughAnyOfThem();
    void fullTokenSeesCampaignWithoutGroups();

    // Field validation and HTTP-level errors.
    void malformedBodyIs400_data();
    void malformedBodyIs400();
    void missingIdIs400_data();
    void missingIdIs400();
    void nonIntegerIdIs400_data();
    void nonIntegerIdIs400();
    void unknownCampaignIs404_data();
    void unknownCampaignIs404();
    void unknownPathIsHttp404_data();
    void unknownPathIsHttp404();
    void nonPostIsHttp405_data();
    void nonPostIsHttp405();
    void errorHttpStatus_data();
    void errorHttpStatus();

    // list: pagination and filters.
    void listOnEmptyStoreIsEmptyArray();
    void listIsInIdOrderWhateverOrderCampaignsCameIn();
    void listPagination_data();
    void listPagination();
    void listFromIdIsTheFirstIdReturned_data();
    void listFromIdIsTheFirstIdReturned();
    void listDefaultsToFromId1AndLimit1000();
    void listRejectsBadPaging_data();
    void listRejectsBadPaging();
    void listFiltersByState_data();
    void listFiltersByState();
    void listRejectsUnknownState_data();
    void listRejectsUnknownState();
    void listFiltersByTagsAndGroups_data();
    void listFiltersByTagsAndGroups();
    void listLimitCountsOnlyMatchingCampaigns();
    void listRejectsWrongTypes_data();
    void listRejectsWrongTypes();

    // The generator.
    void generatorIsDeterministic();
    void generatorGivesTheCampaignsItAlwaysGave();
    void generatorSeedChangesTheCampaigns();
    void generatorCoversEveryStatus_data();
    void generatorCoversEveryStatus();
    void generatorMixesCyrillicAndLatinNames();
    void generatorFillsNestedObjects();
    void generatorMakes100000Campaigns();

private:
    HttpResult call(const QString &method, QJsonObject body, const QString &token = ApiTokenGrant::defaultFullToken());
    QString statusOf(qint64 id);
    QJsonObject campaignJson(qint64 id);
    QList<qint64> listIds(QJsonObject body);
    void restrictTokens();

    std::unique_ptr<AltcraftEmulator> m_emu;
    std::unique_ptr<HttpClient> m_http;
    QDateTime m_now;
};

// The standard store: one campaign per status plus a second inactive one, in three groups.
//   1 active    Retail    [sale, vip]
//   2 inactive  Retail    [promo]
//   3 waiting   Loyalty   [vip]
//   4 completed Loyalty   []
//   5 cloning   Partners  [sms]
//   6 deleted   Partners  []
//   7 inactive  Loyalty   [promo, sms]
void TestEmulatorApi::init()
{
    m_emu = std::make_unique<AltcraftEmulator>();
    QVERIFY(m_emu->start() != 0);
    m_now = fixedNow();
    m_emu->store().setClock([this] { return m_now; });
    m_emu->store().reset({
        CampaignBuilder(1).groups(kRetail).tags({u"sale"_s, u"vip"_s}).emulated(EmulatedState::Active),
        CampaignBuilder(2).groups(kRetail).tags({u"promo"_s}).emulated(EmulatedState::Inactive),
        CampaignBuilder(3).groups(kLoyalty).tags({u"vip"_s}).emulated(EmulatedState::Waiting),
        CampaignBuilder(4).groups(kLoyalty).emulated(EmulatedState::Completed),
        CampaignBuilder(5).groups(kPartners).tags({u"sms"_s}).emulated(EmulatedState::Cloning),
        CampaignBuilder(6).groups(kPartners).emulated(EmulatedState::Deleted),
        CampaignBuilder(7).groups(kLoyalty).tags({u"promo"_s, u"sms"_s}).emulated(EmulatedState::Inactive),
    });
    m_http = std::make_unique<HttpClient>(m_emu->baseUrl());
}

void TestEmulatorApi::cleanup()
{
    m_http.reset();
    m_emu.reset();
}

HttpResult TestEmulatorApi::call(const QString &method, QJsonObject body, const QString &token)
{
    if (!token.isEmpty())
        body.insert(u"token"_s, token);
    return m_http->post(method, body);
}

// Through HTTP, as a client would read it; a description of the failure otherwise, so that a
// comparison against a status name fails with something useful.
QString TestEmulatorApi::statusOf(qint64 id)
{
    const HttpResult r = call(u"get_status"_s, {{u"id"_s, id}});
    if (r.httpStatus != 200 || r.apiError() != 0)
        return QString::fromUtf8("<get_status failed: " + r.describe() + '>');
    return r.data().toObject().value(u"status"_s).toString();
}

QJsonObject TestEmulatorApi::campaignJson(qint64 id)
{
    const HttpResult r = call(u"get"_s, {{u"id"_s, id}});
    const QJsonArray data = r.data().toArray();
    return data.size() == 1 ? data.first().toObject() : QJsonObject();
}

QList<qint64> TestEmulatorApi::listIds(QJsonObject body)
{
    const HttpResult r = call(u"list"_s, body);
    if (r.httpStatus != 200 || r.apiError() != 0 || !r.data().isArray())
        return {-1}; // never a real id list
    return idsOf(r.data());
}

void TestEmulatorApi::restrictTokens()
{
    QList<ApiTokenGrant> tokens = ApiTokenGrant::defaults();
    tokens.append({loyaltyToken(), u"loyalty only"_s, true, true, false, {2}});
    tokens.append({runOnlyToken(), u"run only"_s, false, true, true, {}});
    m_emu->setTokens(tokens);
}

// ---- Methods and the envelope -------------------------------------------------------------

void TestEmulatorApi::everyMethodAnswersWithTheEnvelope_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonObject>("body");
    for (const MethodCall &c : kValidCalls)
        QTest::newRow(c.method) << QString::fromLatin1(c.method) << bodyFor(c);
}

void TestEmulatorApi::everyMethodAnswersWithTheEnvelope()
{
    QFETCH(QString, method);
    QFETCH(QJsonObject, body);
    const HttpResult r = call(method, body);
    QVERIFY2(r.httpStatus == 200, r.describe());
    QVERIFY2(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
    QVERIFY2(r.isJsonObject(), r.describe());
    QStringList keys = r.json().keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{u"data"_s, u"error"_s, u"error_text"_s}));
    QVERIFY(r.json().value(u"error"_s).isDouble());
    QCOMPARE(r.apiError(), 0);
    QCOMPARE(r.errorText(), u"Successful operation"_s);
}

void TestEmulatorApi::listReturnsCampaignObjects()
{
    const HttpResult r = call(u"list"_s, {});
    QCOMPARE(r.apiError(), 0);
    QVERIFY(r.data().isArray());
    const QJsonArray data = r.data().toArray();
    QCOMPARE(data.size(), 7);
    for (const QJsonValue &v : data) {
        QVERIFY(v.isObject());
        const EmulatedCampaign *stored = m_emu->store().find(v.toObject().value(u"id"_s).toInteger());
        QVERIFY(stored);
        QCOMPARE(v.toObject(), emulatedCampaignJson(*stored, m_emu->store().spelling()));
    }
    QCOMPARE(idsOf(r.data()), (QList<qint64>{1, 2, 3, 4, 5, 6, 7}));
}

void TestEmulatorApi::getReturnsAnArrayHoldingOneCampaign()
{
    const HttpResult r = call(u"get"_s, {{u"id"_s, 3}});
    QCOMPARE(r.apiError(), 0);
    QVERIFY2(r.data().isArray(), r.describe());
    const QJsonArray data = r.data().toArray();
    QCOMPARE(data.size(), 1);
    const QJsonObject o = data.first().toObject();
    QCOMPARE(o.value(u"id"_s).toInteger(), 3);
    QCOMPARE(o.value(u"name"_s).toString(), u"Campaign 3"_s);
    QCOMPARE(o.value(u"state"_s).toString(), u"waiting"_s);
    QCOMPARE(o.value(u"is_delete"_s).toBool(true), false);
    QCOMPARE(o.value(u"updated_user"_s).toString(), u"m.ivanova"_s);
    QCOMPARE(o.value(u"audience"_s)
                 .toObject()
                 .value(u"extension_conf"_s)
                 .toObject()
                 .value(u"regulars"_s)
                 .toObject()
                 .value(u"ids"_s)
                 .toArray(),
             (QJsonArray{556}));
    QVERIFY(!o.contains(u"marketing_activities"_s));
    QCOMPARE(o, emulatedCampaignJson(*m_emu->store().find(3), m_emu->store().spelling()));
}

void TestEmulatorApi::getAddsMarketingActivitiesOnRequest()
{
    const HttpResult with = call(u"get"_s, {{u"id"_s, 1}, {u"marketing_activities"_s, true}});
    QCOMPARE(with.apiError(), 0);
    QVERIFY(with.data().toArray().first().toObject().value(u"marketing_activities"_s).isArray());
    const HttpResult without = call(u"get"_s, {{u"id"_s, 1}, {u"marketing_activities"_s, false}});
    QCOMPARE(without.apiError(), 0);
    QVERIFY(!without.data().toArray().first().toObject().contains(u"marketing_activities"_s));
}

void TestEmulatorApi::getRejectsNonBooleanMarketingActivities()
{
    const HttpResult r = call(u"get"_s, {{u"id"_s, 1}, {u"marketing_activities"_s, u"yes"_s}});
    QCOMPARE(r.apiError(), 400);
    QVERIFY2(r.errorText().contains(u"marketing_activities"_s), qPrintable(r.errorText()));
}

void TestEmulatorApi::getStatusReturnsTheStatusObject_data()
{
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QString>("status");
    QTest::newRow("active") << qint64(1) << u"active"_s;
    QTest::newRow("inactive") << qint64(2) << u"inactive"_s;
    QTest::newRow("waiting") << qint64(3) << u"waiting"_s;
    QTest::newRow("completed") << qint64(4) << u"completed"_s;
    QTest::newRow("cloning") << qint64(5) << u"cloning"_s;
    QTest::newRow("deleted") << qint64(6) << u"deleted"_s;
}

void TestEmulatorApi::getStatusReturnsTheStatusObject()
{
    QFETCH(qint64, id);
    QFETCH(QString, status);
    const HttpResult r = call(u"get_status"_s, {{u"id"_s, id}});
    QCOMPARE(r.apiError(), 0);
    QCOMPARE(r.data().toObject(), (QJsonObject{{u"status"_s, status}}));
}

void TestEmulatorApi::actionsReturnNullData_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<qint64>("id");
    QTest::newRow("activate") << u"activate"_s << qint64(2);
    QTest::newRow("deactivate") << u"deactivate"_s << qint64(1);
    QTest::newRow("completed") << u"completed"_s << qint64(7);
}

void TestEmulatorApi::actionsReturnNullData()
{
    QFETCH(QString, method);
    QFETCH(qint64, id);
    const HttpResult r = call(method, {{u"id"_s, id}});
    QCOMPARE(r.apiError(), 0);
    QVERIFY(r.json().contains(u"data"_s));
    QVERIFY2(r.data().isNull(), r.describe());
}

// ---- The state machine --------------------------------------------------------------------

void TestEmulatorApi::transitions_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("to"); // empty: illegal, must be refused
    // Written out rather than taken from CampaignStatuses::allows, so the table is checked.
    const struct {
        const char *from, *method, *to;
    } rows[] = {
        {"cloning", "activate", ""},           {"cloning", "deactivate", ""},
        {"cloning", "completed", ""},          {"inactive", "activate", "active"},
        {"inactive", "deactivate", ""},        {"inactive", "completed", "completed"},
        {"waiting", "activate", ""},           {"waiting", "deactivate", "inactive"},
        {"waiting", "completed", "completed"}, {"active", "activate", ""},
        {"active", "deactivate", "inactive"},  {"active", "completed", "completed"},
        {"completed", "activate", ""},         {"completed", "deactivate", ""},
        {"completed", "completed", ""},        {"deleted", "activate", ""},
        {"deleted", "deactivate", ""},         {"deleted", "completed", ""},
    };
    for (const auto &row : rows) {
        QTest::addRow("%s %s", row.from, row.method)
            << QString::fromLatin1(row.from) << QString::fromLatin1(row.method) << QString::fromLatin1(row.to);
    }
}

void TestEmulatorApi::transitions()
{
    QFETCH(QString, from);
    QFETCH(QString, method);
    QFETCH(QString, to);
    m_emu->store().upsert(emulatedCampaign(42, documentedState(from)));

    const HttpResult r = call(method, {{u"id"_s, 42}});
    QVERIFY2(r.httpStatus == 200, r.describe());
    const QJsonObject after = campaignJson(42);
    if (!to.isEmpty()) {
        QVERIFY2(r.apiError() == 0, r.describe());
        QCOMPARE(statusOf(42), to);
        QCOMPARE(after.value(u"state"_s).toString(), to);
        QCOMPARE(after.value(u"updated_user"_s).toString(), EmulatorApi::apiUserName());
        QCOMPARE(after.value(u"updatetime"_s).toString(), stamp(m_now));
    } else {
        QCOMPARE(r.apiError(), 400);
        QVERIFY2(r.errorText().contains(u"Campaign 42"_s), qPrintable(r.errorText()));
        QVERIFY2(r.errorText().contains(from), qPrintable(r.errorText()));
        QVERIFY(r.data().isNull());
        QCOMPARE(statusOf(42), from);
        QCOMPARE(after.value(u"updated_user"_s).toString(), u"m.ivanova"_s);
        QCOMPARE(after.value(u"updatetime"_s).toString(), stamp(oldTime()));
    }
}

void TestEmulatorApi::activateWithFutureDateWaitsUntilThen_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("activate_date") << u"activate_date"_s;
    QTest::newRow("start_date") << u"start_date"_s;
}

void TestEmulatorApi::activateWithFutureDateWaitsUntilThen()
{
    QFETCH(QString, field);
    const QDateTime at = m_now.addSecs(3600);
    const HttpResult r = call(u"activate"_s, {{u"id"_s, 2}, {field, stamp(at)}});
    QVERIFY2(r.apiError() == 0, r.describe());
    QCOMPARE(statusOf(2), u"waiting"_s);
    QVERIFY(listIds({{u"state"_s, u"waiting"_s}}).contains(2));

    m_now = at.addSecs(-60);
    QCOMPARE(statusOf(2), u"waiting"_s);

    m_now = at.addSecs(3600);
    QCOMPARE(statusOf(2), u"active"_s);
    QCOMPARE(campaignJson(2).value(u"updatetime"_s).toString(), stamp(at));
    QVERIFY(listIds({{u"state"_s, u"active"_s}}).contains(2));
    QVERIFY(!listIds({{u"state"_s, u"waiting"_s}}).contains(2));
}

void TestEmulatorApi::activateWithoutFutureDateIsImmediate_data()
{
    QTest::addColumn<QJsonObject>("dates");
    QTest::newRow("no date") << QJsonObject();
    QTest::newRow("empty activate_date") << QJsonObject{{u"activate_date"_s, u""_s}};
    QTest::newRow("empty start_date") << QJsonObject{{u"start_date"_s, u""_s}};
    QTest::newRow("null activate_date") << QJsonObject{{u"activate_date"_s, QJsonValue::Null}};
    QTest::newRow("past activate_date") << QJsonObject{{u"activate_date"_s, stamp(fixedNow().addDays(-1))}};
    QTest::newRow("past start_date") << QJsonObject{{u"start_date"_s, stamp(fixedNow().addSecs(-1))}};
    QTest::newRow("activate_date is now") << QJsonObject{{u"activate_date"_s, stamp(fixedNow())}};
    QTest::newRow("offset form") << QJsonObject{{u"activate_date"_s, u"2026-03-01T14:00:00+03:00"_s}};
}

void TestEmulatorApi::activateWithoutFutureDateIsImmediate()
{
    QFETCH(QJsonObject, dates);
    QJsonObject body = dates;
    body.insert(u"id"_s, 2);
    const HttpResult r = call(u"activate"_s, body);
    QVERIFY2(r.apiError() == 0, r.describe());
    QCOMPARE(statusOf(2), u"active"_s);
    QCOMPARE(campaignJson(2).value(u"updatetime"_s).toString(), stamp(m_now));
}

void TestEmulatorApi::activateRejectsInvalidDates_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("activate_date word") << u"activate_date"_s << QJsonValue(u"tomorrow"_s);
    QTest::newRow("activate_date bad month") << u"activate_date"_s << QJsonValue(u"2026-13-45T00:00:00Z"_s);
    QTest::newRow("activate_date number") << u"activate_date"_s << QJsonValue(1767225600);
    QTest::newRow("start_date word") << u"start_date"_s << QJsonValue(u"now"_s);
    QTest::newRow("start_date bool") << u"start_date"_s << QJsonValue(true);
    QTest::newRow("deactivate_date word") << u"deactivate_date"_s << QJsonValue(u"later"_s);
    QTest::newRow("completed_date array") << u"completed_date"_s << QJsonValue(QJsonArray{1});
}

void TestEmulatorApi::activateRejectsInvalidDates()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    const HttpResult r = call(u"activate"_s, {{u"id"_s, 2}, {field, value}});
    QCOMPARE(r.httpStatus, 200);
    QCOMPARE(r.apiError(), 400);
    QVERIFY2(r.errorText().contains(field), qPrintable(r.errorText()));
    QCOMPARE(statusOf(2), u"inactive"_s);
}

void TestEmulatorApi::activatePrefersActivateDateOverStartDate()
{
    const QString past = stamp(m_now.addSecs(-3600));
    const QString future = stamp(m_now.addSecs(3600));
    QCOMPARE(call(u"activate"_s, {{u"id"_s, 2}, {u"activate_date"_s, past}, {u"start_date"_s, future}}).apiError(), 0);
    QCOMPARE(statusOf(2), u"active"_s);
    QCOMPARE(call(u"activate"_s, {{u"id"_s, 7}, {u"activate_date"_s, future}, {u"start_date"_s, past}}).apiError(), 0);
    QCOMPARE(statusOf(7), u"waiting"_s);
}

void TestEmulatorApi::activateSchedulesDeactivationAndCompletion()
{
    const QDateTime later = m_now.addSecs(3600);
    QCOMPARE(call(u"activate"_s, {{u"id"_s, 2}, {u"deactivate_date"_s, stamp(later)}}).apiError(), 0);
    QCOMPARE(call(u"activate"_s, {{u"id"_s, 7}, {u"completed_date"_s, stamp(later)}}).apiError(), 0);
    QCOMPARE(statusOf(2), u"active"_s);
    QCOMPARE(statusOf(7), u"active"_s);
    m_now = later.addSecs(1);
    QCOMPARE(statusOf(2), u"inactive"_s);
    QCOMPARE(statusOf(7), u"completed"_s);
    QCOMPARE(campaignJson(7).value(u"updatetime"_s).toString(), stamp(later));
}

void TestEmulatorApi::deactivatingAWaitingCampaignCancelsItsSchedule()
{
    const QDateTime at = m_now.addSecs(3600);
    QCOMPARE(call(u"activate"_s, {{u"id"_s, 2}, {u"activate_date"_s, stamp(at)}}).apiError(), 0);
    QCOMPARE(statusOf(2), u"waiting"_s);
    QCOMPARE(call(u"deactivate"_s, {{u"id"_s, 2}}).apiError(), 0);
    QCOMPARE(statusOf(2), u"inactive"_s);
    m_now = at.addSecs(3600);
    QCOMPARE(statusOf(2), u"inactive"_s);
}

// ---- Tokens, rights and object groups -----------------------------------------------------

void TestEmulatorApi::missingTokenIs401_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonObject>("body");
    for (const MethodCall &c : kValidCalls) {
        QTest::addRow("%s, absent", c.method) << QString::fromLatin1(c.method) << bodyFor(c);
        QJsonObject emptyToken = bodyFor(c);
        emptyToken.insert(u"token"_s, u""_s);
        QTest::addRow("%s, empty", c.method) << QString::fromLatin1(c.method) << emptyToken;
    }
}

void TestEmulatorApi::missingTokenIs401()
{
    QFETCH(QString, method);
    QFETCH(QJsonObject, body);
    const HttpResult r = call(method, body, QString());
    QCOMPARE(r.httpStatus, 200);
    QCOMPARE(r.apiError(), 401);
    QCOMPARE(r.errorText(), u"API token required"_s);
    QVERIFY(r.data().isNull());
    QCOMPARE(statusOf(1), u"active"_s); // no action went through
    QCOMPARE(statusOf(2), u"inactive"_s);
    QCOMPARE(statusOf(3), u"waiting"_s);
}

void TestEmulatorApi::unknownTokenIs401_data()
{
    bearerTokenIsAccepted_data();
}

void TestEmulatorApi::unknownTokenIs401()
{
    QFETCH(QString, method);
    QFETCH(QJsonObject, body);
    const HttpResult r = call(method, body, u"abcdefghijklmnqrstuvwxyz"_s);
    QCOMPARE(r.apiError(), 401);
    QVERIFY2(r.errorText().contains(u"not valid"_s), qPrintable(r.errorText()));
    QCOMPARE(statusOf(1), u"active"_s);
    QCOMPARE(statusOf(2), u"inactive"_s);
    QCOMPARE(statusOf(3), u"waiting"_s);
}

void TestEmulatorApi::nonStringTokenIs400()
{
    const HttpResult r = call(u"get_status"_s, {{u"id"_s, 1}, {u"token"_s, 12345}}, QString());
    QCOMPARE(r.apiError(), 400);
    QVERIFY2(r.errorText().contains(u"token"_s), qPrintable(r.errorText()));
}

void TestEmulatorApi::bearerTokenIsAccepted_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonObject>("body");
    for (const MethodCall &c : kValidCalls)
        QTest::newRow(c.method) << QString::fromLatin1(c.method) << bodyFor(c);
}

void TestEmulatorApi::bearerTokenIsAccepted()
{
    QFETCH(QString, method);
    QFETCH(QJsonObject, body);
    QVERIFY(!body.contains(u"token"_s));
    const HttpResult r = m_http->post(method, body, ApiTokenGrant::defaultFullToken().toUtf8());
    QVERIFY2(r.apiError() == 0, r.describe());
}

void TestEmulatorApi::unknownBearerTokenIs401()
{
    const HttpResult r = m_http->post(u"deactivate"_s, {{u"id"_s, 1}}, "abcdefghijklmnqrstuvwxyz");
    QCOMPARE(r.apiError(), 401);
    QVERIFY2(r.errorText().contains(u"not valid"_s), qPrintable(r.errorText()));
    QCOMPARE(statusOf(1), u"active"_s);
}

void TestEmulatorApi::tokenInTheUrlIsNotAccepted()
{
    // The documentation warns against a token in the URL; the emulator does not take one.
    const QString query = u"?token="_s + ApiTokenGrant::defaultFullToken();
    const HttpResult r = m_http->postRaw(apiPath(u"deactivate"_s) + query, R"({"id":1})");
    QCOMPARE(r.apiError(), 401);
    QCOMPARE(statusOf(1), u"active"_s);
}

void TestEmulatorApi::viewOnlyTokenRights_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("error");
    for (const MethodCall &c : kValidCalls) {
        const QString method = QString::fromLatin1(c.method);
        const bool reads = method == u"get"_s || method == u"get_status"_s;
        QTest::newRow(c.method) << method << bodyFor(c) << (reads ? 0 : 403);
    }
}

void TestEmulatorApi::viewOnlyTokenRights()
{
    QFETCH(QString, method);
    QFETCH(QJsonObject, body);
    QFETCH(int, error);
    const HttpResult r = call(method, body, ApiTokenGrant::defaultViewToken());
    QVERIFY2(r.apiError() == error, r.describe());
    if (error == 403) {
        QVERIFY2(r.errorText().contains(u"Run"_s), qPrintable(r.errorText()));
        QVERIFY(r.data().isNull());
    } else {
        QVERIFY(!r.data().isNull());
    }
    QCOMPARE(statusOf(1), u"active"_s);
    QCOMPARE(statusOf(2), u"inactive"_s);
    QCOMPARE(statusOf(3), u"waiting"_s);
}

void TestEmulatorApi::tokenWithoutViewRightCannotRead_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("error");
    QTest::newRow("get") << u"get"_s << 403;
    QTest::newRow("get_status") << u"get_status"_s << 403;
    QTest::newRow("deactivate") << u"deactivate"_s << 0;
}

void TestEmulatorApi::tokenWithoutViewRightCannotRead()
{
    QFETCH(QString, method);
    QFETCH(int, error);
    restrictTokens();
    const HttpResult r = call(method, {{u"id"_s, 1}}, runOnlyToken());
    QVERIFY2(r.apiError() == error, r.describe());
    if (error == 403)
        QVERIFY2(r.errorText().contains(u"View object"_s), qPrintable(r.errorText()));
}

void TestEmulatorApi::groupRestrictedTokenIsRefusedOtherGroups_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QString>("status");
    QTest::newRow("get") << u"get"_s << qint64(1) << u"active"_s;
    QTest::newRow("get_status") << u"get_status"_s << qint64(1) << u"active"_s;
    QTest::newRow("activate") << u"activate"_s << qint64(2) << u"inactive"_s;
    QTest::newRow("deactivate") << u"deactivate"_s << qint64(1) << u"active"_s;
    QTest::newRow("completed") << u"completed"_s << qint64(2) << u"inactive"_s;
}

void TestEmulatorApi::groupRestrictedTokenIsRefusedOtherGroups()
{
    QFETCH(QString, method);
    QFETCH(qint64, id);
    QFETCH(QString, status);
    restrictTokens();
    const HttpResult r = call(method, {{u"id"_s, id}}, loyaltyToken());
    QCOMPARE(r.apiError(), 403);
    QVERIFY2(r.errorText().contains(u"campaign %1"_s.arg(id)), qPrintable(r.errorText()));
    QVERIFY2(r.errorText().contains(u"group"_s), qPrintable(r.errorText()));
    QVERIFY(r.data().isNull());
    QCOMPARE(statusOf(id), status);
    QCOMPARE(campaignJson(id).value(u"updated_user"_s).toString(), u"m.ivanova"_s);
}

void TestEmulatorApi::groupRestrictedTokenServesItsGroups_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QString>("statusAfter");
    QTest::newRow("get") << u"get"_s << qint64(3) << u"waiting"_s;
    QTest::newRow("get_status") << u"get_status"_s << qint64(3) << u"waiting"_s;
    QTest::newRow("activate") << u"activate"_s << qint64(7) << u"active"_s;
    QTest::newRow("deactivate") << u"deactivate"_s << qint64(3) << u"inactive"_s;
    QTest::newRow("completed") << u"completed"_s << qint64(7) << u"completed"_s;
}

void TestEmulatorApi::groupRestrictedTokenServesItsGroups()
{
    QFETCH(QString, method);
    QFETCH(qint64, id);
    QFETCH(QString, statusAfter);
    restrictTokens();
    const HttpResult r = call(method, {{u"id"_s, id}}, loyaltyToken());
    QVERIFY2(r.apiError() == 0, r.describe());
    QCOMPARE(statusOf(id), statusAfter);
}

void TestEmulatorApi::groupRestrictedTokenListsOnlyItsGroups()
{
    restrictTokens();
    const HttpResult r = call(u"list"_s, {}, loyaltyToken());
    QCOMPARE(r.apiError(), 0);
    QCOMPARE(idsOf(r.data()), (QList<qint64>{3, 4, 7}));
    // Asking for another group by filter does not widen what the token sees.
    const HttpResult other = call(u"list"_s, {{u"groups_id"_s, QJsonArray{1}}}, loyaltyToken());
    QCOMPARE(other.apiError(), 0);
    QCOMPARE(other.data().toArray().size(), 0);
    // Pages are built from visible campaigns only.
    const HttpResult page = call(u"list"_s, {{u"limit"_s, 2}}, loyaltyToken());
    QCOMPARE(idsOf(page.data()), (QList<qint64>{3, 4}));
}

void TestEmulatorApi::campaignInSeveralGroupsIsVisibleThroughAnyOfThem()
{
    restrictTokens();
    m_emu->store().upsert(
        CampaignBuilder(8).groups({kRetail.first(), kLoyalty.first()}).emulated(EmulatedState::Active));
    QCOMPARE(call(u"get_status"_s, {{u"id"_s, 8}}, loyaltyToken()).apiError(), 0);
    QVERIFY(idsOf(call(u"list"_s, {}, loyaltyToken()).data()).contains(8));
    m_emu->store().upsert(
        CampaignBuilder(9).groups({kRetail.first(), kPartners.first()}).emulated(EmulatedState::Active));
    QCOMPARE(call(u"get_status"_s, {{u"id"_s, 9}}, loyaltyToken()).apiError(), 403);
}

void TestEmulatorApi::fullTokenSeesCampaignWithoutGroups()
{
    restrictTokens();
    m_emu->store().upsert(CampaignBuilder(8).groups({}).emulated(EmulatedState::Active));
    QCOMPARE(call(u"get_status"_s, {{u"id"_s, 8}}).apiError(), 0);
    QVERIFY(listIds({}).contains(8));
    QCOMPARE(call(u"deactivate"_s, {{u"id"_s, 8}}).apiError(), 0);
    QCOMPARE(statusOf(8), u"inactive"_s);
    // A token limited to some groups sees only campaigns in them.
    QCOMPARE(call(u"get_status"_s, {{u"id"_s, 8}}, loyaltyToken()).apiError(), 403);
}

// ---- Field validation and HTTP-level errors -----------------------------------------------

void TestEmulatorApi::malformedBodyIs400_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QByteArray>("body");
    const QByteArray token = ApiTokenGrant::defaultFullToken().toUtf8();
    const QList<QPair<const char *, QByteArray>> bodies = {
        {"not JSON", "token=" + token + "&id=1"},
        {"empty", QByteArray()},
        {"truncated object", R"({"token": ")" + token + R"(", "id": 1)"},
        {"array", "[{\"token\": \"" + token + "\", \"id\": 1}]"},
        {"string", "\"" + token + "\""},
    };
    for (const char *method : {"get_status", "deactivate"}) {
        for (const auto &b : bodies)
            // Not addRow("%s, %s"): GCC 12 at -O3 cannot see the pointers are set (-Wformat-overflow).
            QTest::newRow(QByteArray(QByteArray(method) + ", " + b.first).constData())
                << QString::fromLatin1(method) << b.second;
    }
}

void TestEmulatorApi::malformedBodyIs400()
{
    QFETCH(QString, method);
    QFETCH(QByteArray, body);
    const HttpResult r = m_http->postRaw(apiPath(method), body);
    QVERIFY2(r.httpStatus == 200, r.describe());
    QCOMPARE(r.apiError(), 400);
    QVERIFY2(r.errorText().contains(u"not a JSON object"_s), qPrintable(r.errorText()));
    QCOMPARE(statusOf(1), u"active"_s);
}

void TestEmulatorApi::missingIdIs400_data()
{
    QTest::addColumn<QString>("method");
    for (const char *method : {"get", "get_status", "activate", "deactivate", "completed"})
        QTest::newRow(method) << QString::fromLatin1(method);
}

void TestEmulatorApi::missingIdIs400()
{
    QFETCH(QString, method);
    const HttpResult r = call(method, {{u"campaign_id"_s, 1}});
    QCOMPARE(r.apiError(), 400);
    QVERIFY2(r.errorText().contains(u"'id' is required"_s), qPrintable(r.errorText()));
}

void TestEmulatorApi::nonIntegerIdIs400_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonValue>("id");
    const QList<QPair<const char *, QJsonValue>> ids = {
        {"\"abc\"", u"abc"_s},      {"12.5", 12.5},           {"\"18\"", u"18"_s}, {"true", true},
        {"null", QJsonValue::Null}, {"[18]", QJsonArray{18}}, {"1e300", 1e300},
    };
    for (const char *method : {"get", "get_status", "activate", "deactivate", "completed"}) {
        for (const auto &id : ids)
            QTest::newRow(QByteArray(QByteArray(method) + ", " + id.first).constData())
                << QString::fromLatin1(method) << id.second;
    }
}

void TestEmulatorApi::nonIntegerIdIs400()
{
    QFETCH(QString, method);
    QFETCH(QJsonValue, id);
    // Campaign 18 exists and could be acted on, so a lenient "18" would show.
    m_emu->store().upsert(emulatedCampaign(18, EmulatedState::Active));
    const HttpResult r = call(method, {{u"id"_s, id}});
    QCOMPARE(r.apiError(), 400);
    QVERIFY2(r.errorText().contains(u"'id' must be an integer"_s), qPrintable(r.errorText()));
    QCOMPARE(statusOf(18), u"active"_s);
}

void TestEmulatorApi::unknownCampaignIs404_data()
{
    missingIdIs400_data();
}

void TestEmulatorApi::unknownCampaignIs404()
{
    QFETCH(QString, method);
    const HttpResult r = call(method, {{u"id"_s, 999}});
    QCOMPARE(r.httpStatus, 200);
    QCOMPARE(r.apiError(), 404);
    QCOMPARE(r.errorText(), u"Campaign 999 not found"_s);
    QVERIFY(r.data().isNull());
}

void TestEmulatorApi::unknownPathIsHttp404_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown method") << apiPath(u"delete"_s) << u"scampaigns/delete"_s;
    QTest::newRow("other API version") << u"api/v1.0/scampaigns/list"_s << u"/api/v1.0/scampaigns/list"_s;
    QTest::newRow("root") << u""_s << u"/"_s;
}

void TestEmulatorApi::unknownPathIsHttp404()
{
    QFETCH(QString, path);
    QFETCH(QString, mentions);
    QJsonObject body{{u"token"_s, ApiTokenGrant::defaultFullToken()}, {u"id"_s, 1}};
    const HttpResult r = m_http->postRaw(path, QJsonDocument(body).toJson());
    QCOMPARE(r.httpStatus, 404);
    QCOMPARE(r.apiError(), 404);
    QVERIFY2(r.errorText().contains(mentions), qPrintable(r.errorText()));
}

void TestEmulatorApi::nonPostIsHttp405_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QByteArray>("verb");
    for (const char *method : {"list", "get", "get_status", "activate", "deactivate", "completed"})
        QTest::addRow("GET %s", method) << QString::fromLatin1(method) << QByteArray("GET");
    QTest::newRow("PUT deactivate") << u"deactivate"_s << QByteArray("PUT");
    QTest::newRow("DELETE completed") << u"completed"_s << QByteArray("DELETE");
}

void TestEmulatorApi::nonPostIsHttp405()
{
    QFETCH(QString, method);
    QFETCH(QByteArray, verb);
    const QJsonObject body{{u"token"_s, ApiTokenGrant::defaultFullToken()}, {u"id"_s, 1}};
    const HttpResult r = m_http->send(m_http->request(apiPath(method)), verb,
                                      verb == "GET" ? QByteArray() : QJsonDocument(body).toJson());
    QVERIFY2(r.httpStatus == 405, r.describe());
    QCOMPARE(r.apiError(), 400);
    QVERIFY2(r.errorText().contains(u"POST"_s), qPrintable(r.errorText()));
    QCOMPARE(statusOf(1), u"active"_s);
}

void TestEmulatorApi::errorHttpStatus_data()
{
    QTest::addColumn<bool>("asHttpStatus");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("error");
    const QString full = ApiTokenGrant::defaultFullToken();
    const QString view = ApiTokenGrant::defaultViewToken();
    const struct {
        const char *name;
        QString method;
        QJsonObject body;
        int error;
    } cases[] = {
        {"success", u"get_status"_s, {{u"token"_s, full}, {u"id"_s, 1}}, 0},
        {"401 no token", u"get_status"_s, {{u"id"_s, 1}}, 401},
        {"401 unknown token", u"deactivate"_s, {{u"token"_s, u"nope"_s}, {u"id"_s, 1}}, 401},
        {"403 no right", u"list"_s, {{u"token"_s, view}}, 403},
        {"400 bad id", u"get"_s, {{u"token"_s, full}, {u"id"_s, u"abc"_s}}, 400},
        {"400 illegal transition", u"activate"_s, {{u"token"_s, full}, {u"id"_s, 4}}, 400},
        {"404 unknown campaign", u"completed"_s, {{u"token"_s, full}, {u"id"_s, 999}}, 404},
    };
    for (bool asHttp : {false, true}) {
        for (const auto &c : cases) {
            QTest::addRow("%s, %s", asHttp ? "as HTTP status" : "default", c.name)
                << asHttp << c.method << c.body << c.error;
        }
    }
}

void TestEmulatorApi::errorHttpStatus()
{
    QFETCH(bool, asHttpStatus);
    QFETCH(QString, method);
    QFETCH(QJsonObject, body);
    QFETCH(int, error);
    if (asHttpStatus)
        m_emu->setErrorsAsHttpStatus(true);
    const HttpResult r = m_http->post(method, body);
    const int expectedHttp = asHttpStatus && error != 0 ? error : 200;
    QVERIFY2(r.httpStatus == expectedHttp, r.describe());
    QCOMPARE(r.apiError(), error); // the envelope is there either way
    QVERIFY(!r.errorText().isEmpty());
}

// ---- list: pagination and filters ---------------------------------------------------------

void TestEmulatorApi::listOnEmptyStoreIsEmptyArray()
{
    m_emu->store().reset({});
    const HttpResult r = call(u"list"_s, {{u"limit"_s, 10}});
    QCOMPARE(r.apiError(), 0);
    QVERIFY2(r.data().isArray(), r.describe());
    QCOMPARE(r.data().toArray().size(), 0);
}

void TestEmulatorApi::listIsInIdOrderWhateverOrderCampaignsCameIn()
{
    // reset() takes campaigns in any order, an ID twice (the later one stays); upsert() inserts
    // before, between and after, or replaces.
    m_emu->store().reset({CampaignBuilder(5).emulated(EmulatedState::Active),
                          CampaignBuilder(2).name(u"first"_s).emulated(EmulatedState::Active),
                          CampaignBuilder(9).emulated(EmulatedState::Active),
                          CampaignBuilder(2).name(u"later"_s).emulated(EmulatedState::Inactive)});
    m_emu->store().upsert(CampaignBuilder(7).emulated(EmulatedState::Active));
    m_emu->store().upsert(CampaignBuilder(1).emulated(EmulatedState::Active));
    m_emu->store().upsert(CampaignBuilder(11).emulated(EmulatedState::Active));
    m_emu->store().upsert(CampaignBuilder(5).name(u"replaced"_s).emulated(EmulatedState::Completed));
    QCOMPARE(m_emu->store().ids(), (QList<qint64>{1, 2, 5, 7, 9, 11}));
    QCOMPARE(listIds({}), (QList<qint64>{1, 2, 5, 7, 9, 11}));
    QCOMPARE(listIds({{u"from_id"_s, 3}, {u"limit"_s, 2}}), (QList<qint64>{5, 7}));
    QCOMPARE(listIds({{u"from_id"_s, 12}}), (QList<qint64>{}));
    QCOMPARE(campaignJson(2).value(u"name"_s).toString(), u"later"_s);
    QCOMPARE(statusOf(2), u"inactive"_s);
    QCOMPARE(campaignJson(5).value(u"name"_s).toString(), u"replaced"_s);
    QCOMPARE(statusOf(5), u"completed"_s);
    QCOMPARE(m_emu->store().size(), 6);
}

void TestEmulatorApi::listPagination_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QList<int>>("pageSizes"); // the pages a client asks for, the last one short
    QTest::newRow("empty") << 0 << 5 << QList<int>{0};
    QTest::newRow("fewer than limit") << 3 << 5 << QList<int>{3};
    QTest::newRow("exactly limit") << 5 << 5 << QList<int>{5, 0};
    QTest::newRow("limit + 1") << 6 << 5 << QList<int>{5, 1};
    QTest::newRow("two full pages") << 10 << 5 << QList<int>{5, 5, 0};
    QTest::newRow("limit 1") << 3 << 1 << QList<int>{1, 1, 1, 0};
}

void TestEmulatorApi::listPagination()
{
    QFETCH(int, count);
    QFETCH(int, limit);
    QFETCH(QList<int>, pageSizes);
    // IDs with gaps, so from_id is seen to be a key and not an offset.
    QList<EmulatedCampaign> campaigns;
    QList<qint64> allIds;
    for (int i = 1; i <= count; ++i) {
        campaigns.append(emulatedCampaign(10 * i, EmulatedState::Active));
        allIds.append(10 * i);
    }
    m_emu->store().reset(campaigns);

    QList<qint64> seen;
    qint64 fromId = 1;
    for (qsizetype page = 0; page < pageSizes.size(); ++page) {
        const HttpResult r = call(u"list"_s, {{u"from_id"_s, fromId}, {u"limit"_s, limit}});
        QVERIFY2(r.apiError() == 0, r.describe());
        const QList<qint64> ids = idsOf(r.data());
        QVERIFY2(ids.size() == pageSizes.at(page),
                 qPrintable(u"page %1 from_id %2 has %3 items"_s.arg(page).arg(fromId).arg(ids.size())));
        seen += ids;
        if (!ids.isEmpty())
            fromId = ids.last() + 1;
    }
    QCOMPARE(seen, allIds);
}

void TestEmulatorApi::listFromIdIsTheFirstIdReturned_data()
{
    QTest::addColumn<QJsonValue>("fromId");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << QList<qint64>{10, 20, 30};
    QTest::newRow("1") << QJsonValue(1) << QList<qint64>{10, 20, 30};
    QTest::newRow("negative") << QJsonValue(-5) << QList<qint64>{10, 20, 30};
    QTest::newRow("an existing id") << QJsonValue(20) << QList<qint64>{20, 30};
    QTest::newRow("between ids") << QJsonValue(21) << QList<qint64>{30};
    QTest::newRow("the last id") << QJsonValue(30) << QList<qint64>{30};
    QTest::newRow("last id + 1") << QJsonValue(31) << QList<qint64>{};
    QTest::newRow("far past the end") << QJsonValue(1e15) << QList<qint64>{};
}

void TestEmulatorApi::listFromIdIsTheFirstIdReturned()
{
    QFETCH(QJsonValue, fromId);
    QFETCH(QList<qint64>, ids);
    m_emu->store().reset({emulatedCampaign(10, EmulatedState::Active), emulatedCampaign(20, EmulatedState::Inactive),
                          emulatedCampaign(30, EmulatedState::Completed)});
    QJsonObject body;
    if (!fromId.isUndefined())
        body.insert(u"from_id"_s, fromId);
    QCOMPARE(listIds(body), ids);
}

void TestEmulatorApi::listDefaultsToFromId1AndLimit1000()
{
    m_emu->seed(1001);
    const HttpResult r = call(u"list"_s, {});
    QCOMPARE(r.apiError(), 0);
    const QList<qint64> ids = idsOf(r.data());
    QCOMPARE(ids.size(), 1000);
    QCOMPARE(ids.first(), 1);
    QCOMPARE(ids.last(), 1000);
    QCOMPARE(listIds({{u"from_id"_s, 1001}}), (QList<qint64>{1001}));
}

void TestEmulatorApi::listRejectsBadPaging_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("limit 0") << u"limit"_s << QJsonValue(0);
    QTest::newRow("limit -1") << u"limit"_s << QJsonValue(-1);
    QTest::newRow("limit 2.5") << u"limit"_s << QJsonValue(2.5);
    QTest::newRow("limit \"10\"") << u"limit"_s << QJsonValue(u"10"_s);
    QTest::newRow("from_id \"abc\"") << u"from_id"_s << QJsonValue(u"abc"_s);
    QTest::newRow("from_id 1.5") << u"from_id"_s << QJsonValue(1.5);
}

void TestEmulatorApi::listRejectsBadPaging()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    const HttpResult r = call(u"list"_s, {{field, value}});
    QCOMPARE(r.apiError(), 400);
    QVERIFY2(r.errorText().contains(field), qPrintable(r.errorText()));
    QVERIFY(r.data().isNull());
}

void TestEmulatorApi::listFiltersByState_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::newRow("active") << u"active"_s << QList<qint64>{1};
    QTest::newRow("inactive") << u"inactive"_s << QList<qint64>{2, 7};
    QTest::newRow("waiting") << u"waiting"_s << QList<qint64>{3};
    QTest::newRow("completed") << u"completed"_s << QList<qint64>{4};
    QTest::newRow("cloning") << u"cloning"_s << QList<qint64>{5};
    QTest::newRow("deleted") << u"deleted"_s << QList<qint64>{6};
    QTest::newRow("other case") << u"Inactive"_s << QList<qint64>{2, 7};
}

void TestEmulatorApi::listFiltersByState()
{
    QFETCH(QString, state);
    QFETCH(QList<qint64>, ids);
    QCOMPARE(listIds({{u"state"_s, state}}), ids);
}

void TestEmulatorApi::listRejectsUnknownState_data()
{
    QTest::addColumn<QString>("state");
    QTest::newRow("running") << u"running"_s;
    QTest::newRow("prefix") << u"activ"_s;
    QTest::newRow("russian") << u"Активна"_s;
}

void TestEmulatorApi::listRejectsUnknownState()
{
    QFETCH(QString, state);
    const HttpResult r = call(u"list"_s, {{u"state"_s, state}});
    QCOMPARE(r.apiError(), 400);
    QVERIFY2(r.errorText().contains(u"state"_s) && r.errorText().contains(state), qPrintable(r.errorText()));
}

void TestEmulatorApi::listFiltersByTagsAndGroups_data()
{
    QTest::addColumn<QJsonObject>("filter");
    QTest::addColumn<QList<qint64>>("ids");
    const auto strings = [](std::initializer_list<QString> list) { return QJsonArray::fromStringList(list); };
    QTest::newRow("ui_tags one") << QJsonObject{{u"ui_tags"_s, strings({u"vip"_s})}} << QList<qint64>{1, 3};
    QTest::newRow("ui_tags any of two") << QJsonObject{{u"ui_tags"_s, strings({u"promo"_s, u"vip"_s})}}
                                        << QList<qint64>{1, 2, 3, 7};
    QTest::newRow("ui_tags none match") << QJsonObject{{u"ui_tags"_s, strings({u"b2b"_s})}} << QList<qint64>{};
    QTest::newRow("ui_tags empty array") << QJsonObject{{u"ui_tags"_s, QJsonArray()}}
                                         << QList<qint64>{1, 2, 3, 4, 5, 6, 7};
    QTest::newRow("groups one") << QJsonObject{{u"groups"_s, strings({u"Loyalty"_s})}} << QList<qint64>{3, 4, 7};
    QTest::newRow("groups two") << QJsonObject{{u"groups"_s, strings({u"Retail"_s, u"Partners"_s})}}
                                << QList<qint64>{1, 2, 5, 6};
    QTest::newRow("groups unknown name") << QJsonObject{{u"groups"_s, strings({u"Nobody"_s})}} << QList<qint64>{};
    QTest::newRow("groups_id one") << QJsonObject{{u"groups_id"_s, QJsonArray{2}}} << QList<qint64>{3, 4, 7};
    QTest::newRow("groups_id two") << QJsonObject{{u"groups_id"_s, QJsonArray{1, 3}}} << QList<qint64>{1, 2, 5, 6};
    QTest::newRow("groups or groups_id") << QJsonObject{{u"groups"_s, strings({u"Retail"_s})},
                                                        {u"groups_id"_s, QJsonArray{3}}}
                                         << QList<qint64>{1, 2, 5, 6};
    QTest::newRow("state and ui_tags") << QJsonObject{{u"state"_s, u"active"_s}, {u"ui_tags"_s, strings({u"vip"_s})}}
                                       << QList<qint64>{1};
    QTest::newRow("state and groups_id") << QJsonObject{{u"state"_s, u"inactive"_s}, {u"groups_id"_s, QJsonArray{2}}}
                                         << QList<qint64>{7};
    QTest::newRow("ui_tags and groups") << QJsonObject{{u"ui_tags"_s, strings({u"sms"_s})},
                                                       {u"groups"_s, strings({u"Loyalty"_s})}}
                                        << QList<qint64>{7};
    QTest::newRow("state, ui_tags and groups_id, no match") << QJsonObject{{u"state"_s, u"waiting"_s},
                                                                           {u"ui_tags"_s, strings({u"promo"_s})},
                                                                           {u"groups_id"_s, QJsonArray{2}}}
                                                            << QList<qint64>{};
}

void TestEmulatorApi::listFiltersByTagsAndGroups()
{
    QFETCH(QJsonObject, filter);
    QFETCH(QList<qint64>, ids);
    QCOMPARE(listIds(filter), ids);
}

void TestEmulatorApi::listLimitCountsOnlyMatchingCampaigns()
{
    QList<EmulatedCampaign> campaigns;
    for (int id = 1; id <= 10; ++id)
        campaigns.append(emulatedCampaign(id, id % 2 ? EmulatedState::Active : EmulatedState::Inactive));
    m_emu->store().reset(campaigns);
    const QJsonObject active{{u"state"_s, u"active"_s}, {u"limit"_s, 2}};
    auto from = [&active](qint64 fromId) {
        QJsonObject body = active;
        body.insert(u"from_id"_s, fromId);
        return body;
    };
    QCOMPARE(listIds(active), (QList<qint64>{1, 3}));
    QCOMPARE(listIds(from(4)), (QList<qint64>{5, 7}));
    QCOMPARE(listIds(from(8)), (QList<qint64>{9}));
    QCOMPARE(listIds(from(10)), (QList<qint64>{}));
}

void TestEmulatorApi::listRejectsWrongTypes_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("ui_tags a string") << u"ui_tags"_s << QJsonValue(u"vip"_s);
    QTest::newRow("ui_tags of numbers") << u"ui_tags"_s << QJsonValue(QJsonArray{1, 2});
    QTest::newRow("ui_tags an object") << u"ui_tags"_s << QJsonValue(QJsonObject{{u"vip"_s, true}});
    QTest::newRow("groups a string") << u"groups"_s << QJsonValue(u"Retail"_s);
    QTest::newRow("groups of numbers") << u"groups"_s << QJsonValue(QJsonArray{1});
    QTest::newRow("groups_id a number") << u"groups_id"_s << QJsonValue(2);
    QTest::newRow("groups_id of strings") << u"groups_id"_s << QJsonValue(QJsonArray{u"2"_s});
    QTest::newRow("groups_id of fractions") << u"groups_id"_s << QJsonValue(QJsonArray{2.5});
    QTest::newRow("state a number") << u"state"_s << QJsonValue(5);
    QTest::newRow("state an array") << u"state"_s << QJsonValue(QJsonArray{u"active"_s});
}

void TestEmulatorApi::listRejectsWrongTypes()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    const HttpResult r = call(u"list"_s, {{field, value}});
    QCOMPARE(r.apiError(), 400);
    QVERIFY2(r.errorText().contains(field), qPrintable(r.errorText()));
}

// ---- The generator ------------------------------------------------------------------------

void TestEmulatorApi::generatorIsDeterministic()
{
    const QList<EmulatedCampaign> a = CampaignGenerator::generate(300, 7);
    const QList<EmulatedCampaign> b = CampaignGenerator::generate(300, 7);
    QCOMPARE(a.size(), 300);
    QVERIFY(a == b);
    // And so is what the emulator serves from it, byte for byte.
    m_emu->seed(300, 7);
    const QByteArray first = call(u"list"_s, {}).body;
    m_emu->seed(300, 7);
    const QByteArray second = call(u"list"_s, {}).body;
    QVERIFY(first.size() > 1000);
    QCOMPARE(first, second);
}

void TestEmulatorApi::generatorGivesTheCampaignsItAlwaysGave()
{
    // Demos, screenshots and benchmarks count on a seed giving the same campaigns from one version
    // to the next, and the same bytes for them: the SHA-256 of the first list page of seed 1 as
    // the emulator served it at d33bd7c, before it wrote JSON itself. Change it only together
    // with a deliberate change of the demo data or of the wire format.
    m_emu->seed(1000, 1);
    const HttpResult r = call(u"list"_s, {});
    QCOMPARE(r.apiError(), 0);
    QCOMPARE(QCryptographicHash::hash(r.body, QCryptographicHash::Sha256).toHex(),
             QByteArray("af71c57305bb7f4b3607b14ddfcb5083f60b226aa43a20b9beb0ea3febaef936"));
    QCOMPARE(m_emu->store().find(42)->name, u"Seasonal sale 2025"_s);
}

void TestEmulatorApi::generatorSeedChangesTheCampaigns()
{
    const QList<EmulatedCampaign> a = CampaignGenerator::generate(300, 7);
    const QList<EmulatedCampaign> b = CampaignGenerator::generate(300, 8);
    QCOMPARE(b.size(), 300);
    int differing = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!(a.at(i) == b.at(i)))
            ++differing;
    }
    QVERIFY2(differing > 150, qPrintable(u"only %1 of 300 campaigns differ"_s.arg(differing)));
}

void TestEmulatorApi::generatorCoversEveryStatus_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<quint32>("seed");
    for (int count : {6, 7, 10, 50}) {
        for (quint32 seed : {1u, 2u, 3u, 99u})
            QTest::addRow("%d campaigns, seed %u", count, seed) << count << seed;
    }
}

void TestEmulatorApi::generatorCoversEveryStatus()
{
    QFETCH(int, count);
    QFETCH(quint32, seed);
    const QList<EmulatedCampaign> campaigns = CampaignGenerator::generate(count, seed);
    QCOMPARE(campaigns.size(), count);
    QSet<QString> statuses;
    for (const EmulatedCampaign &c : campaigns) {
        statuses.insert(emulatedCampaignJson(c, StateSpelling()).value(u"state"_s).toString());
        QCOMPARE(c.isDeleted, c.state == EmulatedState::Deleted);
        QVERIFY(!c.groups.isEmpty());
    }
    const QSet<QString> all{u"cloning"_s, u"inactive"_s, u"waiting"_s, u"active"_s, u"completed"_s, u"deleted"_s};
    QCOMPARE(statuses, all);
}

void TestEmulatorApi::generatorMixesCyrillicAndLatinNames()
{
    const QList<EmulatedCampaign> campaigns = CampaignGenerator::generate(100, 1);
    auto hasCyrillic = [](const QString &s) {
        return std::any_of(s.cbegin(), s.cend(),
                           [](QChar ch) { return ch.unicode() >= 0x0400 && ch.unicode() <= 0x04FF; });
    };
    auto hasLatinLetter = [](const QString &s) {
        return std::any_of(s.cbegin(), s.cend(),
                           [](QChar ch) { return (ch >= u'a' && ch <= u'z') || (ch >= u'A' && ch <= u'Z'); });
    };
    const int cyrillic = static_cast<int>(std::count_if(
        campaigns.cbegin(), campaigns.cend(), [&](const EmulatedCampaign &c) { return hasCyrillic(c.name); }));
    const int latinOnly
        = static_cast<int>(std::count_if(campaigns.cbegin(), campaigns.cend(), [&](const EmulatedCampaign &c) {
              return hasLatinLetter(c.name) && !hasCyrillic(c.name);
          }));
    QVERIFY2(cyrillic > 0, "no Cyrillic name");
    QVERIFY2(latinOnly > 0, "no Latin name");
    // The names travel over HTTP as UTF-8 intact.
    m_emu->seed(100, 1);
    const QJsonArray served = call(u"list"_s, {}).data().toArray();
    QCOMPARE(served.size(), 100);
    for (qsizetype i = 0; i < served.size(); ++i)
        QCOMPARE(served.at(i).toObject().value(u"name"_s).toString(), campaigns.at(i).name);
}

void TestEmulatorApi::generatorFillsNestedObjects()
{
    const QList<EmulatedCampaign> campaigns = CampaignGenerator::generate(50, 1);
    QSet<qint64> nestedIds;
    qsizetype total = 0;
    bool mailings = false, scenarios = false;
    for (const EmulatedCampaign &c : campaigns) {
        const EmulatedNestedIds &n = c.nested;
        for (const QList<qint64> *ids :
             {&n.workflows, &n.triggers, &n.broadcasts, &n.regulars, &n.abns, &n.placements}) {
            for (qint64 id : *ids)
                nestedIds.insert(id);
        }
        total += n.workflows.size() + n.triggers.size() + n.broadcasts.size() + n.regulars.size() + n.abns.size()
            + n.placements.size();
        mailings = mailings || !n.triggers.isEmpty() || !n.broadcasts.isEmpty() || !n.regulars.isEmpty();
        scenarios = scenarios || !n.workflows.isEmpty();
    }
    QVERIFY(total > 0);
    QVERIFY(mailings);
    QVERIFY(scenarios);
    QCOMPARE(nestedIds.size(), total); // no nested object is shared between campaigns

    // Served in audience.extension_conf as the documentation shows.
    m_emu->store().reset(campaigns);
    const auto rich = std::find_if(campaigns.cbegin(), campaigns.cend(), [](const EmulatedCampaign &c) {
        return c.nested.broadcasts.size() + c.nested.triggers.size() >= 3;
    });
    QVERIFY(rich != campaigns.cend());
    const QJsonObject conf
        = campaignJson(rich->id).value(u"audience"_s).toObject().value(u"extension_conf"_s).toObject();
    for (const char *key : {"workflows", "triggers", "broadcasts", "regulars", "abns", "placements"})
        QVERIFY2(conf.value(QLatin1String(key)).toObject().value(u"ids"_s).isArray(), key);
    QCOMPARE(conf.value(u"broadcasts"_s).toObject().value(u"ids"_s).toArray().size(), rich->nested.broadcasts.size());
    QCOMPARE(conf.value(u"triggers"_s).toObject().value(u"ids"_s).toArray().size(), rich->nested.triggers.size());
}

void TestEmulatorApi::generatorMakes100000Campaigns()
{
    m_emu->seed(100000, 1);
    QCOMPARE(m_emu->store().size(), 100000);
    const QList<qint64> ids = m_emu->store().ids();
    QCOMPARE(ids.first(), 1);
    QCOMPARE(ids.last(), 100000);
    QCOMPARE(listIds({{u"from_id"_s, 99999}}), (QList<qint64>{99999, 100000}));
    QCOMPARE(listIds({{u"from_id"_s, 100001}}), (QList<qint64>{}));
}

QTEST_GUILESS_MAIN(TestEmulatorApi)
#include "tst_emulator_api.moc"
