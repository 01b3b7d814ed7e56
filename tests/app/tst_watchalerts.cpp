// WatchAlerts decides which of the watch's findings interrupt the user, and how: checked against
// a real org.freedesktop.Notifications service (notification-service, its own process on the
// test's session bus) through the real DesktopNotifier. This computer's own changes and good news
// are never announced; more than three in one account become one notice that opens Activity; a
// stuck clone is urgent; with notifications off nothing is sent; with no service and no tray the
// window's status bar gets the sentence.

#include "desktopnotifier.h"
#include "localization.h"
#include "notificationservicerunner.h"
#include "settings.h"
#include "watchalerts.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

WatchEvent change(qint64 id, WatchEvent::Origin origin, bool watched = true)
{
    WatchEvent e;
    e.kind = WatchEvent::Kind::StatusChanged;
    e.origin = origin;
    e.account = {QStringLiteral("acc-1"), QStringLiteral("Client A")};
    e.campaignId = id;
    e.campaignName = QStringLiteral("Spring sale %1").arg(id);
    e.before = CampaignStatus::Active;
    e.after = CampaignStatus::Inactive;
    e.updatedUser = QStringLiteral("anna.colleague");
    e.noticedAt = QDateTime::currentDateTimeUtc();
    e.watched = watched;
    return e;
}

// The real notification service, and the app's notifier once it sees the service on the bus.
struct Desktop {
    NotificationServiceRunner service;
    std::unique_ptr<DesktopNotifier> notifier;

    bool start()
    {
        if (!service.start())
            return false;
        notifier = std::make_unique<DesktopNotifier>();
        return QTest::qWaitFor([this] { return notifier->isServiceAvailable(); }, 10000);
    }
};

} // namespace

class TestWatchAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void someoneElsesChangeIsAnnouncedNamingTheAccountAndOpensTheCampaign();
    void thisComputersChangesAndGoodNewsAreNotAnnounced();
    void manyInOneAccountBecomeOneNoticeThatOpensActivity();
    void aStuckCloneIsUrgent();
    void notificationsOffSendsNothing();
    void withoutAServiceOrATrayTheStatusBarSaysIt();

private:
    Localization m_localization; // the English plural forms, as the app speaks
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
};

void TestWatchAlerts::initTestCase()
{
    QVERIFY2(QDBusConnection::sessionBus().isConnected(),
             "No D-Bus session bus: run inside dbus-run-session (scripts/test does)");
    QCOMPARE(m_localization.install(QStringLiteral("en")), QStringLiteral("en"));
}

void TestWatchAlerts::init()
{
    m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_settings->reset(Settings::Key::DesktopNotifications);
}

void TestWatchAlerts::someoneElsesChangeIsAnnouncedNamingTheAccountAndOpensTheCampaign()
{
    Desktop desktop;
    QVERIFY2(desktop.start(), qPrintable(desktop.service.errorString()));
    WatchAlerts alerts(m_settings.get(), desktop.notifier.get());
    QSignalSpy opened(&alerts, &WatchAlerts::campaignRequested);

    // Someone else's change to an unwatched campaign (the whole-account check) is news too.
    alerts.announce({change(42, WatchEvent::Origin::SomeoneElse, false)});
    QVERIFY(desktop.service.waitForNotifications(1, 10000));
    const QJsonObject notice = desktop.service.notifications().first();
    QVERIFY(notice.value(QStringLiteral("body")).toString().contains(QStringLiteral("Client A")));
    QVERIFY(notice.value(QStringLiteral("summary")).toString().contains(QStringLiteral("Spring sale 42")));
    QVERIFY(notice.value(QStringLiteral("summary")).toString().contains(QStringLiteral("anna.colleague")));
    QCOMPARE(notice.value(QStringLiteral("actions")).toArray().at(1).toString(), QStringLiteral("Open campaign"));
    QCOMPARE(notice.value(QStringLiteral("hints")).toObject().value(QStringLiteral("urgency")).toInt(), 1);

    desktop.service.invoke(static_cast<uint>(notice.value(QStringLiteral("id")).toInteger()),
                           QStringLiteral("default"));
    QVERIFY(opened.wait(10000));
    QCOMPARE(opened.first().at(0).toString(), QStringLiteral("acc-1"));
    QCOMPARE(opened.first().at(1).toLongLong(), 42);
}

void TestWatchAlerts::thisComputersChangesAndGoodNewsAreNotAnnounced()
{
    Desktop desktop;
    QVERIFY2(desktop.start(), qPrintable(desktop.service.errorString()));
    WatchAlerts alerts(m_settings.get(), desktop.notifier.get());

    WatchEvent back;
    back.kind = WatchEvent::Kind::Reachable;
    back.account = {QStringLiteral("acc-1"), QStringLiteral("Client A")};
    // An unwatched campaign changed by a schedule: Activity only.
    alerts.announce({change(1, WatchEvent::Origin::ThisComputer), change(2, WatchEvent::Origin::ThisComputer, false),
                     back, change(3, WatchEvent::Origin::Schedule, false)});
    // A marker after them: the service answers in order, so anything sent before it is there.
    alerts.announce({change(4, WatchEvent::Origin::Schedule, true)});
    QVERIFY(desktop.service.waitForNotifications(1, 10000));
    QCOMPARE(desktop.service.notifications().size(), 1);
    QVERIFY(desktop.service.notifications()
                .first()
                .value(QStringLiteral("summary"))
                .toString()
                .contains(QStringLiteral("Spring sale 4")));
}

void TestWatchAlerts::manyInOneAccountBecomeOneNoticeThatOpensActivity()
{
    Desktop desktop;
    QVERIFY2(desktop.start(), qPrintable(desktop.service.errorString()));
    WatchAlerts alerts(m_settings.get(), desktop.notifier.get());
    QSignalSpy activity(&alerts, &WatchAlerts::activityRequested);

    QList<WatchEvent> many;
    for (qint64 id = 1; id <= 5; ++id)
        many << change(id, WatchEvent::Origin::SomeoneElse);
    WatchEvent other = change(9, WatchEvent::Origin::SomeoneElse);
    other.account = {QStringLiteral("acc-2"), QStringLiteral("Client B")};
    many << other;
    alerts.announce(many);
    QVERIFY(desktop.service.waitForNotifications(2, 10000));
    QCOMPARE(desktop.service.notifications().size(), 2); // one summary for Client A, one notice for Client B
    const QJsonObject summary = desktop.service.notifications().first();
    QCOMPARE(summary.value(QStringLiteral("summary")).toString(), QStringLiteral("5 campaign changes in Client A"));
    QVERIFY(summary.value(QStringLiteral("body")).toString().contains(QStringLiteral("2 more")));
    QCOMPARE(summary.value(QStringLiteral("actions")).toArray().at(1).toString(), QStringLiteral("Open Activity"));
    QVERIFY(desktop.service.notifications()
                .last()
                .value(QStringLiteral("body"))
                .toString()
                .contains(QStringLiteral("Client B")));

    desktop.service.invoke(static_cast<uint>(summary.value(QStringLiteral("id")).toInteger()),
                           QStringLiteral("default"));
    QVERIFY(activity.wait(10000));
}

void TestWatchAlerts::aStuckCloneIsUrgent()
{
    Desktop desktop;
    QVERIFY2(desktop.start(), qPrintable(desktop.service.errorString()));
    WatchAlerts alerts(m_settings.get(), desktop.notifier.get());
    WatchEvent stuck = change(7, WatchEvent::Origin::Unknown);
    stuck.kind = WatchEvent::Kind::StuckCloning;
    stuck.after = CampaignStatus::Cloning;
    stuck.since = QDateTime::currentDateTimeUtc().addSecs(-45 * 60);
    alerts.announce({stuck});
    QVERIFY(desktop.service.waitForNotifications(1, 10000));
    QCOMPARE(desktop.service.notifications()
                 .first()
                 .value(QStringLiteral("hints"))
                 .toObject()
                 .value(QStringLiteral("urgency"))
                 .toInt(),
             2);
}

void TestWatchAlerts::notificationsOffSendsNothing()
{
    Desktop desktop;
    QVERIFY2(desktop.start(), qPrintable(desktop.service.errorString()));
    WatchAlerts alerts(m_settings.get(), desktop.notifier.get());
    QSignalSpy unannounced(&alerts, &WatchAlerts::unannounced);
    m_settings->setValue(Settings::Key::DesktopNotifications, false);
    alerts.announce({change(1, WatchEvent::Origin::SomeoneElse)});
    m_settings->setValue(Settings::Key::DesktopNotifications, true);
    alerts.announce({change(2, WatchEvent::Origin::SomeoneElse)}); // the marker
    QVERIFY(desktop.service.waitForNotifications(1, 10000));
    QCOMPARE(desktop.service.notifications().size(), 1);
    QVERIFY(desktop.service.notifications()
                .first()
                .value(QStringLiteral("summary"))
                .toString()
                .contains(QStringLiteral("Spring sale 2")));
    QCOMPARE(unannounced.size(), 0);
}

void TestWatchAlerts::withoutAServiceOrATrayTheStatusBarSaysIt()
{
    DesktopNotifier notifier; // nothing owns org.freedesktop.Notifications on this bus now
    QVERIFY(!notifier.isServiceAvailable());
    WatchAlerts alerts(m_settings.get(), &notifier);
    QSignalSpy unannounced(&alerts, &WatchAlerts::unannounced);
    alerts.announce({change(5, WatchEvent::Origin::SomeoneElse)});
    QCOMPARE(unannounced.size(), 1);
    QVERIFY(unannounced.first().at(0).toString().contains(QStringLiteral("Spring sale 5")));
}

QTEST_MAIN(TestWatchAlerts)
#include "tst_watchalerts.moc"
