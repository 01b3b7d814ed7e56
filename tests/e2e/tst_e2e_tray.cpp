// The tray icon end to end: the real Application against the emulator on loopback, on a real X
// display (Xvfb) with a real XEmbed system tray (trayer), and no notification service on the
// test's private session bus; tests/e2e/run-with-tray sets that up. With the tray on, closing the
// window hides it while the watch goes on; a colleague's change made meanwhile is found and said
// by the tray's own message, whose click brings the campaign up; the tray's menu shows the window
// and quits; File → Quit still quits.

#include "altcraftemulator.h"
#include "apitokengrant.h"
#include "campaignwatcher.h"
#include "e2etestsupport.h"
#include "trayicon.h"
#include "watchcoordinator.h"
#include "watchlist.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QMenu>
#include <QSystemTrayIcon>

using namespace E2E;

namespace {

const QString kToken = ApiTokenGrant::defaultFullToken();
const QString kColleague = QStringLiteral("anna.colleague");
const QString kNotifications = QStringLiteral("org.freedesktop.Notifications");

LaunchOptions accountOptions(const AltcraftEmulator &emulator)
{
    LaunchOptions options;
    options.apiUrl = emulator.baseUrl();
    options.envToken = kToken;
    return options;
}

// The tray on, and quick checks: each step settles in about a second.
void trayAndQuickWatch()
{
    watchQuickly();
    Settings settings;
    settings.setValue(Settings::Key::TrayIcon, true);
    settings.sync();
}

// Two active campaigns of the list, in the table's order.
QList<qint64> twoActive(const Application &app)
{
    QList<qint64> ids;
    QAbstractItemModel *proxy = table(app)->model();
    for (int row = 0; row < proxy->rowCount() && ids.size() < 2; ++row) {
        const qint64 id = proxy->index(row, 0).data(CampaignTableModel::IdRole).toLongLong();
        const Campaign *c = app.service()->model()->campaign(id);
        if (c && c->status == CampaignStatus::Active)
            ids.append(id);
    }
    return ids;
}

QAction *trayAction(const Application &app, const QString &text)
{
    if (!app.trayIcon() || !app.trayIcon()->contextMenu())
        return nullptr;
    for (QAction *a : app.trayIcon()->contextMenu()->actions()) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}

QString traySummary(int campaigns, int accounts)
{
    return campaigns == 0 ? TrayIcon::tr("Campaign Manager: no campaign is watched.")
                          : TrayIcon::tr("Campaign Manager: watching %n campaign(s).", nullptr, campaigns)
            + QLatin1Char(' ') + TrayIcon::tr("Accounts checked: %n.", nullptr, accounts);
}

// The message the tray shows by itself on X11 (no StatusNotifier host): Qt's balloon, a
// top-level widget of its own.
QWidget *trayBalloon()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->isVisible() && qstrcmp(w->metaObject()->className(), "QBalloonTip") == 0)
            return w;
    }
    return nullptr;
}

QString textOf(const QWidget *widget)
{
    QStringList texts;
    for (const QLabel *label : widget->findChildren<QLabel *>())
        texts << label->text();
    return texts.join(QLatin1Char('\n'));
}

// The emulator and the real Application on it (destroyed first).
struct Started {
    AltcraftEmulator emulator;
    std::unique_ptr<Application> app;
};

} // namespace

class TestTray : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { resetState(); }
    void theTrayIconShowsAndItsTooltipCountsTheWatchedCampaigns();
    void closingTheWindowHidesItAndTheWatchGoesOn();
    void aChangeWhileHiddenIsFoundAndTheTraysMessageOpensTheCampaign();
    void theTrayMenuShowsTheWindowAndQuits();
    void fileQuitQuitsWithTheTrayOn();

private:
    bool startApp(Started &s);
};

void TestTray::initTestCase()
{
    // What the wrapper promises; without it every test below would be about something else.
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
    // trayer takes the tray's selection a moment after its window shows.
    QTRY_VERIFY2_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), "no system tray on this display (trayer?)",
                              15000);
    QVERIFY2(QDBusConnection::sessionBus().isConnected(), "no session bus (run inside dbus-run-session)");
    QVERIFY2(!QDBusConnection::sessionBus().interface()->isServiceRegistered(kNotifications).value(),
             "a notification service is on the bus: the tray's message would not be the fallback");
}

bool TestTray::startApp(Started &s)
{
    s.emulator.seed(30, 7);
    if (!s.emulator.start())
        return false;
    trayAndQuickWatch();
    s.app = std::make_unique<Application>(accountOptions(s.emulator));
    QSignalSpy loaded(s.app.get(), &Application::firstLoadFinished);
    if (!s.app->start() || !waitForFirstLoad(*s.app, loaded))
        return false;
    return QTest::qWaitFor([&] { return oneOffWatcher(*s.app) != nullptr; }, 10000);
}

void TestTray::theTrayIconShowsAndItsTooltipCountsTheWatchedCampaigns()
{
    Started s;
    QVERIFY(startApp(s));
    Application &app = *s.app;
    QVERIFY(app.trayIcon() != nullptr);
    QVERIFY(app.trayIcon()->isVisible());
    QTRY_VERIFY(app.trayIcon()->geometry().isValid()); // docked in trayer, not just asked to show
    QCOMPARE(app.trayIcon()->toolTip(), traySummary(0, 0));

    const QList<qint64> ids = twoActive(app);
    QCOMPARE(ids.size(), 2);
    app.watchList()->setWatched(QString(), {ids.at(0)}, true);
    QTRY_COMPARE(app.trayIcon()->toolTip(), traySummary(1, 1));
    app.watchList()->setWatched(QString(), {ids.at(1)}, true);
    QTRY_COMPARE(app.trayIcon()->toolTip(), traySummary(2, 1));
    app.watchList()->setWatched(QString(), {ids.at(0), ids.at(1)}, false);
    QTRY_COMPARE(app.trayIcon()->toolTip(), traySummary(0, 0));
}

void TestTray::closingTheWindowHidesItAndTheWatchGoesOn()
{
    Started s;
    QVERIFY(startApp(s));
    Application &app = *s.app;
    QSignalSpy finished(&app, &Application::finished);
    app.watchList()->setWatched(QString(), {twoActive(app).value(0)}, true);
    QVERIFY(waitForChecks(oneOffWatcher(app), 1));
    QVERIFY(app.mainWindow()->isVisible());

    QVERIFY(!app.mainWindow()->close()); // the close is refused: the window only hides
    QVERIFY(!app.mainWindow()->isVisible());
    QVERIFY(app.trayIcon() != nullptr && app.trayIcon()->isVisible());
    // Checks go on with the window hidden, and the app does not end.
    QVERIFY(waitForChecks(oneOffWatcher(app), 3));
    QVERIFY(oneOffWatcher(app) != nullptr);
    QCOMPARE(finished.size(), 0);
    QVERIFY(!app.mainWindow()->isVisible());
}

void TestTray::aChangeWhileHiddenIsFoundAndTheTraysMessageOpensTheCampaign()
{
    Started s;
    QVERIFY(startApp(s));
    Application &app = *s.app;
    QSignalSpy finished(&app, &Application::finished);
    const QList<qint64> ids = twoActive(app);
    QCOMPARE(ids.size(), 2);
    const qint64 id = ids.at(1);
    app.watchList()->setWatched(QString(), {id}, true);
    QVERIFY(waitForChecks(oneOffWatcher(app), 1)); // the baseline: nothing to say yet
    QVERIFY(trayBalloon() == nullptr);
    // Another row is current, so that bringing this campaign up is the click's doing.
    clickRow(app, ids.at(0));
    QCOMPARE(currentId(app), ids.at(0));

    app.mainWindow()->close();
    QVERIFY(!app.mainWindow()->isVisible());
    QVERIFY(s.emulator.store().apply(id, EmulatedAction::Deactivate, kColleague).ok());

    // Found, with who did it, while the window is hidden.
    const auto colleaguesChange = [&app, id] {
        for (const WatchEvent &e : app.journal()->activity({})) {
            if (e.campaignId == id && e.kind == WatchEvent::Kind::StatusChanged
                && e.origin == WatchEvent::Origin::SomeoneElse && e.updatedUser == kColleague)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(colleaguesChange(), 15000);
    QVERIFY(!app.mainWindow()->isVisible());

    // No notification service: the tray says it, in its own message.
    QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(kNotifications).value());
    QTRY_VERIFY_WITH_TIMEOUT(trayBalloon() != nullptr, 15000);
    QWidget *balloon = trayBalloon();
    QVERIFY2(textOf(balloon).contains(kColleague), qPrintable(textOf(balloon)));
    QVERIFY(!app.mainWindow()->isVisible()); // a message, not the window

    // A click on it brings the window back with that campaign current.
    QSignalSpy clicked(app.trayIcon(), &QSystemTrayIcon::messageClicked);
    QTest::mouseClick(balloon, Qt::LeftButton, Qt::NoModifier, balloon->rect().center());
    QCOMPARE(clicked.size(), 1);
    QTRY_VERIFY(app.mainWindow()->isVisible());
    QTRY_COMPARE(currentId(app), id);
    QCOMPARE(finished.size(), 0);
}

void TestTray::theTrayMenuShowsTheWindowAndQuits()
{
    Started s;
    QVERIFY(startApp(s));
    Application &app = *s.app;
    QSignalSpy finished(&app, &Application::finished);
    QAction *show = trayAction(app, TrayIcon::tr("Show Campaign Manager"));
    QAction *quit = trayAction(app, TrayIcon::tr("Quit"));
    QVERIFY(show != nullptr);
    QVERIFY(quit != nullptr);

    app.mainWindow()->close();
    QVERIFY(!app.mainWindow()->isVisible());
    show->trigger();
    QTRY_VERIFY(app.mainWindow()->isVisible());
    QCOMPARE(finished.size(), 0);

    // Quit from the tray, with the window hidden again: the app ends, with status 0.
    app.mainWindow()->close();
    QVERIFY(!app.mainWindow()->isVisible());
    quit->trigger();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toInt(), 0);
    QVERIFY(!app.mainWindow()->isVisible());
}

void TestTray::fileQuitQuitsWithTheTrayOn()
{
    Started s;
    QVERIFY(startApp(s));
    Application &app = *s.app;
    QVERIFY(app.trayIcon() != nullptr && app.trayIcon()->isVisible());
    QSignalSpy finished(&app, &Application::finished);
    QVERIFY(app.mainWindow()->isVisible());

    action(app, "actionQuit")->trigger();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toInt(), 0);
    QVERIFY(!app.mainWindow()->isVisible());
}

E2E_MAIN(TestTray)

#include "tst_e2e_tray.moc"
