#include "settings.h"

#include "bulkrunner.h"

#include <QMetaEnum>
#include <QSet>

#include <algorithm>
#include <utility>

Settings::Settings(QObject *parent) : QObject(parent), m_settings(std::make_unique<QSettings>())
{ }

Settings::Settings(const QString &iniPath, QObject *parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{ }

Settings::~Settings() = default;

QString Settings::keyName(Key key)
{
    switch (key) {
    case Key::ApiUrl:
        return QStringLiteral("api/url");
    case Key::RequestTimeoutSeconds:
        return QStringLiteral("api/timeoutSeconds");
    case Key::Concurrency:
        return QStringLiteral("api/parallelRequests");
    case Key::AutoRefreshSeconds:
        return QStringLiteral("ui/autoRefreshSeconds");
    case Key::Language:
        return QStringLiteral("ui/language");
    case Key::TrackedCampaignIds:
        return QStringLiteral("campaigns/trackedIds");
    case Key::MainWindowGeometry:
        return QStringLiteral("mainWindow/geometry");
    case Key::MainWindowState:
        return QStringLiteral("mainWindow/state");
    case Key::CampaignTableHeader:
        return QStringLiteral("mainWindow/tableHeader");
    case Key::DetailsPaneVisible:
        return QStringLiteral("mainWindow/detailsVisible");
    case Key::HistoryWindowGeometry:
        return QStringLiteral("historyWindow/geometry");
    case Key::Accounts:
        return QStringLiteral("accounts/list");
    case Key::CurrentAccountId:
        return QStringLiteral("accounts/current");
    case Key::CampaignSearch:
        return QStringLiteral("mainWindow/search");
    case Key::CampaignStatusFilter:
        return QStringLiteral("mainWindow/statusFilter");
    case Key::WatchedCampaignIds:
        return QStringLiteral("watch/campaignIds");
    case Key::WatchBaseline:
        return QStringLiteral("watch/baseline");
    case Key::WatchIntervalSeconds:
        return QStringLiteral("watch/intervalSeconds");
    case Key::AccountCheckMinutes:
        return QStringLiteral("watch/accountCheckMinutes");
    case Key::StuckCloningMinutes:
        return QStringLiteral("watch/stuckCloningMinutes");
    case Key::DesktopNotifications:
        return QStringLiteral("watch/desktopNotifications");
    case Key::TrayIcon:
        return QStringLiteral("watch/trayIcon");
    case Key::ActivityPaneVisible:
        return QStringLiteral("mainWindow/activityVisible");
    case Key::CampaignView:
        return QStringLiteral("mainWindow/view");
    case Key::SavedCampaignViews:
        return QStringLiteral("views/saved");
    case Key::DefaultCampaignView:
        return QStringLiteral("views/default");
    case Key::FiltersPaneVisible:
        return QStringLiteral("mainWindow/filtersVisible");
    }
    return QString();
}

QVariant Settings::defaultValue(Key key)
{
    switch (key) {
    case Key::RequestTimeoutSeconds:
        return 30;
    case Key::Concurrency:
        return 6;
    case Key::AutoRefreshSeconds:
        return 0;
    case Key::Language:
        return QString();
    case Key::DetailsPaneVisible:
        return true;
    case Key::WatchIntervalSeconds:
        return 60;
    case Key::AccountCheckMinutes:
        return 5;
    case Key::StuckCloningMinutes:
        return 30;
    case Key::DesktopNotifications:
        return true;
    case Key::TrayIcon:
    case Key::ActivityPaneVisible:
        return false;
    default:
        return {};
    }
}

bool Settings::isPerAccount(Key key)
{
    return key == Key::TrackedCampaignIds || key == Key::CampaignTableHeader || key == Key::CampaignSearch
        || key == Key::CampaignStatusFilter || key == Key::WatchedCampaignIds || key == Key::WatchBaseline
        || key == Key::CampaignView || key == Key::SavedCampaignViews || key == Key::DefaultCampaignView;
}

void Settings::setAccountScope(const QString &accountId)
{
    if (accountId == m_accountScope)
        return;
    m_accountScope = accountId;
    for (Key key : {Key::TrackedCampaignIds, Key::CampaignTableHeader, Key::CampaignSearch, Key::CampaignStatusFilter,
                    Key::WatchedCampaignIds, Key::CampaignView, Key::SavedCampaignViews, Key::DefaultCampaignView})
        Q_EMIT changed(key);
}

void Settings::adoptUnscopedValues(const QString &accountId)
{
    const QString saved = std::exchange(m_accountScope, accountId);
    for (Key key :
         {Key::TrackedCampaignIds, Key::CampaignTableHeader, Key::CampaignSearch, Key::CampaignStatusFilter}) {
        if (m_settings->contains(keyName(key)) && !m_settings->contains(storedName(key)))
            m_settings->setValue(storedName(key), m_settings->value(keyName(key)));
        m_settings->remove(keyName(key));
    }
    m_accountScope = saved;
}

// Per-account keys live under "perAccount/<id>/"; ids are UUIDs or the demo's fixed ids, so they
// need no escaping. Without an account they keep the name an older version used.
QString Settings::storedName(Key key) const
{
    return storedName(key, m_accountScope);
}

QString Settings::storedName(Key key, const QString &accountId) const
{
    if (!isPerAccount(key) || accountId.isEmpty())
        return keyName(key);
    return QStringLiteral("perAccount/%1/%2").arg(accountId, keyName(key));
}

QVariant Settings::valueFor(const QString &accountId, Key key) const
{
    return m_settings->value(storedName(key, accountId), defaultValue(key));
}

void Settings::setValueFor(const QString &accountId, Key key, const QVariant &value)
{
    const QString name = storedName(key, accountId);
    if (m_settings->contains(name) && m_settings->value(name) == value)
        return;
    m_settings->setValue(name, value);
    if (!isPerAccount(key) || accountId == m_accountScope)
        Q_EMIT changed(key);
}

QVariant Settings::value(Key key) const
{
    return m_settings->value(storedName(key), defaultValue(key));
}

void Settings::setValue(Key key, const QVariant &value)
{
    const QString name = storedName(key);
    if (m_settings->contains(name) && m_settings->value(name) == value)
        return;
    m_settings->setValue(name, value);
    Q_EMIT changed(key);
}

void Settings::reset(Key key)
{
    const QString name = storedName(key);
    if (!m_settings->contains(name))
        return;
    m_settings->remove(name);
    Q_EMIT changed(key);
}

void Settings::sync()
{
    m_settings->sync();
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

namespace {
QList<qint64> idsFromText(const QString &text)
{
    QList<qint64> ids;
    QSet<qint64> seen;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        bool ok = false;
        const qint64 id = p.toLongLong(&ok);
        if (ok && id > 0 && !seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    }
    return ids;
}

QString idsToText(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}
} // namespace

QList<qint64> Settings::trackedCampaignIds() const
{
    return idsFromText(value(Key::TrackedCampaignIds).toString());
}

void Settings::setTrackedCampaignIds(const QList<qint64> &ids)
{
    setValue(Key::TrackedCampaignIds, idsToText(ids));
}

QList<qint64> Settings::watchedCampaignIds(const QString &accountId) const
{
    return idsFromText(valueFor(accountId, Key::WatchedCampaignIds).toString());
}

void Settings::setWatchedCampaignIds(const QString &accountId, const QList<qint64> &ids)
{
    setValueFor(accountId, Key::WatchedCampaignIds, idsToText(ids));
}

int Settings::concurrency() const
{
    return std::clamp(value(Key::Concurrency).toInt(), 1, BulkRunner::kMaxConcurrency);
}
