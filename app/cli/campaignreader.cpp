#include "campaignreader.h"

#include "altcraftclient.h"

#include <QEventLoop>

namespace {

template<typename T, typename Call>
QHash<qint64, ApiResult<T>> readAll(const QList<qint64> &ids, Call call)
{
    QHash<qint64, ApiResult<T>> results;
    if (ids.isEmpty())
        return results;
    QEventLoop loop;
    for (qint64 id : ids) {
        call(id, &loop, [&results, &loop, id, total = ids.size()](const ApiResult<T> &r) {
            results.insert(id, r);
            if (results.size() == total)
                loop.quit();
        });
    }
    if (results.size() < ids.size())
        loop.exec();
    return results;
}

} // namespace

QHash<qint64, ApiResult<Campaign>> CampaignReader::campaigns(AltcraftClient *client, const QList<qint64> &ids)
{
    return readAll<Campaign>(ids, [client](qint64 id, QObject *context, const ApiCallback<Campaign> &done) {
        client->campaign(id, context, done);
    });
}

QHash<qint64, ApiResult<CampaignStatus>> CampaignReader::statuses(AltcraftClient *client, const QList<qint64> &ids)
{
    return readAll<CampaignStatus>(ids, [client](qint64 id, QObject *context, const ApiCallback<CampaignStatus> &done) {
        client->status(id, context, done);
    });
}
