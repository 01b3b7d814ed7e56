// CampaignTableModel and CampaignFilterProxy: QAbstractItemModelTester watches both while rows
// arrive in pages, change, go busy and idle, leave, and while the proxy filters and sorts; then
// the proxy's search, status filter and sort order are checked against expected IDs; and a load
// through the real CampaignService from an in-process AltcraftEmulator runs under the tester too.

#include "altcraftclient.h"
#include "altcraftemulator.h"
#include "campaignfilterproxy.h"
#include "campaignservice.h"
#include "campaigntablemodel.h"
#include "modeltestsupport.h"
#include "settings.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using ModelTest::campaign;
using ModelTest::idsInOrder;
using ModelTest::sorted;

using IdList = QList<qint64>;
using StatusSet = QSet<CampaignStatus>;

namespace {

constexpr auto kTesterMode = QAbstractItemModelTester::FailureReportingMode::QtTest;

const CampaignStatus kAllStatuses[] = {CampaignStatus::Active,  CampaignStatus::Waiting,   CampaignStatus::Inactive,
                                       CampaignStatus::Cloning, CampaignStatus::Completed, CampaignStatus::Deleted};

// A page of campaigns firstId.., statuses cycling through every status, names in both scripts.
QList<Campaign> page(qint64 firstId, int count)
{
    QList<Campaign> list;
    for (int i = 0; i < count; ++i) {
        const qint64 id = firstId + i;
        const QString name
            = id % 2 ? QStringLiteral("Seasonal sale %1").arg(id) : QStringLiteral("Летняя распродажа %1").arg(id);
        list.append(campaign(id, name, kAllStatuses[id % 6],
                             QDateTime(QDate(2025, 3, 1), QTime(0, 0), Qt::UTC).addSecs(id * 3600 % 86400),
                             id % 3 ? QStringLiteral("m.ivanova") : QStringLiteral("a.petrov"),
                             {QStringLiteral("tag%1").arg(id % 4)}));
    }
    return list;
}

// The search fixture: IDs that share prefixes, names in Latin and Cyrillic, every status.
QList<Campaign> searchFixture()
{
    return {
        campaign(1, QStringLiteral("Seasonal SALE"), CampaignStatus::Active),
        campaign(3, QStringLiteral("Spring sale"), CampaignStatus::Active),
        campaign(5, QStringLiteral("Black Friday 2024"), CampaignStatus::Deleted),
        campaign(12, QStringLiteral("Летняя распродажа"), CampaignStatus::Inactive),
        campaign(21, QStringLiteral("Welcome series"), CampaignStatus::Completed),
        campaign(123, QStringLiteral("Чёрная пятница"), CampaignStatus::Waiting),
        campaign(1200, QStringLiteral("Приветственная серия"), CampaignStatus::Cloning),
        campaign(2024, QStringLiteral("Newsletter"), CampaignStatus::Active),
    };
}

// The sort fixture: IDs that sort differently as text and as numbers, ties on name, updated
// and updated-by (broken by ID), Latin before Cyrillic names, one distinct tag each.
QList<Campaign> sortFixture()
{
    auto at = [](int day) { return QDateTime(QDate(2025, 3, day), QTime(10, 0), Qt::UTC); };
    return {
        campaign(9, QStringLiteral("Bravo"), CampaignStatus::Inactive, at(5), QStringLiteral("m.ivanova"),
                 {QStringLiteral("b")}),
        campaign(10, QStringLiteral("Alpha"), CampaignStatus::Waiting, at(1), QStringLiteral("a.petrov"),
                 {QStringLiteral("d")}),
        campaign(100, QStringLiteral("Арбуз"), CampaignStatus::Completed, at(3), QStringLiteral("j.smith"),
                 {QStringLiteral("a")}),
        campaign(2, QStringLiteral("Bravo"), CampaignStatus::Active, at(4), QStringLiteral("d.miller"),
                 {QStringLiteral("c")}),
        campaign(55, QStringLiteral("Charlie"), CampaignStatus::Active, at(2), QStringLiteral("support.bot"),
                 {QStringLiteral("e")}),
        campaign(7, QStringLiteral("Яблоко"), CampaignStatus::Deleted, at(6), QStringLiteral("e.kuznetsova"),
                 {QStringLiteral("f")}),
        campaign(31, QStringLiteral("Delta"), CampaignStatus::Cloning, at(5), QStringLiteral("a.petrov"),
                 {QStringLiteral("g")}),
    };
}

IdList reversed(IdList ids)
{
    std::reverse(ids.begin(), ids.end());
    return ids;
}

} // namespace

class TestCampaignTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void modelTesterFollowsEveryChange();
    void modelTesterDuringServiceLoad();
    void reloadWhileAPageIsParsedShowsOnlyTheNewList();

    void search_data();
    void search();
    void statusFilter_data();
    void statusFilter();
    void searchAndStatusFilterCombine();
    void filterFollowsModelChanges();
    void sortOrderOfEachColumn_data();
    void sortOrderOfEachColumn();
    void sortFollowsStatusChanges();

    void modelRolesAndLookups();
    void lookupsWithRowsInAndOutOfIdOrder();
    void sortedByIdWhenARowComesOutOfOrder();
    void updatesOfNeighbouringRowsAreOneChange();
    void aFramesChangesGoOutTogether();
    void knownAndNewCampaignsInOneUpsert();
    void theStarShowsTheWatchListAndAsksToChangeIt();
};

void TestCampaignTable::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<ApiError>();
}

void TestCampaignTable::modelTesterFollowsEveryChange()
{
    CampaignTableModel model;
    CampaignFilterProxy proxy; // unsorted: filters only
    proxy.setSourceModel(&model);
    CampaignFilterProxy sortedProxy; // sorted all along, by name descending
    sortedProxy.setSourceModel(&model);
    sortedProxy.sort(CampaignTableModel::NameColumn, Qt::DescendingOrder);
    QAbstractItemModelTester modelTester(&model, kTesterMode);
    QAbstractItemModelTester proxyTester(&proxy, kTesterMode);
    QAbstractItemModelTester sortedTester(&sortedProxy, kTesterMode);

    // Rows arrive in pages, as a listing delivers them.
    for (int p = 0; p < 4; ++p) {
        model.upsert(page(1 + p * 10, 10));
        QCOMPARE(model.rowCount(), (p + 1) * 10);
        QCOMPARE(proxy.rowCount(), (p + 1) * 10);
        QCOMPARE(sortedProxy.rowCount(), (p + 1) * 10);
    }
    // A page that overlaps: five known rows change in place, five are new.
    QList<Campaign> overlap = page(36, 10);
    for (Campaign &c : overlap)
        c.name = QStringLiteral("Renamed %1").arg(c.id);
    model.upsert(overlap);
    QCOMPARE(model.rowCount(), 45);
    QCOMPARE(model.campaign(36)->name, QStringLiteral("Renamed 36"));
    QCOMPARE(model.rowOf(36), 35); // updated in place, not moved
    QCOMPARE(model.rowOf(45), 44);
    model.upsert({});
    QCOMPARE(model.rowCount(), 45);

    // Statuses change.
    model.setStatus(7, CampaignStatus::Completed);
    model.setStatus(8, CampaignStatus::Active);
    model.setStatus(9, CampaignStatus::Unknown); // ignored: the model never forgets a known status
    QCOMPARE(model.campaign(7)->status, CampaignStatus::Completed);
    QCOMPARE(model.campaign(8)->status, CampaignStatus::Active);
    QCOMPARE(model.campaign(9)->status, kAllStatuses[9 % 6]);

    // Busy flags toggle.
    model.setBusy(8, CampaignAction::Deactivate);
    model.setBusy(11, CampaignAction::Complete);
    QVERIFY(model.isBusy(8));
    QCOMPARE(model.index(model.rowOf(8), CampaignTableModel::StatusColumn).data().toString(),
             QStringLiteral("Deactivating…"));
    model.setBusy(8, std::nullopt);
    model.setBusy(8, std::nullopt); // already idle: no change
    QVERIFY(!model.isBusy(8));
    QVERIFY(model.isBusy(11));

    // Rows go: first, middle, last, and one that is not there.
    model.remove(1);
    model.remove(20);
    model.remove(45);
    model.remove(4711);
    QCOMPARE(model.rowCount(), 42);
    QCOMPARE(model.rowOf(2), 0);
    QCOMPARE(model.rowOf(44), 41);
    model.remove(11); // a busy row
    QVERIFY(!model.isBusy(11));
    QCOMPARE(model.rowCount(), 41);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOf(model.campaignAt(row).id), row);

    // Search text and status filter change.
    proxy.setSearchText(QStringLiteral("3"));
    sortedProxy.setSearchText(QStringLiteral("ЛЕТНЯЯ"));
    // All digits: IDs that start with 3, or names that hold a 3 (the names carry their IDs).
    QCOMPARE(idsInOrder(proxy), (IdList{3, 13, 23, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 43}));
    // The even IDs still named in Russian: 2-10, 12-18, 22-34 (20 is gone, 36-44 were renamed).
    QCOMPARE(sortedProxy.rowCount(), 16);
    QCOMPARE(sorted(idsInOrder(sortedProxy)), (IdList{2, 4, 6, 8, 10, 12, 14, 16, 18, 22, 24, 26, 28, 30, 32, 34}));
    proxy.setStatusFilter({CampaignStatus::Active});
    QCOMPARE(idsInOrder(proxy), (IdList{30, 36}));
    proxy.setSearchText(QString());
    proxy.setStatusFilter({CampaignStatus::Inactive, CampaignStatus::Waiting});
    QVERIFY(proxy.rowCount() > 0);
    // Changes under an active filter.
    model.upsert(page(100, 12));
    model.setStatus(30, CampaignStatus::Waiting);
    model.flushChanges(); // the frame's changes go out
    QVERIFY(idsInOrder(proxy).contains(30));
    model.remove(30);
    QVERIFY(!idsInOrder(proxy).contains(30));
    proxy.setStatusFilter({});
    sortedProxy.setSearchText(QString());
    QCOMPARE(proxy.rowCount(), model.rowCount());
    QCOMPARE(sortedProxy.rowCount(), model.rowCount());

    // Sorting by every column, both ways, with changes while sorted.
    for (int column = 0; column < CampaignTableModel::ColumnCount; ++column) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            proxy.sort(column, order);
            QCOMPARE(proxy.rowCount(), model.rowCount());
            model.setStatus(3 + column, CampaignStatus::Cloning);
            model.setBusy(4 + column, CampaignAction::Activate);
            model.upsert({campaign(200 + column * 2 + (order == Qt::DescendingOrder),
                                   QStringLiteral("Added while sorted"), CampaignStatus::Active)});
            model.setBusy(4 + column, std::nullopt);
            model.remove(100 + column * 2 + (order == Qt::DescendingOrder));
            QCOMPARE(proxy.rowCount(), model.rowCount());
            QCOMPARE(sorted(idsInOrder(proxy)), sorted(model.ids()));
        }
    }
    proxy.sort(-1);
    QCOMPARE(idsInOrder(proxy), model.ids());

    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(proxy.rowCount(), 0);
    QCOMPARE(sortedProxy.rowCount(), 0);
    model.upsert(page(1, 3));
    QCOMPARE(sortedProxy.rowCount(), 3);
}

void TestCampaignTable::modelTesterDuringServiceLoad()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    AltcraftEmulator emulator;
    emulator.seed(40, 7);
    QVERIFY(emulator.start() != 0);
    AltcraftClient client;
    RequestFactory factory(emulator.baseUrl());
    factory.setToken(ApiTokenGrant::defaultFullToken());
    factory.setTransferTimeout(std::chrono::seconds(20));
    client.setFactory(factory);
    CampaignService service(&client, &settings);

    CampaignFilterProxy proxy;
    proxy.setSourceModel(service.model());
    proxy.sort(CampaignTableModel::StatusColumn, Qt::AscendingOrder);
    proxy.setStatusFilter({CampaignStatus::Active, CampaignStatus::Inactive});
    QAbstractItemModelTester modelTester(service.model(), kTesterMode);
    QAbstractItemModelTester proxyTester(&proxy, kTesterMode);

    QSignalSpy loaded(&service, &CampaignService::loadFinished);
    service.reload();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 20000);
    QVERIFY(loaded.at(0).at(0).value<ApiError>().isNone());
    QCOMPARE(service.model()->rowCount(), 40);
    QVERIFY(proxy.rowCount() > 0);
    QVERIFY(proxy.rowCount() < 40);

    // On the server: one campaign changes status, one is renamed, the last ten are gone.
    QList<EmulatedCampaign> now;
    for (qint64 id = 1; id <= 30; ++id)
        now.append(*emulator.store().find(id));
    now[0].state = EmulatedState::Inactive;
    now[1].name = QStringLiteral("Renamed on the server");
    emulator.store().reset(now);
    service.reload();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 20000);
    QVERIFY(loaded.at(1).at(0).value<ApiError>().isNone());
    QCOMPARE(service.model()->rowCount(), 30);
    QCOMPARE(sorted(service.model()->ids()), sorted(emulator.store().ids()));
    QCOMPARE(service.model()->campaign(1)->status, CampaignStatus::Inactive);
    QCOMPARE(service.model()->campaign(2)->name, QStringLiteral("Renamed on the server"));
    for (qint64 id : idsInOrder(proxy)) {
        const CampaignStatus s = service.model()->campaign(id)->status;
        QVERIFY(s == CampaignStatus::Active || s == CampaignStatus::Inactive);
    }
}

void TestCampaignTable::reloadWhileAPageIsParsedShowsOnlyTheNewList()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    AltcraftEmulator emulator;
    emulator.seed(2500, 3);
    QVERIFY(emulator.start() != 0);
    AltcraftClient client;
    RequestFactory factory(emulator.baseUrl());
    factory.setToken(ApiTokenGrant::defaultFullToken());
    factory.setTransferTimeout(std::chrono::seconds(20));
    client.setFactory(factory);
    CampaignService service(&client, &settings);
    QAbstractItemModelTester modelTester(service.model(), kTesterMode);
    QSignalSpy loaded(&service, &CampaignService::loadFinished);

    // The parse thread is held, so the first list's first page waits there, read but not parsed.
    QSemaphore release;
    const auto unblock = qScopeGuard([&release] { release.release(); }); // a failed check must not hang
    client.parsePool()->start([&release] { release.acquire(); });
    bool replied = false;
    connect(client.networkAccessManager(), &QNetworkAccessManager::finished, this, [&replied] { replied = true; });
    service.reload();
    QTRY_VERIFY_WITH_TIMEOUT(replied, 20000);

    // Meanwhile every campaign is renamed on the server, and the user presses Refresh.
    QList<EmulatedCampaign> renamed;
    for (qint64 id : emulator.store().ids()) {
        EmulatedCampaign c = *emulator.store().find(id);
        c.name = QStringLiteral("Renamed %1").arg(id);
        renamed.append(c);
    }
    emulator.store().reset(renamed);
    service.reload();
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).at(0).value<ApiError>().kind(), ApiError::Kind::Cancelled);
    release.release();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 20000);
    QVERIFY(loaded.at(1).at(0).value<ApiError>().isNone());
    QCOMPARE(service.model()->rowCount(), 2500);
    QCOMPARE(sorted(service.model()->ids()), emulator.store().ids());
    for (int row = 0; row < service.model()->rowCount(); ++row) {
        const Campaign &c = service.model()->campaignAt(row);
        QCOMPARE(c.name, QStringLiteral("Renamed %1").arg(c.id));
    }
}

void TestCampaignTable::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<IdList>("expected");

    QTest::newRow("ID prefix 12") << QStringLiteral("12") << IdList{12, 123, 1200};
    QTest::newRow("ID prefix 1") << QStringLiteral("1") << IdList{1, 12, 123, 1200};
    QTest::newRow("whole ID") << QStringLiteral("123") << IdList{123};
    QTest::newRow("digits: ID prefix or name") << QStringLiteral("2024") << IdList{5, 2024};
    QTest::newRow("digits inside an ID do not match") << QStringLiteral("23") << IdList{};
    QTest::newRow("name, lower case") << QStringLiteral("sale") << IdList{1, 3};
    QTest::newRow("name, upper case") << QStringLiteral("SALE") << IdList{1, 3};
    QTest::newRow("name, surrounding spaces") << QStringLiteral("  Sale  ") << IdList{1, 3};
    QTest::newRow("name, middle of a word") << QStringLiteral("riday") << IdList{5};
    QTest::newRow("Cyrillic, upper case") << QStringLiteral("ЛЕТНЯЯ") << IdList{12};
    QTest::newRow("Cyrillic, mixed case") << QStringLiteral("распРОДАЖА") << IdList{12};
    QTest::newRow("Cyrillic, capital Ё") << QStringLiteral("ЧЁРНАЯ") << IdList{123};
    QTest::newRow("Cyrillic, second word") << QStringLiteral("Серия") << IdList{1200};
    QTest::newRow("Latin look-alike does not match Cyrillic") << QStringLiteral("series") << IdList{21};
    QTest::newRow("empty: everything") << QString() << IdList{1, 3, 5, 12, 21, 123, 1200, 2024};
    QTest::newRow("blank: everything") << QStringLiteral("   ") << IdList{1, 3, 5, 12, 21, 123, 1200, 2024};
    QTest::newRow("no match") << QStringLiteral("zzz") << IdList{};
}

void TestCampaignTable::search()
{
    QFETCH(QString, text);
    QFETCH(IdList, expected);
    CampaignTableModel model;
    model.upsert(searchFixture());
    CampaignFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, kTesterMode);
    proxy.setSearchText(text);
    QCOMPARE(sorted(idsInOrder(proxy)), expected);
    QCOMPARE(proxy.searchText(), text.trimmed().toCaseFolded());
    proxy.setSearchText(QString());
    QCOMPARE(proxy.rowCount(), model.rowCount());
}

void TestCampaignTable::statusFilter_data()
{
    QTest::addColumn<StatusSet>("statuses");
    QTest::addColumn<IdList>("expected");

    QTest::newRow("none: every status") << StatusSet{} << IdList{1, 3, 5, 12, 21, 123, 1200, 2024};
    QTest::newRow("active") << StatusSet{CampaignStatus::Active} << IdList{1, 3, 2024};
    QTest::newRow("waiting") << StatusSet{CampaignStatus::Waiting} << IdList{123};
    QTest::newRow("inactive") << StatusSet{CampaignStatus::Inactive} << IdList{12};
    QTest::newRow("cloning") << StatusSet{CampaignStatus::Cloning} << IdList{1200};
    QTest::newRow("completed") << StatusSet{CampaignStatus::Completed} << IdList{21};
    QTest::newRow("deleted") << StatusSet{CampaignStatus::Deleted} << IdList{5};
    QTest::newRow("active or waiting") << StatusSet{CampaignStatus::Active, CampaignStatus::Waiting}
                                       << IdList{1, 3, 123, 2024};
    QTest::newRow("completed or deleted")
        << StatusSet{CampaignStatus::Completed, CampaignStatus::Deleted} << IdList{5, 21};
    QTest::newRow("unknown: none here") << StatusSet{CampaignStatus::Unknown} << IdList{};
}

void TestCampaignTable::statusFilter()
{
    QFETCH(StatusSet, statuses);
    QFETCH(IdList, expected);
    CampaignTableModel model;
    model.upsert(searchFixture());
    CampaignFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, kTesterMode);
    proxy.setStatusFilter(statuses);
    QCOMPARE(proxy.statusFilter(), statuses);
    QCOMPARE(sorted(idsInOrder(proxy)), expected);
}

void TestCampaignTable::searchAndStatusFilterCombine()
{
    CampaignTableModel model;
    model.upsert(searchFixture());
    CampaignFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, kTesterMode);

    proxy.setSearchText(QStringLiteral("а")); // Cyrillic a: 12, 123, 1200
    QCOMPARE(sorted(idsInOrder(proxy)), (IdList{12, 123, 1200}));
    proxy.setStatusFilter({CampaignStatus::Inactive});
    QCOMPARE(idsInOrder(proxy), (IdList{12}));
    proxy.setStatusFilter({CampaignStatus::Waiting, CampaignStatus::Cloning});
    QCOMPARE(sorted(idsInOrder(proxy)), (IdList{123, 1200}));
    proxy.setSearchText(QStringLiteral("12")); // ID prefix, same statuses
    QCOMPARE(sorted(idsInOrder(proxy)), (IdList{123, 1200}));
    proxy.setStatusFilter({CampaignStatus::Active});
    QCOMPARE(idsInOrder(proxy), IdList{}); // 12, 123 and 1200 are not active
    proxy.setSearchText(QStringLiteral("SALE"));
    QCOMPARE(sorted(idsInOrder(proxy)), (IdList{1, 3}));
    proxy.setStatusFilter({CampaignStatus::Completed});
    QCOMPARE(idsInOrder(proxy), IdList{});
    // Clearing one keeps the other.
    proxy.setStatusFilter({});
    QCOMPARE(sorted(idsInOrder(proxy)), (IdList{1, 3}));
    proxy.setStatusFilter({CampaignStatus::Active});
    proxy.setSearchText(QString());
    QCOMPARE(sorted(idsInOrder(proxy)), (IdList{1, 3, 2024}));
}

void TestCampaignTable::filterFollowsModelChanges()
{
    CampaignTableModel model;
    model.upsert(searchFixture());
    CampaignFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, kTesterMode);
    proxy.setStatusFilter({CampaignStatus::Active});
    proxy.setSearchText(QStringLiteral("sale"));
    QCOMPARE(sorted(idsInOrder(proxy)), (IdList{1, 3}));

    model.setStatus(1, CampaignStatus::Inactive); // leaves: status
    QCOMPARE(idsInOrder(proxy), (IdList{1, 3})); // until the frame's changes go out
    model.flushChanges();
    QCOMPARE(idsInOrder(proxy), (IdList{3}));
    model.upsert({campaign(2024, QStringLiteral("Newsletter: sale"), CampaignStatus::Active)}); // joins: renamed
    model.flushChanges();
    QCOMPARE(sorted(idsInOrder(proxy)), (IdList{3, 2024}));
    model.upsert({campaign(77, QStringLiteral("Flash SALE"), CampaignStatus::Active)}); // joins: new row
    QCOMPARE(sorted(idsInOrder(proxy)), (IdList{3, 77, 2024}));
    model.setBusy(3, CampaignAction::Deactivate); // busy rows stay visible
    model.flushChanges();
    QCOMPARE(sorted(idsInOrder(proxy)), (IdList{3, 77, 2024}));
    model.remove(3);
    QCOMPARE(sorted(idsInOrder(proxy)), (IdList{77, 2024}));
}

void TestCampaignTable::sortOrderOfEachColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<IdList>("ascending");

    QTest::newRow("ID: numeric, not text") << int(CampaignTableModel::IdColumn) << IdList{2, 7, 9, 10, 31, 55, 100};
    QTest::newRow("Name: Latin before Cyrillic, ties by ID")
        << int(CampaignTableModel::NameColumn) << IdList{10, 2, 9, 55, 31, 100, 7};
    QTest::newRow("Status: the ones acted on first, ties by ID")
        << int(CampaignTableModel::StatusColumn) << IdList{2, 55, 10, 9, 31, 100, 7};
    QTest::newRow("Updated: oldest first, ties by ID")
        << int(CampaignTableModel::UpdatedColumn) << IdList{10, 55, 100, 2, 9, 31, 7};
    QTest::newRow("Updated by: ties by ID")
        << int(CampaignTableModel::UpdatedByColumn) << IdList{10, 31, 2, 7, 100, 9, 55};
    QTest::newRow("Tags") << int(CampaignTableModel::TagsColumn) << IdList{100, 9, 2, 10, 55, 7, 31};
}

void TestCampaignTable::sortOrderOfEachColumn()
{
    QFETCH(int, column);
    QFETCH(IdList, ascending);
    CampaignTableModel model;
    model.upsert(sortFixture());
    CampaignFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, kTesterMode);

    proxy.sort(column, Qt::AscendingOrder);
    QCOMPARE(idsInOrder(proxy), ascending);
    proxy.sort(column, Qt::DescendingOrder);
    QCOMPARE(idsInOrder(proxy), reversed(ascending));
    // Filtering keeps the order.
    proxy.setStatusFilter({CampaignStatus::Active, CampaignStatus::Inactive, CampaignStatus::Waiting});
    IdList expected;
    for (qint64 id : reversed(ascending)) {
        if (id == 2 || id == 55 || id == 9 || id == 10)
            expected.append(id);
    }
    QCOMPARE(idsInOrder(proxy), expected);
}

void TestCampaignTable::sortFollowsStatusChanges()
{
    CampaignTableModel model;
    model.upsert(sortFixture());
    CampaignFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, kTesterMode);
    proxy.sort(CampaignTableModel::StatusColumn, Qt::AscendingOrder);
    QCOMPARE(idsInOrder(proxy), (IdList{2, 55, 10, 9, 31, 100, 7}));

    model.setStatus(9, CampaignStatus::Active); // joins the active ones, by ID
    model.flushChanges();
    QCOMPARE(idsInOrder(proxy), (IdList{2, 9, 55, 10, 31, 100, 7}));
    model.setBusy(55, CampaignAction::Deactivate); // busy: same status, same place
    model.flushChanges();
    QCOMPARE(idsInOrder(proxy), (IdList{2, 9, 55, 10, 31, 100, 7}));
    model.setStatus(2, CampaignStatus::Completed);
    model.flushChanges();
    QCOMPARE(idsInOrder(proxy), (IdList{9, 55, 10, 31, 2, 100, 7}));
    model.upsert({campaign(1, QStringLiteral("New"), CampaignStatus::Waiting)});
    QCOMPARE(idsInOrder(proxy), (IdList{9, 55, 1, 10, 31, 2, 100, 7}));
}

void TestCampaignTable::modelRolesAndLookups()
{
    CampaignTableModel model;
    model.upsert(sortFixture());
    const QModelIndex name = model.index(model.rowOf(100), CampaignTableModel::NameColumn);
    QCOMPARE(name.data().toString(), QStringLiteral("Арбуз"));
    QCOMPARE(name.data(CampaignTableModel::IdRole).toLongLong(), 100);
    QCOMPARE(name.data(CampaignTableModel::StatusRole).toInt(), int(CampaignStatus::Completed));
    QCOMPARE(name.data(CampaignTableModel::BusyRole).toBool(), false);
    QCOMPARE(name.data(CampaignTableModel::AccessibleRole).toString(),
             QStringLiteral("Campaign 100, Арбуз, Completed"));
    const QModelIndex status = model.index(model.rowOf(55), CampaignTableModel::StatusColumn);
    QCOMPARE(status.data().toString(), QStringLiteral("Active"));
    model.setBusy(55, CampaignAction::Complete);
    QCOMPARE(status.data().toString(), QStringLiteral("Completing…"));
    QCOMPARE(status.data(CampaignTableModel::BusyRole).toBool(), true);
    QCOMPARE(model.busyAction(55), std::optional<CampaignAction>(CampaignAction::Complete));
    QCOMPARE(model.statusCounts().value(CampaignStatus::Active), 2);
    QCOMPARE(model.headerData(CampaignTableModel::StatusColumn, Qt::Horizontal).toString(), QStringLiteral("Status"));
    QCOMPARE(model.campaign(4711), nullptr);
    QCOMPARE(model.rowOf(4711), -1);
}

void TestCampaignTable::lookupsWithRowsInAndOutOfIdOrder()
{
    CampaignTableModel model;
    QAbstractItemModelTester modelTester(&model, kTesterMode);
    // Every lookup and count against a plain scan of the rows.
    auto check = [&model](const IdList &absent) {
        QMap<CampaignStatus, int> counts;
        for (int row = 0; row < model.rowCount(); ++row) {
            const Campaign &c = model.campaignAt(row);
            QCOMPARE(model.rowOf(c.id), row);
            QCOMPARE(model.campaign(c.id), &c);
            ++counts[c.status];
        }
        for (qint64 id : absent)
            QCOMPARE(model.rowOf(id), -1);
        QCOMPARE(model.statusCounts(), counts);
    };
    model.upsert(page(10, 10)); // 10-19
    model.upsert(page(20, 10)); // 20-29, as a list delivers them
    QVERIFY(model.isInIdOrder());
    check({0, 9, 30, 4711});
    model.remove(15);
    model.upsert(page(25, 3)); // known: updated in place
    check({15, 30});
    QVERIFY(model.isInIdOrder());

    model.upsert(page(5, 2)); // 5 and 6 come after 29: out of order from now on
    QVERIFY(!model.isInIdOrder());
    check({4, 7, 15, 30});
    model.upsert(page(15, 1)); // the removed one comes back, at the end
    model.remove(10);
    model.remove(6);
    model.setStatus(20, CampaignStatus::Completed);
    check({6, 10, 30});
    QCOMPARE(model.ids().last(), 15);

    model.clear();
    QVERIFY(model.isInIdOrder());
    model.upsert(page(1, 5));
    check({0, 6});
}

void TestCampaignTable::sortedByIdWhenARowComesOutOfOrder()
{
    CampaignTableModel model;
    CampaignFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(CampaignTableModel::IdColumn, Qt::AscendingOrder);
    QAbstractItemModelTester proxyTester(&proxy, kTesterMode);
    model.upsert(page(10, 5));
    model.upsert(page(15, 5));
    QCOMPARE(idsInOrder(proxy), (IdList{10, 11, 12, 13, 14, 15, 16, 17, 18, 19}));
    proxy.setSearchText(QStringLiteral("1"));
    QCOMPARE(idsInOrder(proxy), (IdList{10, 11, 12, 13, 14, 15, 16, 17, 18, 19}));
    proxy.setSearchText(QString());

    // Added by ID: lower than the rest, so the rows are no longer in ID order; the view still is.
    model.upsert({campaign(3, QStringLiteral("Added by ID"), CampaignStatus::Active)});
    QCOMPARE(idsInOrder(proxy), (IdList{3, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}));
    model.upsert(page(1, 2));
    QCOMPARE(idsInOrder(proxy), (IdList{1, 2, 3, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}));
    proxy.sort(CampaignTableModel::IdColumn, Qt::DescendingOrder);
    QCOMPARE(idsInOrder(proxy), reversed(IdList{1, 2, 3, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}));

    // A new list: in order again, and shown in order.
    model.clear();
    proxy.sort(CampaignTableModel::IdColumn, Qt::AscendingOrder);
    model.upsert(page(7, 3));
    model.upsert(page(2, 2));
    QCOMPARE(idsInOrder(proxy), (IdList{2, 3, 7, 8, 9}));
}

void TestCampaignTable::updatesOfNeighbouringRowsAreOneChange()
{
    CampaignTableModel model;
    model.upsert(page(1, 10));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QList<Campaign> updates = page(7, 1) + page(2, 3) + page(9, 1); // rows 6; 1-3; 8
    model.upsert(updates);
    QCOMPARE(changed.size(), 0); // waits for the frame
    QVERIFY(changed.wait());
    QCOMPARE(changed.size(), 3);
    QList<QPair<int, int>> runs;
    for (const QList<QVariant> &signal : std::as_const(changed))
        runs.append({signal.at(0).toModelIndex().row(), signal.at(1).toModelIndex().row()});
    QCOMPARE(runs, (QList<QPair<int, int>>{{1, 3}, {6, 6}, {8, 8}}));
}

void TestCampaignTable::aFramesChangesGoOutTogether()
{
    // What a bulk run does to each row: busy, the status read back, the campaign read back, not
    // busy. A thousand rows of it within one frame are one dataChanged per run of rows and one
    // countsChanged, not four thousand and two thousand.
    CampaignTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.upsert(page(1, 3000));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy counts(&model, &CampaignTableModel::countsChanged);
    QList<Campaign> after = page(1, 3000);
    for (qint64 id = 1; id <= 3000; ++id) {
        if (id % 3 == 0) // every third row: runs of two rows
            continue;
        model.setBusy(id, CampaignAction::Deactivate);
        model.setStatus(id, CampaignStatus::Inactive);
        Campaign c = after.at(id - 1);
        c.setStatus(CampaignStatus::Inactive);
        model.upsert({c});
        model.setBusy(id, std::nullopt);
    }
    QCOMPARE(changed.size(), 0);
    QCOMPARE(counts.size(), 0);
    // The rows already read as they are now.
    QCOMPARE(model.statusCounts().value(CampaignStatus::Inactive), 2000);
    QCOMPARE(model.data(model.index(0, CampaignTableModel::StatusColumn), CampaignTableModel::StatusRole).toInt(),
             static_cast<int>(CampaignStatus::Inactive));
    QVERIFY(changed.wait());
    QCOMPARE(changed.size(), 1000);
    QCOMPARE(counts.size(), 1);
    for (int i = 0; i < changed.size(); ++i) {
        QCOMPARE(changed.at(i).at(0).toModelIndex().row(), 3 * i);
        QCOMPARE(changed.at(i).at(1).toModelIndex().row(), 3 * i + 1);
    }

    // A row removed while changes wait: those go out first, numbered as they were.
    changed.clear();
    model.setBusy(3000, CampaignAction::Complete); // row 2999
    model.remove(1); // row 0
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2999);
    QVERIFY(!changed.wait(100)); // nothing more
}

void TestCampaignTable::knownAndNewCampaignsInOneUpsert()
{
    // Known ones are updated in place, the new ones (in between) become rows at the end, in the
    // order they came; the list itself becomes their block, so their data must be theirs.
    CampaignTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.upsert(page(1, 5));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const QList<Campaign> mixed{campaign(3, QStringLiteral("Renamed 3"), CampaignStatus::Completed),
                                campaign(10, QStringLiteral("New 10"), CampaignStatus::Active),
                                campaign(2, QStringLiteral("Renamed 2"), CampaignStatus::Inactive),
                                campaign(11, QStringLiteral("New 11"), CampaignStatus::Waiting)};
    model.upsert(mixed);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 5);
    QCOMPARE(inserted.at(0).at(2).toInt(), 6);
    QCOMPARE(model.ids(), (IdList{1, 2, 3, 4, 5, 10, 11}));
    QCOMPARE(model.campaign(3)->name, QStringLiteral("Renamed 3"));
    QCOMPARE(model.campaign(2)->status, CampaignStatus::Inactive);
    QCOMPARE(model.campaign(10)->name, QStringLiteral("New 10"));
    QCOMPARE(model.campaign(11)->status, CampaignStatus::Waiting);
    QCOMPARE(model.rowOf(11), 6);
    // The caller's list is untouched: the model took its own copy of a shared list.
    QCOMPARE(mixed.at(1).name, QStringLiteral("New 10"));
    const auto counts = model.statusCounts();
    int total = 0;
    for (int n : counts)
        total += n;
    QCOMPARE(total, 7);
}

QTEST_GUILESS_MAIN(TestCampaignTable)
#include "tst_campaigntable.moc"

// The Watched column mirrors the watch list given to the model: checking a star only asks
// (watchToggleRequested); the star changes when the list does, in the frame's one change per
// run of rows, and the proxy's Watched filter and sort follow it.
void TestCampaignTable::theStarShowsTheWatchListAndAsksToChangeIt()
{
    CampaignTableModel model;
    CampaignFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, kTesterMode);
    QAbstractItemModelTester proxyTester(&proxy, kTesterMode);
    model.upsert(page(1, 10));
    const int column = CampaignTableModel::WatchedColumn;
    const QModelIndex third = model.index(model.rowOf(3), column);
    QVERIFY(third.flags() & Qt::ItemIsUserCheckable);
    QCOMPARE(third.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(third.data(Qt::AccessibleTextRole).toString(), QStringLiteral("Not watched"));

    QSignalSpy asked(&model, &CampaignTableModel::watchToggleRequested);
    QVERIFY(model.setData(third, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().at(0).toLongLong(), 3);
    QCOMPARE(asked.first().at(1).toBool(), true);
    // Asked, not done: the star follows the list only.
    QCOMPARE(third.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QVERIFY(!model.setData(model.index(0, CampaignTableModel::NameColumn), Qt::Checked, Qt::CheckStateRole));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setWatchedIds({3, 7, 999}); // 999 has no row: kept, painted nowhere
    model.flushChanges();
    QCOMPARE(changed.size(), 2); // rows 3 and 7, not every row
    QCOMPARE(third.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(third.data(CampaignTableModel::WatchedRole).toBool(), true);
    QVERIFY(third.data(CampaignTableModel::AccessibleRole).toString().endsWith(QStringLiteral("watched")));
    QVERIFY(model.isWatched(999));

    proxy.setWatchedOnly(true);
    QCOMPARE(idsInOrder(proxy), (IdList{3, 7}));
    model.setWatchedIds({7, 8});
    model.flushChanges();
    QCOMPARE(idsInOrder(proxy), (IdList{7, 8}));
    proxy.setStatusFilter({CampaignStatus::Completed});
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setStatusFilter({});
    proxy.setWatchedOnly(false);
    QCOMPARE(proxy.rowCount(), 10);

    proxy.sort(column, Qt::AscendingOrder);
    QCOMPARE(idsInOrder(proxy).mid(0, 3), (IdList{7, 8, 1})); // watched first, then by ID
}
