// libFuzzer target: a server's reply, from raw bytes to typed results and classified errors.
// The first byte picks the HTTP status, the second which typed reading follows; the rest is the
// body (and, for 429/503, also the Retry-After header). ListPageReader, the list's fast path, is held
// to the general path on every body.
#include "listpagereader.h"
#include "responseparser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static constexpr int kStatuses[] = {200, 200, 200, 204, 302, 400, 401, 403, 404, 429, 500, 502, 503, 0};
    if (size < 2)
        return 0;
    RawReply raw;
    raw.httpStatus = kStatuses[data[0] % std::size(kStatuses)];
    raw.body = QByteArray(reinterpret_cast<const char *>(data + 2), static_cast<qsizetype>(size - 2));
    if (raw.httpStatus == 429 || raw.httpStatus == 503)
        raw.retryAfter = raw.body.left(32);
    if (raw.httpStatus == 0)
        raw.networkError = QNetworkReply::RemoteHostClosedError;

    QJsonValue value;
    const ApiError error = ResponseParser::classify(raw, &value);
    // Every error can be shown: a message and details, whatever the bytes were.
    if (!error.isNone() && (error.message().isEmpty() || error.details().isEmpty()))
        std::abort();
    if (error.isNone() && (raw.httpStatus < 200 || raw.httpStatus >= 300))
        std::abort();
    // The list's fast path reads a page only when it reads it exactly as the general path does.
    if (ResponseParser::envelopeDecides(raw)) {
        if (const auto extent = ListPageReader::extent(raw.body, 1)) {
            const auto general = ResponseParser::page(value, 1);
            if (!error.isNone() || !general.ok() || general.value.received != extent->received
                || general.value.lastId != extent->lastId)
                std::abort();
        }
        if (const auto plain = ListPageReader().read(raw.body, 1)) {
            if (!error.isNone())
                std::abort();
            const auto general = ResponseParser::page(value, 1);
            if (!general.ok() || general.value.skipped != 0 || general.value.received != plain->received
                || general.value.lastId != plain->lastId || general.value.campaigns != plain->campaigns)
                std::abort();
        }
    }
    if (!error.isNone())
        return 0;
    switch (data[1] % 3) {
    case 0: {
        const auto page = ResponseParser::page(value, 1);
        qint64 last = 0;
        for (const Campaign &c : page.value.campaigns) {
            if (c.id <= last) // the guard against servers that do not advance
                std::abort();
            last = c.id;
        }
        // Every item is either a campaign or counted as skipped; the next page starts past both.
        if (page.ok() && page.value.campaigns.size() + page.value.skipped != page.value.received)
            std::abort();
        if (page.ok() && !page.value.campaigns.isEmpty() && page.value.lastId < last)
            std::abort();
        break;
    }
    case 1:
        (void)ResponseParser::campaign(value, 42);
        break;
    default:
        (void)ResponseParser::status(value);
        break;
    }
    return 0;
}
