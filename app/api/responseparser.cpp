#include "responseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <climits>

namespace {

// A server asking us to wait longer than a day is treated as asking for a day.
constexpr qint64 kMaxRetryAfterSeconds = qint64{24} * 3600;

std::optional<Campaign> campaignFrom(const QJsonValue &value, QString *why, CampaignValuePools *pools = nullptr)
{
    if (!value.isObject()) {
        *why = QStringLiteral("a campaign is not a JSON object");
        return std::nullopt;
    }
    return Campaign::fromJson(value.toObject(), why, pools);
}

// parseEnvelope() turns bytes that are not UTF-8 into U+FFFD; a campaign holding one is damaged.
bool hasDamagedText(const Campaign &c)
{
    const QChar replacement(QChar::ReplacementCharacter);
    if (c.name.contains(replacement) || c.description.contains(replacement) || c.statusText.contains(replacement)
        || c.updatedUser.contains(replacement))
        return true;
    return std::any_of(c.tags.cbegin(), c.tags.cend(), [&](const QString &t) { return t.contains(replacement); });
}

} // namespace

std::optional<ResponseParser::Envelope> ResponseParser::parseEnvelope(const QByteArray &body, QString *why)
{
    QJsonParseError parseError{};
    QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::IllegalUTF8String)
        doc = QJsonDocument::fromJson(QString::fromUtf8(body).toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray start = body.left(40).simplified();
        *why = QStringLiteral("not JSON (%1 at offset %2); it starts with: %3")
                   .arg(parseError.errorString())
                   .arg(parseError.offset)
                   .arg(QString::fromUtf8(start));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *why = QStringLiteral("the JSON is not an object");
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    const auto code = JsonFields::toInteger(o.value(QStringLiteral("error")));
    if (!code || *code < INT_MIN || *code > INT_MAX) {
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

int ResponseParser::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok)
        return static_cast<int>(std::clamp<qint64>(seconds, 0, kMaxRetryAfterSeconds));
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::RFC2822Date);
    return when.isValid() ? static_cast<int>(std::clamp<qint64>(now.secsTo(when), 0, kMaxRetryAfterSeconds)) : -1;
}

bool ResponseParser::envelopeDecides(const RawReply &r)
{
    return !r.tooLarge && (r.httpStatus == 0 || (r.httpStatus >= 200 && r.httpStatus < 300))
        && r.networkError == QNetworkReply::NoError;
}

ApiError ResponseParser::classify(const RawReply &r, QJsonValue *data)
{
    QString why;
    ApiError error;
    if (r.tooLarge) {
        error = ApiError::tooLarge(r.maxBytes);
    } else if (r.httpStatus != 0 && (r.httpStatus < 200 || r.httpStatus >= 300)) {
        const auto envelope = parseEnvelope(r.body, &why);
        error = ApiError::fromHttpStatus(r.httpStatus, envelope ? envelope->code : 0,
                                         envelope ? envelope->text : QString(), parseRetryAfter(r.retryAfter));
    } else if (r.networkError != QNetworkReply::NoError) {
        error = ApiError::fromNetworkError(r.networkError, r.networkErrorString, r.cancelledByUser);
    } else if (const auto envelope = parseEnvelope(r.body, &why)) {
        if (envelope->code != 0)
            error = ApiError::fromApiCode(envelope->code, envelope->text);
        else if (data)
            *data = envelope->data;
    } else {
        error = ApiError::malformed(why);
    }
    if (r.httpStatus)
        error.withHttpStatus(r.httpStatus);
    return error;
}

ApiResult<CampaignStatus> ResponseParser::status(const QJsonValue &data)
{
    const QJsonValue s = data.toObject().value(QStringLiteral("status"));
    if (!s.isString())
        return {CampaignStatus::Unknown,
                ApiError::malformed(QStringLiteral("get_status: 'data.status' is missing or not a string"))};
    return {CampaignStatuses::fromApiString(s.toString()), ApiError()};
}

ApiResult<Campaign> ResponseParser::campaign(const QJsonValue &data, qint64 expectedId)
{
    // The documentation returns an array holding the one campaign; accept a bare object too.
    const QJsonValue item = data.isArray() ? data.toArray().at(0) : data;
    QString why;
    auto c = campaignFrom(item, &why);
    if (!c)
        return {{}, ApiError::malformed(QStringLiteral("get: ") + why)};
    if (c->id != expectedId)
        return {{},
                ApiError::malformed(QStringLiteral("get: asked for campaign %1, got %2").arg(expectedId).arg(c->id))};
    return {*c, ApiError()};
}

ApiResult<ListPage> ResponseParser::page(const QJsonValue &data, qint64 fromId, CampaignValuePools *pools)
{
    if (!data.isArray())
        return {{}, ApiError::malformed(QStringLiteral("list: 'data' is not an array"))};
    const QJsonArray items = data.toArray();
    ListPage page;
    page.received = items.size();
    page.campaigns.reserve(items.size());
    page.lastId = fromId - 1;
    auto skip = [&page](const QString &why) {
        ++page.skipped;
        if (page.skipReasons.size() < ListPage::kMaxReasons)
            page.skipReasons << why;
    };
    CampaignValuePools pagePools; // at least a page's campaigns share their users, tags and groups
    if (!pools)
        pools = &pagePools;
    for (const auto &item : items) {
        QString why;
        auto c = campaignFrom(item, &why, pools);
        if (c && hasDamagedText(*c)) {
            why = QStringLiteral("campaign %1: its text is not valid UTF-8").arg(c->id);
            c.reset();
        }
        if (!c) {
            skip(why);
            // The ID orders the pages even when the rest of the item is unreadable.
            const auto rawId = JsonFields::toInteger(item.toObject().value(QStringLiteral("id")));
            if (rawId && *rawId > page.lastId)
                page.lastId = *rawId;
            continue;
        }
        // Keyset pagination must move forward; a server that repeats or goes back would
        // otherwise keep us looping for ever.
        if (c->id <= page.lastId)
            return {{},
                    ApiError::malformed(
                        QStringLiteral("list: campaign %1 came after %2; the server does not advance the pages")
                            .arg(c->id)
                            .arg(page.lastId))};
        page.lastId = c->id;
        page.campaigns.append(std::move(*c));
    }
    return {page, ApiError()};
}

ListPage ResponseParser::pageExtent(const QJsonValue &data, qint64 fromId)
{
    ListPage extent;
    extent.lastId = fromId - 1;
    if (!data.isArray())
        return extent;
    const QJsonArray items = data.toArray();
    extent.received = items.size();
    // page() fails only on an array that is not one, or on a campaign whose ID does not exceed
    // every ID before it. With every ID increasing it cannot fail, and its lastId is the last ID.
    qint64 last = fromId - 1;
    for (const auto &item : items) {
        const auto id = JsonFields::toInteger(item.toObject().value(QLatin1StringView("id")));
        if (!id)
            continue; // not a campaign: page() skips it
        if (*id <= last)
            return extent; // page() decides
        last = *id;
    }
    extent.lastId = last;
    return extent;
}
