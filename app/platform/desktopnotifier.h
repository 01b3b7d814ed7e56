#pragma once

#include <QDBusConnection>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class QDBusPendingCallWatcher;
class QDBusServiceWatcher;

// Desktop notifications through the freedesktop notification service (org.freedesktop.Notifications)
// on D-Bus. Everything is asynchronous: a slow or stuck notification daemon must never block the
// window. When no service is running, notify() says so at once and the caller shows the tray
// icon's message instead.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    enum class Urgency { Low, Normal, Critical };
    struct Notice {
        QString key; // the caller's id for it (e.g. "account-id/campaign-id"); comes back in activated()
        QString summary; // plain text
        QString body; // plain text; may contain server text like <b>&amp; — must show literally
        Urgency urgency = Urgency::Normal;
        QString openLabel; // label of the default action (e.g. "Open campaign"); empty: no action
    };

    explicit DesktopNotifier(QObject *parent = nullptr); // session bus
    DesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);

    // The service's name has an owner right now (kept current with a QDBusServiceWatcher).
    bool isServiceAvailable() const;

    // Sends asynchronously. Returns false at once when there is no service (the caller then uses
    // its fallback, the tray icon's message). If the asynchronous call fails, emits failed().
    bool notify(const Notice &notice);

Q_SIGNALS:
    void activated(const QString &key); // ActionInvoked with "default" for one of our notifications
    void failed(const QString &key, const QString &message);
    void serviceAvailableChanged(bool available);

private Q_SLOTS:
    // Old-style slots: QDBusConnection::connect() delivers D-Bus signals only to these.
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    void onServiceOwnerChanged(const QString &oldOwner, const QString &newOwner);
    void setServiceAvailable(bool available);
    void requestCapabilities();
    void onCapabilities(QDBusPendingCallWatcher *call, quint64 generation);
    void send(const Notice &notice);
    void failQueued(const QString &message);

    QDBusConnection m_bus;
    QDBusServiceWatcher *m_watcher = nullptr;
    bool m_available = false;
    // Capabilities belong to one server process: a new owner of the name asks again, and the
    // generation drops an answer from the previous one.
    bool m_capabilitiesKnown = false;
    quint64 m_capabilitiesGeneration = 0;
    QStringList m_capabilities;
    QList<Notice> m_queued; // waiting for the capabilities
    QHash<uint, QString> m_keys; // the server's notification id -> the caller's key
};
