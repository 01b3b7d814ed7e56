#pragma once

#include "apiresult.h"
#include "campaign.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QNetworkReply>

// Everything the client learned from one HTTP exchange, before interpretation.
struct RawReply {
    int httpStatus = 0; // 0: no HTTP answer
    QByteArray body;
    QByteArray retryAfter; // the Retry-After header, raw
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorString;
    bool cancelledByUser = false;
    bool tooLarge = false;
    qint64 maxBytes = 0;
};

// One page of scampaigns/list as read: the campaigns that could be read, and a count of the
// items that could not (with why), so one bad item never hides the others.
struct ListPage {
    QList<Campaign> campaigns;
    qsizetype received = 0; // items the server sent, readable or not
    qint64 lastId = 0; // the highest ID seen in order, readable campaign or not: the next page follows it
    int skipped = 0;
    QStringList skipReasons; // the first few, for a person

    static constexpr int kMaxReasons = 5;
};

// From raw bytes to typed results and classified errors, with no network in sight: the client
// uses it for every reply, and the fuzzer feeds it hostile input (tests/fuzz).
class ResponseParser
{
public:
    struct Envelope {
        QJsonValue data;
        int code = 0;
        QString text;
    };

    // Strict: a JSON object with an integer "error"; "error_text", when present, a string.
    // Bytes that are not UTF-8 become U+FFFD rather than failing the whole answer: one damaged
    // name must not hide a list (page() then skips the items that hold them).
    static std::optional<Envelope> parseEnvelope(const QByteArray &body, QString *why);
    // Seconds, or an HTTP date; -1 when absent or unreadable.
    static int parseRetryAfter(const QByteArray &value, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Classifies in the documented order: HTTP status, then network error, then the envelope.
    // On success, *data receives the envelope's data.
    static ApiError classify(const RawReply &reply, QJsonValue *data);
    // True when classify() would read the envelope alone: the reply is within the cap, its HTTP
    // status (if any) a success and the transport reports no error.
    static bool envelopeDecides(const RawReply &reply);

    static ApiResult<CampaignStatus> status(const QJsonValue &data);
    static ApiResult<Campaign> campaign(const QJsonValue &data, qint64 expectedId);
    // A list page must hold campaigns with strictly increasing IDs from fromId on. Items that
    // are not readable campaigns (a negative or huge ID, a missing name, damaged text) are
    // skipped and counted; a page that goes backwards is an error, since paging could loop.
    // With pools, the campaigns share repeating values with every campaign parsed with the same
    // pools (a listing passes one set for all its pages).
    static ApiResult<ListPage> page(const QJsonValue &data, qint64 fromId, CampaignValuePools *pools = nullptr);
    // received and lastId as page() will give them, from the IDs alone: enough to ask for the
    // next page before the campaigns are read. Only when every ID exceeds the one before (so
    // page() cannot fail); otherwise lastId stays fromId - 1, as if the page did not advance.
    static ListPage pageExtent(const QJsonValue &data, qint64 fromId);
};
