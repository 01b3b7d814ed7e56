#include "settings.h"

#include "bulkrunner.h"

#include <QMetaEnum>

#include <algorithm>

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

QVariant Settings::value(Key key) const
{
    return m_settings->value(keyName(key), defaultValue(key));
}

void Settings::setValue(Key key, const QVariant &value)
{
    if (m_settings->contains(keyName(key)) && m_settings->value(keyName(key)) == value)
        return;
    m_settings->setValue(keyName(key), value);
    Q_EMIT changed(key);
}

void Settings::reset(Key key)
{
    if (!m_settings->contains(keyName(key)))
        return;
    m_settings->remove(keyName(key));
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
