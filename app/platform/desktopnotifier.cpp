#include "desktopnotifier.h"

#include "logging.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QVariantMap>

#include <utility>

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
const QString kDefaultAction = QStringLiteral("default");

uchar urgencyByte(DesktopNotifier::Urgency urgency)
{
    switch (urgency) {
    case DesktopNotifier::Urgency::Low:
        return 0;
    case DesktopNotifier::Urgency::Normal:
        return 1;
    case DesktopNotifier::Urgency::Critical:
        return 2;
    }
    return 1;
}

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent) : DesktopNotifier(QDBusConnection::sessionBus(), parent)
{ }

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent) : QObject(parent), m_bus(bus)
{
    if (!m_bus.isConnected()) {
        qCDebug(lcNotify) << "no D-Bus connection:" << m_bus.lastError().message();
        return;
    }
    // The watcher first, then the question: a daemon that starts in between is still seen.
    m_watcher = new QDBusServiceWatcher(
        kService, m_bus, QDBusServiceWatcher::WatchForRegistration | QDBusServiceWatcher::WatchForUnregistration, this);
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &oldOwner, const QString &newOwner) {
                onServiceOwnerChanged(oldOwner, newOwner);
            });
    // Tied to the service name, so QtDBus follows whichever process owns it.
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                  SLOT(onNotificationClosed(uint, uint)));

    // One synchronous round trip to the bus daemon (not to the notification daemon, which may be
    // slow): the answer is needed before the first notify().
    const QDBusConnectionInterface *busInterface = m_bus.interface();
    if (busInterface && busInterface->isServiceRegistered(kService).value())
        setServiceAvailable(true);
    else
        qCDebug(lcNotify) << "no notification service on the bus yet";
}

bool DesktopNotifier::isServiceAvailable() const
{
    return m_available;
}

bool DesktopNotifier::notify(const Notice &notice)
{
    if (!m_available) {
        qCDebug(lcNotify) << "no notification service for" << notice.key;
        return false;
    }
    // Until the capabilities are known the body cannot be prepared: escaped for a server that
    // reads markup, raw for one that does not (escaping would show "&amp;"). Guessing either
    // way shows some bodies wrongly, so the notice waits for the answer, which comes with the
    // service (asked when it appears) and takes one round trip.
    if (!m_capabilitiesKnown) {
        qCDebug(lcNotify) << "queued until the capabilities are known:" << notice.key;
        m_queued.append(notice);
        return true;
    }
    send(notice);
    return true;
}

void DesktopNotifier::onServiceOwnerChanged(const QString &oldOwner, const QString &newOwner)
{
    qCDebug(lcNotify) << "notification service owner" << oldOwner << "->" << newOwner;
    if (newOwner.isEmpty()) {
        setServiceAvailable(false);
        return;
    }
    if (!oldOwner.isEmpty() && m_available) {
        // Replaced by another daemon without a gap: its ids and capabilities are its own.
        m_keys.clear();
        requestCapabilities();
        return;
    }
    setServiceAvailable(true);
}

void DesktopNotifier::setServiceAvailable(bool available)
{
    if (available == m_available)
        return;
    m_available = available;
    // Ids are only meaningful to the server that issued them.
    m_keys.clear();
    if (available) {
        requestCapabilities();
    } else {
        ++m_capabilitiesGeneration;
        m_capabilitiesKnown = false;
        m_capabilities.clear();
        failQueued(QStringLiteral("The notification service left the bus."));
    }
    qCDebug(lcNotify) << "notification service available:" << available;
    Q_EMIT serviceAvailableChanged(available);
}

void DesktopNotifier::requestCapabilities()
{
    const quint64 generation = ++m_capabilitiesGeneration;
    m_capabilitiesKnown = false;
    const QDBusMessage call
        = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, generation](QDBusPendingCallWatcher *w) { onCapabilities(w, generation); });
}

void DesktopNotifier::onCapabilities(QDBusPendingCallWatcher *call, quint64 generation)
{
    call->deleteLater();
    if (generation != m_capabilitiesGeneration)
        return;
    const QDBusPendingReply<QStringList> reply = *call;
    if (reply.isError()) {
        // A server that cannot say what it does gets the safe reading: escaped bodies (server
        // text never becomes markup) and no actions.
        qCDebug(lcNotify) << "GetCapabilities failed:" << reply.error().message();
        m_capabilities.clear();
        m_capabilities << QStringLiteral("body-markup");
    } else {
        m_capabilities = reply.value();
    }
    m_capabilitiesKnown = true;
    qCDebug(lcNotify) << "notification service capabilities:" << m_capabilities;
    const QList<Notice> queued = std::exchange(m_queued, {});
    for (const Notice &notice : queued)
        send(notice);
}

void DesktopNotifier::send(const Notice &notice)
{
    const QString body
        = m_capabilities.contains(QStringLiteral("body-markup")) ? notice.body.toHtmlEscaped() : notice.body;
    QStringList actions;
    if (m_capabilities.contains(QStringLiteral("actions")) && !notice.openLabel.isEmpty())
        actions << kDefaultAction << notice.openLabel;
    QVariantMap hints;
    // The specification types urgency as a byte; daemons reject or ignore an int.
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(urgencyByte(notice.urgency)));
    // The installed .desktop file's name (and its icon's): the server shows the app's icon and
    // name, and groups or mutes its notifications by it.
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("org.campaignmanager.CampaignManager"));

    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    call << QStringLiteral("Campaign Manager") << uint(0) << QStringLiteral("org.campaignmanager.CampaignManager")
         << notice.summary << body << actions << hints << int(-1);
    qCDebug(lcNotify) << "Notify" << notice.key << "urgency" << int(urgencyByte(notice.urgency))
                      << "action:" << !actions.isEmpty();
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    const QString key = notice.key;
    const quint64 generation = m_capabilitiesGeneration;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, key, generation](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError()) {
            qCDebug(lcNotify) << "Notify failed for" << key << ":" << reply.error().name();
            Q_EMIT failed(key, reply.error().message());
            return;
        }
        // An id from a server that has since gone would match another server's notification.
        if (generation != m_capabilitiesGeneration)
            return;
        qCDebug(lcNotify) << "notification" << reply.value() << "is" << key;
        m_keys.insert(reply.value(), key);
    });
}

void DesktopNotifier::failQueued(const QString &message)
{
    const QList<Notice> queued = std::exchange(m_queued, {});
    for (const Notice &notice : queued)
        Q_EMIT failed(notice.key, message);
}

void DesktopNotifier::onActionInvoked(uint id, const QString &actionKey)
{
    const auto it = m_keys.constFind(id);
    if (it == m_keys.constEnd()) {
        // Another program's notification on the same server.
        return;
    }
    qCDebug(lcNotify) << "action" << actionKey << "on notification" << id << "(" << *it << ")";
    if (actionKey == kDefaultAction)
        Q_EMIT activated(*it);
}

void DesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    if (m_keys.remove(id))
        qCDebug(lcNotify) << "notification" << id << "closed, reason" << reason;
}
