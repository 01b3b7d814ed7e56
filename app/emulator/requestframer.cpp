#include "requestframer.h"

#include <QList>

namespace {

// A chunk-size or trailer line longer than this is not one we can follow.
constexpr qsizetype kMaxChunkLine = 1024;

bool isLeadingBlank(char c)
{
    return c == '\v' || c == '\n' || c == '\r' || c == ' ' || c == '\t';
}

// The value of the first header called name (case-insensitive), trimmed; null when absent.
QByteArray firstHeader(QByteArrayView block, QByteArrayView name, bool *found)
{
    *found = false;
    for (QByteArrayView line : QByteArray::fromRawData(block.data(), block.size()).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        if (line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0) {
            *found = true;
            return line.sliced(colon + 1).trimmed().toByteArray();
        }
    }
    return {};
}

bool anyHeaderContains(QByteArrayView block, QByteArrayView name, QByteArrayView needle)
{
    for (QByteArrayView line : QByteArray::fromRawData(block.data(), block.size()).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon >= 0 && line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0
            && line.sliced(colon + 1).toByteArray().toLower().contains(needle))
            return true;
    }
    return false;
}

} // namespace

void RequestFramer::reset()
{
    m_state = State::Between;
    m_head.clear();
    m_headersStart = 0;
    m_line.clear();
    m_remaining = 0;
    m_bodyBytes = 0;
}

RequestFramer::Verdict RequestFramer::feed(QByteArrayView data, const ConnectionLimits &limits)
{
    qsizetype i = 0;
    while (i < data.size()) {
        switch (m_state) {
        case State::Between:
            if (isLeadingBlank(data[i])) {
                ++i;
                break;
            }
            m_state = State::RequestLine;
            [[fallthrough]];
        case State::RequestLine:
        case State::Headers: {
            const char c = data[i++];
            if (m_head.size() >= limits.maxHeadBytes)
                return Verdict::HeadTooLarge;
            m_head.append(c);
            if (c != '\n')
                break;
            if (m_state == State::RequestLine) {
                m_state = State::Headers;
                m_headersStart = m_head.size();
                break;
            }
            // As Qt: the block ends with an empty line, or is nothing but one.
            const QByteArrayView block = QByteArrayView(m_head).sliced(m_headersStart);
            if (block.endsWith("\n\r\n") || block.endsWith("\n\n") || block == "\r\n" || block == "\n") {
                if (const Verdict v = headerBlockDone(limits); v != Verdict::Ok)
                    return v;
            }
            break;
        }
        case State::Body: {
            const qint64 n = std::min<qint64>(m_remaining, data.size() - i);
            i += n;
            m_remaining -= n;
            if (m_remaining == 0)
                reset();
            break;
        }
        case State::ChunkSize:
        case State::Trailers: {
            const char c = data[i++];
            if (c != '\n') {
                if (m_line.size() >= kMaxChunkLine)
                    m_state = State::Unframed;
                else
                    m_line.append(c);
                break;
            }
            if (m_state == State::ChunkSize) {
                if (const Verdict v = chunkSizeDone(limits); v != Verdict::Ok)
                    return v;
            } else if (m_line.trimmed().isEmpty()) {
                reset();
            }
            m_line.clear();
            break;
        }
        case State::ChunkData: {
            const qint64 n = std::min<qint64>(m_remaining, data.size() - i);
            i += n;
            m_remaining -= n;
            if (m_remaining == 0)
                m_state = State::ChunkEnd;
            break;
        }
        case State::ChunkEnd:
            if (data[i++] == '\n')
                m_state = State::ChunkSize;
            break;
        case State::Unframed: {
            const qint64 n = data.size() - i;
            i += n;
            // Framing bytes count too here, hence the head's allowance on top of the cap.
            if (m_bodyBytes + n > limits.maxBodyBytes + limits.maxHeadBytes)
                return Verdict::BodyTooLarge;
            m_bodyBytes += n;
            break;
        }
        }
    }
    return Verdict::Ok;
}

RequestFramer::Verdict RequestFramer::headerBlockDone(const ConnectionLimits &limits)
{
    const QByteArrayView block = QByteArrayView(m_head).sliced(m_headersStart);
    // Chunked wins over Content-Length, as in Qt.
    if (anyHeaderContains(block, "transfer-encoding", "chunked")) {
        m_state = State::ChunkSize;
        m_line.clear();
        return Verdict::Ok;
    }
    bool found = false;
    const QByteArray value = firstHeader(block, "content-length", &found);
    bool ok = false;
    const qulonglong length = found ? value.toULongLong(&ok) : 0;
    if (!ok || length == 0) {
        reset(); // no body (Qt reads none for a Content-Length it cannot parse either)
        return Verdict::Ok;
    }
    if (length > static_cast<qulonglong>(limits.maxBodyBytes))
        return Verdict::BodyTooLarge;
    m_state = State::Body;
    m_remaining = static_cast<qint64>(length);
    m_bodyBytes = m_remaining;
    return Verdict::Ok;
}

RequestFramer::Verdict RequestFramer::chunkSizeDone(const ConnectionLimits &limits)
{
    QByteArray text = m_line;
    if (const qsizetype semicolon = text.indexOf(';'); semicolon >= 0)
        text.truncate(semicolon); // a chunk extension
    text = text.trimmed();
    if (text.isEmpty())
        return Verdict::Ok; // a blank line before the size: Qt skips those too
    bool ok = false;
    const qlonglong size = text.toLongLong(&ok, 16);
    if (!ok || size < 0) {
        m_state = State::Unframed;
        return Verdict::Ok;
    }
    if (size == 0) {
        m_state = State::Trailers;
        return Verdict::Ok;
    }
    if (const Verdict v = countBody(size, limits); v != Verdict::Ok)
        return v;
    m_state = State::ChunkData;
    m_remaining = size;
    return Verdict::Ok;
}

RequestFramer::Verdict RequestFramer::countBody(qint64 bytes, const ConnectionLimits &limits)
{
    if (bytes > limits.maxBodyBytes - m_bodyBytes)
        return Verdict::BodyTooLarge;
    m_bodyBytes += bytes;
    return Verdict::Ok;
}
