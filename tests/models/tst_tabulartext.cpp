// TabularText: the CSV of files and the tab-separated text of the clipboard, byte for byte; the
// defusing of cells a spreadsheet would run as formulas, and its undoing, over hostile strings
// and over random strings of the characters that matter; both formats read back; and History's
// JournalCsv, which now goes through it, writing what it wrote before.

#include "journalcsv.h"
#include "tabulartext.h"

#include <QRandomGenerator>
#include <QTest>

using Rows = QList<QStringList>;

namespace {

const QByteArray kBom("\xEF\xBB\xBF");

// Strings that have broken CSV and TSV writers and readers, and that a spreadsheet would run.
QStringList nastyStrings()
{
    return {
        QString(),
        QStringLiteral("plain"),
        QStringLiteral("a,b"),
        QStringLiteral("say \"hi\""),
        QStringLiteral("\""),
        QStringLiteral("\"\""),
        QStringLiteral("\"start"),
        QStringLiteral("x\ny"),
        QStringLiteral("x\ry"),
        QStringLiteral("x\r\ny"),
        QStringLiteral("\r\n"),
        QStringLiteral("\n"),
        QStringLiteral("end\n"),
        QStringLiteral("tab\there"),
        QStringLiteral("\t"),
        QStringLiteral("=1+1"),
        QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")"),
        QStringLiteral("+1"),
        QStringLiteral("-1"),
        QStringLiteral("-"),
        QStringLiteral("@SUM(A1)"),
        QStringLiteral("\t=1"),
        QStringLiteral("\r=1"),
        QStringLiteral("'"),
        QStringLiteral("''"),
        QStringLiteral("'quoted"),
        QStringLiteral("'=1"),
        QStringLiteral("''=1"),
        QStringLiteral("'''@x"),
        QStringLiteral("'\t"),
        QStringLiteral("'\r\n"),
        QStringLiteral("'\n=1"),
        QStringLiteral("a=b"),
        QStringLiteral(" =1"),
        QStringLiteral("\n=1"),
        QStringLiteral("<b>html</b>"),
        QStringLiteral("invoice\u202Egpj.exe"),
        QStringLiteral("Летняя распродажа, «Чёрная пятница»"),
        QStringLiteral("😀 🎉"),
        QString(10000, QLatin1Char('=')),
    };
}

// Random strings of 0 to 12 characters from those that matter to quoting and defusing.
QStringList randomStrings(int count)
{
    static const QString alphabet = QStringLiteral("=+-@'\t\r\n\",a я");
    QRandomGenerator random(19); // fixed: a failure can be reproduced
    QStringList strings;
    for (int i = 0; i < count; ++i) {
        QString s;
        const int length = random.bounded(13);
        for (int j = 0; j < length; ++j)
            s += alphabet.at(random.bounded(static_cast<int>(alphabet.size())));
        strings << s;
    }
    return strings;
}

// Random tables: 1 to 5 rows of 1 to 5 fields (a row of no fields has no text of its own).
Rows randomRows(QRandomGenerator &random, const QStringList &pool)
{
    Rows rows;
    const int rowCount = 1 + random.bounded(5);
    for (int r = 0; r < rowCount; ++r) {
        QStringList row;
        const int fieldCount = 1 + random.bounded(5);
        for (int f = 0; f < fieldCount; ++f)
            row << pool.at(random.bounded(static_cast<int>(pool.size())));
        rows << row;
    }
    return rows;
}

Rows undefused(Rows rows)
{
    for (QStringList &row : rows) {
        for (QString &field : row)
            field = TabularText::undefuse(field);
    }
    return rows;
}

bool startsAsFormula(const QString &field)
{
    return !field.isEmpty() && QStringLiteral("=+-@\t\r").contains(field.front());
}

} // namespace

class TestTabularText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvField_data();
    void csvField();
    void tsvField_data();
    void tsvField();
    void csvIsUtf8WithBomAndCrlfAfterEveryRecord();
    void tsvIsTabsAndLineFeeds();
    void csvAndTsvDefuseEveryFieldHeaderIncluded();
    void defuse_data();
    void defuse();
    void undefuseReversesDefuseForNastyStrings();
    void undefuseReversesDefuseForRandomStrings();
    void parseReadsBothFormatsBack();
    void parseRoundTripsRandomTables();
    void journalCsvWritesWhatItWrote();
};

void TestTabularText::csvField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("plain") << QStringLiteral("plain");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("only a quote") << QStringLiteral("\"") << QStringLiteral("\"\"\"\"");
    QTest::newRow("LF") << QStringLiteral("x\ny") << QStringLiteral("\"x\ny\"");
    QTest::newRow("CR") << QStringLiteral("x\ry") << QStringLiteral("\"x\ry\"");
    QTest::newRow("CRLF") << QStringLiteral("x\r\ny") << QStringLiteral("\"x\r\ny\"");
    QTest::newRow("tab is not special in CSV") << QStringLiteral("a\tb") << QStringLiteral("a\tb");
    QTest::newRow("spaces kept") << QStringLiteral(" padded ") << QStringLiteral(" padded ");
    QTest::newRow("not defused") << QStringLiteral("=1,2") << QStringLiteral("\"=1,2\"");
}

void TestTabularText::csvField()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(TabularText::csvField(field), expected);
}

void TestTabularText::tsvField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("plain") << QStringLiteral("plain");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma is not special in TSV") << QStringLiteral("a,b") << QStringLiteral("a,b");
    QTest::newRow("tab") << QStringLiteral("a\tb") << QStringLiteral("\"a\tb\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("LF") << QStringLiteral("x\ny") << QStringLiteral("\"x\ny\"");
    QTest::newRow("CR") << QStringLiteral("x\ry") << QStringLiteral("\"x\ry\"");
    QTest::newRow("CRLF") << QStringLiteral("x\r\ny") << QStringLiteral("\"x\r\ny\"");
}

void TestTabularText::tsvField()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(TabularText::tsvField(field), expected);
}

void TestTabularText::csvIsUtf8WithBomAndCrlfAfterEveryRecord()
{
    const Rows rows = {
        {QStringLiteral("Name"), QStringLiteral("Tags")},
        {QStringLiteral("Привет, мир"), QStringLiteral("a\nb")},
        {QString(), QStringLiteral("x")},
    };
    const QByteArray csv = TabularText::csv(rows);
    QCOMPARE(csv, kBom + QStringLiteral("Name,Tags\r\n\"Привет, мир\",\"a\nb\"\r\n,x\r\n").toUtf8());
    QCOMPARE(TabularText::csv({}), kBom);
}

void TestTabularText::tsvIsTabsAndLineFeeds()
{
    const Rows rows = {
        {QStringLiteral("Name"), QStringLiteral("Tags")},
        {QStringLiteral("Привет, мир"), QStringLiteral("a\tb\r\nc")},
        {QString(), QStringLiteral("\"x\"")},
    };
    QCOMPARE(TabularText::tsv(rows), QStringLiteral("Name\tTags\nПривет, мир\t\"a\tb\r\nc\"\n\t\"\"\"x\"\"\"\n"));
    QCOMPARE(TabularText::tsv({}), QString());
}

void TestTabularText::csvAndTsvDefuseEveryFieldHeaderIncluded()
{
    const Rows rows
        = {{QStringLiteral("=Header"), QStringLiteral("Plain")}, {QStringLiteral("-2+3"), QStringLiteral("'@x")}};
    QCOMPARE(TabularText::csv(rows), kBom + QByteArray("'=Header,Plain\r\n'-2+3,''@x\r\n"));
    QCOMPARE(TabularText::tsv(rows), QStringLiteral("'=Header\tPlain\n'-2+3\t''@x\n"));
    // AsIs leaves defusing to the caller.
    QCOMPARE(TabularText::csv(rows, TabularText::Cells::AsIs), kBom + QByteArray("=Header,Plain\r\n-2+3,'@x\r\n"));
    QCOMPARE(TabularText::tsv(rows, TabularText::Cells::AsIs), QStringLiteral("=Header\tPlain\n-2+3\t'@x\n"));
    // A defused field that holds a tab is still quoted as a whole, its apostrophe inside.
    QCOMPARE(TabularText::tsv({{QStringLiteral("\t=1")}}), QStringLiteral("\"'\t=1\"\n"));
    QCOMPARE(TabularText::csv({{QStringLiteral("\r=1")}}), kBom + QByteArray("\"'\r=1\"\r\n"));
}

void TestTabularText::defuse_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("=") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
    QTest::newRow("+") << QStringLiteral("+1") << QStringLiteral("'+1");
    QTest::newRow("-") << QStringLiteral("-1") << QStringLiteral("'-1");
    QTest::newRow("@") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
    QTest::newRow("CR") << QStringLiteral("\r=1") << QStringLiteral("'\r=1");
    QTest::newRow("apostrophe before =") << QStringLiteral("'=1") << QStringLiteral("''=1");
    QTest::newRow("apostrophes before @") << QStringLiteral("'''@") << QStringLiteral("''''@");
    QTest::newRow("apostrophe before text") << QStringLiteral("'quoted") << QStringLiteral("'quoted");
    QTest::newRow("apostrophes only") << QStringLiteral("''") << QStringLiteral("''");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("= later") << QStringLiteral("Sale -50% = win") << QStringLiteral("Sale -50% = win");
    QTest::newRow("space first") << QStringLiteral(" =1") << QStringLiteral(" =1");
    QTest::newRow("LF first") << QStringLiteral("\n=1") << QStringLiteral("\n=1");
    QTest::newRow("Cyrillic") << QStringLiteral("Акция") << QStringLiteral("Акция");
}

void TestTabularText::defuse()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(TabularText::defuse(field), expected);
    QCOMPARE(TabularText::undefuse(expected), field);
}

void TestTabularText::undefuseReversesDefuseForNastyStrings()
{
    for (const QString &s : nastyStrings()) {
        const QString defused = TabularText::defuse(s);
        QVERIFY2(!startsAsFormula(defused), qPrintable(s.left(40)));
        QCOMPARE(TabularText::undefuse(defused), s);
        // Defusing twice stays reversible too (a cell copied out of a file and exported again).
        QCOMPARE(TabularText::undefuse(TabularText::undefuse(TabularText::defuse(defused))), s);
    }
}

void TestTabularText::undefuseReversesDefuseForRandomStrings()
{
    const QStringList strings = randomStrings(50000);
    int defusedCount = 0;
    for (const QString &s : strings) {
        const QString defused = TabularText::defuse(s);
        if (defused != s)
            ++defusedCount;
        QVERIFY2(!startsAsFormula(defused), qPrintable(s));
        QVERIFY2(TabularText::undefuse(defused) == s, qPrintable(s));
    }
    // The alphabet makes both kinds common: the property was tested on both.
    QVERIFY(defusedCount > 10000);
    QVERIFY(defusedCount < 40000);
}

void TestTabularText::parseReadsBothFormatsBack()
{
    const Rows rows = {nastyStrings(), {QStringLiteral("last"), QString()}};
    QCOMPARE(TabularText::parseCsv(TabularText::csv(rows, TabularText::Cells::AsIs)), rows);
    QCOMPARE(TabularText::parseTsv(TabularText::tsv(rows, TabularText::Cells::AsIs)), rows);
    QCOMPARE(undefused(TabularText::parseCsv(TabularText::csv(rows))), rows);
    QCOMPARE(undefused(TabularText::parseTsv(TabularText::tsv(rows))), rows);

    // The BOM is not part of the first field; a file without one reads the same.
    QCOMPARE(TabularText::parseCsv(kBom + "a,b\r\n").first().first(), QStringLiteral("a"));
    QCOMPARE(TabularText::parseCsv("a,b\r\n"), (Rows{{QStringLiteral("a"), QStringLiteral("b")}}));
    // Without a final line break, and with LF or CR alone (as other programs write it).
    QCOMPARE(TabularText::parseCsv("a,\"b\"\"c\"\nd,e\rf"),
             (Rows{{QStringLiteral("a"), QStringLiteral("b\"c")},
                   {QStringLiteral("d"), QStringLiteral("e")},
                   {QStringLiteral("f")}}));
    // Excel's clipboard: CRLF after each row, a quoted cell with a line break.
    QCOMPARE(TabularText::parseTsv(QStringLiteral("a\t\"b\nc\"\r\n\td\r\n")),
             (Rows{{QStringLiteral("a"), QStringLiteral("b\nc")}, {QString(), QStringLiteral("d")}}));
    QCOMPARE(TabularText::parseCsv({}), Rows{});
    QCOMPARE(TabularText::parseTsv({}), Rows{});
}

void TestTabularText::parseRoundTripsRandomTables()
{
    const QStringList pool = randomStrings(2000) + nastyStrings();
    QRandomGenerator random(4180);
    for (int i = 0; i < 3000; ++i) {
        const Rows rows = randomRows(random, pool);
        const QByteArray csv = TabularText::csv(rows);
        QVERIFY(csv.startsWith(kBom));
        QVERIFY(csv.endsWith("\r\n"));
        const Rows fromCsv = TabularText::parseCsv(csv);
        const Rows fromTsv = TabularText::parseTsv(TabularText::tsv(rows));
        for (const Rows &parsed : {fromCsv, fromTsv}) {
            for (const QStringList &row : parsed) {
                for (const QString &field : row)
                    QVERIFY2(!startsAsFormula(field), qPrintable(field));
            }
        }
        QCOMPARE(undefused(fromCsv), rows);
        QCOMPARE(undefused(fromTsv), rows);
        QCOMPARE(TabularText::parseCsv(TabularText::csv(rows, TabularText::Cells::AsIs)), rows);
        QCOMPARE(TabularText::parseTsv(TabularText::tsv(rows, TabularText::Cells::AsIs)), rows);
    }
}

// History's export goes through TabularText with its own defusing (free text only): its bytes
// are those it wrote before, which tst_journal_store pins byte for byte; here, that it is the
// shared writer and reader it uses.
void TestTabularText::journalCsvWritesWhatItWrote()
{
    const Rows rows = {{QStringLiteral("plain"), QStringLiteral("a,b"), QStringLiteral("-1"),
                        QStringLiteral("=not defused here"), QStringLiteral("x\r\ny")}};
    QCOMPARE(JournalCsv::toCsv(rows), TabularText::csv(rows, TabularText::Cells::AsIs));
    QCOMPARE(JournalCsv::toCsv(rows), kBom + QByteArray("plain,\"a,b\",-1,=not defused here,\"x\r\ny\"\r\n"));
    QCOMPARE(JournalCsv::parse(JournalCsv::toCsv(rows)), rows);

    // Its free text is defused as the table's is; the columns the app fills are not.
    JournalEntry e;
    e.campaignName = QStringLiteral("=HYPERLINK(\"x\")");
    e.reason = QStringLiteral("'=1");
    e.errorCode = -1;
    const QStringList header = JournalCsv::header();
    const QStringList fields = JournalCsv::fields(e);
    QCOMPARE(fields.at(header.indexOf(QStringLiteral("campaign_name"))), QStringLiteral("'=HYPERLINK(\"x\")"));
    QCOMPARE(fields.at(header.indexOf(QStringLiteral("reason"))), QStringLiteral("''=1"));
    QCOMPARE(fields.at(header.indexOf(QStringLiteral("error_code"))), QStringLiteral("-1"));
}

QTEST_GUILESS_MAIN(TestTabularText)
#include "tst_tabulartext.moc"
