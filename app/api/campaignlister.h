#pragma once

#include "apiresult.h"
#include "campaign.h"
#include "listpagereader.h"
#include "responseparser.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class AltcraftClient;
class ApiCall;

// One listing (scampaigns/list, keyset pages) behind AltcraftClient::listCampaigns(). A page's
// reply is parsed on the client's parse thread, not the UI thread; the next page is asked for as
// soon as the reply's last ID is known, so the server prepares it while this one becomes
// campaigns and goes into the table. Pages reach onPage on the UI thread, one at a time and in
// order: the parse thread is one thread taking the replies in the order they came.
class CampaignLister : public QObject
{
    Q_OBJECT
public:
    using PageHandler = std::function<void(QList<Campaign> &&page)>;
    using DoneHandler = std::function<void(const ApiError &error, const ListOutcome &outcome)>;

    // call is the listing's ApiCall (its parent): the lister ends it, and dies with it.
    CampaignLister(AltcraftClient *client, ApiCall *call, const CampaignFilter &filter, PageHandler onPage,
                   DoneHandler onDone);

    void start();
    // Ends the listing with ApiError::Kind::Cancelled; within onPage, once onPage returns.
    void cancel();
    // The caller's context is gone: no callback any more, and the listing ends.
    void detach();

    // What the parse thread reports for one reply: first its extent (error, received, lastId),
    // then, unless that was an error, the page of campaigns.
    struct Parse {
        enum class Stage { Extent, Campaigns };
        Stage stage = Stage::Extent;
        ApiError error;
        std::shared_ptr<ListPage> page; // shared only to leave the future's result store without a copy
    };

    // How the listing's pages are read, with the values they share.
    struct Readers {
        ListPageReader plain;
        CampaignValuePools general; // for ResponseParser::page()
    };

private:
    void request(qint64 fromId);
    void onReply(qint64 fromId, RawReply &&reply);
    void onExtent(qint64 fromId, const Parse &parse);
    void onCampaigns(qint64 fromId, const Parse &parse);
    // Whether the page after one that received items ending at lastId should be asked for.
    bool wantsNextPage(qsizetype received, qint64 lastId, qint64 fromId) const;
    void end(const ApiError &error);

    AltcraftClient *m_client;
    ApiCall *m_call;
    CampaignFilter m_filter;
    ListOutcome m_outcome;
    PageHandler m_onPage;
    DoneHandler m_onDone;
    QPointer<ApiCall> m_request; // the page on the wire
    qint64 m_requestedFrom = 0; // its from_id
    QElapsedTimer m_pageTimer; // since the page on the wire was asked for
    // Shared by all the listing's pages, so 100 pages hold one copy of each tag set, not 100.
    // Only the parse thread touches them, one page at a time.
    std::shared_ptr<Readers> m_readers = std::make_shared<Readers>();
    bool m_delivering = false; // inside onPage
    bool m_cancelled = false;
    bool m_ended = false;
};
