#include "watchalerts.h"

#include "activitymessage.h"
#include "desktopnotifier.h"
#include "logging.h"
#include "settings.h"

#include <QHash>
#include <QSystemTrayIcon>

namespace {
// Keys carry what a click opens: "campaign <account id> <campaign id>" or "activity <account id>".
// Account ids are UUIDs or the demo's fixed ids (no spaces); a one-off session's is empty.
QString campaignKey(const QString &accountId, qint64 campaignId)
{
    return QStringLiteral("campaign %1 %2").arg(campaignId).arg(accountId);
}
QString activityKey(const QString &accountId)
{
    return QStringLiteral("activity %1").arg(accountId);
}
} // namespace

WatchAlerts::WatchAlerts(Settings *settings, DesktopNotifier *notifier, QObject *parent)
    : QObject(parent), m_settings(settings), m_notifier(notifier)
{
    connect(m_notifier, &DesktopNotifier::activated, this, &WatchAlerts::open);
    // The service refused it or left before showing it: it is said another way, not lost.
    connect(m_notifier, &DesktopNotifier::failed, this, [this](const QString &key, const QString &message) {
        qCWarning(lcNotify) << "the notification service did not take a notice:" << message;
        const auto it = m_sent.constFind(key);
        if (it != m_sent.constEnd())
            showElsewhere(*it);
    });
}

void WatchAlerts::setTray(QSystemTrayIcon *tray)
{
    if (m_tray)
        m_tray->disconnect(this);
    m_tray = tray;
    if (m_tray)
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { open(m_lastTrayKey); });
}

bool WatchAlerts::isAnnounced(const WatchEvent &event)
{
    switch (event.kind) {
    case WatchEvent::Kind::StatusChanged:
        // Ours are known already; someone else's are news wherever they happen; the rest (a
        // schedule carried out, a change nobody can place) only for campaigns watched.
        if (event.origin == WatchEvent::Origin::ThisComputer)
            return false;
        return event.watched || event.origin == WatchEvent::Origin::SomeoneElse;
    case WatchEvent::Kind::NewCampaign:
    case WatchEvent::Kind::StartOverdue:
    case WatchEvent::Kind::StuckCloning:
    case WatchEvent::Kind::Unreachable:
        return true;
    case WatchEvent::Kind::Reachable:
        return false; // Activity says it; a notification for good news would only interrupt
    }
    return false;
}

void WatchAlerts::announce(const QList<WatchEvent> &events)
{
    if (!m_settings->value(Settings::Key::DesktopNotifications).toBool())
        return;
    // One check of one account gives one batch; group by account all the same, to be sure.
    QHash<QString, QList<WatchEvent>> byAccount;
    QStringList order;
    for (const WatchEvent &event : events) {
        if (!isAnnounced(event))
            continue;
        if (!byAccount.contains(event.account.id))
            order.append(event.account.id);
        byAccount[event.account.id].append(event);
    }
    for (const QString &accountId : std::as_const(order)) {
        const QList<WatchEvent> &announced = byAccount[accountId];
        if (announced.size() > kMaxSeparateNotices) {
            send(summaryFor(announced));
            continue;
        }
        for (const WatchEvent &event : announced)
            send(noticeFor(event));
    }
}

WatchAlerts::Notice WatchAlerts::noticeFor(const WatchEvent &event)
{
    Notice notice;
    notice.key = event.campaignId > 0 ? campaignKey(event.account.id, event.campaignId) : activityKey(event.account.id);
    notice.summary = ActivityMessage::summary(event);
    notice.body = tr("Account %1. %2").arg(event.account.name, ActivityMessage::sentence(event));
    notice.urgent = event.kind == WatchEvent::Kind::StartOverdue || event.kind == WatchEvent::Kind::StuckCloning;
    return notice;
}

WatchAlerts::Notice WatchAlerts::summaryFor(const QList<WatchEvent> &events)
{
    Notice notice;
    const AccountRef account = events.first().account;
    const int n = static_cast<int>(events.size());
    notice.key = activityKey(account.id);
    notice.summary = tr("%n campaign change(s) in %1", nullptr, n).arg(account.name);
    QStringList lines;
    for (int i = 0; i < kMaxSeparateNotices; ++i)
        lines << ActivityMessage::summary(events.at(i));
    lines << tr("…and %n more. Open Activity to see them all.", nullptr, n - kMaxSeparateNotices);
    notice.body = lines.join(QLatin1Char('\n'));
    notice.urgent = std::any_of(events.cbegin(), events.cend(), [](const WatchEvent &e) {
        return e.kind == WatchEvent::Kind::StartOverdue || e.kind == WatchEvent::Kind::StuckCloning;
    });
    return notice;
}

void WatchAlerts::send(const Notice &notice)
{
    if (m_notifier->isServiceAvailable()) {
        DesktopNotifier::Notice out;
        out.key = notice.key;
        out.summary = notice.summary;
        out.body = notice.body;
        out.urgency = notice.urgent ? DesktopNotifier::Urgency::Critical : DesktopNotifier::Urgency::Normal;
        out.openLabel = notice.key.startsWith(QLatin1String("campaign ")) ? tr("Open campaign") : tr("Open Activity");
        if (m_sent.size() > 64)
            m_sent.clear(); // only a failure soon after sending needs them
        m_sent.insert(notice.key, notice);
        if (m_notifier->notify(out))
            return;
    }
    showElsewhere(notice);
}

void WatchAlerts::showElsewhere(const Notice &notice)
{
    if (m_tray && m_tray->isVisible() && QSystemTrayIcon::supportsMessages()) {
        qCDebug(lcNotify) << "no notification service: the tray shows" << notice.key;
        m_lastTrayKey = notice.key;
        m_tray->showMessage(notice.summary, notice.body,
                            notice.urgent ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
        return;
    }
    Q_EMIT unannounced(notice.summary);
}

void WatchAlerts::open(const QString &key)
{
    const QStringList parts = key.split(QLatin1Char(' '));
    if (parts.value(0) == QLatin1String("campaign") && parts.size() >= 2) {
        Q_EMIT campaignRequested(parts.mid(2).join(QLatin1Char(' ')), parts.at(1).toLongLong());
        return;
    }
    if (parts.value(0) == QLatin1String("activity"))
        Q_EMIT activityRequested();
}
