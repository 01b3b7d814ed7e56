// DesktopNotifier against a real notification service: the notification-service program
// (tests/support/notificationservice) on the private D-Bus session bus that scripts/test starts
// (dbus-run-session). Each test starts its own service with the capabilities it needs and reads
// what arrived from the service's own report of every Notify call.

#include "desktopnotifier.h"
#include "notificationservicerunner.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kHostileBody = QStringLiteral("<b>x</b> & <a href=\"http://e\">y</a>");

DesktopNotifier::Notice notice(const QString &key, const QString &openLabel = QStringLiteral("Open campaign"))
{
    DesktopNotifier::Notice n;
    n.key = key;
    n.summary = QStringLiteral("Campaign %1 changed").arg(key);
    n.body = QStringLiteral("Now paused");
    n.openLabel = openLabel;
    return n;
}

QStringList strings(const QJsonValue &array)
{
    QStringList result;
    for (const QJsonValue &v : array.toArray())
        result << v.toString();
    return result;
}

} // namespace

class TestDesktopNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void noticeReachesTheServiceWithEveryField();
    void hostileBodyShowsLiterally_data();
    void hostileBodyShowsLiterally();
    void noActionsWithoutTheActionsCapabilityOrALabel_data();
    void noActionsWithoutTheActionsCapabilityOrALabel();
    void actionInvokedEmitsActivatedOnlyForOurNotifications();
    void urgencyArrivesAsAByte_data();
    void urgencyArrivesAsAByte();
    void noServiceThenServiceAppears();
    void refusedNotifyEmitsFailedWithTheKey();
    void withoutABusNothingIsSent();

private:
    // Sends one notice through a new notifier and gives what the service received. The notifier
    // is made after the service is up, so the notice waits (queued) for the capabilities: what
    // arrives was shaped by this service's answer.
    static bool sendAndWait(NotificationServiceRunner &service, const DesktopNotifier::Notice &n, QJsonObject *sent);
};

void TestDesktopNotifier::initTestCase()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    const QString howToRun = QStringLiteral(
        " The notification tests need a private D-Bus session bus, as scripts/test gives them: "
        "from the source directory, QT_QPA_PLATFORM=offscreen dbus-run-session -- ctest --test-dir build -R "
        "'^tst_desktopnotifier$' --output-on-failure");
    if (!bus.isConnected())
        QFAIL(qPrintable(QStringLiteral("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS=\"%1\": %2).")
                             .arg(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"), bus.lastError().message())
                         + howToRun));
    // The tests own the name themselves; a desktop's daemon on this bus would get our notices.
    if (bus.interface()->isServiceRegistered(kService).value())
        QFAIL(qPrintable(QStringLiteral("%1 is already owned on this session bus (a desktop's notification "
                                        "daemon?).")
                             .arg(kService)
                         + howToRun));
}

bool TestDesktopNotifier::sendAndWait(NotificationServiceRunner &service, const DesktopNotifier::Notice &n,
                                      QJsonObject *sent)
{
    DesktopNotifier notifier;
    if (!notifier.isServiceAvailable() || !notifier.notify(n))
        return false;
    const int before = int(service.notifications().size());
    if (!service.waitForNotifications(before + 1))
        return false;
    *sent = service.notifications().constLast();
    return true;
}

void TestDesktopNotifier::noticeReachesTheServiceWithEveryField()
{
    NotificationServiceRunner service;
    QVERIFY2(service.start({QStringLiteral("actions"), QStringLiteral("body")}), qPrintable(service.errorString()));
    DesktopNotifier::Notice n = notice(QStringLiteral("acc-1/42"));
    n.summary = QStringLiteral("Spring sale");
    n.body = QStringLiteral("Paused by the server");
    QJsonObject sent;
    QVERIFY(sendAndWait(service, n, &sent));

    QCOMPARE(sent.value(QStringLiteral("app_name")).toString(), QStringLiteral("Campaign Manager"));
    QCOMPARE(sent.value(QStringLiteral("app_icon")).toString(), QStringLiteral("org.campaignmanager.CampaignManager"));
    QCOMPARE(sent.value(QStringLiteral("replaces_id")).toInt(-1), 0);
    QCOMPARE(sent.value(QStringLiteral("summary")).toString(), QStringLiteral("Spring sale"));
    QCOMPARE(sent.value(QStringLiteral("body")).toString(), QStringLiteral("Paused by the server"));
    QCOMPARE(strings(sent.value(QStringLiteral("actions"))),
             QStringList({QStringLiteral("default"), QStringLiteral("Open campaign")}));
    const QJsonObject hints = sent.value(QStringLiteral("hints")).toObject();
    const QJsonObject types = sent.value(QStringLiteral("hint_types")).toObject();
    QCOMPARE(hints.value(QStringLiteral("desktop-entry")).toString(),
             QStringLiteral("org.campaignmanager.CampaignManager"));
    QCOMPARE(types.value(QStringLiteral("desktop-entry")).toString(), QStringLiteral("s"));
    QCOMPARE(hints.value(QStringLiteral("urgency")).toInt(-1), 1);
    QCOMPARE(types.value(QStringLiteral("urgency")).toString(), QStringLiteral("y"));
    QCOMPARE(sent.value(QStringLiteral("expire_timeout")).toInt(0), -1);
}

void TestDesktopNotifier::hostileBodyShowsLiterally_data()
{
    QTest::addColumn<QStringList>("capabilities");
    QTest::addColumn<QString>("expectedBody");
    // A server that reads markup must get it escaped, or the server's text would turn bold and
    // become a link; one that does not must get it raw, or it would show "&amp;".
    QTest::newRow("body-markup: escaped")
        << QStringList({QStringLiteral("actions"), QStringLiteral("body"), QStringLiteral("body-markup")})
        << QStringLiteral("&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href=&quot;http://e&quot;&gt;y&lt;/a&gt;");
    QTest::newRow("no body-markup: raw") << QStringList({QStringLiteral("actions"), QStringLiteral("body")})
                                         << kHostileBody;
}

void TestDesktopNotifier::hostileBodyShowsLiterally()
{
    QFETCH(QStringList, capabilities);
    QFETCH(QString, expectedBody);
    NotificationServiceRunner service;
    QVERIFY2(service.start(capabilities), qPrintable(service.errorString()));
    DesktopNotifier::Notice n = notice(QStringLiteral("acc-1/7"));
    n.body = kHostileBody;
    QJsonObject sent;
    QVERIFY(sendAndWait(service, n, &sent));
    QCOMPARE(sent.value(QStringLiteral("body")).toString(), expectedBody);
}

void TestDesktopNotifier::noActionsWithoutTheActionsCapabilityOrALabel_data()
{
    QTest::addColumn<QStringList>("capabilities");
    QTest::addColumn<QString>("openLabel");
    QTest::newRow("no actions capability")
        << QStringList({QStringLiteral("body"), QStringLiteral("body-markup")}) << QStringLiteral("Open campaign");
    QTest::newRow("no capabilities at all") << QStringList() << QStringLiteral("Open campaign");
    QTest::newRow("actions but no label")
        << QStringList({QStringLiteral("actions"), QStringLiteral("body")}) << QString();
}

void TestDesktopNotifier::noActionsWithoutTheActionsCapabilityOrALabel()
{
    QFETCH(QStringList, capabilities);
    QFETCH(QString, openLabel);
    NotificationServiceRunner service;
    QVERIFY2(service.start(capabilities), qPrintable(service.errorString()));
    QJsonObject sent;
    QVERIFY(sendAndWait(service, notice(QStringLiteral("acc-1/8"), openLabel), &sent));
    QVERIFY(sent.value(QStringLiteral("actions")).isArray());
    QCOMPARE(strings(sent.value(QStringLiteral("actions"))), QStringList());
}

void TestDesktopNotifier::actionInvokedEmitsActivatedOnlyForOurNotifications()
{
    NotificationServiceRunner service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    DesktopNotifier notifier;
    QSignalSpy activated(&notifier, &DesktopNotifier::activated);
    QSignalSpy failed(&notifier, &DesktopNotifier::failed);
    QVERIFY(notifier.notify(notice(QStringLiteral("acc-1/1"))));
    QVERIFY(notifier.notify(notice(QStringLiteral("acc-2/2"))));
    QVERIFY(service.waitForNotifications(2));
    const auto idOf = [&](const QString &key) {
        for (const QJsonObject &n : service.notifications()) {
            if (n.value(QStringLiteral("summary")).toString() == notice(key).summary)
                return uint(n.value(QStringLiteral("id")).toInteger());
        }
        return 0u;
    };
    const uint first = idOf(QStringLiteral("acc-1/1"));
    const uint second = idOf(QStringLiteral("acc-2/2"));
    QVERIFY(first != 0 && second != 0 && first != second);

    // Another program's notification on the same server: its click is not ours.
    QDBusMessage call = QDBusMessage::createMethodCall(kService, QStringLiteral("/org/freedesktop/Notifications"),
                                                       kService, QStringLiteral("Notify"));
    call << QStringLiteral("Other app") << uint(0) << QString() << QStringLiteral("Other") << QString()
         << QStringList({QStringLiteral("default"), QStringLiteral("Open")}) << QVariantMap() << int(-1);
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call);
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    const uint foreign = reply.arguments().value(0).toUInt();
    QVERIFY(foreign != first && foreign != second);

    // The replies to our Notify calls may still be on their way, but the service sent them before
    // it emits the signals below, over the same connection, and QtDBus hands both to this thread
    // in that order: the ids are known when the clicks arrive.
    service.invoke(second, QStringLiteral("default"));
    QVERIFY(activated.wait(10000));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("acc-2/2"));

    // Signals from one sender arrive in order: once the click on `first` is seen, the one on
    // the foreign id (sent before it) has been handled, and must have emitted nothing.
    service.invoke(foreign, QStringLiteral("default"));
    service.invoke(first, QStringLiteral("default"));
    QTRY_COMPARE_WITH_TIMEOUT(activated.size(), 2, 10000);
    QCOMPARE(activated.at(1).at(0).toString(), QStringLiteral("acc-1/1"));
    QCOMPARE(failed.size(), 0);
}

void TestDesktopNotifier::urgencyArrivesAsAByte_data()
{
    QTest::addColumn<DesktopNotifier::Urgency>("urgency");
    QTest::addColumn<int>("expected");
    QTest::newRow("low") << DesktopNotifier::Urgency::Low << 0;
    QTest::newRow("normal") << DesktopNotifier::Urgency::Normal << 1;
    QTest::newRow("critical") << DesktopNotifier::Urgency::Critical << 2;
}

void TestDesktopNotifier::urgencyArrivesAsAByte()
{
    QFETCH(DesktopNotifier::Urgency, urgency);
    QFETCH(int, expected);
    NotificationServiceRunner service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    DesktopNotifier::Notice n = notice(QStringLiteral("acc-1/9"));
    n.urgency = urgency;
    QJsonObject sent;
    QVERIFY(sendAndWait(service, n, &sent));
    QCOMPARE(sent.value(QStringLiteral("hints")).toObject().value(QStringLiteral("urgency")).toInt(-1), expected);
    QCOMPARE(sent.value(QStringLiteral("hint_types")).toObject().value(QStringLiteral("urgency")).toString(),
             QStringLiteral("y"));
}

void TestDesktopNotifier::noServiceThenServiceAppears()
{
    DesktopNotifier notifier;
    QSignalSpy availability(&notifier, &DesktopNotifier::serviceAvailableChanged);
    QSignalSpy failed(&notifier, &DesktopNotifier::failed);
    QVERIFY(!notifier.isServiceAvailable());
    QVERIFY(!notifier.notify(notice(QStringLiteral("acc-1/3"))));

    NotificationServiceRunner service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    // The runner's wait for "ready" runs the event loop, so the signal may already be in.
    QTRY_COMPARE_WITH_TIMEOUT(availability.size(), 1, 10000);
    QCOMPARE(availability.at(0).at(0).toBool(), true);
    QVERIFY(notifier.isServiceAvailable());
    QVERIFY(notifier.notify(notice(QStringLiteral("acc-1/3"))));
    QVERIFY(service.waitForNotifications(1));
    QCOMPARE(service.notifications().size(), 1);
    QCOMPARE(service.notifications().at(0).value(QStringLiteral("summary")).toString(),
             notice(QStringLiteral("acc-1/3")).summary);

    // And when it goes away again, the caller hears so and notify() falls back at once.
    service.stop();
    QTRY_COMPARE_WITH_TIMEOUT(availability.size(), 2, 10000);
    QCOMPARE(availability.at(1).at(0).toBool(), false);
    QVERIFY(!notifier.notify(notice(QStringLiteral("acc-1/3"))));
    QCOMPARE(failed.size(), 0);
}

void TestDesktopNotifier::refusedNotifyEmitsFailedWithTheKey()
{
    NotificationServiceRunner service;
    QVERIFY2(service.startWith({QStringLiteral("--refuse-notify")}), qPrintable(service.errorString()));
    DesktopNotifier notifier;
    QSignalSpy failed(&notifier, &DesktopNotifier::failed);
    QSignalSpy activated(&notifier, &DesktopNotifier::activated);
    QVERIFY(notifier.notify(notice(QStringLiteral("acc-1/5"))));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("acc-1/5"));
    QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("Notify refused (--refuse-notify)"));
    QCOMPARE(activated.size(), 0);
}

void TestDesktopNotifier::withoutABusNothingIsSent()
{
    const QDBusConnection noBus
        = QDBusConnection::connectToBus(QStringLiteral("unix:path=/nonexistent/campaign-manager-test-bus"),
                                        QStringLiteral("tst_desktopnotifier-nobus"));
    QVERIFY(!noBus.isConnected());
    DesktopNotifier notifier(noBus);
    QVERIFY(!notifier.isServiceAvailable());
    QVERIFY(!notifier.notify(notice(QStringLiteral("acc-1/4"))));
    QDBusConnection::disconnectFromBus(QStringLiteral("tst_desktopnotifier-nobus"));
}

QTEST_GUILESS_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
