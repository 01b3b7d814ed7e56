#include "campaignreader.h"

#include "altcraftclient.h"

#include <QEventLoop>
#include <QSet>

#include <algorithm>

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
    // IDs close together are read a page at a time, as the bulk runner reads back: a page of n
    // campaigns from the lowest ID reaches at least n - 1 IDs further. One request for up to a
    // thousand campaigns instead of one each; what no page lists is asked for by its ID.
    QList<qint64> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    QList<CampaignFilter> pages;
    QList<qint64> single;
    QSet<qint64> readAlone;
    for (qsizetype i = 0; i < sorted.size();) {
        qsizetype j = i;
        while (j < sorted.size() && sorted.at(j) - sorted.at(i) < kListPageSize)
            ++j;
        if (j - i < kMinListBatch) {
            single.append(sorted.at(i));
            readAlone.insert(sorted.at(i));
            ++i;
            continue;
        }
        CampaignFilter page;
        page.fromId = sorted.at(i);
        page.pageSize = static_cast<int>(sorted.at(j - 1) - sorted.at(i) + 1);
        page.maxPages = 1;
        pages.append(page);
        i = j;
    }
    QHash<qint64, ApiResult<Campaign>> results;
    if (!pages.isEmpty()) {
        const QSet<qint64> wanted(sorted.cbegin(), sorted.cend());
        QEventLoop loop;
        qsizetype left = pages.size();
        for (const CampaignFilter &page : std::as_const(pages)) {
            client->listCampaigns(
                page, &loop,
                [&results, &wanted](QList<Campaign> &&listed) {
                    for (Campaign &c : listed) {
                        const qint64 id = c.id; // read before the move below
                        if (wanted.contains(id))
                            results.insert(id, ApiResult<Campaign>{std::move(c), ApiError()});
                    }
                },
                [&left, &loop](const ApiError &, const ListOutcome &) {
                    if (--left == 0)
                        loop.quit();
                });
        }
        loop.exec();
    }
    for (qint64 id : std::as_const(sorted)) {
        if (!results.contains(id) && !readAlone.contains(id))
            single.append(id); // not listed (deleted, hidden, a failed page): read on its own
    }
    results.insert(readAll<Campaign>(single, [client](qint64 id, QObject *context, const ApiCallback<Campaign> &done) {
        client->campaign(id, context, done);
    }));
    return results;
}

QHash<qint64, ApiResult<CampaignStatus>> CampaignReader::statuses(AltcraftClient *client, const QList<qint64> &ids)
{
    return readAll<CampaignStatus>(ids, [client](qint64 id, QObject *context, const ApiCallback<CampaignStatus> &done) {
        client->status(id, context, done);
    });
}
