// The compact forms a campaign takes in a large table, checked against what they replace: the
// API's timestamps read directly (against QDateTime's parser), the nested IDs packed (against the
// lists they came from), names searched without a folded copy (against toCaseFolded().contains()),
// and the values a list's campaigns share.
#include "campaign.h"
#include "casefoldedmatch.h"
#include "nestedobjects.h"
#include "responseparser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

class TestCampaignData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timestampsReadAsQDateTimeReadsThem_data();
    void timestampsReadAsQDateTimeReadsThem();
    void nestedIdsKeepEveryValueAndKind_data();
    void nestedIdsKeepEveryValueAndKind();
    void nestedIdsReplacedKindByKind();
    void searchMatchesAsAFoldedCopyWould_data();
    void searchMatchesAsAFoldedCopyWould();
    void searchMatchesAsAFoldedCopyWouldOnRandomText();
    void aListsCampaignsShareRepeatedValues();
};

void TestCampaignData::timestampsReadAsQDateTimeReadsThem_data()
{
    QTest::addColumn<QString>("text");
    for (const char *text : {
             "2025-08-22T07:15:29.711Z", // the API's shape
             "2025-08-22T07:15:29Z",
             "2024-02-29T23:59:59.999Z",
             "2023-02-29T00:00:00.000Z", // no such day
             "2025-04-31T00:00:00.000Z",
             "0001-01-01T00:00:00.000Z",
             "0000-01-01T00:00:00.000Z",
             "9999-12-31T23:59:59.999Z",
             "1969-12-31T23:59:59.999Z", // before the epoch
             "1970-01-01T00:00:00.000Z",
             "2025-13-01T00:00:00.000Z",
             "2025-00-10T00:00:00.000Z",
             "2025-08-22T24:00:00.000Z",
             "2025-08-22T23:60:00.000Z",
             "2025-08-22T07:15:60.000Z",
             "2025-08-22T07:15:29.711+03:00",
             "2025-08-22T07:15:29.711-00:30",
             "2025-08-22T07:15:29.711",
             "2025-08-22T07:15:29.7Z",
             "2025-08-22T07:15:29.7111Z",
             "2025-08-22t07:15:29.711Z",
             "2025-08-22T07:15:29.711z",
             "2025-08-22 07:15:29.711Z",
             "2025-8-22T07:15:29.711Z",
             "2025-08-22T07:15:2x.711Z",
             "２０２５-08-22T07:15:29.711Z", // digits, but not ASCII ones
             "",
             "yesterday",
         }) {
        QTest::newRow(text[0] ? text : "empty") << QString::fromUtf8(text);
    }
}

void TestCampaignData::timestampsReadAsQDateTimeReadsThem()
{
    QFETCH(QString, text);
    QDateTime expected = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!expected.isValid())
        expected = QDateTime::fromString(text, Qt::ISODate);
    const QDateTime read = JsonFields::parseTimestamp(text);
    QCOMPARE(read.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(read.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
        QCOMPARE(read.timeSpec(), expected.timeSpec());
        QCOMPARE(read.offsetFromUtc(), expected.offsetFromUtc());
        QCOMPARE(read, expected);
    }
}

using IdLists = QList<QList<qint64>>;

void TestCampaignData::nestedIdsKeepEveryValueAndKind_data()
{
    QTest::addColumn<IdLists>("kinds");
    constexpr qint64 max = std::numeric_limits<qint64>::max(), min = std::numeric_limits<qint64>::min();
    QTest::newRow("none") << IdLists(6);
    QTest::newRow("as the emulator has them") << IdLists{{502}, {}, {500}, {501}, {}, {}};
    QTest::newRow("only the last kind") << IdLists{{}, {}, {}, {}, {}, {7, 8, 9}};
    QTest::newRow("far apart, going back") << IdLists{{1, 9007199254740992, 3}, {-5}, {0, 0}, {}, {42}, {-42}};
    QTest::newRow("the ends of 64 bits") << IdLists{{max, min, max}, {min}, {}, {0}, {max}, {1}};
}

void TestCampaignData::nestedIdsKeepEveryValueAndKind()
{
    QFETCH(IdLists, kinds);
    QList<qint64> all;
    NestedObjects::Counts counts{};
    for (int k = 0; k < NestedObjects::kKinds; ++k) {
        all << kinds.at(k);
        counts[static_cast<size_t>(k)] = static_cast<quint32>(kinds.at(k).size());
    }
    NestedObjects packed;
    packed.assign(all, counts);
    NestedObjects kindByKind;
    for (int k = NestedObjects::kKinds - 1; k >= 0; --k)
        kindByKind.setIds(NestedObjects::Kind(k), kinds.at(k));
    for (int k = 0; k < NestedObjects::kKinds; ++k) {
        QCOMPARE(packed.ids(NestedObjects::Kind(k)), kinds.at(k));
        QCOMPARE(packed.count(NestedObjects::Kind(k)), kinds.at(k).size());
        QCOMPARE(kindByKind.ids(NestedObjects::Kind(k)), kinds.at(k));
    }
    QCOMPARE(packed.totalCount(), all.size());
    QCOMPARE(packed.mailingCount(), kinds.at(1).size() + kinds.at(2).size() + kinds.at(3).size());
    QCOMPARE(packed.scenarioCount(), kinds.at(0).size());
    QVERIFY(packed == kindByKind); // one form for the same IDs, however they were put in
}

void TestCampaignData::nestedIdsReplacedKindByKind()
{
    NestedObjects n;
    n.setIds(NestedObjects::Regulars, {13});
    n.setIds(NestedObjects::Broadcasts, {11, 12});
    n.setIds(NestedObjects::Placements, {20});
    n.setIds(NestedObjects::Broadcasts, {});
    n.setIds(NestedObjects::Workflows, {17, 18});
    QCOMPARE(n.ids(NestedObjects::Workflows), (QList<qint64>{17, 18}));
    QCOMPARE(n.ids(NestedObjects::Broadcasts), QList<qint64>());
    QCOMPARE(n.ids(NestedObjects::Regulars), (QList<qint64>{13}));
    QCOMPARE(n.ids(NestedObjects::Placements), (QList<qint64>{20}));
    QCOMPARE(n.totalCount(), 4);
    QVERIFY(!(n == NestedObjects()));
}

void TestCampaignData::searchMatchesAsAFoldedCopyWould_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("search");
    const QString deseretUpper = QString::fromUcs4(U"\U00010400"); // folds to U+10428
    const QString deseretLower = QString::fromUcs4(U"\U00010428");
    auto row
        = [](const char *name, const QString &text, const QString &search) { QTest::newRow(name) << text << search; };
    row("Latin, other case", QStringLiteral("Black Friday — VIP"), QStringLiteral("friDAY"));
    row("Cyrillic, other case", QString::fromUtf8("Летняя распродажа"), QString::fromUtf8("РАСПРОДАЖА"));
    row("Cyrillic Ё", QString::fromUtf8("Ёлка"), QString::fromUtf8("ёл"));
    row("Greek final sigma", QString::fromUtf8("ΟΔΟΣ"), QString::fromUtf8("οδος"));
    row("sharp s stays one letter", QString::fromUtf8("Straße"), QStringLiteral("strasse"));
    row("dotted capital I", QString::fromUtf8("İstanbul"), QStringLiteral("istanbul"));
    row("at the very end", QStringLiteral("Welcome series"), QStringLiteral("SERIES"));
    row("at the very start", QStringLiteral("Welcome series"), QStringLiteral("w"));
    row("longer than the text", QStringLiteral("VIP"), QStringLiteral("vip sale"));
    row("no match", QStringLiteral("Newsletter"), QStringLiteral("sale"));
    row("a partial match first", QStringLiteral("sasale"), QStringLiteral("SALE"));
    row("empty search", QStringLiteral("Anything"), QString());
    row("empty text", QString(), QStringLiteral("a"));
    row("non-BMP letter, other case", QStringLiteral("Team ") + deseretUpper, deseretLower);
    row("non-BMP letter, same case", QStringLiteral("Team ") + deseretLower, deseretLower);
    row("non-BMP letter in the last units", QStringLiteral("ab") + deseretUpper, QStringLiteral("b") + deseretLower);
    row("non-BMP letter elsewhere, no match", deseretUpper + QStringLiteral(" sale"), QStringLiteral("vip"));
    row("non-BMP letter elsewhere, a match", deseretUpper + QStringLiteral(" SALE"), QStringLiteral("sale"));
}

void TestCampaignData::searchMatchesAsAFoldedCopyWould()
{
    QFETCH(QString, text);
    QFETCH(QString, search);
    const CaseFoldedMatch match(search);
    QCOMPARE(match.folded(), search.toCaseFolded());
    QCOMPARE(match.in(text), text.toCaseFolded().contains(search.toCaseFolded()));
}

void TestCampaignData::searchMatchesAsAFoldedCopyWouldOnRandomText()
{
    // Letters that fold and letters that do not, in both scripts, and a surrogate pair that folds.
    const QList<QString> alphabet = {
        QStringLiteral("a"),
        QStringLiteral("A"),
        QStringLiteral("b"),
        QStringLiteral("B"),
        QStringLiteral(" "),
        QStringLiteral("1"),
        QString::fromUtf8("я"),
        QString::fromUtf8("Я"),
        QString::fromUtf8("ё"),
        QString::fromUtf8("Ё"),
        QString::fromUtf8("—"),
        QString::fromUcs4(U"\U00010400"),
        QString::fromUcs4(U"\U00010428"),
    };
    QRandomGenerator random(14);
    auto randomText = [&](int maxLetters) {
        QString s;
        const int letters = static_cast<int>(random.bounded(maxLetters + 1));
        for (int i = 0; i < letters; ++i)
            s += alphabet.at(static_cast<qsizetype>(random.bounded(static_cast<quint32>(alphabet.size()))));
        return s;
    };
    int matches = 0;
    for (int i = 0; i < 20000; ++i) {
        const QString text = randomText(12), search = randomText(3);
        const bool expected = text.toCaseFolded().contains(search.toCaseFolded());
        matches += expected ? 1 : 0;
        if (CaseFoldedMatch(search).in(text) != expected)
            QFAIL(qPrintable(QStringLiteral("'%1' in '%2': expected %3").arg(search, text).arg(expected)));
    }
    QVERIFY(matches > 1000); // the texts did match, often
}

void TestCampaignData::aListsCampaignsShareRepeatedValues()
{
    auto item = [](qint64 id, const QString &user, const QStringList &tags) {
        return QJsonObject{
            {QStringLiteral("id"), id},
            {QStringLiteral("name"), QStringLiteral("Campaign %1").arg(id)},
            {QStringLiteral("state"), QStringLiteral("active")},
            {QStringLiteral("updated_user"), user},
            {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
            {QStringLiteral("groups"),
             QJsonArray{QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("name"), QStringLiteral("Retail")}}}}};
    };
    const QStringList tags{QStringLiteral("sale"), QStringLiteral("vip")};
    CampaignValuePools pools; // one listing's, over two pages
    const auto first = ResponseParser::page(
        QJsonArray{item(1, QStringLiteral("m.ivanova"), tags), item(2, QStringLiteral("m.ivanova"), tags)}, 1, &pools);
    const auto second = ResponseParser::page(QJsonArray{item(3, QStringLiteral("m.ivanova"), tags),
                                                        item(4, QStringLiteral("j.smith"), {QStringLiteral("sale")})},
                                             3, &pools);
    QVERIFY(first.ok() && second.ok());
    const Campaign &a = first.value.campaigns.at(0), &b = first.value.campaigns.at(1);
    const Campaign &c = second.value.campaigns.at(0), &d = second.value.campaigns.at(1);
    // Equal values, one copy: across the campaigns of a page and across pages.
    QCOMPARE(c.updatedUser, QStringLiteral("m.ivanova"));
    QCOMPARE(c.tags, tags);
    QVERIFY(a.updatedUser.isSharedWith(b.updatedUser));
    QVERIFY(a.updatedUser.isSharedWith(c.updatedUser));
    QVERIFY(a.tags.isSharedWith(c.tags));
    QVERIFY(a.groups.isSharedWith(c.groups));
    QVERIFY(d.tags.first().isSharedWith(a.tags.first())); // a tag, shared even in another set
    QVERIFY(!a.name.isSharedWith(b.name)); // what differs is not
    // The state's usual spelling is the one constant string, not a copy per campaign.
    QCOMPARE(a.statusText, QStringLiteral("active"));
    QCOMPARE(a.statusText.constData(), b.statusText.constData());
}

QTEST_GUILESS_MAIN(TestCampaignData)
#include "tst_campaigndata.moc"
