#include "campaignlister.h"

#include "altcraftclient.h"
#include "apicall.h"
#include "apimethods.h"
#include "logging.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace {

using Parse = CampaignLister::Parse;

// On the parse thread. The page's extent goes out first, so the next page can be asked for
// while this one's campaigns are read. A plain page is read straight from its bytes
// (ListPageReader); any other reply is classified by the same ResponseParser::classify() as
// every other reply.
void parseReply(QPromise<Parse> &promise, const RawReply &reply, qint64 fromId, int pageSize,
                const std::shared_ptr<CampaignLister::Readers> &readers)
{
    ApiError none;
    if (reply.httpStatus)
        none.withHttpStatus(reply.httpStatus);
    bool extentSent = false;
    if (ResponseParser::envelopeDecides(reply)) {
        // The IDs first, in a quick pass: the next page is asked for while this one is read.
        if (const auto extent = ListPageReader::extent(reply.body, fromId)) {
            auto page = std::make_shared<ListPage>();
            page->received = extent->received;
            page->lastId = extent->lastId;
            promise.addResult(Parse{Parse::Stage::Extent, none, std::move(page)});
            extentSent = true;
        }
        if (std::optional<ListPage> page = readers->plain.read(reply.body, fromId, pageSize)) {
            if (!extentSent) {
                auto extent = std::make_shared<ListPage>();
                extent->received = page->received;
                extent->lastId = page->lastId;
                promise.addResult(Parse{Parse::Stage::Extent, none, std::move(extent)});
            }
            if (promise.isCanceled())
                return;
            promise.addResult(Parse{Parse::Stage::Campaigns, none, std::make_shared<ListPage>(std::move(*page))});
            return;
        }
    }
    QJsonValue data;
    const ApiError error = ResponseParser::classify(reply, &data);
    const bool readable = error.isNone();
    if (!extentSent) {
        Parse extent;
        extent.error = error;
        if (readable)
            extent.page = std::make_shared<ListPage>(ResponseParser::pageExtent(data, fromId));
        promise.addResult(std::move(extent));
    }
    if (!readable && extentSent) // cannot happen (the quick pass read the same bytes), but must not hang
        promise.addResult(Parse{Parse::Stage::Campaigns, error, std::make_shared<ListPage>()});
    if (!readable || promise.isCanceled())
        return;
    ApiResult<ListPage> parsed = ResponseParser::page(data, fromId, &readers->general);
    parsed.error.withHttpStatus(reply.httpStatus);
    promise.addResult(
        Parse{Parse::Stage::Campaigns, parsed.error, std::make_shared<ListPage>(std::move(parsed.value))});
}

} // namespace

CampaignLister::CampaignLister(AltcraftClient *client, ApiCall *call, const CampaignFilter &filter, PageHandler onPage,
                               DoneHandler onDone)
    : QObject(call), m_client(client), m_call(call), m_filter(filter), m_onPage(std::move(onPage)),
      m_onDone(std::move(onDone))
{ }

void CampaignLister::start()
{
    // From the event loop, as every call starts: the caller holds the call before any callback.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_ended)
                request(m_filter.fromId);
        },
        Qt::QueuedConnection);
}

void CampaignLister::cancel()
{
    if (m_ended)
        return;
    m_cancelled = true;
    // Ending inside onPage would call onDone while the caller is still in onPage.
    if (!m_delivering)
        end(ApiError(ApiError::Kind::Cancelled).withMethod(ApiMethods::list));
}

void CampaignLister::detach()
{
    m_onPage = nullptr;
    m_onDone = nullptr;
    cancel();
}

void CampaignLister::request(qint64 fromId)
{
    QJsonObject fields{{QStringLiteral("from_id"), fromId}, {QStringLiteral("limit"), m_filter.pageSize}};
    if (!m_filter.state.isEmpty())
        fields.insert(QStringLiteral("state"), m_filter.state);
    if (!m_filter.tags.isEmpty())
        fields.insert(QStringLiteral("ui_tags"), QJsonArray::fromStringList(m_filter.tags));
    if (!m_filter.groups.isEmpty())
        fields.insert(QStringLiteral("groups"), QJsonArray::fromStringList(m_filter.groups));
    if (!m_filter.groupIds.isEmpty()) {
        QJsonArray ids;
        for (qint64 id : std::as_const(m_filter.groupIds))
            ids.append(id);
        fields.insert(QStringLiteral("groups_id"), ids);
    }
    m_requestedFrom = fromId;
    m_pageTimer.start();
    const QPointer<CampaignLister> self(this);
    m_request = m_client->sendForBody(
        ApiMethods::list, fields,
        [self](const QJsonValue &, const ApiError &error) {
            // Only a reply the transport did not deliver whole, or a request that could not go
            // out, comes here: always an error.
            if (self)
                self->end(error);
        },
        [self, fromId](RawReply &&reply) {
            if (self)
                self->onReply(fromId, std::move(reply));
        });
}

void CampaignLister::onReply(qint64 fromId, RawReply &&reply)
{
    m_request = nullptr;
    if (m_ended)
        return;
    auto *watcher = new QFutureWatcher<Parse>(this);
    connect(watcher, &QFutureWatcherBase::resultReadyAt, this, [this, watcher, fromId](int index) {
        const Parse parse = watcher->resultAt(index);
        if (parse.stage == Parse::Stage::Extent)
            onExtent(fromId, parse);
        else
            onCampaigns(fromId, parse);
    });
    connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
    watcher->setFuture(
        QtConcurrent::run(m_client->parsePool(), parseReply, std::move(reply), fromId, m_filter.pageSize, m_readers));
}

bool CampaignLister::wantsNextPage(qsizetype received, qint64 lastId, qint64 fromId) const
{
    // The same decision onCampaigns() takes once the page is in, from what is known before:
    // a full page that advanced, under the caller's page limit and the client's ceiling.
    const int pages = m_outcome.pages + 1;
    return !m_cancelled && received > 0 && received >= m_filter.pageSize
        && !(m_filter.maxPages > 0 && pages >= m_filter.maxPages)
        && m_outcome.total + received <= m_client->maxListedCampaigns() && lastId >= fromId;
}

void CampaignLister::onExtent(qint64 fromId, const Parse &parse)
{
    if (m_ended)
        return;
    ApiError error = parse.error;
    error.withMethod(ApiMethods::list);
    qCDebug(lcApi).nospace() << "list from " << fromId << ": API " << error.apiCode() << ", "
                             << ApiError::kindName(error.kind()) << ", " << (parse.page ? parse.page->received : 0)
                             << " items, read " << m_pageTimer.elapsed() << " ms after asking";
    if (!error.isNone())
        return end(error);
    // Asked at once: the server prepares it while this page is read and shown.
    if (m_requestedFrom == fromId && wantsNextPage(parse.page->received, parse.page->lastId, fromId))
        request(parse.page->lastId + 1);
}

void CampaignLister::onCampaigns(qint64 fromId, const Parse &parse)
{
    if (m_ended)
        return;
    const QString &list = ApiMethods::list;
    if (!parse.error.isNone())
        return end(ApiError(parse.error).withMethod(list));
    ListPage &page = *parse.page;
    m_outcome.skipped += page.skipped;
    for (const QString &why : std::as_const(page.skipReasons)) {
        if (m_outcome.skipReasons.size() < ListPage::kMaxReasons)
            m_outcome.skipReasons << why;
    }
    if (page.skipped > 0)
        qCDebug(lcApi) << "list: skipped" << page.skipped << "unreadable items";
    // Past the ceiling nothing more is kept: the table gets the first maxListedCampaigns().
    const qsizetype room = m_client->maxListedCampaigns() - m_outcome.total;
    const bool overCeiling = page.campaigns.size() > room;
    if (overCeiling)
        page.campaigns.resize(std::max<qsizetype>(room, 0));
    m_outcome.total += page.campaigns.size();
    if (!page.campaigns.isEmpty() && m_onPage) {
        // A copy: the callback may detach() the lister, which drops m_onPage.
        const PageHandler onPage = m_onPage;
        m_delivering = true;
        onPage(std::move(page.campaigns));
        m_delivering = false;
    }
    // The page callback may have cancelled the listing.
    if (m_cancelled)
        return end(ApiError(ApiError::Kind::Cancelled).withMethod(list));
    ++m_outcome.pages;
    // Campaigns were left out, even from a short last page: the list is not whole. (At the
    // ceiling exactly, one more page tells whether the server had more.)
    if (overCeiling) {
        m_outcome.capped = true;
        return end(ApiError::listTooLong(m_client->maxListedCampaigns()).withMethod(list));
    }
    // An empty or short page ends the listing, and so does the caller's page limit.
    if (page.received == 0 || page.received < m_filter.pageSize
        || (m_filter.maxPages > 0 && m_outcome.pages >= m_filter.maxPages))
        return end(ApiError());
    // Asking again from the same ID would loop for ever.
    if (page.lastId < fromId)
        return end(ApiError::malformed(QStringLiteral("list: a full page of unreadable items did not advance"))
                       .withMethod(list));
    if (m_requestedFrom == fromId) // not asked for when the extent came
        request(page.lastId + 1);
}

void CampaignLister::end(const ApiError &error)
{
    if (m_ended)
        return;
    m_ended = true;
    // A page asked for early, or still being parsed, is dropped with the listing.
    if (m_request)
        m_client->abandon(m_request);
    for (auto *watcher : findChildren<QFutureWatcher<Parse> *>(Qt::FindDirectChildrenOnly)) {
        watcher->disconnect(this);
        watcher->cancel();
    }
    const DoneHandler onDone = std::move(m_onDone);
    m_onDone = nullptr;
    m_onPage = nullptr;
    if (onDone)
        onDone(error, m_outcome);
    m_client->finish(m_call, {}, error);
}
