// Export and Copy of the campaign table (issue 19): campaigns with hostile names, descriptions,
// tags and group names in a real CampaignTableModel, behind a real CampaignFilterProxy searching,
// filtering by status and sorting; the visible rows and a chosen column order exported to a real
// file (QSaveFile, as the window writes it), read back, parsed, undefused and compared cell by
// cell with the campaigns as built; the same through tab-separated text and the clipboard.

#include "campaignfilterproxy.h"
#include "campaigntableexport.h"
#include "campaigntablemodel.h"
#include "tabulartext.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

using Rows = QList<QStringList>;

namespace {

constexpr auto kTesterMode = QAbstractItemModelTester::FailureReportingMode::QtTest;
const QByteArray kBom("\xEF\xBB\xBF");

// 10,000 characters of everything at once: separators, quotes, line breaks, a formula, Cyrillic.
QString veryLong()
{
    QString s;
    const QString piece = QStringLiteral("Длинное, \"имя\"\r\n\t=x;");
    while (s.size() < 10000)
        s += piece;
    s.truncate(10000);
    return s;
}

// Descriptions, tags and group names are drawn from these, each field at its own offset.
QStringList hostileTexts()
{
    return {
        QStringLiteral("Sale, 50% off"),
        QStringLiteral("He said \"stop\", twice"),
        QStringLiteral("line1\rline2"),
        QStringLiteral("line1\nline2"),
        QStringLiteral("line1\r\nline2"),
        QStringLiteral("tab\there"),
        QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")"),
        QStringLiteral("+1+1"),
        QStringLiteral("-2+3"),
        QStringLiteral("@SUM(A1)"),
        QStringLiteral("'=already"),
        QStringLiteral("''+x"),
        QStringLiteral("'quoted"),
        QStringLiteral("<b>html</b>"),
        QStringLiteral("invoice\u202Egpj.exe"),
        QStringLiteral("Летняя распродажа"),
        QStringLiteral("😀 emoji 🎉"),
        veryLong(),
        QString(),
        QStringLiteral("\t=1"),
        QStringLiteral("\r=1"),
        QStringLiteral("\"start"),
        QStringLiteral("end\n"),
    };
}

struct Fixture {
    QList<Campaign> campaigns;
    QSet<qint64> watched;
};

// Campaigns 701.. carry the hostile texts as names; the search "7" keeps them (by ID) and one
// other whose name holds a 7. Hidden: other statuses, and IDs and names without a 7.
Fixture fixture()
{
    const QStringList texts = hostileTexts();
    const auto n = texts.size();
    const QDateTime base(QDate(2025, 2, 1), QTime(8, 15), Qt::UTC);
    Fixture f;
    auto add = [&](qint64 id, const QString &name, CampaignStatus status, int i) {
        Campaign c;
        c.id = id;
        c.name = name;
        c.setStatus(status);
        c.description = texts.at((i + 3) % n);
        c.tags = QStringList{texts.at((i + 5) % n), texts.at((i + 8) % n)};
        if (i % 4 == 1)
            c.tags.clear();
        c.groups = {{1000 + i, texts.at((i + 11) % n)}};
        if (i % 3 == 0)
            c.groups.append({2000 + i, QString()}); // a group without a name shows its ID
        QList<qint64> regulars;
        for (int k = 0; k < i % 4; ++k)
            regulars << 5000 + 10 * i + k;
        c.nested.setIds(NestedObjects::Regulars, regulars);
        // Days repeat every five campaigns: ties on Created, broken by ID.
        c.created = base.addDays(i % 5).addSecs(i % 2 ? 0 : 3600);
        c.updated = base.addDays(30);
        c.updatedUser = QStringLiteral("m.ivanova");
        f.campaigns << c;
    };
    const CampaignStatus shown[] = {CampaignStatus::Active, CampaignStatus::Inactive, CampaignStatus::Waiting};
    for (int i = 0; i < n; ++i)
        add(701 + i, texts.at(i), shown[i % 3], i);
    add(801, QStringLiteral("Sale 7, \"seven\""), CampaignStatus::Active, 1); // found by name
    add(760, QStringLiteral("=hidden by status"), CampaignStatus::Deleted, 2);
    add(761, QStringLiteral("Completed, hidden"), CampaignStatus::Completed, 3);
    add(762, QStringLiteral("Cloning\nhidden"), CampaignStatus::Cloning, 4);
    add(901, QStringLiteral("Hidden, by search"), CampaignStatus::Active, 5);
    add(902, QStringLiteral("=cmd|' /C calc'!A0"), CampaignStatus::Inactive, 6);
    add(903, QString(), CampaignStatus::Waiting, 7);
    f.watched = {702, 707, 719, 901};
    return f;
}

const QSet<CampaignStatus> kStatusFilter = {CampaignStatus::Active, CampaignStatus::Inactive, CampaignStatus::Waiting};

// The window's visible columns in an order of the user's: neither the model's nor the default.
const QList<int> kColumns = {
    CampaignTableModel::NameColumn,     CampaignTableModel::IdColumn,      CampaignTableModel::DescriptionColumn,
    CampaignTableModel::WatchedColumn,  CampaignTableModel::TagsColumn,    CampaignTableModel::GroupsColumn,
    CampaignTableModel::RegularsColumn, CampaignTableModel::CreatedColumn, CampaignTableModel::StatusColumn,
};
const QStringList kHeader = {
    QStringLiteral("Name"),   QStringLiteral("ID"),     QStringLiteral("Description"),      QStringLiteral("Watched"),
    QStringLiteral("Tags"),   QStringLiteral("Groups"), QStringLiteral("Regular mailings"), QStringLiteral("Created"),
    QStringLiteral("Status"),
};

// What the export must hold, from the campaigns as built: the ones the search "7" and the status
// filter keep, newest Created first (ties: higher ID first), each as the columns above.
Rows expectedRows(const Fixture &f)
{
    QList<Campaign> visible;
    for (const Campaign &c : f.campaigns) {
        const bool found = QString::number(c.id).startsWith(QLatin1Char('7')) || c.name.contains(QLatin1Char('7'));
        if (found && kStatusFilter.contains(c.status))
            visible << c;
    }
    std::sort(visible.begin(), visible.end(), [](const Campaign &a, const Campaign &b) {
        return a.created != b.created ? a.created > b.created : a.id > b.id;
    });
    const QHash<CampaignStatus, QString> statusText
        = {{CampaignStatus::Active, QStringLiteral("Active")},
           {CampaignStatus::Inactive, QStringLiteral("Inactive")},
           {CampaignStatus::Waiting, QStringLiteral("Awaiting activation")}};
    Rows rows{kHeader};
    for (const Campaign &c : visible) {
        QStringList groups;
        for (const CampaignGroup &g : c.groups)
            groups << (g.name.isEmpty() ? QString::number(g.id) : g.name);
        rows << QStringList{
            c.name,
            QString::number(c.id),
            c.description,
            f.watched.contains(c.id) ? QStringLiteral("Watched") : QString(),
            c.tags.join(QStringLiteral(", ")),
            groups.join(QStringLiteral(", ")),
            QString::number(c.nested.ids(NestedObjects::Regulars).size()),
            c.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
            statusText.value(c.status),
        };
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

// Each cell compared on its own, so a failure names the row and column.
void compareCells(const Rows &actual, const Rows &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype r = 0; r < expected.size(); ++r) {
        QCOMPARE(actual.at(r).size(), expected.at(r).size());
        for (qsizetype col = 0; col < expected.at(r).size(); ++col) {
            const QByteArray where = QByteArray("row ") + QByteArray::number(r) + " column " + QByteArray::number(col)
                + ": " + actual.at(r).at(col).left(60).toUtf8();
            QVERIFY2(actual.at(r).at(col) == expected.at(r).at(col), where.constData());
        }
    }
}

void verifyNoCellStartsAsFormula(const Rows &parsed)
{
    for (const QStringList &row : parsed) {
        for (const QString &cell : row)
            QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.front()), qPrintable(cell.left(60)));
    }
}

// The line breaks that end records (outside quotes): each must be CRLF. Returns their count, or
// -1 at the first bare CR or LF outside quotes.
qsizetype recordEnds(const QByteArray &csv)
{
    qsizetype ends = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const char c = csv.at(i);
        if (c == '"')
            quoted = !quoted; // a doubled quote toggles twice
        else if (!quoted && c == '\r' && i + 1 < csv.size() && csv.at(i + 1) == '\n')
            ++ends, ++i;
        else if (!quoted && (c == '\r' || c == '\n'))
            return -1;
    }
    return ends;
}

// The model and the proxy the window has, with the search, status filter and sort applied, each
// under QAbstractItemModelTester from the first row on.
struct Table {
    CampaignTableModel model;
    CampaignFilterProxy proxy;
    QAbstractItemModelTester modelTester{&model, kTesterMode};
    QAbstractItemModelTester proxyTester{&proxy, kTesterMode};

    explicit Table(const Fixture &f)
    {
        proxy.setSourceModel(&model);
        model.upsert(f.campaigns);
        model.setWatchedIds(f.watched);
        model.flushChanges();
        proxy.setSearchText(QStringLiteral("7"));
        proxy.setStatusFilter(kStatusFilter);
        proxy.sort(CampaignTableModel::CreatedColumn, Qt::DescendingOrder);
    }
};

} // namespace

class TestCampaignExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureIsWhatItSays();
    void csvFileRoundTripsHostileCampaigns();
    void tsvRoundTripsHostileCampaigns();
    void clipboardRoundTripsHostileCampaigns();
    void chosenRowsComeInViewOrder();
    void headerFallsBackToDisplayText();
};

// The fixture keeps what the other tests rely on: hidden rows of every kind, ties, long text.
void TestCampaignExport::fixtureIsWhatItSays()
{
    const Fixture f = fixture();
    Table table(f);
    const Rows expected = expectedRows(f);
    QCOMPARE(table.model.rowCount(), f.campaigns.size());
    QCOMPARE(table.proxy.rowCount(), expected.size() - 1);
    QVERIFY(table.proxy.rowCount() >= 20);
    QVERIFY(table.proxy.rowCount() <= f.campaigns.size() - 6);
    // The proxy's order is neither the model's nor by ID.
    QCOMPARE(table.proxy.index(0, CampaignTableModel::IdColumn).data().toLongLong(), expected.at(1).at(1).toLongLong());
    QVERIFY(expected.at(1).at(1) != QStringLiteral("701"));
    bool someTie = false;
    for (qsizetype r = 2; r < expected.size(); ++r)
        someTie = someTie || expected.at(r).at(7) == expected.at(r - 1).at(7);
    QVERIFY(someTie);
    bool longName = false;
    for (const QStringList &row : expected)
        longName = longName || row.first().size() == 10000;
    QVERIFY(longName);
}

void TestCampaignExport::csvFileRoundTripsHostileCampaigns()
{
    const Fixture f = fixture();
    Table table(f);
    const Rows expected = expectedRows(f);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("campaigns, \"export\".csv"));
    QSaveFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    QVERIFY(out.write(CampaignTableExport::csv(&table.proxy, kColumns)) > 0);
    QVERIFY(out.commit());

    QFile in(path);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    QVERIFY(bytes.startsWith(kBom));
    QVERIFY(!bytes.mid(3).startsWith(kBom));
    QVERIFY(bytes.endsWith("\r\n"));
    // Every record ends in CRLF; the CRs and LFs inside names stay as they were, inside quotes.
    QCOMPARE(recordEnds(bytes), expected.size());
    QVERIFY(bytes.contains("\"line1\nline2\""));
    QVERIFY(bytes.contains("\"line1\rline2\""));
    QVERIFY(bytes.contains("\"He said \"\"stop\"\", twice\""));
    QVERIFY(QString::fromUtf8(bytes).contains(QStringLiteral("invoice\u202Egpj.exe"))); // kept, not "[U+202E]"

    const Rows parsed = TabularText::parseCsv(bytes);
    verifyNoCellStartsAsFormula(parsed);
    QCOMPARE(parsed.first(), kHeader);
    compareCells(undefused(parsed), expected);
    // The hidden campaigns are nowhere in the file.
    for (const QString &hidden : {QStringLiteral("hidden by status"), QStringLiteral("Completed, hidden"),
                                  QStringLiteral("Hidden, by search"), QStringLiteral("calc")})
        QVERIFY2(!QString::fromUtf8(bytes).contains(hidden), qPrintable(hidden));
}

void TestCampaignExport::tsvRoundTripsHostileCampaigns()
{
    const Fixture f = fixture();
    Table table(f);
    const QString tsv = CampaignTableExport::tsv(&table.proxy, kColumns);
    QVERIFY(tsv.startsWith(kHeader.join(QLatin1Char('\t')) + QLatin1Char('\n')));
    QVERIFY(tsv.contains(QStringLiteral("\"tab\there\"")));
    const Rows parsed = TabularText::parseTsv(tsv);
    verifyNoCellStartsAsFormula(parsed);
    compareCells(undefused(parsed), expectedRows(f));
    // The rows as built, before any text format: what the formats were given.
    compareCells(CampaignTableExport::rows(&table.proxy, kColumns), expectedRows(f));
}

void TestCampaignExport::clipboardRoundTripsHostileCampaigns()
{
    const Fixture f = fixture();
    Table table(f);
    const QString tsv = CampaignTableExport::tsv(&table.proxy, kColumns);
    QClipboard *clipboard = QGuiApplication::clipboard();
    QVERIFY(clipboard);
    clipboard->setText(tsv);
    const QString pasted = clipboard->text();
    if (pasted.isEmpty())
        QSKIP("The offscreen platform's clipboard did not hold text here");
    QCOMPARE(pasted.size(), tsv.size());
    QCOMPARE(pasted, tsv);
    compareCells(undefused(TabularText::parseTsv(pasted)), expectedRows(f));
}

void TestCampaignExport::chosenRowsComeInViewOrder()
{
    const Fixture f = fixture();
    Table table(f);
    const Rows all = expectedRows(f);
    // Selected rows come in the view's order, not the order they were picked, and once each.
    const Rows chosen = CampaignTableExport::rows(&table.proxy, kColumns, {9, 2, 5, 2});
    compareCells(chosen, Rows{all.at(0), all.at(3), all.at(6), all.at(10)});
    compareCells(undefused(TabularText::parseCsv(CampaignTableExport::csv(&table.proxy, kColumns, {9, 2, 5}))), chosen);

    // A narrower search: the next export follows it.
    table.proxy.setSearchText(QStringLiteral("801"));
    const Rows narrowed = CampaignTableExport::rows(&table.proxy, {CampaignTableModel::NameColumn});
    QCOMPARE(narrowed, (Rows{{QStringLiteral("Name")}, {QStringLiteral("Sale 7, \"seven\"")}}));
}

void TestCampaignExport::headerFallsBackToDisplayText()
{
    const Fixture f = fixture();
    Table table(f);
    // The watched column shows a star; its accessible header says what it is.
    QCOMPARE(table.proxy.headerData(CampaignTableModel::WatchedColumn, Qt::Horizontal).toString(),
             QStringLiteral("\u2605"));
    const QList<int> columns
        = {CampaignTableModel::WatchedColumn, CampaignTableModel::ScenariosColumn, CampaignTableModel::IdColumn};
    QCOMPARE(CampaignTableExport::rows(&table.proxy, columns).first(),
             (QStringList{QStringLiteral("Watched"), QStringLiteral("Scenarios"), QStringLiteral("ID")}));
    // Any role of the model: the display text shows bidi controls as "[U+202E]".
    const Rows display = CampaignTableExport::rows(&table.proxy, {CampaignTableModel::NameColumn}, {}, Qt::DisplayRole);
    bool marked = false;
    for (const QStringList &row : display)
        marked = marked || row.first() == QStringLiteral("invoice[U+202E]gpj.exe");
    QVERIFY(marked);
}

QTEST_MAIN(TestCampaignExport)
#include "tst_campaignexport.moc"
