#include "settings.h"

#include "bulkrunner.h"

#include <QMetaEnum>

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
    default:
        return {};
    }
}

bool Settings::isPerAccount(Key key)
{
    return key == Key::TrackedCampaignIds || key == Key::CampaignTableHeader || key == Key::CampaignSearch
        || key == Key::CampaignStatusFilter;
}

void Settings::setAccountScope(const QString &accountId)
{
    if (accountId == m_accountScope)
        return;
    m_accountScope = accountId;
    for (Key key : {Key::TrackedCampaignIds, Key::CampaignTableHeader, Key::CampaignSearch, Key::CampaignStatusFilter})
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
    if (!isPerAccount(key) || m_accountScope.isEmpty())
        return keyName(key);
    return QStringLiteral("perAccount/%1/%2").arg(m_accountScope, keyName(key));
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

QList<qint64> Settings::trackedCampaignIds() const
{
    QList<qint64> ids;
    const QStringList parts = value(Key::TrackedCampaignIds).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        bool ok = false;
        const qint64 id = p.toLongLong(&ok);
        if (ok && id > 0)
            ids.append(id);
    }
    return ids;
}

void Settings::setTrackedCampaignIds(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    setValue(Key::TrackedCampaignIds, parts.join(QLatin1Char(',')));
}

int Settings::concurrency() const
{
    return std::clamp(value(Key::Concurrency).toInt(), 1, BulkRunner::kMaxConcurrency);
}
