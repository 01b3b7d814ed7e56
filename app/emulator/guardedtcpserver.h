#pragma once

#include <QHostAddress>
#include <QTcpServer>
#include <QTimer>

class QSocketNotifier;

// The emulator's listening socket, for QAbstractHttpServer::bind(). It accepts connections
// itself: Qt 6.4's QTcpServer retries a failed accept() at once and for ever, so out of
// descriptors it spins at full CPU. This one stops accepting instead, and tries again after a
// pause or as soon as one of its connections closes.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(QObject *parent = nullptr);
    ~GuardedTcpServer() override;

    bool startListening(const QHostAddress &address, quint16 port);

    QTcpSocket *nextPendingConnection() override;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void acceptConnections();
    void holdAccepting(int error);
    void resumeAccepting();

    QSocketNotifier *m_acceptNotifier = nullptr;
    QTimer m_retryTimer;
    bool m_holding = false; // accept() failed and has not succeeded since
};
