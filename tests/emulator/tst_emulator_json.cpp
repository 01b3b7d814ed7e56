// The emulator's JSON writer (JsonWriter, EmulatedCampaign::writeJson, HttpWire::envelope) against
// the route it replaced: a QJsonObject built field by field and written by QJsonDocument
// (emulatedcampaignjson.h). For generated campaigns and hostile ones, the bytes must be those
// QJsonDocument writes, and must parse back to exactly the reference object. The escaping itself
// is also checked byte for byte against RFC 8259, without Qt's writer.

#include "apitokengrant.h"
#include "campaigngenerator.h"
#include "campaignstore.h"
#include "emulatedcampaignjson.h"
#include "emulatorapi.h"
#include "httpwire.h"
#include "jsonwriter.h"
#include "statespelling.h"
#include "wirejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(EmulatedCampaign)

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray compact(const QJsonArray &a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QByteArray written(const EmulatedCampaign &c, const StateSpelling &spelling)
{
    QByteArray bytes;
    JsonWriter w(bytes);
    c.writeJson(w, spelling);
    return bytes;
}

// A parse that must succeed: the object, or an empty one and a failed test.
QJsonDocument parsed(const QByteArray &bytes)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s at %d): %s", qPrintable(error.errorString()), error.offset, bytes.constData());
    return doc;
}

QString controlCharacters()
{
    QString s;
    for (char16_t u = 0; u < 0x20; ++u)
        s += QChar(u);
    return s + QChar(0x7f);
}

QString loneSurrogates()
{
    // A high one alone, a low one alone, a pair the wrong way round, and a high one at the end.
    return QString(QChar(0xd800)) + u'x' + QChar(0xdc00) + u'y' + QChar(0xde00) + QChar(0xd83d) + QChar(0xdbff);
}

// Strings a server might hold and a writer might get wrong.
QList<std::pair<const char *, QString>> hostileStrings()
{
    return {
        {"quotes and backslashes", u"\"quoted\" \\back\\slashed\\ \\\" \\u0041 'single'"_s},
        {"named escapes", u"line\nbreak\ttab\rreturn\bback\fform /slash/"_s},
        {"every control character", controlCharacters()},
        {"emoji", u"emoji 😀🎉 👍🏽 👩‍💻 🇷🇺"_s},
        {"Cyrillic", u"Кириллица: Чёрная пятница — «ёлка»"_s},
        {"RTL marks", u"RTL \u200F\u05DE\u05D1\u05E6\u05E2\u200E mark \u202Eevil\u202C \u2066iso\u2069"_s},
        {"separators and BOM", u"line sep \u2028 para sep \u2029 BOM \uFEFF nbsp \u00A0 \uFFFF end"_s},
        {"lone surrogates", loneSurrogates()},
        {"markup", u"</script><script>alert(1)</script> & <!-- -->"_s},
        {"empty", u""_s},
        {"null", QString()},
    };
}

EmulatedCampaign plainCampaign(qint64 id)
{
    EmulatedCampaign c;
    c.id = id;
    c.name = u"Campaign %1"_s.arg(id);
    c.description = u"A description"_s;
    c.tags = {u"sale"_s, u"vip"_s};
    c.state = EmulatedState::Active;
    c.created = QDateTime(QDate(2025, 1, 1), QTime(9, 30), Qt::UTC);
    c.updated = QDateTime(QDate(2025, 2, 3), QTime(4, 5, 6, 789), Qt::UTC);
    c.updatedUser = u"m.ivanova"_s;
    c.groups = {{1, u"Retail"_s}, {4, u"Регионы"_s}};
    c.audienceState = u"ready"_s;
    c.segmentId = 124;
    c.listId = 49;
    c.nested.broadcasts = {501, 502};
    c.nested.regulars = {556};
    c.nested.triggers = {600};
    c.nested.workflows = {700, 701, 702};
    c.nested.abns = {800};
    c.nested.placements = {900};
    return c;
}

QJsonObject hostileExtraFields()
{
    // Keys before, between and after ours, and some named like ours (ours must win).
    const QString text = controlCharacters() + loneSurrogates() + u"\"\\😀"_s;
    return {
        {u""_s, u"empty key"_s},
        {u"Z"_s, 1},
        {u"a"_s, 2.5},
        {u"audience"_s, u"not the audience"_s},
        {u"b"_s, QJsonValue::Null},
        {u"createtime!"_s, true},
        {u"id"_s, u"not the id"_s},
        {u"is_deleted"_s, false},
        {u"marketing_mode"_s, u"auto"_s},
        {u"name"_s, 42},
        {u"priority"_s, 3},
        {u"state"_s, u"bogus"_s},
        {u"updated"_s, 1e20},
        {u"updated_user"_s, QJsonArray{1, 2}},
        {u"updated_userx"_s, -0.001},
        {u"updatetimes"_s, 9007199254740992LL},
        {u"zzz"_s, QJsonObject{{u"nested"_s, text}, {u"list"_s, QJsonArray{text, 1, QJsonObject{}}}}},
        {u"ключ"_s, u"значение"_s},
        {u"😀"_s, text},
        {text, text},
    };
}

} // namespace

class TestEmulatorJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapingIsRfc8259ByteForByte();
    void timesAreWrittenAsQtWroteThem();
    void campaignMatchesTheReference_data();
    void campaignMatchesTheReference();
    void generatedCampaignsMatchTheReference_data();
    void generatedCampaignsMatchTheReference();
    void answersMatchTheReference();
    void envelopeMatchesTheReference_data();
    void envelopeMatchesTheReference();
};

// Independent of Qt's writer: what RFC 8259 asks, in the form QJsonDocument chose (short escapes
// where JSON has them, lowercase \u00xx otherwise, UTF-8 for the rest, \uXXXX for a lone
// surrogate, which UTF-8 cannot carry).
void TestEmulatorJson::escapingIsRfc8259ByteForByte()
{
    QByteArray bytes;
    JsonWriter w(bytes);
    w.beginArray();
    w.string(u"\"\\/\b\f\n\r\t"_s);
    w.string(QString(QChar(0)) + QChar(1) + QChar(0x1f) + QChar(0x7f));
    w.string(u"aé€😀я"_s);
    w.string(QString(QChar(0xd800)) + u'x' + QChar(0xdfff));
    w.string(QString());
    w.number(-9007199254740992LL);
    w.number(0);
    w.number(std::numeric_limits<qint64>::max());
    w.boolean(true);
    w.boolean(false);
    w.null();
    w.beginObject();
    w.key(u"k\"ey\n"_s);
    w.beginArray();
    w.endArray();
    w.key("x"_L1);
    w.beginObject();
    w.endObject();
    w.key(u"y"_s);
    w.raw("[1,2]");
    w.key(u"z"_s);
    w.value(QJsonValue(2.5));
    w.endObject();
    w.endArray();
    const QByteArray expected = R"(["\"\\/\b\f\n\r\t","\u0000\u0001\u001f)"
                                "\x7f"
                                R"(","a)"
                                "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xd1\x8f"
                                R"(","\ud800x\udfff","",-9007199254740992,0,9223372036854775807,true,false,null,)"
                                R"({"k\"ey\n":[],"x":{},"y":[1,2],"z":2.5}])";
    QCOMPARE(bytes, expected);
}

// WireJson::formatTime formats by hand; Qt's ISODateWithMs is what it replaced.
void TestEmulatorJson::timesAreWrittenAsQtWroteThem()
{
    const auto qt = [](const QDateTime &t) { return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString(); };
    QList<QDateTime> times{
        QDateTime(),
        QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC),
        QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC),
        QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC),
        QDateTime(QDate(9999, 12, 31), QTime(23, 0), QTimeZone(-3600)), // past 9999 in UTC
        QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC),
        QDateTime(QDate(-1, 12, 31), QTime(23, 59, 59, 999), Qt::UTC),
        QDateTime(QDate(2024, 2, 29), QTime(12, 34, 56, 7), QTimeZone(5 * 3600 + 1800)),
        QDateTime(QDate(2026, 3, 29), QTime(1, 30), QTimeZone("Europe/Moscow")),
        QDateTime(QDate(2026, 7, 1), QTime(1, 30, 0, 10), Qt::LocalTime),
    };
    // Every day of four centuries around now at a varying time of day, and some far off.
    const QDateTime start(QDate(1850, 1, 1), QTime(0, 0), Qt::UTC);
    for (qint64 day = 0; day < 400 * 366; day += 1)
        times.append(start.addMSecs(day * 86'400'000 + (day * 7'919'993) % 86'400'000));
    for (qint64 ms = -62'000'000'000'000; ms < 253'000'000'000'000; ms += 999'999'999'937)
        times.append(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
    for (const QDateTime &t : times) {
        if (WireJson::formatTime(t) != qt(t))
            QFAIL(qPrintable(
                u"%1 (%2 ms): wrote %3"_s.arg(qt(t)).arg(t.toMSecsSinceEpoch()).arg(WireJson::formatTime(t))));
    }
}

void TestEmulatorJson::campaignMatchesTheReference_data()
{
    QTest::addColumn<EmulatedCampaign>("campaign");
    QTest::addColumn<QString>("stateSpelling"); // empty: the documented one

    QTest::newRow("plain") << plainCampaign(1) << QString();
    for (EmulatedState s : EmulatedStates::all()) {
        EmulatedCampaign c = plainCampaign(2);
        c.state = s;
        c.isDeleted = s == EmulatedState::Deleted;
        QTest::addRow("state %s", qPrintable(StateSpelling::documentedName(s))) << c << QString();
    }
    for (const auto &[what, text] : hostileStrings()) {
        EmulatedCampaign c = plainCampaign(3);
        c.name = text;
        c.description = text;
        c.tags = {text, u"ok"_s, text};
        c.groups = {{7, text}, {8, u"ok"_s}};
        c.updatedUser = text;
        c.audienceState = text;
        QTest::addRow("%s everywhere", what) << c << QString();
        QTest::addRow("%s as the state", what) << plainCampaign(4) << (text.isEmpty() ? u"x"_s + text : text);
    }
    EmulatedCampaign empty = plainCampaign(5);
    empty.description.clear();
    empty.tags.clear();
    empty.groups.clear();
    empty.nested = {};
    empty.audienceState.clear();
    empty.updatedUser.clear();
    QTest::newRow("empty tags, groups and ids") << empty << QString();

    EmulatedCampaign extremes = plainCampaign(9007199254740992LL);
    extremes.segmentId = -9007199254740992LL;
    extremes.listId = 0;
    extremes.nested.workflows = {0, -1, 9007199254740992LL};
    extremes.groups = {{0, u"zero"_s}, {-5, u"negative"_s}};
    QTest::newRow("extreme numbers") << extremes << QString();

    EmulatedCampaign dates = plainCampaign(6);
    dates.created = QDateTime();
    dates.updated = QDateTime(QDate(2025, 12, 31), QTime(23, 59, 59, 999), QTimeZone(3 * 3600));
    QTest::newRow("no date, and a date in another zone") << dates << QString();
    dates.created = QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC);
    dates.updated = QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 1), Qt::UTC);
    QTest::newRow("first and last four-digit years") << dates << QString();
    dates.created = QDateTime(QDate(-44, 3, 15), QTime(12, 0), Qt::UTC);
    dates.updated = QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("years RFC 3339 cannot write") << dates << QString();
    dates.created = QDateTime(QDate(2026, 3, 29), QTime(1, 30), QTimeZone("Europe/Moscow"));
    dates.updated = QDateTime::fromMSecsSinceEpoch(1'767'225'599'000, Qt::LocalTime);
    QTest::newRow("named zone and local time") << dates << QString();

    EmulatedCampaign extra = plainCampaign(7);
    extra.extraFields = hostileExtraFields();
    QTest::newRow("hostile extra fields") << extra << QString();
    EmulatedCampaign oneExtra = plainCampaign(8);
    oneExtra.extraFields = {{u"zzz"_s, 1}};
    QTest::newRow("one extra field after ours") << oneExtra << QString();
    oneExtra.extraFields = {{u"aaa"_s, 1}};
    QTest::newRow("one extra field before ours") << oneExtra << QString();
    oneExtra.extraFields = {{u"tags"_s, 1}};
    QTest::newRow("one extra field named like ours") << oneExtra << QString();

    EmulatedCampaign misspelled = plainCampaign(10);
    misspelled.state = EmulatedState::Waiting;
    QTest::newRow("misspelled state") << misspelled << u"awaiting"_s;
}

void TestEmulatorJson::campaignMatchesTheReference()
{
    QFETCH(EmulatedCampaign, campaign);
    QFETCH(QString, stateSpelling);
    StateSpelling spelling;
    if (!stateSpelling.isEmpty())
        spelling.misspell(campaign.state, stateSpelling);

    const QJsonObject reference = emulatedCampaignJson(campaign, spelling);
    const QByteArray bytes = written(campaign, spelling);
    const QJsonDocument doc = parsed(bytes);
    QVERIFY(doc.isObject());
    QCOMPARE(doc.object(), reference);
    QCOMPARE(bytes, compact(reference));
    if (!stateSpelling.isEmpty())
        QCOMPARE(doc.object().value(u"state"_s).toString(), stateSpelling);
}

void TestEmulatorJson::generatedCampaignsMatchTheReference_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::newRow("seed 1") << 1u;
    QTest::newRow("seed 7") << 7u;
}

void TestEmulatorJson::generatedCampaignsMatchTheReference()
{
    QFETCH(quint32, seed);
    const QList<EmulatedCampaign> campaigns = CampaignGenerator::generate(3000, seed);
    const StateSpelling spelling;
    for (const EmulatedCampaign &c : campaigns) {
        const QJsonObject reference = emulatedCampaignJson(c, spelling);
        const QByteArray bytes = written(c, spelling);
        QVERIFY2(bytes == compact(reference), qPrintable(u"campaign %1: %2"_s.arg(c.id).arg(QString::fromUtf8(bytes))));
        QVERIFY2(parsed(bytes).object() == reference, qPrintable(u"campaign %1"_s.arg(c.id)));
    }
}

// Through EmulatorApi and HttpWire, as a client gets them: a list page, get, get with
// marketing_activities, get_status; hostile and generated campaigns, a misspelled state.
void TestEmulatorJson::answersMatchTheReference()
{
    QList<EmulatedCampaign> campaigns = CampaignGenerator::generate(20, 3);
    qint64 id = 100;
    for (const auto &[what, text] : hostileStrings()) {
        EmulatedCampaign c = plainCampaign(++id);
        c.name = text;
        c.tags = {text};
        c.groups = {{1, text}};
        c.extraFields = hostileExtraFields();
        campaigns.append(c);
    }
    CampaignStore store(campaigns);
    store.spelling().misspell(EmulatedState::Inactive, u"pau\"sed\n😀"_s);
    EmulatorApi api(store);
    const QJsonObject token{{u"token"_s, ApiTokenGrant::defaultFullToken()}};

    QJsonArray page;
    for (const EmulatedCampaign &c : campaigns)
        page.append(emulatedCampaignJson(c, store.spelling()));
    QJsonObject listBody = token;
    listBody.insert(u"limit"_s, 1000);
    const ApiOutcome list = api.handle(u"list"_s, listBody, true, {});
    QCOMPARE(list.error, 0);
    QCOMPARE(parsed(list.dataJson).array(), page);
    QCOMPARE(list.dataJson, compact(page));
    const QJsonObject envelope{{u"data"_s, page}, {u"error"_s, 0}, {u"error_text"_s, u"Successful operation"_s}};
    QCOMPARE(HttpWire::envelope(list), compact(envelope));
    // As the emulator sends it: the outcome handed over, its data wrapped in its own buffer.
    QCOMPARE(HttpWire::envelope(api.handle(u"list"_s, listBody, true, {})), compact(envelope));

    for (const EmulatedCampaign &c : {campaigns.at(2), campaigns.last()}) {
        QJsonObject body = token;
        body.insert(u"id"_s, c.id);
        const QJsonObject reference = emulatedCampaignJson(c, store.spelling());
        const ApiOutcome get = api.handle(u"get"_s, body, true, {});
        QCOMPARE(get.dataJson, compact(QJsonArray{reference}));

        body.insert(u"marketing_activities"_s, true);
        QJsonObject withActivities = reference;
        withActivities.insert(u"marketing_activities"_s, QJsonArray());
        const ApiOutcome getWith = api.handle(u"get"_s, body, true, {});
        QCOMPARE(parsed(getWith.dataJson).array(), QJsonArray{withActivities});
        QCOMPARE(getWith.dataJson, compact(QJsonArray{withActivities}));

        const ApiOutcome status = api.handle(u"get_status"_s, body, true, {});
        const QJsonObject expected{{u"status"_s, store.spelling().name(c.state)}};
        QCOMPARE(parsed(status.dataJson).object(), expected);
        QCOMPARE(status.dataJson, compact(expected));
    }
    // The misspelling really was on the wire: some campaign in the page is inactive.
    QVERIFY(list.dataJson.contains(R"("state":"pau\"sed\n)"));
}

void TestEmulatorJson::envelopeMatchesTheReference_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("errorText");
    QTest::addColumn<QJsonValue>("data");

    QTest::newRow("success, null") << 0 << u"Successful operation"_s << QJsonValue(QJsonValue::Null);
    QTest::newRow("success, object") << 0 << u"Successful operation"_s
                                     << QJsonValue(QJsonObject{{u"status"_s, u"active"_s}});
    QTest::newRow("success, empty array") << 0 << u"Successful operation"_s << QJsonValue(QJsonArray());
    for (const auto &[what, text] : hostileStrings())
        QTest::addRow("error, %s", what) << 400 << text << QJsonValue(QJsonValue::Null);
    QTest::newRow("negative code") << -1 << u"odd"_s << QJsonValue(hostileExtraFields());
}

void TestEmulatorJson::envelopeMatchesTheReference()
{
    QFETCH(int, error);
    QFETCH(QString, errorText);
    QFETCH(QJsonValue, data);
    ApiOutcome outcome = error == 0 ? ApiOutcome::success(data) : ApiOutcome::failure(error, errorText);
    if (error != 0 && !data.isNull())
        outcome.dataJson = JsonWriter::toJson(data);
    const QJsonObject reference{{u"data"_s, data}, {u"error"_s, error}, {u"error_text"_s, errorText}};
    const QByteArray bytes = HttpWire::envelope(outcome);
    QCOMPARE(parsed(bytes).object(), reference);
    QCOMPARE(bytes, compact(reference));
}

QTEST_GUILESS_MAIN(TestEmulatorJson)

#include "tst_emulator_json.moc"
