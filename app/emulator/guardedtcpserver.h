#pragma once

#include "connectionlimits.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTimer>

class ConnectionGuard;
class QSocketNotifier;

// The emulator's listening socket, for QAbstractHttpServer::bind(). It gives every connection a
// ConnectionGuard before the http server sees it, and it accepts connections itself: Qt 6.4's
// QTcpServer retries a failed accept() at once and for ever, so out of descriptors it spins at
// full CPU. This one stops accepting instead, and tries again after a pause or as soon as one of
// its connections closes. It stops a few descriptors short of the limit (DescriptorHeadroom), so
// that the rest of the process is never left without one.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(QObject *parent = nullptr);
    ~GuardedTcpServer() override;

    bool startListening(const QHostAddress &address, quint16 port);

    // At once for every connection: caps at its next bytes, timeouts when next started (its read
    // buffer's bound, sized from the caps, only for connections accepted from now on).
    void setLimits(const ConnectionLimits &limits) { m_limits = limits; }
    const ConnectionLimits &limits() const { return m_limits; }

    // The emulator reports each request it takes from, and answers on, a connection, so that
    // the idle timeout spares a connection whose answer is still to come.
    void requestDispatched(QTcpSocket *socket);
    void requestAnswered(QTcpSocket *socket);

    QTcpSocket *nextPendingConnection() override;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void acceptConnections();
    void holdAccepting(int error);
    void resumeAccepting();
    static ConnectionGuard *guardOf(QTcpSocket *socket);

    ConnectionLimits m_limits;
    QSocketNotifier *m_acceptNotifier = nullptr;
    QTimer m_retryTimer;
    bool m_holding = false; // accept() failed and has not succeeded since
};
