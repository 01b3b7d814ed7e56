#pragma once

#include "connectionlimits.h"

#include <QByteArray>
#include <QByteArrayView>

// Follows the bytes of one HTTP/1.1 connection far enough to know where each request starts
// and ends and how big its head and body are, keeping the head (at most maxHeadBytes) but never
// the body. It splits the stream where Qt 6.4's QHttpServerRequest does (leading blank lines
// skipped, the head ends at the first empty line, Content-Length unless chunked), so that the
// emulator can refuse a request before QAbstractHttpServer has buffered it.
class RequestFramer
{
public:
    enum class Verdict {
        Ok,
        HeadTooLarge, // no end of the head within maxHeadBytes
        BodyTooLarge, // Content-Length, a chunk size, or the chunks so far over maxBodyBytes
    };

    // Reads on from where the last call stopped. After a verdict other than Ok the stream
    // makes no sense any more: the caller must stop feeding it.
    Verdict feed(QByteArrayView data, const ConnectionLimits &limits);
    // Some bytes of a request have arrived but not its end.
    bool inRequest() const { return m_state != State::Between; }
    // Back to a request boundary: what comes next is the start of a request.
    void reset();

private:
    enum class State {
        Between, // before a request's first byte (blank lines are skipped there)
        RequestLine,
        Headers,
        Body, // Content-Length bytes to go
        ChunkSize, // the line giving the next chunk's size
        ChunkData,
        ChunkEnd, // the line break after a chunk
        Trailers, // after the last chunk, up to an empty line
        Unframed, // a chunked body we could not follow: counted until the server ends it
    };

    Verdict headerBlockDone(const ConnectionLimits &limits);
    Verdict chunkSizeDone(const ConnectionLimits &limits);
    Verdict countBody(qint64 bytes, const ConnectionLimits &limits);

    State m_state = State::Between;
    QByteArray m_head; // request line and headers of the current request
    qsizetype m_headersStart = 0; // where the header block starts in m_head
    QByteArray m_line; // a chunk-size or trailer line being read
    qint64 m_remaining = 0; // of the body (Body) or of the chunk (ChunkData)
    qint64 m_bodyBytes = 0; // body bytes of the current request so far
};
