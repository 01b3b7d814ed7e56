// The watch end to end: the real Application against the emulator on loopback, with a real
// org.freedesktop.Notifications service (notification-service, its own process) on the test's
// private session bus. A user stars a campaign; a colleague changes it through the API; the
// desktop is told, naming the account; a click on the notification brings the campaign up;
// Activity lists it and keeps it across a restart. The app's own change is never announced as
// someone else's, and a change made while the app was closed is noticed at the next start.

#include "activitypane.h"
#include "altcraftemulator.h"
#include "apitokengrant.h"
#include "campaignwatcher.h"
#include "demoserver.h"
#include "e2etestsupport.h"
#include "notificationservicerunner.h"
#include "watchcoordinator.h"
#include "watchlist.h"

#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonArray>
#include <QLineEdit>

using namespace E2E;

namespace {

const QString kToken = ApiTokenGrant::defaultFullToken();
const QString kColleague = QStringLiteral("anna.colleague");

LaunchOptions accountOptions(const AltcraftEmulator &emulator)
{
    LaunchOptions options;
    options.apiUrl = emulator.baseUrl();
    options.envToken = kToken;
    return options;
}

// Stars the campaign as a user does: a click on its star.
void clickStar(const Application &app, qint64 id)
{
    QTableView *view = table(app);
    const QModelIndex star = proxyIndex(app, id, CampaignTableModel::WatchedColumn);
    view->scrollTo(star);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, view->visualRect(star).center());
}

// Starts the app (a one-off session), waits for its first list and its account's watcher.
bool startWatching(Application &app)
{
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    return app.start() && waitForFirstLoad(app, loaded)
        && QTest::qWaitFor([&app] { return oneOffWatcher(app) != nullptr; }, 10000);
}

QTableView *activityView(const Application &app)
{
    auto *pane = app.mainWindow()->findChild<ActivityPane *>();
    return pane ? pane->findChild<QTableView *>() : nullptr;
}

QStringList activityTexts(const Application &app)
{
    QStringList texts;
    QTableView *view = activityView(app);
    if (!view)
        return texts;
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(); ++column)
            cells << model->index(row, column).data().toString();
        texts << cells.join(QLatin1Char('|'));
    }
    return texts;
}

} // namespace

class TestWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { resetState(); }
    void aColleaguesChangeIsAnnouncedAndItsNotificationOpensTheCampaign();
    void aChangeRightAfterStarringIsNotMissed();
    void theAppsOwnChangeIsNotAnnouncedAsSomeoneElses();
    void activityIsKeptAcrossRestartsAndAChangeWhileClosedIsNoticed();
    void watchingFromTheMenuAndTheWatchedFilter();
    void theWindowsListIsTheAccountChecksBaseline();
    void anotherAccountsWatchedCampaignIsCheckedAndItsNotificationSwitchesThere();
};

void TestWatch::aColleaguesChangeIsAnnouncedAndItsNotificationOpensTheCampaign()
{
    NotificationServiceRunner desktop;
    QVERIFY2(desktop.start({QStringLiteral("actions"), QStringLiteral("body"), QStringLiteral("body-markup")}),
             qPrintable(desktop.errorString()));
    AltcraftEmulator emulator;
    emulator.seed(30, 7);
    QVERIFY(emulator.start());
    watchQuickly();
    Application app(accountOptions(emulator));
    QVERIFY(startWatching(app));

    // A hostile name: the notification must show it literally.
    const qint64 id = firstWithStatus(app, CampaignStatus::Active);
    EmulatedCampaign renamed = *emulator.store().find(id);
    renamed.name = QStringLiteral("<b>Spring</b> & <a href=\"http://evil.example\">sale</a>");
    emulator.store().upsert(renamed);

    clickStar(app, id);
    QTRY_VERIFY(app.watchList()->isWatched(QString(), id));
    QCOMPARE(proxyIndex(app, id, CampaignTableModel::WatchedColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::Checked);
    QVERIFY(waitForChecks(oneOffWatcher(app), 1)); // the baseline: nothing to say yet
    QCOMPARE(desktop.notifications().size(), 0);

    QVERIFY(emulator.store().apply(id, EmulatedAction::Deactivate, kColleague).ok());
    QVERIFY(desktop.waitForNotifications(1, 15000));
    const QJsonObject notice = desktop.notifications().first();
    const QString summary = notice.value(QStringLiteral("summary")).toString();
    const QString body = notice.value(QStringLiteral("body")).toString();
    QVERIFY2(body.contains(QStringLiteral("127.0.0.1")), qPrintable(body)); // says which account
    QVERIFY2((summary + body).contains(kColleague), qPrintable(summary + QLatin1Char('\n') + body));
    // Escaped for a server that reads markup: no tag of the server's reaches the screen as a tag.
    QVERIFY2(!body.contains(QStringLiteral("<b>")) && !body.contains(QStringLiteral("<a ")), qPrintable(body));
    QVERIFY2(body.contains(QStringLiteral("&lt;b&gt;Spring")) || summary.contains(QStringLiteral("<b>Spring")),
             qPrintable(summary + QLatin1Char('\n') + body));
    QCOMPARE(notice.value(QStringLiteral("app_name")).toString(), QStringLiteral("Campaign Manager"));
    QVERIFY(notice.value(QStringLiteral("actions")).toArray().contains(QStringLiteral("default")));

    // The table took the server's new state from the watch's read.
    QTRY_COMPARE(statusText(app, id), QStringLiteral("Inactive"));
    // Activity lists it, with who did it.
    QTRY_VERIFY(!activityTexts(app).isEmpty());
    QVERIFY2(activityTexts(app).first().contains(kColleague), qPrintable(activityTexts(app).join(u'\n')));

    // A click on the notification brings the campaign up, wherever the selection was.
    const qint64 other = firstWithStatus(app, CampaignStatus::Inactive) == id
        ? firstWithStatus(app, CampaignStatus::Active)
        : firstWithStatus(app, CampaignStatus::Inactive);
    clickRow(app, other);
    QCOMPARE(currentId(app), other);
    app.mainWindow()->findChild<QLineEdit *>(QStringLiteral("searchEdit"))->setText(QStringLiteral("no such name"));
    desktop.invoke(static_cast<uint>(notice.value(QStringLiteral("id")).toInteger()), QStringLiteral("default"));
    QTRY_COMPARE(currentId(app), id);
    QVERIFY(app.mainWindow()->isVisible());
}

// The row as the user saw it when starring is the baseline: a colleague's change before the
// watch's first read of that campaign is still news.
void TestWatch::aChangeRightAfterStarringIsNotMissed()
{
    NotificationServiceRunner desktop;
    QVERIFY2(desktop.start(), qPrintable(desktop.errorString()));
    AltcraftEmulator emulator;
    emulator.seed(30, 7);
    QVERIFY(emulator.start());
    watchQuickly();
    Application app(accountOptions(emulator));
    QVERIFY(startWatching(app));
    const qint64 id = firstWithStatus(app, CampaignStatus::Active);
    clickStar(app, id);
    QVERIFY(app.watchList()->isWatched(QString(), id));
    // At once, before any check could read it.
    QVERIFY(emulator.store().apply(id, EmulatedAction::Deactivate, kColleague).ok());
    QVERIFY(desktop.waitForNotifications(1, 15000));
    const QString said = desktop.notifications().first().value(QStringLiteral("summary")).toString();
    QVERIFY2(said.contains(kColleague), qPrintable(said));
}

void TestWatch::theAppsOwnChangeIsNotAnnouncedAsSomeoneElses()
{
    NotificationServiceRunner desktop;
    QVERIFY2(desktop.start(), qPrintable(desktop.errorString()));
    AltcraftEmulator emulator;
    emulator.seed(30, 7);
    QVERIFY(emulator.start());
    watchQuickly();
    Application app(accountOptions(emulator));
    QVERIFY(startWatching(app));

    const qint64 ours = firstWithStatus(app, CampaignStatus::Active);
    qint64 theirs = -1;
    for (qint64 id : app.service()->model()->ids()) {
        const Campaign *c = app.service()->model()->campaign(id);
        if (id != ours && c->status == CampaignStatus::Active) {
            theirs = id;
            break;
        }
    }
    QVERIFY(theirs > 0);
    app.watchList()->setWatched(QString(), {ours, theirs}, true);
    QVERIFY(waitForChecks(oneOffWatcher(app), 1));

    // This app pauses one of them, through its window.
    clickRow(app, ours);
    QSignalSpy finished(app.service(), &CampaignService::actionFinished);
    action(app, "actionDeactivate")->trigger();
    QVERIFY(finished.wait(20000));
    QCOMPARE(emulator.store().find(ours)->state, EmulatedState::Inactive);
    QVERIFY(waitForChecks(oneOffWatcher(app), 2));
    // Then a colleague pauses the other: its notification comes after anything the first
    // would have sent, so only it may be there.
    QVERIFY(emulator.store().apply(theirs, EmulatedAction::Deactivate, kColleague).ok());
    QVERIFY(desktop.waitForNotifications(1, 15000));
    QVERIFY(waitForChecks(oneOffWatcher(app), 1));
    QCOMPARE(desktop.notifications().size(), 1);
    const QString said = desktop.notifications().first().value(QStringLiteral("summary")).toString()
        + desktop.notifications().first().value(QStringLiteral("body")).toString();
    QVERIFY2(said.contains(kColleague), qPrintable(said));
    QVERIFY2(said.contains(QString::number(theirs)) || said.contains(emulator.store().find(theirs)->name),
             qPrintable(said));

    // Activity has both, ours marked as from this computer.
    const QList<WatchEvent> activity = app.journal()->activity({});
    const auto byId = [&activity](qint64 id) {
        for (const WatchEvent &e : activity) {
            if (e.campaignId == id && e.kind == WatchEvent::Kind::StatusChanged)
                return e;
        }
        return WatchEvent{};
    };
    QCOMPARE(byId(ours).origin, WatchEvent::Origin::ThisComputer);
    QCOMPARE(byId(theirs).origin, WatchEvent::Origin::SomeoneElse);
    QCOMPARE(byId(theirs).updatedUser, kColleague);
}

void TestWatch::activityIsKeptAcrossRestartsAndAChangeWhileClosedIsNoticed()
{
    NotificationServiceRunner desktop;
    QVERIFY2(desktop.start(), qPrintable(desktop.errorString()));
    AltcraftEmulator emulator;
    emulator.seed(30, 7);
    QVERIFY(emulator.start());
    watchQuickly();
    qint64 id = -1;
    {
        Application app(accountOptions(emulator));
        QVERIFY(startWatching(app));
        id = firstWithStatus(app, CampaignStatus::Active);
        app.watchList()->setWatched(QString(), {id}, true);
        QVERIFY(waitForChecks(oneOffWatcher(app), 1));
        QVERIFY(emulator.store().apply(id, EmulatedAction::Deactivate, kColleague).ok());
        QVERIFY(desktop.waitForNotifications(1, 15000));
        QSignalSpy quitted(&app, &Application::finished);
        app.quit();
        QTRY_COMPARE(quitted.size(), 1);
    }
    // While the app is closed, the colleague starts it again.
    QVERIFY(emulator.store().apply(id, EmulatedAction::Activate, kColleague).ok());

    Application again(accountOptions(emulator));
    QSignalSpy loaded(&again, &Application::firstLoadFinished);
    QVERIFY(again.start());
    QVERIFY(waitForFirstLoad(again, loaded));
    // The star is back, and the change made meanwhile is announced at the first check.
    QTRY_COMPARE(
        proxyIndex(again, id, CampaignTableModel::WatchedColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
        Qt::Checked);
    QVERIFY(desktop.waitForNotifications(2, 15000));
    // Activity holds both changes: the one before the restart, kept in the file, and the new one.
    QTRY_COMPARE(again.journal()->activity({}).size(), 2);
    QTRY_COMPARE(activityTexts(again).size(), 2);
    QCOMPARE(again.journal()->activity({}).first().after, CampaignStatus::Active);
    QCOMPARE(again.journal()->activity({}).last().after, CampaignStatus::Inactive);
}

void TestWatch::watchingFromTheMenuAndTheWatchedFilter()
{
    AltcraftEmulator emulator;
    emulator.seed(30, 7);
    QVERIFY(emulator.start());
    watchQuickly();
    Application app(accountOptions(emulator));
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(waitForFirstLoad(app, loaded));

    QAction *watch = action(app, "actionWatch");
    QVERIFY(!watch->isEnabled()); // nothing selected
    QCOMPARE(watch->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
    const qint64 first = firstWithStatus(app, CampaignStatus::Active);
    const qint64 second = firstWithStatus(app, CampaignStatus::Inactive);
    clickRow(app, first);
    QTest::mouseClick(table(app)->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      table(app)->visualRect(proxyIndex(app, second, CampaignTableModel::NameColumn)).center());
    QTRY_VERIFY(watch->isEnabled());
    QCOMPARE(watch->text(), QStringLiteral("&Watch"));
    QTest::keyClick(table(app), Qt::Key_B, Qt::ControlModifier);
    QTRY_VERIFY(app.watchList()->isWatched(QString(), first) && app.watchList()->isWatched(QString(), second));
    QTRY_COMPARE(watch->text(), QStringLiteral("Stop &Watching"));

    // The status filter's Watched entry shows just those two, and is kept per account.
    auto *filter = app.mainWindow()->findChild<QComboBox *>(QStringLiteral("statusFilter"));
    filter->setCurrentIndex(filter->findText(QStringLiteral("Watched")));
    QTRY_COMPARE(table(app)->model()->rowCount(), 2);
    // The star column leads the row.
    QCOMPARE(table(app)->horizontalHeader()->logicalIndex(0), int(CampaignTableModel::WatchedColumn));

    // Stop watching the selection: the filter empties.
    table(app)->selectAll();
    watch->trigger();
    QTRY_COMPARE(table(app)->model()->rowCount(), 0);
    QVERIFY(app.watchList()->ids(QString()).isEmpty());
}

// The whole-account check does not fetch again what the window has just listed: the first
// checks read no list, and the window's rows are the baseline a new campaign is told from.
void TestWatch::theWindowsListIsTheAccountChecksBaseline()
{
    NotificationServiceRunner desktop;
    QVERIFY2(desktop.start(), qPrintable(desktop.errorString()));
    AltcraftEmulator emulator;
    emulator.seed(30, 7);
    QVERIFY(emulator.start());
    watchQuickly(5);
    Application app(accountOptions(emulator));
    QVERIFY(startWatching(app));
    QCOMPARE(emulator.requestCount(QStringLiteral("list")), 1); // the window's one page
    QVERIFY(waitForChecks(oneOffWatcher(app), 2));
    QCOMPARE(emulator.requestCount(QStringLiteral("list")), 1);
    QVERIFY(!oneOffWatcher(app)->isUnreachable());
}

// The demo's two accounts are two stores of one emulator. A campaign watched in "Demo client"
// is still checked while the window shows "Demo"; its notice names that account, and a click
// on it switches there and selects it.
void TestWatch::anotherAccountsWatchedCampaignIsCheckedAndItsNotificationSwitchesThere()
{
    NotificationServiceRunner desktop;
    QVERIFY2(desktop.start(), qPrintable(desktop.errorString()));
    watchQuickly();
    LaunchOptions options;
    options.demo = true;
    Application app(options);
    E2E::useInProcessDemo(app);
    app.setDemoOptions({40, 0, 0});
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(waitForFirstLoad(app, loaded));
    QCOMPARE(app.account().id, QString(Account::kDemoId));

    const QString second = QString(Account::kSecondDemoId);
    const qint64 id = E2E::demoServer(app)->inspect([](AltcraftEmulator &e) {
        for (qint64 candidate : e.store(ApiTokenGrant::secondAccountName()).ids()) {
            if (e.store(ApiTokenGrant::secondAccountName()).find(candidate)->state == EmulatedState::Active)
                return candidate;
        }
        return qint64(-1);
    });
    QVERIFY(id > 0);
    app.watchList()->setWatched(second, {id}, true);
    QTRY_VERIFY(app.watch()->watcher(second) != nullptr);
    QVERIFY(waitForChecks(app.watch()->watcher(second), 1));
    // The window still shows the first account.
    QCOMPARE(app.account().id, QString(Account::kDemoId));

    QVERIFY(E2E::demoServer(app)->inspect([id](AltcraftEmulator &e) {
        return e.store(ApiTokenGrant::secondAccountName()).apply(id, EmulatedAction::Deactivate, kColleague).ok();
    }));
    QVERIFY(desktop.waitForNotifications(1, 15000));
    const QJsonObject notice = desktop.notifications().first();
    QVERIFY2(notice.value(QStringLiteral("body")).toString().contains(QStringLiteral("Demo client")),
             qPrintable(notice.value(QStringLiteral("body")).toString()));

    desktop.invoke(static_cast<uint>(notice.value(QStringLiteral("id")).toInteger()), QStringLiteral("default"));
    QTRY_COMPARE_WITH_TIMEOUT(app.account().id, second, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(currentId(app), id, 15000);
    QTRY_COMPARE(statusText(app, id), QStringLiteral("Inactive"));
}

E2E_MAIN(TestWatch)
#include "tst_e2e_watch.moc"
