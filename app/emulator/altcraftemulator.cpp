#include "altcraftemulator.h"

#include "campaigngenerator.h"
#include "emulatorlogging.h"
#include "guardedtcpserver.h"
#include "httpwire.h"
#include "wirejson.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace {

const QString kApiPrefix = QStringLiteral("/api/v1.1/scampaigns/");

// Written by hand so that faults can send exactly the bytes a broken server would, and so that a
// late answer needs nothing but the socket.
void writeResponse(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
                   const HttpWire::Headers &extraHeaders = {})
{
    socket->write(HttpWire::head(status, contentType, body.size(), extraHeaders));
    socket->write(body);
}

using HttpWire::envelope;
using HttpWire::kJson;

} // namespace

struct AltcraftEmulator::Pending {
    QByteArray httpMethod;
    QString path;
    QString apiMethod; // empty when the path is not under the API prefix
    QJsonObject body;
    bool bodyIsObject = false;
    QByteArray authorization;
    std::optional<Fault> fault;
};

AltcraftEmulator::AltcraftEmulator(QObject *parent) : QAbstractHttpServer(parent), m_api(m_store)
{ }

AltcraftEmulator::~AltcraftEmulator() = default;

quint16 AltcraftEmulator::start(quint16 port)
{
    auto *server = new GuardedTcpServer(this);
    server->setLimits(m_limits);
    // Loopback only: the emulator holds well-known demo tokens and must never face a network.
    if (!server->startListening(QHostAddress::LocalHost, port)) {
        qCWarning(lcEmulator) << "cannot listen:" << server->errorString();
        delete server;
        return 0;
    }
    bind(server);
    m_server = server;
    m_port = server->serverPort();
    return m_port;
}

void AltcraftEmulator::setLimits(const ConnectionLimits &limits)
{
    m_limits = limits;
    if (m_server)
        m_server->setLimits(limits);
}

QUrl AltcraftEmulator::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(QStringLiteral("/"));
    return url;
}

void AltcraftEmulator::seed(int count, quint32 seed)
{
    m_store.reset(CampaignGenerator::generate(count, seed));
}

void AltcraftEmulator::addAccount(const QString &account, int campaigns, quint32 seed, QList<ApiTokenGrant> tokens)
{
    if (account.isEmpty()) {
        m_store.reset(CampaignGenerator::generate(campaigns, seed));
    } else {
        auto [it, added] = m_accountStores.try_emplace(account, CampaignGenerator::generate(campaigns, seed));
        if (added)
            m_api.addAccount(account, it->second);
        else
            it->second.reset(CampaignGenerator::generate(campaigns, seed));
    }
    for (ApiTokenGrant &grant : tokens)
        grant.account = account;
    m_api.addTokens(tokens);
}

CampaignStore &AltcraftEmulator::store(const QString &account)
{
    if (account.isEmpty())
        return m_store;
    const auto it = m_accountStores.find(account);
    if (it == m_accountStores.end())
        qFatal("AltcraftEmulator: no account named %s", qPrintable(account));
    return it->second;
}

QStringList AltcraftEmulator::accounts() const
{
    QStringList names{QString()};
    for (const auto &entry : m_accountStores)
        names.append(entry.first);
    return names;
}

void AltcraftEmulator::setLatency(int fixedMs, int jitterMs, const QString &method)
{
    m_latencies.removeIf([&](const Latency &l) { return l.method == method; });
    m_latencies.append({method, fixedMs, jitterMs});
}

int AltcraftEmulator::requestCount(const QString &apiMethod) const
{
    if (apiMethod.isEmpty())
        return static_cast<int>(m_requests.size());
    return static_cast<int>(std::count_if(m_requests.cbegin(), m_requests.cend(),
                                          [&](const RecordedRequest &r) { return r.apiMethod() == apiMethod; }));
}

std::optional<Fault> AltcraftEmulator::takeFault(const QString &apiMethod, std::optional<qint64> campaignId)
{
    for (Fault &f : m_faults) {
        if (f.matches(apiMethod, campaignId)) {
            if (f.remaining > 0)
                --f.remaining;
            return f;
        }
    }
    return std::nullopt;
}

int AltcraftEmulator::latencyFor(const QString &apiMethod)
{
    const Latency *chosen = nullptr;
    for (const Latency &l : m_latencies) {
        if (l.method == apiMethod)
            chosen = &l;
        else if (!chosen && l.method == QLatin1String("*"))
            chosen = &l;
    }
    if (!chosen)
        return 0;
    const int jitter = chosen->jitterMs > 0 ? static_cast<int>(m_jitter.bounded(chosen->jitterMs + 1)) : 0;
    return chosen->fixedMs + jitter;
}

bool AltcraftEmulator::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // The request object is reused for the next request on this connection: copy what we need.
    RecordedRequest record;
    record.receivedAt = QDateTime::currentDateTimeUtc();
    record.path = request.url().path();
    record.headers = request.headers();
    record.body = request.body();
    record.sequence = ++m_sequence;
    switch (request.method()) {
    case QHttpServerRequest::Method::Post:
        record.httpMethod = "POST";
        break;
    case QHttpServerRequest::Method::Get:
        record.httpMethod = "GET";
        break;
    case QHttpServerRequest::Method::Put:
        record.httpMethod = "PUT";
        break;
    case QHttpServerRequest::Method::Delete:
        record.httpMethod = "DELETE";
        break;
    default:
        record.httpMethod = "OTHER";
        break;
    }

    Pending pending;
    pending.httpMethod = record.httpMethod;
    pending.path = record.path;
    pending.apiMethod = record.apiMethod();
    pending.authorization = record.header("authorization");
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(record.body, &parseError);
    pending.bodyIsObject = parseError.error == QJsonParseError::NoError && doc.isObject();
    pending.body = doc.object();
    const auto id = WireJson::toInteger(pending.body.value(QStringLiteral("id")));
    pending.fault = takeFault(pending.apiMethod, id);
    record.account = m_api.accountFor(pending.body, pending.authorization);

    if (m_requestLogLimit > 0) {
        if (m_requests.size() >= m_requestLogLimit)
            m_requests.removeFirst();
        m_requests.append(record);
    }
    // Never the body, even redacted: --verbose output gets pasted into bug reports.
    qCDebug(lcEmulator).noquote() << record.summary();
    Q_EMIT requestReceived(record);

    if (!m_outstanding.contains(socket)) {
        // A connection that dies takes its unanswered requests out of the in-flight count.
        connect(socket, &QObject::destroyed, this, [this, socket] { m_inFlight -= m_outstanding.take(socket); });
    }
    ++m_outstanding[socket];
    m_maxInFlight = std::max(m_maxInFlight, ++m_inFlight);
    if (m_server)
        m_server->requestDispatched(socket);

    const int delay = latencyFor(pending.apiMethod);
    if (delay <= 0) {
        respond(pending, socket);
    } else {
        QTimer::singleShot(delay, this, [this, pending, guard = QPointer<QTcpSocket>(socket)] {
            if (guard)
                respond(pending, guard);
        });
    }
    return true;
}

void AltcraftEmulator::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    writeResponse(socket, 404, kJson,
                  envelope(ApiOutcome::failure(ApiErrorCode::NotFound, QStringLiteral("Not found"))));
}

void AltcraftEmulator::respond(const Pending &pending, QTcpSocket *socket)
{
    auto answered = [this, socket] {
        auto it = m_outstanding.find(socket);
        if (it != m_outstanding.end() && it.value() > 0) {
            --it.value();
            --m_inFlight;
            if (m_server)
                m_server->requestAnswered(socket);
        }
    };
    if (pending.fault && !pending.fault->applyChange) {
        respondWithFault(*pending.fault, pending, socket);
        if (pending.fault->kind != Fault::Kind::Hang)
            answered();
        return;
    }
    int httpStatus = 200;
    ApiOutcome outcome;
    if (pending.apiMethod.isEmpty()) {
        httpStatus = 404;
        outcome = ApiOutcome::failure(ApiErrorCode::NotFound,
                                      QStringLiteral("Not found: %1 is not an API path").arg(pending.path));
    } else if (pending.httpMethod != "POST") {
        httpStatus = 405;
        outcome
            = ApiOutcome::failure(ApiErrorCode::BadRequest, QStringLiteral("Incorrect request: API methods take POST"));
    } else {
        outcome = m_api.handle(pending.apiMethod, pending.body, pending.bodyIsObject, pending.authorization);
        if (outcome.error == ApiErrorCode::NotFound && !EmulatorApi::methods().contains(pending.apiMethod))
            httpStatus = 404;
        else if (m_errorsAsHttpStatus && outcome.error >= 400 && outcome.error < 500)
            httpStatus = outcome.error;
    }
    if (pending.fault) {
        // applyChange: the server did the work, then the answer went wrong.
        respondWithFault(*pending.fault, pending, socket);
        if (pending.fault->kind != Fault::Kind::Hang)
            answered();
        return;
    }
    writeResponse(socket, httpStatus, kJson, envelope(std::move(outcome)));
    answered();
}

void AltcraftEmulator::respondWithFault(const Fault &fault, const Pending &pending, QTcpSocket *socket)
{
    qCDebug(lcEmulator) << "fault" << Fault::kindNames().value(static_cast<int>(fault.kind)) << "for" << pending.path;
    const QList<QPair<QByteArray, QByteArray>> retryAfter
        = {{"Retry-After", QByteArray::number(std::max(0, fault.retryAfterSeconds))}};
    switch (fault.kind) {
    case Fault::Kind::Hang:
        return; // the socket stays open and silent until the client gives up
    case Fault::Kind::CloseConnection:
        socket->abort();
        return;
    case Fault::Kind::Http500:
        writeResponse(socket, 500, kJson, envelope(ApiOutcome::failure(500, QStringLiteral("Internal server error"))));
        return;
    case Fault::Kind::Http502:
        writeResponse(socket, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>");
        return;
    case Fault::Kind::Http503:
        writeResponse(socket, 503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>",
                      fault.retryAfterSeconds >= 0 ? retryAfter : QList<QPair<QByteArray, QByteArray>>{});
        return;
    case Fault::Kind::TooManyRequests:
        writeResponse(socket, 429, kJson, envelope(ApiOutcome::failure(429, QStringLiteral("Too many requests"))),
                      retryAfter);
        return;
    case Fault::Kind::HtmlPage:
        writeResponse(socket, 200, "text/html; charset=utf-8",
                      "<!DOCTYPE html><html><head><title>Maintenance</title></head>"
                      "<body><h1>We are updating the platform</h1><p>Please come back later.</p></body></html>");
        return;
    case Fault::Kind::TruncatedJson: {
        const QByteArray full
            = envelope(ApiOutcome::success(QJsonObject{{QStringLiteral("status"), QStringLiteral("active")}}));
        writeResponse(socket, 200, kJson, full.left(full.size() / 2));
        return;
    }
    case Fault::Kind::WrongTypes:
        writeResponse(socket, 200, kJson, R"({"data":{"status":42,"id":"seven"},"error":"0","error_text":false})");
        return;
    case Fault::Kind::Oversized: {
        // A syntactically valid envelope padded with a long string, so only its size is wrong.
        const QByteArray head = R"({"data":null,"error":0,"error_text":")";
        const QByteArray tail = R"("})";
        const qint64 pad = std::max<qint64>(0, fault.oversizeBytes - head.size() - tail.size());
        writeResponse(socket, 200, kJson, head + QByteArray(pad, 'x') + tail);
        return;
    }
    case Fault::Kind::Redirect302:
    case Fault::Kind::Redirect307: {
        QUrl target = fault.redirectTo;
        if (target.path().isEmpty() || target.path() == QLatin1String("/"))
            target.setPath(pending.path);
        writeResponse(socket, fault.kind == Fault::Kind::Redirect302 ? 302 : 307, "text/plain", "Moved",
                      {{"Location", target.toEncoded()}});
        return;
    }
    case Fault::Kind::ApiError:
        writeResponse(socket, 200, kJson, envelope(ApiOutcome::failure(fault.apiErrorCode, fault.apiErrorText)));
        return;
    }
}
