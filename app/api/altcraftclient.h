#pragma once

#include "apicall.h"
#include "apiresult.h"
#include "campaign.h"
#include "requestfactory.h"

#include <QObject>
#include <QThreadPool>

class QNetworkAccessManager;
class QNetworkReply;

// The one way the app talks to Altcraft. It owns the application's only QNetworkAccessManager;
// every operation takes a context object (the callback dies with it) and returns an ApiCall
// that can be cancelled. Reads retry on transport errors and 5xx; state-changing calls never
// retry here, since a second "complete" must never be sent blindly.
class AltcraftClient : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kDefaultMaxResponseBytes = 64LL * 1024 * 1024;
    static constexpr int kDefaultReadRetries = 3;
    // A server that never stops paging would fill memory: a listing stops here, keeping what
    // arrived. Far above any real account (each row costs about 1 KiB in the table).
    static constexpr qsizetype kDefaultMaxListedCampaigns = 200000;

    explicit AltcraftClient(QObject *parent = nullptr);
    // A client with its own base URL and token over another client's connection manager: the
    // app keeps one QNetworkAccessManager (one connection pool, one proxy setup) for everything.
    explicit AltcraftClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AltcraftClient() override;

    RequestFactory factory() const { return m_factory; }
    void setFactory(const RequestFactory &factory) { m_factory = factory; }
    // For an account marked read-only: every write ends with ApiError::Kind::ReadOnlyAccount
    // before its request is made, however it was asked for. Reads go on as before.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    void setReadRetries(int retries) { m_readRetries = retries; }
    void setRetryBaseDelay(int ms) { m_retryBaseDelayMs = ms; }
    void setMaxListedCampaigns(qsizetype max) { m_maxListed = max; }
    qsizetype maxListedCampaigns() const { return m_maxListed; }

    // Pages arrive through onPage as they come, in order, on this thread (each parsed on the
    // parse thread, see CampaignLister); onDone gets the error that ended the listing (none when
    // it ended normally), the total and the items skipped as unreadable. At the ceiling the
    // listing ends with ApiError::Kind::ListTooLong and outcome.capped.
    using ListDone = std::function<void(const ApiError &error, const ListOutcome &outcome)>;
    ApiCall *listCampaigns(const CampaignFilter &filter, QObject *context,
                           std::function<void(QList<Campaign> &&page)> onPage, ListDone onDone);
    ApiCall *campaign(qint64 id, QObject *context, const ApiCallback<Campaign> &done);
    ApiCall *status(qint64 id, QObject *context, const ApiCallback<CampaignStatus> &done);
    ApiCall *activate(qint64 id, QObject *context, const ApiCallback<Done> &done,
                      const ActivationSchedule &schedule = {});
    ApiCall *deactivate(qint64 id, QObject *context, const ApiCallback<Done> &done);
    ApiCall *complete(qint64 id, QObject *context, const ApiCallback<Done> &done);
    ApiCall *perform(CampaignAction action, qint64 id, QObject *context, const ApiCallback<Done> &done,
                     const ActivationSchedule &schedule = {});
    // The fields perform() sends for an action (the body without the token): the command line's
    // --dry-run prints them, so what it shows is what would be sent.
    static QJsonObject actionFields(CampaignAction action, qint64 id, const ActivationSchedule &schedule = {});

    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    // The one thread list pages are parsed on, taking replies in the order they came (which
    // keeps the pages in order). Tests hold it busy to catch a page between reply and page.
    QThreadPool *parsePool() { return &m_parsePool; }

private:
    friend class CampaignLister;

    ApiCall *newCall(const QString &method, const QJsonObject &fields, bool isRead, QObject *context,
                     ApiCall::RawHandler handler);
    ApiCall *send(const QString &method, const QJsonObject &fields, bool isRead, QObject *context,
                  ApiCall::RawHandler handler);
    void startAttempt(ApiCall *call);
    // A read, sent at once, whose successfully delivered reply goes to onBody unparsed; onError
    // gets the rest.
    ApiCall *sendForBody(const QString &method, const QJsonObject &fields, ApiCall::RawHandler onError,
                         ApiCall::BodyHandler onBody);
    void onReplyFinished(ApiCall *call, QNetworkReply *reply);
    bool markFinished(ApiCall *call);
    void release(ApiCall *call);
    void finish(ApiCall *call, const QJsonValue &data, const ApiError &error);
    // The call ends without calling back.
    void abandon(ApiCall *call);

    QNetworkAccessManager *m_nam;
    RequestFactory m_factory;
    bool m_readOnly = false;
    qint64 m_maxResponseBytes = kDefaultMaxResponseBytes;
    int m_readRetries = kDefaultReadRetries;
    int m_retryBaseDelayMs = 250;
    qsizetype m_maxListed = kDefaultMaxListedCampaigns;
    QThreadPool m_parsePool;
};
