#pragma once

#include "watchevent.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class DesktopNotifier;
class QSystemTrayIcon;
class Settings;

// Decides which of the watch's findings interrupt the user and says them on the desktop: through
// the freedesktop notification service, or the tray icon's message where there is none. Changes
// this computer made are never announced (the window already said so); the rest are, each naming
// its account. Many at once in one account become one notification that opens Activity.
class WatchAlerts : public QObject
{
    Q_OBJECT
public:
    // More than this many in one check of one account: one summary instead.
    static constexpr int kMaxSeparateNotices = 3;

    WatchAlerts(Settings *settings, DesktopNotifier *notifier, QObject *parent = nullptr);

    // The fallback for a desktop without a notification service; null: none.
    void setTray(QSystemTrayIcon *tray);
    static bool isAnnounced(const WatchEvent &event);

public Q_SLOTS:
    void announce(const QList<WatchEvent> &events);

Q_SIGNALS:
    // The user clicked a notification about a campaign, or about several (activityRequested).
    void campaignRequested(const QString &accountId, qint64 campaignId);
    void activityRequested();
    // Neither the notification service nor a tray can show it: the window's status bar does.
    void unannounced(const QString &summary);

private:
    struct Notice {
        QString key;
        QString summary;
        QString body;
        bool urgent = false;
    };
    void send(const Notice &notice);
    void showElsewhere(const Notice &notice);
    void open(const QString &key);
    static Notice noticeFor(const WatchEvent &event);
    static Notice summaryFor(const QList<WatchEvent> &events);

    Settings *m_settings;
    DesktopNotifier *m_notifier;
    QPointer<QSystemTrayIcon> m_tray;
    QString m_lastTrayKey; // what a click on the tray's message opens
    QHash<QString, Notice> m_sent; // by key, until the service has taken it (see failed())
};
