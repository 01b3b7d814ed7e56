// ListPageReader, the list's fast path, held to the general one: for any bytes, either it declines
// (nullopt) or it gives exactly the page ResponseParser::classify() + page() give. And it must not
// decline the pages a server really sends, or the list would be slow again.

#include "campaigngenerator.h"
#include "campaignstore.h"
#include "emulatorapi.h"
#include "httpwire.h"
#include "listpagereader.h"
#include "responseparser.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

namespace {

// The page as the general path reads it; nullopt when that path gives an error.
std::optional<ListPage> generalRead(const QByteArray &body, qint64 fromId)
{
    RawReply reply;
    reply.httpStatus = 200;
    reply.body = body;
    QJsonValue data;
    if (!ResponseParser::classify(reply, &data).isNone())
        return std::nullopt;
    ApiResult<ListPage> page = ResponseParser::page(data, fromId);
    if (!page.ok())
        return std::nullopt;
    return page.value;
}

// Empty when the two agree; otherwise what differs, for the failure message.
QString difference(const ListPage &plain, const std::optional<ListPage> &general)
{
    if (!general)
        return QStringLiteral("the general path fails on a page the reader read");
    if (general->skipped != 0)
        return QStringLiteral("the general path skipped %1 items the reader read").arg(general->skipped);
    if (plain.received != general->received || plain.lastId != general->lastId)
        return QStringLiteral("received %1 / %2, last ID %3 / %4")
            .arg(plain.received)
            .arg(general->received)
            .arg(plain.lastId)
            .arg(general->lastId);
    if (plain.campaigns.size() != general->campaigns.size())
        return QStringLiteral("%1 campaigns / %2").arg(plain.campaigns.size()).arg(general->campaigns.size());
    for (qsizetype i = 0; i < plain.campaigns.size(); ++i) {
        const Campaign &a = plain.campaigns.at(i), &b = general->campaigns.at(i);
        if (!(a == b))
            return QStringLiteral("campaign %1 differs: %2 / %3")
                .arg(i)
                .arg(QString::fromUtf8(QJsonDocument(a.toJson()).toJson(QJsonDocument::Compact)),
                     QString::fromUtf8(QJsonDocument(b.toJson()).toJson(QJsonDocument::Compact)));
    }
    return {};
}

// Empty when the quick pass's extent is absent or matches the general path's page.
QString extentDifference(const QByteArray &body, qint64 fromId)
{
    const auto extent = ListPageReader::extent(body, fromId);
    if (!extent)
        return {};
    const std::optional<ListPage> general = generalRead(body, fromId);
    if (!general)
        return QStringLiteral("the general path fails on a page whose extent was read");
    if (extent->received != general->received || extent->lastId != general->lastId)
        return QStringLiteral("extent: received %1 / %2, last ID %3 / %4")
            .arg(extent->received)
            .arg(general->received)
            .arg(extent->lastId)
            .arg(general->lastId);
    return {};
}

QByteArray page(const QByteArray &items)
{
    return R"({"data":[)" + items + R"(],"error":0,"error_text":"Successful operation"})";
}

// One campaign as a server sends it, with a part replaced by the test.
QByteArray campaign(const QByteArray &replace = {}, const QByteArray &with = {}, qint64 id = 7)
{
    QByteArray c = R"({"audience":{"extension_conf":{"abns":{"ids":[]},"broadcasts":{"ids":[500,9]},)"
                   R"("placements":{"ids":[]},"regulars":{"ids":[501]},"triggers":{"ids":[]},)"
                   R"("workflows":{"ids":[502]}},"lcg":{"enabled":false},"list_id":60,"seg_id":398,)"
                   R"("state":"ready"},"createtime":"2026-02-11T20:50:36.847Z","description":"Campaign for)"
                   R"( Moscow","groups":[{"id":1,"name":"Retail"}],"id":ID,"is_delete":false,)"
                   R"("name":"Реактивация — Moscow","state":"active","tags":["sale","b2b"],)"
                   R"("updated_user":"a.petrov","updatetime":"2026-03-28T14:42:17.033Z"})";
    c.replace("ID", QByteArray::number(id));
    if (!replace.isEmpty()) {
        Q_ASSERT(c.contains(replace));
        c.replace(replace, with);
    }
    return c;
}

} // namespace

class TestListPageReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emulatorPagesReadAsTheGeneralPathReadsThem();
    void plainVariantsReadAsTheGeneralPathReadsThem_data();
    void plainVariantsReadAsTheGeneralPathReadsThem();
    void otherRepliesGoTheGeneralWay_data();
    void otherRepliesGoTheGeneralWay();
    void extentOfPagesTheGeneralPathSkipsItemsOf();
    void pooledValuesStayEqualAcrossPages();
    void mutatedPagesNeverDisagree();
};

void TestListPageReader::emulatorPagesReadAsTheGeneralPathReadsThem()
{
    for (quint32 seed : {1U, 2U, 3U}) {
        CampaignStore store(CampaignGenerator::generate(2500, seed));
        EmulatorApi api(store);
        ListPageReader reader;
        qint64 fromId = 1;
        int pages = 0;
        for (;; ++pages) {
            const ApiOutcome outcome = api.handle(QStringLiteral("list"),
                                                  {{QStringLiteral("token"), ApiTokenGrant::defaultFullToken()},
                                                   {QStringLiteral("from_id"), fromId},
                                                   {QStringLiteral("limit"), 1000}},
                                                  true, {});
            QVERIFY(outcome.ok());
            const QByteArray body = HttpWire::envelope(outcome);
            const std::optional<ListPage> plain = reader.read(body, fromId, 1000);
            QVERIFY2(plain,
                     qPrintable(QStringLiteral("seed %1: the reader declined the page from %2").arg(seed).arg(fromId)));
            const QString why = difference(*plain, generalRead(body, fromId));
            QVERIFY2(why.isEmpty(), qPrintable(why));
            QVERIFY(ListPageReader::extent(body, fromId).has_value());
            QVERIFY2(extentDifference(body, fromId).isEmpty(), qPrintable(extentDifference(body, fromId)));
            if (plain->received < 1000)
                break;
            fromId = plain->lastId + 1;
        }
        QCOMPARE(pages, 2);
    }
}

void TestListPageReader::plainVariantsReadAsTheGeneralPathReadsThem_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("as sent") << page(campaign());
    QTest::newRow("escapes in the name") << page(
        campaign(R"("name":"Реактивация — Moscow")", R"("name":"say \"hi\"\n\ttab\\ \/ \u00e9\u20ac\b\f\r")"));
    QTest::newRow("four-byte UTF-8 and an escaped control character")
        << page(campaign("Moscow\"", "Moscow 😀 \\u0001\""));
    QTest::newRow("HTML in the name stays text") << page(campaign("Реактивация", "<b>bold</b> <a href=x>"));
    QTest::newRow("unknown fields kept") << page(campaign(R"("is_delete":false,)",
                                                          R"("is_delete":false,"x":{"a":[1,2.5,"s",null]},)"
                                                          R"("y":-3,"z":"text","w":true,"v":[],)"));
    QTest::newRow("white space everywhere") << QByteArray(" \r\n{ \"data\" : [ " + campaign(",", " ,\n\t")
                                                          + " ] , \"error\" : 0 , "
                                                            "\"error_text\" : \"ok\" } \n");
    QTest::newRow("error first, error_text null, other envelope keys")
        << QByteArray(R"({"error":0,"error_text":null,"extra":{"k":[true]},"data":[)" + campaign() + "]}");
    QTest::newRow("no error_text") << QByteArray(R"({"data":[)" + campaign() + R"(],"error":0})");
    QTest::newRow("deleted") << page(campaign(R"("is_delete":false)", R"("is_delete":true)"));
    QTest::newRow("is_delete a number") << page(campaign(R"("is_delete":false)", R"("is_delete":1)"));
    QTest::newRow("description null") << page(
        campaign(R"("description":"Campaign for Moscow")", R"("description":null)"));
    QTest::newRow("no description, no user, no dates") << page(R"({"id":3,"name":"n","state":"inactive"})");
    QTest::newRow("dates in another ISO shape")
        << page(campaign("2026-02-11T20:50:36.847Z", "2026-02-11T20:50:36+03:00"));
    QTest::newRow("a date that is no date") << page(campaign("2026-02-11T20:50:36.847Z", "yesterday"));
    QTest::newRow("a date that is a number") << page(campaign(R"("2026-02-11T20:50:36.847Z")", "17"));
    QTest::newRow("state the client does not know") << page(campaign(R"("state":"active")", R"("state":"paused")"));
    QTest::newRow("state spelled otherwise") << page(campaign(R"("state":"active")", R"("state":"ACTIVE")"));
    QTest::newRow("tags with other values") << page(campaign(R"(["sale","b2b"])", R"(["sale",1,null,{"a":1},"x"])"));
    QTest::newRow("tags not an array") << page(campaign(R"(["sale","b2b"])", R"("sale")"));
    QTest::newRow("groups of other shapes")
        << page(campaign(R"([{"id":1,"name":"Retail"}])",
                         R"([{"id":1},{"name":"no id"},{"id":"2","name":"string id"},3,{"id":-4,"name":7}])"));
    QTest::newRow("audience not an object")
        << page(campaign(R"("audience":{"extension_conf")", R"("audience":null,"audience2":{"extension_conf")"));
    QTest::newRow("segment as a string") << page(campaign(R"("seg_id":398)", R"("seg_id":"398")"));
    QTest::newRow("nested IDs with other values") << page(campaign(R"("ids":[500,9])", R"("ids":[500,"9",null,-2,0])"));
    QTest::newRow("nested kind not an object") << page(campaign(R"("abns":{"ids":[]})", R"("abns":[1,2])"));
    QTest::newRow("no extension_conf") << page(campaign(R"("extension_conf":{)", R"("other_conf":{)"));
    QTest::newRow("empty page") << page({});
    QTest::newRow("three in order") << page(campaign({}, {}, 2) + "," + campaign({}, {}, 5) + ","
                                            + campaign({}, {}, 900719925474));
}

void TestListPageReader::plainVariantsReadAsTheGeneralPathReadsThem()
{
    QFETCH(QByteArray, body);
    ListPageReader reader;
    const std::optional<ListPage> plain = reader.read(body, 1);
    QVERIFY2(plain, "the reader declined a plain page");
    const std::optional<ListPage> general = generalRead(body, 1);
    const QString why = difference(*plain, general);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QVERIFY(ListPageReader::extent(body, 1).has_value());
    QVERIFY2(extentDifference(body, 1).isEmpty(), qPrintable(extentDifference(body, 1)));
}

void TestListPageReader::otherRepliesGoTheGeneralWay_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("fromId");
    QTest::newRow("API error") << QByteArray(R"({"data":null,"error":401,"error_text":"no token"})") << 1LL;
    QTest::newRow("error 0.0") << QByteArray(R"({"data":[],"error":0.0})") << 1LL;
    QTest::newRow("no error") << QByteArray(R"({"data":[]})") << 1LL;
    QTest::newRow("no data") << QByteArray(R"({"error":0})") << 1LL;
    QTest::newRow("data an object") << QByteArray(R"({"data":{},"error":0})") << 1LL;
    QTest::newRow("error_text a number") << QByteArray(R"({"data":[],"error":0,"error_text":5})") << 1LL;
    QTest::newRow("HTML") << QByteArray("<html><body>502 Bad Gateway</body></html>") << 1LL;
    QTest::newRow("cut off") << page(campaign()).chopped(10) << 1LL;
    QTest::newRow("garbage after") << QByteArray(page(campaign()) + "x") << 1LL;
    QTest::newRow("a byte-order mark") << QByteArray("\xEF\xBB\xBF" + page(campaign())) << 1LL;
    QTest::newRow("not UTF-8") << page(campaign("Moscow\"", "Moscow \xC3\x28\"")) << 1LL;
    QTest::newRow("overlong UTF-8") << page(campaign("Moscow\"", "Moscow \xC0\xAF\"")) << 1LL;
    QTest::newRow("encoded surrogate") << page(campaign("Moscow\"", "Moscow \xED\xA0\x80\"")) << 1LL;
    QTest::newRow("replacement character") << page(campaign("Moscow\"", "Moscow \xEF\xBF\xBD\"")) << 1LL;
    QTest::newRow("escaped replacement character") << page(campaign("Moscow\"", "Moscow \\uFFFD\"")) << 1LL;
    QTest::newRow("escaped surrogate pair") << page(campaign("Moscow\"", "Moscow \\ud83d\\ude00\"")) << 1LL;
    QTest::newRow("raw control character") << page(campaign("Moscow\"", "Moscow \x01\"")) << 1LL;
    QTest::newRow("unknown escape") << page(campaign("Moscow\"", "Moscow \\x\"")) << 1LL;
    QTest::newRow("escaped key") << page(campaign(R"("name":)", R"("na\u006de":)")) << 1LL;
    QTest::newRow("name twice") << page(campaign(R"("is_delete":false)", R"("is_delete":false,"name":"again")")) << 1LL;
    QTest::newRow("unknown field twice") << page(campaign(R"("is_delete":false)", R"("is_delete":false,"x":1,"x":2)"))
                                         << 1LL;
    QTest::newRow("group id twice") << page(campaign(R"({"id":1,"name":"Retail"})", R"({"id":1,"id":2})")) << 1LL;
    QTest::newRow("no name") << page(campaign(R"("name":"Реактивация — Moscow",)", {})) << 1LL;
    QTest::newRow("name a number") << page(campaign(R"("name":"Реактивация — Moscow")", R"("name":5)")) << 1LL;
    QTest::newRow("no state") << page(campaign(R"("state":"active",)", {})) << 1LL;
    QTest::newRow("id a string") << page(campaign(R"("id":7)", R"("id":"7")")) << 1LL;
    QTest::newRow("id 7.0") << page(campaign(R"("id":7)", R"("id":7.0)")) << 1LL;
    QTest::newRow("id 0") << page(campaign({}, {}, 0)) << 1LL;
    QTest::newRow("id negative") << page(campaign({}, {}, -3)) << 1LL;
    QTest::newRow("id past 2^53") << page(campaign({}, {}, 9007199254740993)) << 1LL;
    QTest::newRow("an exponent") << page(campaign(R"("list_id":60)", R"("list_id":6e1)")) << 1LL;
    QTest::newRow("a leading zero") << page(campaign(R"("list_id":60)", R"("list_id":060)")) << 1LL;
    QTest::newRow("segment 3.5") << page(campaign(R"("seg_id":398)", R"("seg_id":3.5)")) << 1LL;
    QTest::newRow("nested ID 2.5") << page(campaign(R"("ids":[500,9])", R"("ids":[500,2.5])")) << 1LL;
    QTest::newRow("not an object in data") << page("5," + campaign()) << 1LL;
    QTest::newRow("IDs going back") << page(campaign({}, {}, 5) + "," + campaign({}, {}, 4)) << 1LL;
    QTest::newRow("ID repeated") << page(campaign({}, {}, 5) + "," + campaign({}, {}, 5)) << 1LL;
    QTest::newRow("ID before from_id") << page(campaign({}, {}, 5)) << 6LL;
    QTest::newRow("nested deeper than the reader goes") << page(
        campaign(R"("is_delete":false)", R"("is_delete":false,"deep":)" + QByteArray(80, '[') + QByteArray(80, ']')))
                                                        << 1LL;
}

void TestListPageReader::otherRepliesGoTheGeneralWay()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, fromId);
    ListPageReader reader;
    QVERIFY(!reader.read(body, fromId).has_value());
    // The quick pass may still read the IDs of a page whose items the reader declines (an item
    // without a name), but then its count and last ID are the general path's.
    QVERIFY2(extentDifference(body, fromId).isEmpty(), qPrintable(extentDifference(body, fromId)));
}

void TestListPageReader::extentOfPagesTheGeneralPathSkipsItemsOf()
{
    // Unreadable items still count and still move the next page on: the extent says the same.
    const QByteArray body = page(campaign(R"("name":"Реактивация — Moscow",)", {}, 3) + "," + campaign({}, {}, 8));
    const auto extent = ListPageReader::extent(body, 1);
    QVERIFY(extent);
    QCOMPARE(extent->received, 2);
    QCOMPARE(extent->lastId, 8);
    const std::optional<ListPage> general = generalRead(body, 1);
    QVERIFY(general);
    QCOMPARE(general->skipped, 1);
    QVERIFY(extentDifference(body, 1).isEmpty());
    // IDs out of order, an ID that is no plain integer, an item without one: no extent.
    QVERIFY(!ListPageReader::extent(page(campaign({}, {}, 5) + "," + campaign({}, {}, 4)), 1));
    QVERIFY(!ListPageReader::extent(page(campaign(R"("id":7)", R"("id":7.0)")), 1));
    QVERIFY(!ListPageReader::extent(page(R"({"name":"n","state":"active"})"), 1));
    QVERIFY(!ListPageReader::extent(QByteArray(R"({"data":[],"error":401})"), 1));
}

void TestListPageReader::pooledValuesStayEqualAcrossPages()
{
    // The pools are keyed by JSON text: the second page's equal text gives equal values, and a
    // different text in the same place does not reuse the first.
    ListPageReader reader;
    const auto first = reader.read(page(campaign({}, {}, 1)), 1);
    const auto second = reader.read(page(campaign({}, {}, 2)), 2);
    const auto third = reader.read(page(campaign(R"(["sale","b2b"])", R"(["sale","b2c"])", 3)), 3);
    QVERIFY(first && second && third);
    QCOMPARE(second->campaigns.at(0).tags, first->campaigns.at(0).tags);
    QCOMPARE(second->campaigns.at(0).groups, first->campaigns.at(0).groups);
    QCOMPARE(second->campaigns.at(0).updatedUser, QStringLiteral("a.petrov"));
    QCOMPARE(third->campaigns.at(0).tags, QStringList({QStringLiteral("sale"), QStringLiteral("b2c")}));
}

void TestListPageReader::mutatedPagesNeverDisagree()
{
    // Random damage to a real page: each time, the reader declines or agrees with the general
    // path. Bytes that matter to JSON are the likeliest, so most mutants stay close to valid.
    CampaignStore store(CampaignGenerator::generate(6, 11));
    EmulatorApi api(store);
    const QByteArray original = HttpWire::envelope(
        api.handle(QStringLiteral("list"), {{QStringLiteral("token"), ApiTokenGrant::defaultFullToken()}}, true, {}));
    static constexpr char kBytes[] = "{}[]\",:\\-0123456789.eE tfnu \xC3\xA9\xFF\x01";
    QRandomGenerator random(20261202);
    int read = 0, declined = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray body = original;
        const int edits = 1 + static_cast<int>(random.bounded(3));
        for (int e = 0; e < edits; ++e) {
            const auto at = static_cast<qsizetype>(random.bounded(static_cast<quint32>(body.size())));
            const char byte = kBytes[random.bounded(static_cast<quint32>(sizeof(kBytes) - 1))];
            switch (random.bounded(3)) {
            case 0:
                body[at] = byte;
                break;
            case 1:
                body.insert(at, byte);
                break;
            default:
                body.remove(at, 1 + static_cast<qsizetype>(random.bounded(4)));
                break;
            }
        }
        const QString extentWhy = extentDifference(body, 1);
        QVERIFY2(extentWhy.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(extentWhy)));
        ListPageReader reader;
        const std::optional<ListPage> plain = reader.read(body, 1);
        if (!plain) {
            ++declined;
            continue;
        }
        ++read;
        const QString why = difference(*plain, generalRead(body, 1));
        QVERIFY2(why.isEmpty(),
                 qPrintable(QStringLiteral("round %1: %2\n%3").arg(round).arg(why, QString::fromUtf8(body))));
    }
    // Both kinds happened: the mutants tested agreement, not only declining.
    QVERIFY2(read > 1000, qPrintable(QString::number(read)));
    QVERIFY2(declined > 1000, qPrintable(QString::number(declined)));
}

QTEST_GUILESS_MAIN(TestListPageReader)
#include "tst_listpagereader.moc"
