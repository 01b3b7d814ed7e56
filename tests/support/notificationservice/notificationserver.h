#pragma once

#include <QDBusContext>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

// The org.freedesktop.Notifications interface, as a test double that is still a real D-Bus
// service: every Notify call is printed on stdout as one JSON line for the test to read, and
// the test makes it emit ActionInvoked and NotificationClosed. The slots are exported as the
// interface's methods (ExportAllSlots), the signals as its signals.
class NotificationServer : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    NotificationServer(const QStringList &capabilities, const QString &serverName, QObject *parent = nullptr);

    // Notify answers with a D-Bus error from now on (--refuse-notify): a daemon that fails.
    void setRefuseNotify(bool refuse) { m_refuseNotify = refuse; }

    // What the test asks for on stdin.
    void invoke(uint id, const QString &actionKey);
    void close(uint id);

public Q_SLOTS:
    QStringList GetCapabilities() const;
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int expireTimeout);
    void CloseNotification(uint id);
    QString GetServerInformation(QString &vendor, QString &version, QString &specVersion) const;

Q_SIGNALS:
    void NotificationClosed(uint id, uint reason);
    void ActionInvoked(uint id, const QString &actionKey);

private:
    QStringList m_capabilities;
    QString m_serverName;
    uint m_lastId = 0;
    bool m_refuseNotify = false;
};
