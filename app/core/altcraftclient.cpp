#include "altcraftclient.h"

#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <cstring>

namespace {

struct Envelope {
    QJsonValue data;
    int code = 0;
    QString text;
};

// Strict about the envelope: a JSON object with an integer "error"; "error_text", when present,
// must be a string. Anything else means we are not talking to the Altcraft API.
std::optional<Envelope> parseEnvelope(const QByteArray &body, QString *why)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray start = body.left(40).simplified();
        *why = QStringLiteral("not JSON (%1 at offset %2); it starts with: %3")
                   .arg(parseError.errorString()).arg(parseError.offset).arg(QString::fromUtf8(start));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *why = QStringLiteral("the JSON is not an object");
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    const auto code = JsonFields::toInteger(o.value(QStringLiteral("error")));
    if (!code) {
        *why = QStringLiteral("the field 'error' is missing or not an integer");
        return std::nullopt;
    }
    const QJsonValue text = o.value(QStringLiteral("error_text"));
    if (!text.isUndefined() && !text.isNull() && !text.isString()) {
        *why = QStringLiteral("the field 'error_text' is not a string");
        return std::nullopt;
    }
    return Envelope{o.value(QStringLiteral("data")), static_cast<int>(*code), text.toString()};
}

int retryAfterSeconds(const QNetworkReply *reply)
{
    const QByteArray value = reply->rawHeader("Retry-After").trimmed();
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = value.toInt(&ok);
    if (ok)
        return std::max(0, seconds);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    return when.isValid() ? static_cast<int>(std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when))) : -1;
}

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

std::optional<Campaign> campaignFrom(const QJsonValue &value, QString *why)
{
    if (!value.isObject()) {
        *why = QStringLiteral("a campaign is not a JSON object");
        return std::nullopt;
    }
    return Campaign::fromJson(value.toObject(), why);
}

} // namespace

void ApiCall::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    if (m_onCancel)
        m_onCancel();
}

AltcraftClient::AltcraftClient(QObject *parent)
    : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
}

AltcraftClient::~AltcraftClient() = default;

ApiCall *AltcraftClient::send(const QString &method, const QJsonObject &fields, bool isRead,
                              QObject *context, ApiCall::RawHandler handler)
{
    auto *call = new ApiCall(this);
    call->m_method = method;
    call->m_fields = fields;
    call->m_isRead = isRead;
    call->m_handler = std::move(handler);
    call->m_context = context;
    call->m_elapsed.start();
    if (context) {
        // The callback dies with its context: the call ends without calling back.
        connect(context, &QObject::destroyed, call, [call] {
            call->m_handler = nullptr;
            call->cancel();
        });
    }
    call->m_onCancel = [this, call] {
        if (call->m_reply) {
            call->m_reply->abort();  // onReplyFinished reports Cancelled
        } else {
            finish(call, {}, ApiError(ApiError::Kind::Cancelled).withMethod(call->m_method));
        }
    };
    // Start from the event loop, so a caller can connect to the call before anything happens.
    QMetaObject::invokeMethod(this, [this, call = QPointer<ApiCall>(call)] {
        if (call && !call->m_finished)
            startAttempt(call);
    }, Qt::QueuedConnection);
    return call;
}

void AltcraftClient::startAttempt(ApiCall *call)
{
    ++call->m_attempt;
    QNetworkRequest request = m_factory.createRequest(call->m_method);
    if (request.url().isEmpty()) {
        finish(call, {}, ApiError(ApiError::Kind::InvalidRequest).withMethod(call->m_method)
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
        device->setParent(reply);  // lives as long as the reply that reads it
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
    const QByteArray body = call->m_tooLarge || !reply->isOpen() ? QByteArray() : reply->readAll();

    QJsonValue data;
    ApiError error;
    QString why;
    if (call->m_tooLarge) {
        error = ApiError::tooLarge(m_maxResponseBytes);
    } else if (status != 0 && (status < 200 || status >= 300)) {
        const auto envelope = parseEnvelope(body, &why);
        error = ApiError::fromHttpStatus(status, envelope ? envelope->code : 0,
                                         envelope ? envelope->text : QString(), retryAfterSeconds(reply));
    } else if (reply->error() != QNetworkReply::NoError) {
        error = ApiError::fromNetworkError(reply->error(), reply->errorString(), call->m_cancelled);
    } else if (const auto envelope = parseEnvelope(body, &why)) {
        if (envelope->code != 0)
            error = ApiError::fromApiCode(envelope->code, envelope->text);
        data = envelope->data;
    } else {
        error = ApiError::malformed(why);
    }
    error.withMethod(call->m_method);
    if (status)
        error.withHttpStatus(status);

    // Never the body, the token or a query string: method, path, status, code, duration.
    qCDebug(lcApi).nospace() << "POST " << reply->url().path() << " attempt " << call->m_attempt
                             << " -> HTTP " << status << ", API " << error.apiCode() << ", "
                             << ApiError::kindName(error.kind()) << ", " << call->m_elapsed.elapsed() << " ms";

    const bool retry = call->m_isRead && !call->m_cancelled && error.isTransient()
                       && call->m_attempt <= m_readRetries;
    if (retry) {
        const int backoff = error.retryAfterSeconds() >= 0
                                ? error.retryAfterSeconds() * 1000
                                : m_retryBaseDelayMs * (1 << std::min(call->m_attempt - 1, 6));
        if (!call->m_retryTimer) {
            call->m_retryTimer = new QTimer(call);
            call->m_retryTimer->setSingleShot(true);
            connect(call->m_retryTimer, &QTimer::timeout, this, [this, call] { startAttempt(call); });
        }
        call->m_retryTimer->start(std::min(backoff, 30000));
        return;
    }
    finish(call, data, error);
}

void AltcraftClient::finish(ApiCall *call, const QJsonValue &data, const ApiError &error)
{
    if (call->m_finished)
        return;
    call->m_finished = true;
    if (call->m_retryTimer)
        call->m_retryTimer->stop();
    const auto handler = std::move(call->m_handler);
    call->m_handler = nullptr;
    if (handler)
        handler(data, error);
    Q_EMIT call->finished();
    call->deleteLater();
}

ApiCall *AltcraftClient::status(qint64 id, QObject *context, ApiCallback<CampaignStatus> done)
{
    return send(QStringLiteral("get_status"), {{QStringLiteral("id"), id}}, true, context,
                [done](const QJsonValue &data, const ApiError &error) {
        ApiResult<CampaignStatus> result{CampaignStatus::Unknown, error};
        if (error.isNone()) {
            const QJsonValue s = data.toObject().value(QStringLiteral("status"));
            if (s.isString())
                result.value = CampaignStatuses::fromApiString(s.toString());
            else
                result.error = ApiError::malformed(QStringLiteral("get_status: 'data.status' is missing or not a string"))
                                   .withMethod(QStringLiteral("get_status")).withHttpStatus(error.httpStatus());
        }
        done(result);
    });
}

ApiCall *AltcraftClient::campaign(qint64 id, QObject *context, ApiCallback<Campaign> done)
{
    return send(QStringLiteral("get"), {{QStringLiteral("id"), id}}, true, context,
                [done, id](const QJsonValue &data, const ApiError &error) {
        ApiResult<Campaign> result{{}, error};
        if (error.isNone()) {
            // The documentation returns an array holding the one campaign; accept a bare object too.
            const QJsonValue item = data.isArray() ? data.toArray().at(0) : data;
            QString why;
            if (auto c = campaignFrom(item, &why)) {
                if (c->id == id)
                    result.value = *c;
                else
                    result.error = ApiError::malformed(QStringLiteral("get: asked for campaign %1, got %2").arg(id).arg(c->id));
            } else {
                result.error = ApiError::malformed(QStringLiteral("get: ") + why);
            }
            result.error.withMethod(QStringLiteral("get")).withHttpStatus(error.httpStatus());
        }
        done(result);
    });
}

ApiCall *AltcraftClient::perform(CampaignAction action, qint64 id, QObject *context,
                                 ApiCallback<Done> done, const ActivationSchedule &schedule)
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
    return send(CampaignStatuses::apiMethod(action), fields, false, context,
                [done](const QJsonValue &, const ApiError &error) { done({Done{}, error}); });
}

ApiCall *AltcraftClient::activate(qint64 id, QObject *context, ApiCallback<Done> done,
                                  const ActivationSchedule &schedule)
{
    return perform(CampaignAction::Activate, id, context, std::move(done), schedule);
}

ApiCall *AltcraftClient::deactivate(qint64 id, QObject *context, ApiCallback<Done> done)
{
    return perform(CampaignAction::Deactivate, id, context, std::move(done));
}

ApiCall *AltcraftClient::complete(qint64 id, QObject *context, ApiCallback<Done> done)
{
    return perform(CampaignAction::Complete, id, context, std::move(done));
}

ApiCall *AltcraftClient::listCampaigns(const CampaignFilter &filter, QObject *context,
                                       std::function<void(const QList<Campaign> &)> onPage,
                                       std::function<void(const ApiError &, qsizetype)> onDone)
{
    // The list is a chain of page calls under one parent call, so one cancel() ends it all.
    auto *parent = new ApiCall(this);
    parent->m_method = QStringLiteral("list");
    parent->m_context = context;
    auto pageHandler = std::make_shared<std::function<void(const QList<Campaign> &)>>(std::move(onPage));
    auto doneHandler = std::make_shared<std::function<void(const ApiError &, qsizetype)>>(std::move(onDone));
    if (context) {
        connect(context, &QObject::destroyed, parent, [parent, pageHandler, doneHandler] {
            *pageHandler = nullptr;
            *doneHandler = nullptr;
            parent->cancel();
        });
    }
    parent->m_onCancel = [parent] {
        if (parent->m_child)
            parent->m_child->cancel();
    };
    fetchPage(parent, filter, 0, pageHandler, doneHandler);
    return parent;
}

void AltcraftClient::fetchPage(ApiCall *parent, CampaignFilter filter, qsizetype total,
                               std::shared_ptr<std::function<void(const QList<Campaign> &)>> onPage,
                               std::shared_ptr<std::function<void(const ApiError &, qsizetype)>> onDone)
{
    auto end = [this, parent, onDone](const ApiError &error, qsizetype count) {
        if (*onDone)
            (*onDone)(error, count);
        finish(parent, {}, error);
    };
    QJsonObject fields{{QStringLiteral("from_id"), filter.fromId}, {QStringLiteral("limit"), filter.pageSize}};
    if (!filter.state.isEmpty())
        fields.insert(QStringLiteral("state"), filter.state);
    if (!filter.tags.isEmpty())
        fields.insert(QStringLiteral("ui_tags"), QJsonArray::fromStringList(filter.tags));
    if (!filter.groups.isEmpty())
        fields.insert(QStringLiteral("groups"), QJsonArray::fromStringList(filter.groups));
    if (!filter.groupIds.isEmpty()) {
        QJsonArray ids;
        for (qint64 id : filter.groupIds)
            ids.append(id);
        fields.insert(QStringLiteral("groups_id"), ids);
    }
    parent->m_child = send(QStringLiteral("list"), fields, true, nullptr,
                           [this, parent, filter, total, onPage, onDone, end](const QJsonValue &data, const ApiError &error) mutable {
        if (parent->m_cancelled && error.isNone())
            return end(ApiError(ApiError::Kind::Cancelled).withMethod(QStringLiteral("list")), total);
        if (!error.isNone())
            return end(error, total);
        const int status = error.httpStatus();
        if (!data.isArray())
            return end(ApiError::malformed(QStringLiteral("list: 'data' is not an array")).withMethod(QStringLiteral("list")).withHttpStatus(status), total);
        const QJsonArray items = data.toArray();
        QList<Campaign> page;
        page.reserve(items.size());
        qint64 lastId = filter.fromId - 1;
        for (const QJsonValue &item : items) {
            QString why;
            auto c = campaignFrom(item, &why);
            if (!c)
                return end(ApiError::malformed(QStringLiteral("list: ") + why).withMethod(QStringLiteral("list")).withHttpStatus(status), total);
            // Keyset pagination must move forward; a server that repeats or goes back would
            // otherwise keep us looping for ever.
            if (c->id <= lastId)
                return end(ApiError::malformed(QStringLiteral("list: campaign %1 came after %2; the server does not advance the pages")
                                                   .arg(c->id).arg(lastId)).withMethod(QStringLiteral("list")).withHttpStatus(status), total);
            lastId = c->id;
            page.append(std::move(*c));
        }
        total += page.size();
        if (!page.isEmpty() && *onPage)
            (*onPage)(page);
        // The page callback may have cancelled the listing: ask for no further page.
        if (parent->m_cancelled)
            return end(ApiError(ApiError::Kind::Cancelled).withMethod(QStringLiteral("list")), total);
        // An empty page ends the listing too: asking again from the same ID would loop for ever.
        if (items.isEmpty() || items.size() < filter.pageSize)
            return end(ApiError(), total);
        filter.fromId = lastId + 1;
        fetchPage(parent, filter, total, onPage, onDone);
    });
}
