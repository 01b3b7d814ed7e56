#pragma once

#include "apitokengrant.h"
#include "campaignstore.h"
#include "connectionlimits.h"
#include "emulatorapi.h"
#include "fault.h"
#include "recordedrequest.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QPointer>
#include <QRandomGenerator>
#include <QUrl>

#include <map>

class GuardedTcpServer;
class QTcpSocket;

// A local Altcraft: the scampaigns API over HTTP/1.1 on loopback, with fault injection and a
// log of every request. It answers asynchronously, so latency and hangs never block other
// connections, and the count of requests in flight is what a client really has outstanding.
// Each connection is held to ConnectionLimits (body and head size, request deadline, idle time),
// and running out of descriptors pauses accepting rather than spinning: see GuardedTcpServer.
// One port serves several accounts, as one Altcraft server does: each account has its own
// campaigns and its own tokens (ApiTokenGrant::account), and the default account is "".
class AltcraftEmulator : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit AltcraftEmulator(QObject *parent = nullptr);
    ~AltcraftEmulator() override;

    // Listens on 127.0.0.1 only. Returns the port, or 0 when it cannot listen.
    quint16 start(quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const; // http://127.0.0.1:<port>/

    // Fills the default account with count generated campaigns.
    void seed(int count, quint32 seed = 1);
    // Adds an account with campaigns generated from seed (IDs from 1, as in every account, so they
    // overlap with other accounts' IDs) and the tokens that reach it: each grant's account is set
    // to account. For an account that exists, replaces its campaigns and adds the tokens.
    void addAccount(const QString &account, int campaigns, quint32 seed, QList<ApiTokenGrant> tokens);
    // The account's campaigns; by default the default account's. Fatal for an account never added.
    CampaignStore &store(const QString &account = {});
    QStringList accounts() const; // "" first, then the added accounts in name order
    EmulatorApi &api() { return m_api; }
    // Replaces every account's tokens (a grant's account says whose campaigns it reaches).
    void setTokens(QList<ApiTokenGrant> tokens) { m_api.setTokens(std::move(tokens)); }

    void addFault(const Fault &fault) { m_faults.append(fault); }
    void clearFaults() { m_faults.clear(); }
    void setLatency(int fixedMs, int jitterMs = 0, const QString &method = QStringLiteral("*"));
    void clearLatency() { m_latencies.clear(); }
    // Real Altcraft may answer an API error with HTTP 200 (the default here) or with a
    // matching 4xx status; this switches to the latter so clients are tested against both.
    void setErrorsAsHttpStatus(bool on) { m_errorsAsHttpStatus = on; }
    // Takes effect at once: see GuardedTcpServer::setLimits().
    void setLimits(const ConnectionLimits &limits);
    ConnectionLimits limits() const { return m_limits; }

    QList<RecordedRequest> requests() const { return m_requests; }
    int requestCount(const QString &apiMethod = {}) const;
    void clearRequests() { m_requests.clear(); }
    void setRequestLogLimit(int limit) { m_requestLogLimit = limit; }

    int inFlight() const { return m_inFlight; }
    int maxInFlight() const { return m_maxInFlight; }
    void resetMaxInFlight() { m_maxInFlight = m_inFlight; }

Q_SIGNALS:
    // Emitted as soon as a request is read, before it is handled or delayed.
    void requestReceived(const RecordedRequest &request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Pending;
    std::optional<Fault> takeFault(const QString &apiMethod, std::optional<qint64> campaignId);
    int latencyFor(const QString &apiMethod);
    void respond(const Pending &pending, QTcpSocket *socket);
    void respondWithFault(const Fault &fault, const Pending &pending, QTcpSocket *socket);

    CampaignStore m_store; // the default account's
    // The other accounts' campaigns. A std::map, since its nodes never move: m_api holds their addresses.
    std::map<QString, CampaignStore> m_accountStores;
    EmulatorApi m_api;
    QList<Fault> m_faults;
    QList<Latency> m_latencies;
    QList<RecordedRequest> m_requests;
    QHash<QTcpSocket *, int> m_outstanding; // unanswered requests per connection
    QPointer<GuardedTcpServer> m_server;
    ConnectionLimits m_limits;
    QRandomGenerator m_jitter{42};
    quint64 m_sequence = 0;
    int m_requestLogLimit = 200000;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    quint16 m_port = 0;
    bool m_errorsAsHttpStatus = false;
};
