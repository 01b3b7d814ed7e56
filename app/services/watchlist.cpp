#include "watchlist.h"

#include "logging.h"
#include "settings.h"

WatchList::WatchList(Settings *settings, QObject *parent) : QObject(parent), m_settings(settings)
{ }

QList<qint64> WatchList::ids(const QString &accountId) const
{
    return m_settings->watchedCampaignIds(accountId);
}

QSet<qint64> WatchList::idSet(const QString &accountId) const
{
    const QList<qint64> list = ids(accountId);
    return QSet<qint64>(list.cbegin(), list.cend());
}

bool WatchList::isWatched(const QString &accountId, qint64 id) const
{
    return ids(accountId).contains(id);
}

void WatchList::setWatched(const QString &accountId, const QList<qint64> &ids, bool watch)
{
    QList<qint64> list = this->ids(accountId);
    QSet<qint64> present(list.cbegin(), list.cend());
    bool changedAny = false;
    for (qint64 id : ids) {
        if (id <= 0)
            continue;
        if (watch && !present.contains(id)) {
            present.insert(id);
            list.append(id);
            changedAny = true;
        } else if (!watch && present.remove(id)) {
            list.removeOne(id);
            changedAny = true;
        }
    }
    if (!changedAny)
        return;
    m_settings->setWatchedCampaignIds(accountId, list);
    qCDebug(lcWatch) << "watch list of account" << accountId << "now holds" << list.size() << "campaigns";
    Q_EMIT changed(accountId);
}

void WatchList::clear(const QString &accountId)
{
    if (ids(accountId).isEmpty())
        return;
    m_settings->setWatchedCampaignIds(accountId, {});
    Q_EMIT changed(accountId);
}
