// Tag and group filters: CampaignFacetModel (the tags or groups of the loaded campaigns, with
// counts and check boxes) and CampaignFilterProxy's tag and group filters. QAbstractItemModelTester
// watches the facet models and the proxy while rows arrive, change and leave and while every
// filter changes; then any-of within a facet, AND across facets and with search and status,
// counts, groups of the same name, checked keys no campaign carries, hostile tag text, and a
// refresh over 100,000 campaigns are checked against expected values.

#include "campaignfacetmodel.h"
#include "campaignfilterproxy.h"
#include "campaigntablemodel.h"
#include "modeltestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using ModelTest::idsInOrder;
using ModelTest::sorted;

using IdList = QList<qint64>;
using StatusSet = QSet<CampaignStatus>;
using Facet = CampaignFacetModel::Facet;

namespace {

constexpr auto kTesterMode = QAbstractItemModelTester::FailureReportingMode::QtTest;

Campaign tagged(qint64 id, const QString &name, CampaignStatus status, const QStringList &tags,
                const QList<EmulatedGroup> &groups = {{1, QStringLiteral("Retail")}})
{
    return CampaignBuilder(id).name(name).tags(tags).groups(groups).client(status);
}

const EmulatedGroup kRetail{1, QStringLiteral("Retail")};
const EmulatedGroup kB2b{2, QStringLiteral("B2B")};
const EmulatedGroup kTest{3, QStringLiteral("Test")};

// The filter fixture: tags and groups overlapping so that any-of and AND give different answers.
QList<Campaign> filterFixture()
{
    const auto s = [](const char *text) { return QString::fromUtf8(text); };
    return {
        tagged(1, s("Summer sale"), CampaignStatus::Active, {s("sale"), s("email")}, {kRetail}),
        tagged(2, s("Summer push"), CampaignStatus::Active, {s("push")}, {kRetail, kB2b}),
        tagged(3, s("Winter sale"), CampaignStatus::Inactive, {s("sale")}, {kB2b}),
        tagged(4, s("Летняя распродажа"), CampaignStatus::Active, {s("акция"), s("sms")}, {kTest}),
        tagged(5, s("VIP welcome"), CampaignStatus::Completed, {s("vip"), s("email"), s("sale")}, {}),
        tagged(6, s("No tags"), CampaignStatus::Active, {}, {kRetail}),
        tagged(7, s("Summer sms"), CampaignStatus::Waiting, {s("sms")}, {kB2b}),
    };
}

QSet<QString> tagSet(const QStringList &tags)
{
    return QSet<QString>(tags.cbegin(), tags.cend());
}

// key -> count, as the model shows them.
QMap<QString, int> countsOf(const CampaignFacetModel &model)
{
    QMap<QString, int> counts;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        counts.insert(index.data(CampaignFacetModel::KeyRole).toString(),
                      index.data(CampaignFacetModel::CountRole).toInt());
    }
    return counts;
}

QStringList labelsOf(const CampaignFacetModel &model)
{
    QStringList labels;
    for (int row = 0; row < model.rowCount(); ++row)
        labels.append(model.index(row).data().toString());
    return labels;
}

int rowOfKey(const CampaignFacetModel &model, const QString &key)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row).data(CampaignFacetModel::KeyRole).toString() == key)
            return row;
    }
    return -1;
}

} // namespace

class TestCampaignFacets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void facetModelsUnderTester();
    void proxyUnderTesterWhileFiltersAndRowsChange();
    void filters_data();
    void filters();
    void filterChangeRefiltersOnce();
    void counts();
    void groupsOfTheSameName();
    void sortedByLabelCaseInsensitive();
    void checkedKeysStayWithCountZero();
    void checkStateAndSignal();
    void refreshBatchesChanges();
    void hostileTagText();
    void hundredThousandCampaigns();
};

void TestCampaignFacets::facetModelsUnderTester()
{
    CampaignTableModel table;
    CampaignFacetModel tags(Facet::Tags);
    CampaignFacetModel groups(Facet::Groups);
    QAbstractItemModelTester tagsTester(&tags, kTesterMode);
    QAbstractItemModelTester groupsTester(&groups, kTesterMode);

    tags.refresh(table);
    groups.refresh(table);
    QCOMPARE(tags.rowCount(), 0);
    QCOMPARE(groups.rowCount(), 0);

    table.upsert(filterFixture());
    tags.refresh(table);
    groups.refresh(table);
    QCOMPARE(tags.rowCount(), 6); // sale email push акция sms vip
    QCOMPARE(groups.rowCount(), 3);

    // Checks through setData, then a saved view's keys, some unknown.
    QVERIFY(tags.setData(tags.index(rowOfKey(tags, QStringLiteral("sale"))), Qt::Checked, Qt::CheckStateRole));
    tags.setCheckedKeys({QStringLiteral("push"), QStringLiteral("gone"), QStringLiteral("also gone")});
    groups.setCheckedKeys({QStringLiteral("2"), QStringLiteral("99"), QStringLiteral("not an id")});
    QCOMPARE(tags.rowCount(), 8);
    QCOMPARE(groups.rowCount(), 4);

    // Rows change, arrive and leave; every refresh is watched.
    table.upsert(
        {tagged(2, QStringLiteral("Summer push"), CampaignStatus::Active, {QStringLiteral("email")}, {kRetail})});
    tags.refresh(table);
    groups.refresh(table);
    table.upsert({tagged(8, QStringLiteral("New"), CampaignStatus::Active, {QStringLiteral("fresh")},
                         {{4, QStringLiteral("Retail")}})});
    tags.refresh(table);
    groups.refresh(table);
    table.remove(4);
    table.remove(5);
    tags.refresh(table);
    groups.refresh(table);
    tags.clearChecks();
    groups.clearChecks();
    tags.refresh(table);
    groups.refresh(table);
    table.clear();
    tags.refresh(table);
    groups.refresh(table);
    QCOMPARE(tags.rowCount(), 0);
    QCOMPARE(groups.rowCount(), 0);
}

void TestCampaignFacets::proxyUnderTesterWhileFiltersAndRowsChange()
{
    CampaignTableModel table;
    CampaignFilterProxy proxy;
    proxy.setSourceModel(&table);
    proxy.sort(CampaignTableModel::IdColumn, Qt::AscendingOrder);
    QAbstractItemModelTester tester(&proxy, kTesterMode);

    table.upsert(filterFixture());
    proxy.setTagFilter({QStringLiteral("sale"), QStringLiteral("sms")});
    QCOMPARE(idsInOrder(proxy), (IdList{1, 3, 4, 5, 7}));
    proxy.setGroupFilter({2});
    QCOMPARE(idsInOrder(proxy), (IdList{3, 7}));
    proxy.setStatusFilter({CampaignStatus::Waiting});
    QCOMPARE(idsInOrder(proxy), (IdList{7}));
    proxy.setSearchText(QStringLiteral("summer"));
    QCOMPARE(idsInOrder(proxy), (IdList{7}));
    proxy.setStatusFilter({});
    QCOMPARE(idsInOrder(proxy), (IdList{7}));

    // A row gains the tag, a new row arrives carrying both, a row leaves.
    table.upsert({tagged(2, QStringLiteral("Summer push"), CampaignStatus::Active,
                         {QStringLiteral("push"), QStringLiteral("sms")}, {kB2b})});
    table.flushChanges();
    QCOMPARE(idsInOrder(proxy), (IdList{2, 7}));
    table.upsert(
        {tagged(9, QStringLiteral("Summer again"), CampaignStatus::Active, {QStringLiteral("sale")}, {kB2b, kTest})});
    QCOMPARE(idsInOrder(proxy), (IdList{2, 7, 9}));
    table.remove(7);
    QCOMPARE(idsInOrder(proxy), (IdList{2, 9}));
    // A row loses the tag.
    table.upsert(
        {tagged(9, QStringLiteral("Summer again"), CampaignStatus::Active, {QStringLiteral("vip")}, {kB2b, kTest})});
    table.flushChanges();
    QCOMPARE(idsInOrder(proxy), (IdList{2}));

    proxy.setSearchText({});
    proxy.setGroupFilter({});
    QCOMPARE(idsInOrder(proxy), (IdList{1, 2, 3, 4, 5}));
    proxy.setTagFilter({});
    QCOMPARE(idsInOrder(proxy), (IdList{1, 2, 3, 4, 5, 6, 9}));
    table.clear();
    QCOMPARE(proxy.rowCount(), 0);
}

void TestCampaignFacets::filters_data()
{
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QList<qint64>>("groups");
    QTest::addColumn<StatusSet>("statuses");
    QTest::addColumn<QString>("search");
    QTest::addColumn<IdList>("expected");

    const StatusSet none;
    const IdList all{1, 2, 3, 4, 5, 6, 7};
    const auto s = [](const char *text) { return QString::fromUtf8(text); };
    QTest::newRow("no filter") << QStringList() << QList<qint64>() << none << QString() << all;
    QTest::newRow("one tag") << QStringList{s("sale")} << QList<qint64>() << none << QString() << IdList{1, 3, 5};
    QTest::newRow("two tags: any of them")
        << QStringList{s("sale"), s("sms")} << QList<qint64>() << none << QString() << IdList{1, 3, 4, 5, 7};
    QTest::newRow("Cyrillic tag") << QStringList{s("акция")} << QList<qint64>() << none << QString() << IdList{4};
    QTest::newRow("tag no campaign carries")
        << QStringList{s("nothing")} << QList<qint64>() << none << QString() << IdList{};
    QTest::newRow("tags are matched whole and by case")
        << QStringList{s("Sale"), s("sal"), s("sale ")} << QList<qint64>() << none << QString() << IdList{};
    QTest::newRow("one group") << QStringList() << QList<qint64>{1} << none << QString() << IdList{1, 2, 6};
    QTest::newRow("two groups: any of them")
        << QStringList() << QList<qint64>{1, 3} << none << QString() << IdList{1, 2, 4, 6};
    QTest::newRow("group with no campaign") << QStringList() << QList<qint64>{42} << none << QString() << IdList{};
    QTest::newRow("tags and groups: both")
        << QStringList{s("sale"), s("push")} << QList<qint64>{2} << none << QString() << IdList{2, 3};
    QTest::newRow("tag and status") << QStringList{s("sale")} << QList<qint64>() << StatusSet{CampaignStatus::Active}
                                    << QString() << IdList{1};
    QTest::newRow("tag and two statuses")
        << QStringList{s("sale"), s("sms")} << QList<qint64>()
        << StatusSet{CampaignStatus::Active, CampaignStatus::Waiting} << QString() << IdList{1, 4, 7};
    QTest::newRow("tag and search") << QStringList{s("sale"), s("sms")} << QList<qint64>() << none << s("summer")
                                    << IdList{1, 7};
    QTest::newRow("tag and ID search") << QStringList{s("email")} << QList<qint64>() << none << s("5") << IdList{5};
    QTest::newRow("everything") << QStringList{s("sale"), s("sms"), s("push")} << QList<qint64>{1, 2}
                                << StatusSet{CampaignStatus::Active, CampaignStatus::Waiting} << s("SUMMER")
                                << IdList{1, 2, 7};
    QTest::newRow("everything, nothing left")
        << QStringList{s("vip")} << QList<qint64>{1, 2, 3} << none << QString() << IdList{};
}

void TestCampaignFacets::filters()
{
    QFETCH(QStringList, tags);
    QFETCH(QList<qint64>, groups);
    QFETCH(StatusSet, statuses);
    QFETCH(QString, search);
    QFETCH(IdList, expected);

    CampaignTableModel table;
    table.upsert(filterFixture());
    CampaignFilterProxy proxy;
    proxy.setSourceModel(&table);
    proxy.sort(CampaignTableModel::IdColumn, Qt::AscendingOrder);
    QAbstractItemModelTester tester(&proxy, kTesterMode);
    // Set in one order, checked, then cleared and set in the reverse order.
    proxy.setTagFilter(tagSet(tags));
    proxy.setGroupFilter(QSet<qint64>(groups.cbegin(), groups.cend()));
    proxy.setStatusFilter(statuses);
    proxy.setSearchText(search);
    QCOMPARE(proxy.tagFilter(), tagSet(tags));
    QCOMPARE(proxy.groupFilter(), QSet<qint64>(groups.cbegin(), groups.cend()));
    QCOMPARE(idsInOrder(proxy), expected);

    proxy.setTagFilter({});
    proxy.setGroupFilter({});
    proxy.setStatusFilter({});
    proxy.setSearchText({});
    QCOMPARE(proxy.rowCount(), table.rowCount());
    proxy.setSearchText(search);
    proxy.setStatusFilter(statuses);
    proxy.setGroupFilter(QSet<qint64>(groups.cbegin(), groups.cend()));
    proxy.setTagFilter(tagSet(tags));
    QCOMPARE(idsInOrder(proxy), expected);

    // The facet models hand the proxy what is checked.
    CampaignFacetModel tagFacet(Facet::Tags), groupFacet(Facet::Groups);
    tagFacet.refresh(table);
    groupFacet.refresh(table);
    tagFacet.setCheckedKeys(tags);
    QStringList groupKeys;
    for (qint64 id : groups)
        groupKeys.append(QString::number(id));
    groupFacet.setCheckedKeys(groupKeys);
    CampaignFilterProxy fromFacets;
    fromFacets.setSourceModel(&table);
    fromFacets.sort(CampaignTableModel::IdColumn, Qt::AscendingOrder);
    fromFacets.setTagFilter(tagFacet.checkedTags());
    fromFacets.setGroupFilter(groupFacet.checkedGroupIds());
    fromFacets.setStatusFilter(statuses);
    fromFacets.setSearchText(search);
    QCOMPARE(idsInOrder(fromFacets), expected);
}

void TestCampaignFacets::filterChangeRefiltersOnce()
{
    CampaignTableModel table;
    table.upsert(filterFixture());
    CampaignFilterProxy proxy;
    proxy.setSourceModel(&table);
    QSignalSpy aboutToChange(&proxy, &QAbstractItemModel::layoutAboutToBeChanged);
    QSignalSpy reset(&proxy, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy removed(&proxy, &QAbstractItemModel::rowsAboutToBeRemoved);
    const auto changes = [&] { return aboutToChange.size() + reset.size() + removed.size(); };

    proxy.setTagFilter({QStringLiteral("sale"), QStringLiteral("sms")});
    QCOMPARE(changes(), 1);
    proxy.setTagFilter({QStringLiteral("sms"), QStringLiteral("sale")}); // the same set
    QCOMPARE(changes(), 1);
    proxy.setGroupFilter({2, 3});
    QCOMPARE(changes(), 2);
    proxy.setGroupFilter({3, 2});
    QCOMPARE(changes(), 2);
    proxy.setGroupFilter({});
    QCOMPARE(changes(), 3);
    QCOMPARE(idsInOrder(proxy), (IdList{1, 3, 4, 5, 7}));
}

void TestCampaignFacets::counts()
{
    CampaignTableModel table;
    table.upsert(filterFixture());
    CampaignFacetModel tags(Facet::Tags), groups(Facet::Groups);
    tags.refresh(table);
    groups.refresh(table);
    const QMap<QString, int> expectedTags{
        {QStringLiteral("sale"), 3}, {QStringLiteral("email"), 2},    {QStringLiteral("push"), 1},
        {QStringLiteral("sms"), 2},  {QString::fromUtf8("акция"), 1}, {QStringLiteral("vip"), 1},
    };
    QCOMPARE(countsOf(tags), expectedTags);
    const QMap<QString, int> expectedGroups{
        {QStringLiteral("1"), 3}, {QStringLiteral("2"), 3}, {QStringLiteral("3"), 1}};
    QCOMPARE(countsOf(groups), expectedGroups);

    // The count is in the accessible text and the tooltip too, as a sentence.
    const QModelIndex sale = tags.index(rowOfKey(tags, QStringLiteral("sale")));
    QCOMPARE(sale.data().toString(), QStringLiteral("sale"));
    QVERIFY2(sale.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("sale")),
             qPrintable(sale.data(Qt::AccessibleTextRole).toString()));
    QVERIFY2(sale.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("3 campaign")),
             qPrintable(sale.data(Qt::AccessibleTextRole).toString()));
    QVERIFY(sale.data(Qt::ToolTipRole).toString().contains(QStringLiteral("3 campaign")));
    const QModelIndex push = tags.index(rowOfKey(tags, QStringLiteral("push")));
    QVERIFY2(push.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("1 campaign")),
             qPrintable(push.data(Qt::AccessibleTextRole).toString()));
    QVERIFY(!push.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("1 campaigns")));

    // A campaign listing a tag twice is one campaign carrying it; counts follow the table.
    table.upsert({tagged(6, QStringLiteral("No tags"), CampaignStatus::Active,
                         {QStringLiteral("vip"), QStringLiteral("vip")}, {kRetail, kRetail})});
    table.remove(1);
    tags.refresh(table);
    groups.refresh(table);
    QCOMPARE(countsOf(tags).value(QStringLiteral("sale")), 2);
    QCOMPARE(countsOf(tags).value(QStringLiteral("email")), 1);
    QCOMPARE(countsOf(tags).value(QStringLiteral("vip")), 2);
    QCOMPARE(countsOf(groups).value(QStringLiteral("1")), 2);
}

void TestCampaignFacets::groupsOfTheSameName()
{
    CampaignTableModel table;
    table.upsert({
        tagged(1, QStringLiteral("a"), CampaignStatus::Active, {}, {{10, QStringLiteral("Retail")}}),
        tagged(2, QStringLiteral("b"), CampaignStatus::Active, {}, {{20, QStringLiteral("Retail")}}),
        tagged(3, QStringLiteral("c"), CampaignStatus::Active, {}, {{20, QStringLiteral("Retail")}}),
        tagged(4, QStringLiteral("d"), CampaignStatus::Active, {}, {{30, QString()}}),
        tagged(5, QStringLiteral("e"), CampaignStatus::Active, {}, {{5, QStringLiteral("Alpha")}}),
    });
    CampaignFacetModel groups(Facet::Groups);
    QAbstractItemModelTester tester(&groups, kTesterMode);
    groups.refresh(table);
    QCOMPARE(groups.rowCount(), 4);
    // "30" for the unnamed group; the two Retails told apart by ID, in ID order.
    QCOMPARE(labelsOf(groups),
             (QStringList{QStringLiteral("30"), QStringLiteral("Alpha"), QStringLiteral("Retail (ID 10)"),
                          QStringLiteral("Retail (ID 20)")}));
    const QMap<QString, int> expected{
        {QStringLiteral("5"), 1}, {QStringLiteral("10"), 1}, {QStringLiteral("20"), 2}, {QStringLiteral("30"), 1}};
    QCOMPARE(countsOf(groups), expected);

    groups.setCheckedKeys({QStringLiteral("20")});
    QCOMPARE(groups.checkedGroupIds(), (QSet<qint64>{20}));
    CampaignFilterProxy proxy;
    proxy.setSourceModel(&table);
    proxy.sort(CampaignTableModel::IdColumn, Qt::AscendingOrder);
    proxy.setGroupFilter(groups.checkedGroupIds());
    QCOMPARE(idsInOrder(proxy), (IdList{2, 3}));
}

void TestCampaignFacets::sortedByLabelCaseInsensitive()
{
    CampaignTableModel table;
    table.upsert({
        tagged(1, QStringLiteral("a"), CampaignStatus::Active, {QStringLiteral("beta"), QStringLiteral("Gamma")}),
        tagged(2, QStringLiteral("b"), CampaignStatus::Active, {QStringLiteral("alpha"), QStringLiteral("Delta")}),
    });
    CampaignFacetModel tags(Facet::Tags);
    tags.refresh(table);
    QCOMPARE(labelsOf(tags),
             (QStringList{QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("Delta"),
                          QStringLiteral("Gamma")}));
    // A key checked from a saved view takes its place in the order.
    tags.setCheckedKeys({QStringLiteral("Charlie")});
    QCOMPARE(labelsOf(tags),
             (QStringList{QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("Charlie"),
                          QStringLiteral("Delta"), QStringLiteral("Gamma")}));
}

void TestCampaignFacets::checkedKeysStayWithCountZero()
{
    CampaignTableModel table;
    table.upsert(filterFixture());
    CampaignFacetModel tags(Facet::Tags), groups(Facet::Groups);
    QAbstractItemModelTester tagsTester(&tags, kTesterMode);
    QAbstractItemModelTester groupsTester(&groups, kTesterMode);

    // A saved view's choice before any campaign is loaded.
    tags.setCheckedKeys({QStringLiteral("vip"), QStringLiteral("winter")});
    groups.setCheckedKeys({QStringLiteral("3"), QStringLiteral("77")});
    QCOMPARE(countsOf(tags), (QMap<QString, int>{{QStringLiteral("vip"), 0}, {QStringLiteral("winter"), 0}}));
    QCOMPARE(labelsOf(groups), (QStringList{QStringLiteral("3"), QStringLiteral("77")}));

    tags.refresh(table);
    groups.refresh(table);
    QCOMPARE(countsOf(tags).value(QStringLiteral("vip")), 1);
    QCOMPARE(countsOf(tags).value(QStringLiteral("winter")), 0);
    QVERIFY(countsOf(tags).contains(QStringLiteral("winter")));
    QCOMPARE(countsOf(groups).value(QStringLiteral("77")), 0);
    QCOMPARE(labelsOf(groups).count(QStringLiteral("Test")), 1); // group 3 has its name now
    QCOMPARE(tags.checkedKeys(), (QStringList{QStringLiteral("vip"), QStringLiteral("winter")}));

    // The campaigns carrying "vip" and group 3 leave: the checked rows stay, with 0; unchecked
    // rows whose campaigns left go.
    table.remove(4);
    table.remove(5);
    tags.refresh(table);
    groups.refresh(table);
    QCOMPARE(countsOf(tags).value(QStringLiteral("vip"), -1), 0);
    QCOMPARE(countsOf(groups).value(QStringLiteral("3"), -1), 0);
    QCOMPARE(rowOfKey(tags, QString::fromUtf8("акция")), -1);
    QCOMPARE(tags.index(rowOfKey(tags, QStringLiteral("vip"))).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(tags.checkedTags(), (QSet<QString>{QStringLiteral("vip"), QStringLiteral("winter")}));

    // Unticked, a row no campaign carries goes on the next refresh.
    QVERIFY(tags.setData(tags.index(rowOfKey(tags, QStringLiteral("winter"))), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(rowOfKey(tags, QStringLiteral("winter")) >= 0);
    tags.refresh(table);
    QCOMPARE(rowOfKey(tags, QStringLiteral("winter")), -1);
    QCOMPARE(tags.checkedKeys(), (QStringList{QStringLiteral("vip")}));
    groups.clearChecks();
    QVERIFY(groups.checkedKeys().isEmpty());
    groups.refresh(table);
    QCOMPARE(rowOfKey(groups, QStringLiteral("77")), -1);
    QCOMPARE(rowOfKey(groups, QStringLiteral("3")), -1);
}

void TestCampaignFacets::checkStateAndSignal()
{
    CampaignTableModel table;
    table.upsert(filterFixture());
    CampaignFacetModel tags(Facet::Tags);
    tags.refresh(table);
    QSignalSpy checked(&tags, &CampaignFacetModel::checkedChanged);
    QSignalSpy changed(&tags, &QAbstractItemModel::dataChanged);
    const QModelIndex sms = tags.index(rowOfKey(tags, QStringLiteral("sms")));
    QVERIFY(tags.flags(sms) & Qt::ItemIsUserCheckable);
    QCOMPARE(sms.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));

    QVERIFY(tags.setData(sms, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(checked.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(sms.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(tags.checkedKeys(), (QStringList{QStringLiteral("sms")}));
    QVERIFY(tags.setData(sms, Qt::Checked, Qt::CheckStateRole)); // no change, no signal
    QCOMPARE(checked.size(), 1);
    QVERIFY(!tags.setData(sms, QStringLiteral("x"), Qt::EditRole));

    tags.setCheckedKeys({QStringLiteral("sms")});
    QCOMPARE(checked.size(), 1);
    tags.setCheckedKeys({QStringLiteral("sale"), QStringLiteral("email")});
    QCOMPARE(checked.size(), 2);
    QCOMPARE(sms.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(tags.checkedTags(), (QSet<QString>{QStringLiteral("sale"), QStringLiteral("email")}));
    QVERIFY(tags.checkedGroupIds().isEmpty());
    tags.clearChecks();
    QCOMPARE(checked.size(), 3);
    QVERIFY(tags.checkedKeys().isEmpty());
    tags.clearChecks();
    QCOMPARE(checked.size(), 3);

    // Group keys are IDs: "007" is group 7; other text is no group.
    CampaignFacetModel groups(Facet::Groups);
    groups.setCheckedKeys({QStringLiteral("007"), QStringLiteral("x"), QString()});
    QCOMPARE(groups.checkedGroupIds(), (QSet<qint64>{7}));
    QVERIFY(groups.checkedTags().isEmpty());
    QCOMPARE(groups.checkedKeys(), (QStringList{QStringLiteral("7")}));
}

void TestCampaignFacets::refreshBatchesChanges()
{
    CampaignTableModel table;
    table.upsert(filterFixture());
    CampaignFacetModel tags(Facet::Tags);
    tags.refresh(table);
    QSignalSpy reset(&tags, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&tags, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&tags, &QAbstractItemModel::rowsInserted);

    tags.refresh(table); // nothing changed
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 0);

    // Counts change, the keys do not: one dataChanged over the changed rows.
    table.upsert(
        {tagged(6, QStringLiteral("No tags"), CampaignStatus::Active, {QStringLiteral("vip"), QStringLiteral("sms")})});
    tags.refresh(table);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(countsOf(tags).value(QStringLiteral("vip")), 2);
    QCOMPARE(countsOf(tags).value(QStringLiteral("sms")), 3);

    // A new key: one reset.
    table.upsert({tagged(10, QStringLiteral("x"), CampaignStatus::Active, {QStringLiteral("new")})});
    tags.refresh(table);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(countsOf(tags).value(QStringLiteral("new")), 1);
}

void TestCampaignFacets::hostileTagText()
{
    const QString html = QStringLiteral("<b>bold</b><img src=x width=30000>");
    const QString bidi = QStringLiteral("invoice\u202Egpj.exe");
    const QString lines = QStringLiteral("first\nsecond\r\nthird\u2028fourth");
    const QString longTag = QString(10000, QLatin1Char('w'));
    CampaignTableModel table;
    table.upsert({
        tagged(1, QStringLiteral("a"), CampaignStatus::Active, {html, bidi}),
        tagged(2, QStringLiteral("b"), CampaignStatus::Active, {lines}),
        tagged(3, QStringLiteral("c"), CampaignStatus::Active, {longTag, QString()}),
        tagged(4, QStringLiteral("d"), CampaignStatus::Active, {QStringLiteral("plain")},
               {{9, QStringLiteral("<i>grp</i>\u202E")}}),
    });
    CampaignFacetModel tags(Facet::Tags), groups(Facet::Groups);
    QAbstractItemModelTester tester(&tags, kTesterMode);
    tags.refresh(table);
    groups.refresh(table);
    QCOMPARE(tags.rowCount(), 6);

    const QModelIndex htmlRow = tags.index(rowOfKey(tags, html));
    QCOMPARE(htmlRow.data().toString(), html); // plain text, shown as it is
    QVERIFY(!htmlRow.data(Qt::ToolTipRole).toString().contains(QStringLiteral("<b>")));
    QVERIFY(htmlRow.data(Qt::ToolTipRole).toString().contains(QStringLiteral("&lt;b&gt;bold")));

    const QModelIndex bidiRow = tags.index(rowOfKey(tags, bidi));
    QCOMPARE(bidiRow.data().toString(), QStringLiteral("invoice[U+202E]gpj.exe"));
    QVERIFY(!bidiRow.data(Qt::AccessibleTextRole).toString().contains(QChar(0x202E)));
    QVERIFY(!bidiRow.data(Qt::ToolTipRole).toString().contains(QChar(0x202E)));

    const QString linesLabel = tags.index(rowOfKey(tags, lines)).data().toString();
    QVERIFY2(!linesLabel.contains(QLatin1Char('\n')) && !linesLabel.contains(QLatin1Char('\r'))
                 && !linesLabel.contains(QChar::LineSeparator),
             qPrintable(linesLabel));
    QVERIFY(linesLabel.startsWith(QStringLiteral("first second")));

    const QModelIndex longRow = tags.index(rowOfKey(tags, longTag));
    QVERIFY(longRow.isValid());
    QVERIFY(longRow.data().toString().size() <= 80);
    QCOMPARE(longRow.data(CampaignFacetModel::KeyRole).toString(), longTag);

    const QModelIndex emptyRow = tags.index(rowOfKey(tags, QString()));
    QVERIFY(emptyRow.isValid());
    QVERIFY(!emptyRow.data().toString().isEmpty());

    const QModelIndex group = groups.index(0);
    QCOMPARE(group.data().toString(), QStringLiteral("<i>grp</i>[U+202E]"));
    QVERIFY(!group.data(Qt::ToolTipRole).toString().contains(QStringLiteral("<i>")));

    // The keys filter by the whole text.
    CampaignFilterProxy proxy;
    proxy.setSourceModel(&table);
    proxy.sort(CampaignTableModel::IdColumn, Qt::AscendingOrder);
    tags.setCheckedKeys({longTag, lines});
    proxy.setTagFilter(tags.checkedTags());
    QCOMPARE(idsInOrder(proxy), (IdList{2, 3}));
    proxy.setTagFilter({longTag.left(79) + QChar(0x2026)}); // the label is not the key
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setTagFilter({bidi});
    QCOMPARE(idsInOrder(proxy), (IdList{1}));
}

void TestCampaignFacets::hundredThousandCampaigns()
{
    // As a list delivers them: pages of 1,000 whose tag and group lists are shared by the
    // campaigns of a page that have the same ones (see ValuePool).
    const QStringList tagNames{QStringLiteral("sale"), QStringLiteral("promo"), QStringLiteral("vip"),
                               QStringLiteral("email"), QStringLiteral("sms")};
    constexpr int kCampaigns = 100000;
    constexpr int kPage = 1000;
    CampaignTableModel table;
    QMap<QString, int> expectedTags;
    QMap<QString, int> expectedGroups;
    int expectedPassing = 0;
    for (int first = 1; first <= kCampaigns; first += kPage) {
        QList<QStringList> tagLists;
        for (int i = 0; i < 8; ++i) {
            QStringList list;
            for (int t = 0; t < tagNames.size(); ++t) {
                if (i & (1 << t))
                    list.append(tagNames.at(t));
            }
            tagLists.append(list);
        }
        QList<QList<CampaignGroup>> groupLists;
        for (int g = 0; g < 6; ++g)
            groupLists.append({{g + 1, QStringLiteral("Group %1").arg(g + 1)}});
        QList<Campaign> page;
        page.reserve(kPage);
        for (int id = first; id < first + kPage; ++id) {
            Campaign c;
            c.id = id;
            c.name = QStringLiteral("Campaign %1").arg(id);
            c.setStatus(id % 3 ? CampaignStatus::Active : CampaignStatus::Inactive);
            c.tags = tagLists.at(id % 8);
            c.groups = groupLists.at(id % 6);
            for (const QString &tag : std::as_const(c.tags))
                ++expectedTags[tag];
            ++expectedGroups[QString::number(c.groups.first().id)];
            const bool tagPasses = c.tags.contains(QStringLiteral("sale")) || c.tags.contains(QStringLiteral("vip"));
            const bool groupPasses = c.groups.first().id == 2 || c.groups.first().id == 5;
            if (tagPasses && groupPasses && c.status == CampaignStatus::Active && c.name.contains(QStringLiteral("7")))
                ++expectedPassing;
            page.append(std::move(c));
        }
        table.upsert(std::move(page));
    }
    QCOMPARE(table.rowCount(), kCampaigns);

    CampaignFacetModel tags(Facet::Tags), groups(Facet::Groups);
    tags.setCheckedKeys({QStringLiteral("vip"), QStringLiteral("gone")});
    tags.refresh(table);
    groups.refresh(table);
    expectedTags.insert(QStringLiteral("gone"), 0);
    QCOMPARE(countsOf(tags), expectedTags);
    QCOMPARE(countsOf(groups), expectedGroups);

    CampaignFilterProxy proxy;
    proxy.setSourceModel(&table);
    proxy.sort(CampaignTableModel::IdColumn, Qt::AscendingOrder);
    proxy.setTagFilter({QStringLiteral("sale"), QStringLiteral("vip")});
    proxy.setGroupFilter({2, 5});
    proxy.setStatusFilter({CampaignStatus::Active});
    for (const QString &text : {QStringLiteral("7"), QString(), QStringLiteral("7")})
        proxy.setSearchText(text);
    QCOMPARE(proxy.rowCount(), expectedPassing);

    // A second refresh after changes: counts follow, the rows stay.
    table.remove(8); // tags: none (8 % 8 == 0), group 3
    table.remove(9); // tags: sale; group 4
    tags.refresh(table);
    groups.refresh(table);
    QCOMPARE(countsOf(tags).value(QStringLiteral("sale")), expectedTags.value(QStringLiteral("sale")) - 1);
    QCOMPARE(countsOf(groups).value(QStringLiteral("3")), expectedGroups.value(QStringLiteral("3")) - 1);
    QCOMPARE(countsOf(groups).value(QStringLiteral("4")), expectedGroups.value(QStringLiteral("4")) - 1);
}

QTEST_GUILESS_MAIN(TestCampaignFacets)
#include "tst_campaignfacets.moc"
