// CampaignIdParser: campaign IDs as people paste them into "Add campaigns by ID".

#include "campaignidparser.h"

#include <QTest>

using IdList = QList<qint64>;

namespace {

IdList range(qint64 first, qint64 last)
{
    IdList ids;
    for (qint64 id = first; id <= last; ++id)
        ids.append(id);
    return ids;
}

} // namespace

class TestCampaignIdParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void duplicatesAreIgnoredAndCounted();
    void tooManyIds();
};

void TestCampaignIdParser::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<IdList>("ids");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<int>("duplicates");

    const QStringList none;
    QTest::newRow("commas, spaces and a range") << QStringLiteral("18, 19 20-25") << range(18, 25) << none << 0;
    QTest::newRow("order is kept") << QStringLiteral("30 4 17") << IdList{30, 4, 17} << none << 0;
    QTest::newRow("duplicates dropped and counted") << QStringLiteral("1, 2, 2, 3 1-3") << IdList{1, 2, 3} << none << 4;
    QTest::newRow("overlapping ranges") << QStringLiteral("10-12 11-13") << range(10, 13) << none << 2;
    QTest::newRow("not a number") << QStringLiteral("abc") << IdList{}
                                  << QStringList{QStringLiteral("'abc' is not a campaign ID")} << 0;
    QTest::newRow("good and bad: the bad one is named")
        << QStringLiteral("18, abc") << IdList{18} << QStringList{QStringLiteral("'abc' is not a campaign ID")} << 0;
    QTest::newRow("two bad entries") << QStringLiteral("x1 5 1x") << IdList{5}
                                     << QStringList{QStringLiteral("'x1' is not a campaign ID"),
                                                    QStringLiteral("'1x' is not a campaign ID")}
                                     << 0;
    QTest::newRow("reversed range") << QStringLiteral("25-20") << IdList{}
                                    << QStringList{QStringLiteral("'25-20' is a reversed range: write 20-25")} << 0;
    QTest::newRow("too large a range") << QStringLiteral("1-1001") << IdList{}
                                       << QStringList{QStringLiteral("'1-1001' holds more than 1000 IDs")} << 0;
    QTest::newRow("largest range allowed") << QStringLiteral("5001-6000") << range(5001, 6000) << none << 0;
    QTest::newRow("zero") << QStringLiteral("0") << IdList{} << QStringList{QStringLiteral("'0' is not a campaign ID")}
                          << 0;
    QTest::newRow("zero in a range") << QStringLiteral("0-3") << IdList{}
                                     << QStringList{QStringLiteral("'0-3' is not a campaign ID or a range like 20-25")}
                                     << 0;
    QTest::newRow("negative") << QStringLiteral("-5") << IdList{}
                              << QStringList{QStringLiteral("'-5' is not a campaign ID")} << 0;
    QTest::newRow("hash prefix") << QStringLiteral("#42") << IdList{42} << none << 0;
    QTest::newRow("hash prefixes in a range") << QStringLiteral("#42-#44, #7") << IdList{42, 43, 44, 7} << none << 0;
    QTest::newRow("lone hash") << QStringLiteral("#") << IdList{}
                               << QStringList{QStringLiteral("'#' is not a campaign ID")} << 0;
    QTest::newRow("en dash range") << QStringLiteral("20–23") << range(20, 23) << none << 0;
    QTest::newRow("em dash range") << QStringLiteral("20—22") << range(20, 22) << none << 0;
    QTest::newRow("spaced en dash range")
        << QStringLiteral("20 – 22, 30 - 31") << IdList{20, 21, 22, 30, 31} << none << 0;
    QTest::newRow("one per line") << QStringLiteral("1\n2\r\n3\n\n4") << IdList{1, 2, 3, 4} << none << 0;
    QTest::newRow("semicolons") << QStringLiteral("1;2; 3 ;;4") << IdList{1, 2, 3, 4} << none << 0;
    QTest::newRow("tabs and trailing separators") << QStringLiteral("\t7,\t8,\n") << IdList{7, 8} << none << 0;
    QTest::newRow("15 digits is the most")
        << QStringLiteral("999999999999999") << IdList{999999999999999LL} << none << 0;
    QTest::newRow("16 digits is too long")
        << QStringLiteral("1000000000000000") << IdList{}
        << QStringList{QStringLiteral("'1000000000000000' is not a campaign ID")} << 0;
    QTest::newRow("decimal") << QStringLiteral("4.5") << IdList{}
                             << QStringList{QStringLiteral("'4.5' is not a campaign ID")} << 0;
    QTest::newRow("half a range") << QStringLiteral("20-") << IdList{}
                                  << QStringList{QStringLiteral("'20-' is not a campaign ID or a range like 20-25")}
                                  << 0;
    QTest::newRow("empty") << QString() << IdList{} << none << 0;
    QTest::newRow("only separators") << QStringLiteral(" ,; \n") << IdList{} << none << 0;
}

void TestCampaignIdParser::parse()
{
    QFETCH(QString, text);
    QFETCH(IdList, ids);
    QFETCH(QStringList, errors);
    QFETCH(int, duplicates);

    const CampaignIdParser::Result r = CampaignIdParser::parse(text);
    QCOMPARE(r.ids, ids);
    QCOMPARE(r.errors, errors);
    QCOMPARE(r.duplicates, duplicates);
    QCOMPARE(r.ok(), errors.isEmpty() && !ids.isEmpty());
}

void TestCampaignIdParser::duplicatesAreIgnoredAndCounted()
{
    const auto r = CampaignIdParser::parse(QStringLiteral("7 7 #7 7-7 8\n7"));
    QCOMPARE(r.ids, (IdList{7, 8}));
    QCOMPARE(r.duplicates, 4);
    QVERIFY(r.ok());
}

void TestCampaignIdParser::tooManyIds()
{
    QStringList ranges;
    for (int i = 0; i < 10; ++i)
        ranges << QStringLiteral("%1-%2").arg(i * 1000 + 1).arg(i * 1000 + 1000);
    const auto atLimit = CampaignIdParser::parse(ranges.join(QLatin1Char(' ')));
    QCOMPARE(atLimit.ids.size(), CampaignIdParser::kMaxIds);
    QVERIFY(atLimit.ok());

    ranges << QStringLiteral("10001") << QStringLiteral("1"); // one more, and a duplicate
    const auto over = CampaignIdParser::parse(ranges.join(QLatin1Char(',')));
    QCOMPARE(over.ids.size(), CampaignIdParser::kMaxIds);
    QCOMPARE(over.errors, QStringList{QStringLiteral("At most 10000 campaigns can be added at once")});
    QCOMPARE(over.duplicates, 1);
    QVERIFY(!over.ok());
}

QTEST_GUILESS_MAIN(TestCampaignIdParser)
#include "tst_campaignidparser.moc"
