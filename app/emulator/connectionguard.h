#pragma once

#include "connectionlimits.h"
#include "requestframer.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

// Watches one connection on behalf of the QAbstractHttpServer that reads it. Qt 6.4's server
// buffers whatever a client sends and never times anything out, so this reads the same bytes
// first: a request whose head or body is over the caps is answered 431 or 413 and the rest of
// it thrown away unread; a connection that takes too long to send a request is answered 408 (or,
// having sent nothing, just closed); one that sits idle is closed. One whose answer the emulator
// is holding back on purpose (latency, a hang fault) is left alone.
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    // A child of the socket. Connects its reader at once: create it before the http server
    // has seen the socket, so that it reads each chunk of bytes before the server does.
    ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits);
    // Call once the http server has connected its own reader to the socket.
    void followServer();

    // The emulator's account of this connection's requests.
    void requestDispatched();
    void requestAnswered();

private:
    void readBeforeServer();
    void readAfterServer();
    void updateTimers();
    void requestTimedOut();
    void refuse(int status, const QString &text);
    void shutDownWhenWritten();

    QTcpSocket *m_socket;
    const ConnectionLimits &m_limits; // the server's, which outlives its connections
    RequestFramer m_framer;
    qint64 m_seen = 0; // unread bytes at the socket's front that the framer has had already
    int m_dispatched = 0; // requests handed to the emulator so far
    int m_outstanding = 0; // of those, not answered yet
    bool m_dispatchedInThisRead = false;
    bool m_refused = false;
    bool m_shutDown = false;
    QTimer m_requestTimer;
    QTimer m_idleTimer;
    QTimer m_lingerTimer;
};
