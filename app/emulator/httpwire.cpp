#include "httpwire.h"

#include "jsonwriter.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace HttpWire {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray head(int status, const QByteArray &contentType, qsizetype bodySize, const Headers &extra)
{
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        bytes += "Content-Type: " + contentType + "\r\n";
    bytes += "Content-Length: " + QByteArray::number(bodySize) + "\r\n";
    for (const auto &h : extra)
        bytes += h.first + ": " + h.second + "\r\n";
    bytes += "\r\n";
    return bytes;
}

QByteArray envelope(ApiOutcome outcome)
{
    // The data is moved up within its own buffer to make room for the head: copying it into a new
    // buffer cost more than writing it had, in page faults on memory touched for the first time.
    constexpr QByteArrayView head = R"({"data":)";
    QByteArray bytes = std::move(outcome.dataJson);
    const qsizetype dataSize = bytes.size();
    bytes.reserve(head.size() + dataSize + 6 * outcome.errorText.size() + 40);
    bytes.resize(head.size() + dataSize);
    std::memmove(bytes.data() + head.size(), bytes.constData(), dataSize);
    std::memcpy(bytes.data(), head.data(), head.size());
    JsonWriter w(bytes, JsonWriter::Start::AfterValue);
    w.key("error"_L1);
    w.number(outcome.error);
    w.key("error_text"_L1);
    w.string(outcome.errorText);
    w.endObject();
    return bytes;
}

} // namespace HttpWire
