#include "altcraftclient.h"

#include "apimethods.h"
#include "campaignactions.h"
#include "campaignlister.h"
#include "logging.h"
#include "responseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <cstring>

namespace {

// The body of a state-changing call. When a connection drops after a request went out, Qt's HTTP
// layer silently sends the request again on a new connection (seen on Qt 6.4 with a server that
// acts and then closes). For activate/deactivate/completed that is a blind second action, so this
// body cannot be rewound: Qt then reports ContentReSendError, classified as ConnectionLost
// (outcome unknown), and the caller decides by reading the status.
class SendOnceBody : public QIODevice
{
public:
    SendOnceBody(const QByteArray &data, QObject *parent) : QIODevice(parent), m_data(data)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        std::memcpy(data, m_data.constData() + m_pos, static_cast<size_t>(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace

void ApiCall::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    if (m_onCancel)
        m_onCancel();
}

AltcraftClient::AltcraftClient(QObject *parent) : AltcraftClient(new QNetworkAccessManager, parent)
{
    m_nam->setParent(this);
}

AltcraftClient::AltcraftClient(QNetworkAccessManager *network, QObject *parent) : QObject(parent), m_nam(network)
{
    Q_ASSERT(network);
    // One thread: pages parse one after another, in the order their replies came.
    m_parsePool.setMaxThreadCount(1);
    m_parsePool.setObjectName(QStringLiteral("list parser"));
}

AltcraftClient::~AltcraftClient() = default;

ApiCall *AltcraftClient::newCall(const QString &method, const QJsonObject &fields, bool isRead, QObject *context,
                                 ApiCall::RawHandler handler)
{
    auto *call = new ApiCall(this);
    call->m_method = method;
    call->m_fields = fields;
    call->m_isRead = isRead;
    call->m_handler = std::move(handler);
    call->m_elapsed.start();
    if (context) {
        // The callback dies with its context: the call ends without calling back.
        connect(context, &QObject::destroyed, call, [this, call] { abandon(call); });
    }
    call->m_onCancel = [this, call] {
        if (call->m_reply) {
            call->m_reply->abort(); // onReplyFinished reports Cancelled
        } else {
            finish(call, {}, ApiError(ApiError::Kind::Cancelled).withMethod(call->m_method));
        }
    };
    return call;
}

ApiCall *AltcraftClient::send(const QString &method, const QJsonObject &fields, bool isRead, QObject *context,
                              ApiCall::RawHandler handler)
{
    ApiCall *call = newCall(method, fields, isRead, context, std::move(handler));
    // Start from the event loop, so a caller can connect to the call before anything happens.
    QMetaObject::invokeMethod(
        this,
        [this, call = QPointer<ApiCall>(call)] {
            if (call && !call->m_finished)
                startAttempt(call);
        },
        Qt::QueuedConnection);
    return call;
}

void AltcraftClient::startAttempt(ApiCall *call)
{
    ++call->m_attempt;
    // The last gate before the wire: whatever asked for it, a read-only account sends no write.
    if (!call->m_isRead && m_readOnly) {
        qCWarning(lcApi) << "refused to send" << call->m_method << "for a read-only account";
        finish(call, {}, ApiError(ApiError::Kind::ReadOnlyAccount).withMethod(call->m_method));
        return;
    }
    QNetworkRequest request = m_factory.createRequest(
        call->m_method, call->m_isRead ? RequestFactory::Effect::Read : RequestFactory::Effect::ChangesState);
    if (request.url().isEmpty()) {
        finish(call, {},
               ApiError(ApiError::Kind::InvalidRequest)
                   .withMethod(call->m_method)
                   .withDetail(QStringLiteral("no valid API URL is set")));
        return;
    }
    const QByteArray body = m_factory.body(call->m_fields);
    QNetworkReply *reply = nullptr;
    if (call->m_isRead) {
        reply = m_nam->post(request, body);
    } else {
        // Streamed, not buffered by Qt, so that Qt cannot re-send it (see SendOnceBody).
        request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *device = new SendOnceBody(body, call);
        reply = m_nam->post(request, device);
        device->setParent(reply); // lives as long as the reply that reads it
    }
    call->m_reply = reply;
    call->m_tooLarge = false;
    const qint64 cap = m_maxResponseBytes;
    connect(reply, &QNetworkReply::downloadProgress, call, [call, reply, cap](qint64 received, qint64 total) {
        if (!call->m_tooLarge && (received > cap || total > cap)) {
            call->m_tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, call, [this, call, reply] { onReplyFinished(call, reply); });
}

void AltcraftClient::onReplyFinished(ApiCall *call, QNetworkReply *reply)
{
    reply->deleteLater();
    call->m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    RawReply raw;
    raw.httpStatus = status;
    raw.body = call->m_tooLarge || !reply->isOpen() ? QByteArray() : reply->readAll();
    raw.retryAfter = reply->rawHeader("Retry-After");
    raw.networkError = reply->error();
    raw.networkErrorString = reply->errorString();
    raw.cancelledByUser = call->m_cancelled;
    raw.tooLarge = call->m_tooLarge;
    raw.maxBytes = m_maxResponseBytes;
    QJsonValue data;
    // A server may echo the token back (in error_text, or a page reflecting the request): it goes
    // no further than here, so nothing parsed from the reply can show, log or store it.
    raw.body = m_factory.redact(raw.body);
    if (call->m_bodyHandler && ResponseParser::envelopeDecides(raw)) {
        // No envelope error is retried, so the reply is settled here and read elsewhere.
        qCDebug(lcApi).nospace() << "POST " << reply->url().path() << " attempt " << call->m_attempt << " -> HTTP "
                                 << status << ", " << raw.body.size() << " bytes to parse, "
                                 << call->m_elapsed.elapsed() << " ms";
        if (!markFinished(call))
            return;
        const auto handler = std::move(call->m_bodyHandler);
        call->m_bodyHandler = nullptr;
        call->m_handler = nullptr;
        if (handler)
            handler(std::move(raw));
        release(call);
        return;
    }
    ApiError error = ResponseParser::classify(raw, &data);
    error.withMethod(call->m_method);

    // Never the body, the token or a query string: method, path, status, code, duration.
    qCDebug(lcApi).nospace() << "POST " << reply->url().path() << " attempt " << call->m_attempt << " -> HTTP "
                             << status << ", API " << error.apiCode() << ", " << ApiError::kindName(error.kind())
                             << ", " << call->m_elapsed.elapsed() << " ms";

    const bool retry = call->m_isRead && !call->m_cancelled && error.isTransient() && call->m_attempt <= m_readRetries;
    if (retry) {
        // Retry-After is a minimum: a precise timer, and one millisecond for the clock's rounding.
        const int backoff = error.retryAfterSeconds() >= 0
            ? error.retryAfterSeconds() * 1000 + 1
            : m_retryBaseDelayMs * (1 << std::min(call->m_attempt - 1, 6));
        if (!call->m_retryTimer) {
            call->m_retryTimer = new QTimer(call);
            call->m_retryTimer->setSingleShot(true);
            call->m_retryTimer->setTimerType(Qt::PreciseTimer);
            connect(call->m_retryTimer, &QTimer::timeout, this, [this, call] { startAttempt(call); });
        }
        call->m_retryTimer->start(std::min(backoff, 30000));
        return;
    }
    finish(call, data, error);
}

bool AltcraftClient::markFinished(ApiCall *call)
{
    if (call->m_finished)
        return false;
    call->m_finished = true;
    if (call->m_retryTimer)
        call->m_retryTimer->stop();
    return true;
}

void AltcraftClient::release(ApiCall *call)
{
    Q_EMIT call->finished();
    call->deleteLater();
}

void AltcraftClient::finish(ApiCall *call, const QJsonValue &data, const ApiError &error)
{
    if (!markFinished(call))
        return;
    const auto handler = std::move(call->m_handler);
    call->m_handler = nullptr;
    call->m_bodyHandler = nullptr;
    if (handler)
        handler(data, error);
    release(call);
}

void AltcraftClient::abandon(ApiCall *call)
{
    call->m_handler = nullptr;
    call->m_bodyHandler = nullptr;
    call->cancel();
}

ApiCall *AltcraftClient::sendForBody(const QString &method, const QJsonObject &fields, ApiCall::RawHandler onError,
                                     ApiCall::BodyHandler onBody)
{
    ApiCall *call = newCall(method, fields, true, nullptr, std::move(onError));
    call->m_bodyHandler = std::move(onBody);
    startAttempt(call);
    return call;
}

ApiCall *AltcraftClient::status(qint64 id, QObject *context, const ApiCallback<CampaignStatus> &done)
{
    return send(ApiMethods::getStatus, {{QStringLiteral("id"), id}}, true, context,
                [done](const QJsonValue &data, const ApiError &error) {
                    ApiResult<CampaignStatus> result{CampaignStatus::Unknown, error};
                    if (error.isNone()) {
                        result = ResponseParser::status(data);
                        result.error.withMethod(ApiMethods::getStatus).withHttpStatus(error.httpStatus());
                    }
                    done(result);
                });
}

ApiCall *AltcraftClient::campaign(qint64 id, QObject *context, const ApiCallback<Campaign> &done)
{
    return send(ApiMethods::get, {{QStringLiteral("id"), id}}, true, context,
                [done, id](const QJsonValue &data, const ApiError &error) {
                    ApiResult<Campaign> result{{}, error};
                    if (error.isNone()) {
                        result = ResponseParser::campaign(data, id);
                        result.error.withMethod(ApiMethods::get).withHttpStatus(error.httpStatus());
                    }
                    done(result);
                });
}

QJsonObject AltcraftClient::actionFields(CampaignAction action, qint64 id, const ActivationSchedule &schedule)
{
    QJsonObject fields{{QStringLiteral("id"), id}};
    if (action == CampaignAction::Activate) {
        // The documentation's parameter table names activate_date, its examples and tip use
        // start_date ("without a date value, the campaign is activated immediately"). Sending
        // both with the same value works whichever one the server reads.
        const QString when = JsonFields::formatTimestamp(schedule.activateAt);
        fields.insert(QStringLiteral("activate_date"), when);
        fields.insert(QStringLiteral("start_date"), when);
        if (schedule.deactivateAt.isValid())
            fields.insert(QStringLiteral("deactivate_date"), JsonFields::formatTimestamp(schedule.deactivateAt));
        if (schedule.completeAt.isValid())
            fields.insert(QStringLiteral("completed_date"), JsonFields::formatTimestamp(schedule.completeAt));
    }
    return fields;
}

ApiCall *AltcraftClient::perform(CampaignAction action, qint64 id, QObject *context, const ApiCallback<Done> &done,
                                 const ActivationSchedule &schedule)
{
    const QJsonObject fields = actionFields(action, id, schedule);
    return send(CampaignActions::apiMethod(action), fields, false, context,
                [done](const QJsonValue &, const ApiError &error) {
                    done({Done{}, error});
                });
}

ApiCall *AltcraftClient::activate(qint64 id, QObject *context, const ApiCallback<Done> &done,
                                  const ActivationSchedule &schedule)
{
    return perform(CampaignAction::Activate, id, context, done, schedule);
}

ApiCall *AltcraftClient::deactivate(qint64 id, QObject *context, const ApiCallback<Done> &done)
{
    return perform(CampaignAction::Deactivate, id, context, done);
}

ApiCall *AltcraftClient::complete(qint64 id, QObject *context, const ApiCallback<Done> &done)
{
    return perform(CampaignAction::Complete, id, context, done);
}

ApiCall *AltcraftClient::listCampaigns(const CampaignFilter &filter, QObject *context,
                                       std::function<void(QList<Campaign> &&)> onPage, ListDone onDone)
{
    // One parent call for the whole listing, so one cancel() ends it all.
    auto *parent = new ApiCall(this);
    parent->m_method = ApiMethods::list;
    auto *lister = new CampaignLister(this, parent, filter, std::move(onPage), std::move(onDone));
    if (context)
        connect(context, &QObject::destroyed, lister, &CampaignLister::detach);
    parent->m_onCancel = [lister] { lister->cancel(); };
    lister->start();
    return parent;
}
