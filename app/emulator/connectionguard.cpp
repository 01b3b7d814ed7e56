#include "connectionguard.h"

#include "apioutcome.h"
#include "httpwire.h"

#include <QTcpSocket>

#include <sys/socket.h>

namespace {
// How long a refused connection goes on reading (and dropping) what the client still sends.
constexpr int kLingerMs = 2000;
} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits)
    : QObject(socket), m_socket(socket), m_limits(limits)
{
    for (QTimer *timer : {&m_requestTimer, &m_idleTimer, &m_lingerTimer})
        timer->setSingleShot(true);
    connect(&m_requestTimer, &QTimer::timeout, this, &ConnectionGuard::requestTimedOut);
    connect(&m_idleTimer, &QTimer::timeout, m_socket, &QAbstractSocket::disconnectFromHost);
    connect(&m_lingerTimer, &QTimer::timeout, m_socket, &QAbstractSocket::abort);
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::readBeforeServer);
    updateTimers(); // the clock for the first request starts now
}

void ConnectionGuard::followServer()
{
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::readAfterServer);
}

void ConnectionGuard::requestDispatched()
{
    ++m_dispatched;
    ++m_outstanding;
    m_dispatchedInThisRead = true;
}

void ConnectionGuard::requestAnswered()
{
    if (m_outstanding > 0)
        --m_outstanding;
    updateTimers();
}

// The server reads every byte it has each time, except what follows a request it has just
// handled, which it reads on a later readyRead. m_seen keeps the framer from reading that twice.
void ConnectionGuard::readBeforeServer()
{
    const qint64 available = m_socket->bytesAvailable();
    m_seen = std::min(m_seen, available);
    if (available == m_seen)
        return;
    const QByteArray unread = m_socket->peek(available);
    const QByteArrayView fresh = QByteArrayView(unread).sliced(m_seen);
    m_seen = available;
    switch (m_framer.feed(fresh, m_limits)) {
    case RequestFramer::Verdict::Ok:
        return;
    case RequestFramer::Verdict::HeadTooLarge:
        refuse(431,
               QStringLiteral("Request header fields too large: request line and headers may have at most %1 bytes")
                   .arg(m_limits.maxHeadBytes));
        return;
    case RequestFramer::Verdict::BodyTooLarge:
        refuse(
            413,
            QStringLiteral("Payload too large: a request body may have at most %1 bytes").arg(m_limits.maxBodyBytes));
        return;
    }
}

void ConnectionGuard::readAfterServer()
{
    if (m_dispatchedInThisRead) {
        // The server ended a request here: start again from its boundary, whatever the framer
        // made of the bytes after it (the server reads those on its next readyRead, and so will
        // the framer), so that the two can never drift apart for more than one request.
        m_dispatchedInThisRead = false;
        m_framer.reset();
        m_seen = 0;
    } else {
        m_seen = m_socket->bytesAvailable();
    }
    updateTimers();
}

void ConnectionGuard::updateTimers()
{
    if (m_refused)
        return;
    const bool awaitingRequest = m_framer.inRequest() || m_dispatched == 0;
    if (!awaitingRequest)
        m_requestTimer.stop();
    else if (!m_requestTimer.isActive())
        m_requestTimer.start(m_limits.requestTimeoutMs); // not restarted by later bytes
    const bool idle = !awaitingRequest && m_outstanding == 0;
    if (!idle)
        m_idleTimer.stop();
    else if (!m_idleTimer.isActive())
        m_idleTimer.start(m_limits.idleTimeoutMs);
}

void ConnectionGuard::requestTimedOut()
{
    if (!m_framer.inRequest()) {
        m_socket->disconnectFromHost(); // connected and never said a word: nothing to answer
        return;
    }
    refuse(408, QStringLiteral("Request timeout: no complete request within %1 ms").arg(m_limits.requestTimeoutMs));
}

void ConnectionGuard::refuse(int status, const QString &text)
{
    m_refused = true;
    m_requestTimer.stop();
    m_idleTimer.stop();
    // From here on every byte is ours to drop: the http server must not buffer another one.
    QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(m_socket->bytesAvailable());
    connect(m_socket, &QIODevice::readyRead, this, [this] { m_socket->skip(m_socket->bytesAvailable()); });
    connect(m_socket, &QIODevice::bytesWritten, this, &ConnectionGuard::shutDownWhenWritten);

    const QByteArray body = HttpWire::envelope(ApiOutcome::failure(status, text));
    m_socket->write(HttpWire::head(status, HttpWire::kJson, body.size(), {{"Connection", "close"}}) + body);
    m_socket->flush();
    shutDownWhenWritten();
    // A lingering close: closing while the client's body still arrives would reset the
    // connection, and a reset can destroy the answer before the client reads it.
    m_lingerTimer.start(kLingerMs);
}

// Half-closes once the answer is out: the client sees its end while we read on.
void ConnectionGuard::shutDownWhenWritten()
{
    if (m_shutDown || m_socket->bytesToWrite() > 0 || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_shutDown = true;
    ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
}
