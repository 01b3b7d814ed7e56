#include "guardedtcpserver.h"

#include "connectionguard.h"
#include "descriptorheadroom.h"
#include "emulatorlogging.h"

#include <QSocketNotifier>
#include <QTcpSocket>

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

namespace {
// How long accepting pauses after accept() fails, unless a connection closes first.
constexpr int kRetryMs = 300;
// Connections taken per wake-up, so that a flood of them cannot starve the event loop.
constexpr int kAcceptBatch = 64;
// Room in a connection's read buffer beyond a maximal head and body.
constexpr qint64 kReadSlack = qint64{64} * 1024;
} // namespace

GuardedTcpServer::GuardedTcpServer(QObject *parent) : QTcpServer(parent)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &GuardedTcpServer::resumeAccepting);
}

GuardedTcpServer::~GuardedTcpServer()
{
    delete m_acceptNotifier; // before ~QTcpServer closes the descriptor it watches
}

bool GuardedTcpServer::startListening(const QHostAddress &address, quint16 port)
{
    if (!listen(address, port))
        return false;
    // QTcpServer's own notifier stays off for good; ours accepts (see the class comment).
    pauseAccepting();
    m_acceptNotifier = new QSocketNotifier(socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_acceptNotifier, &QSocketNotifier::activated, this, &GuardedTcpServer::acceptConnections);
    return true;
}

void GuardedTcpServer::acceptConnections()
{
    const int listener = static_cast<int>(socketDescriptor());
    for (int i = 0; i < kAcceptBatch; ++i) {
        // Short of the limit by DescriptorHeadroom::kFree counts as at it: the connection waits.
        if (const int error = DescriptorHeadroom::check(listener)) {
            holdAccepting(error);
            return;
        }
        const int descriptor = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (descriptor >= 0) {
            if (m_holding) {
                m_holding = false;
                qCDebug(lcEmulator) << "accepting connections again";
            }
            incomingConnection(descriptor);
            continue;
        }
        const int error = errno;
        if (error == EINTR || error == ECONNABORTED)
            continue;
        if (error != EAGAIN && error != EWOULDBLOCK)
            holdAccepting(error);
        return;
    }
}

// EMFILE, ENFILE, ENOBUFS, ENOMEM (from accept(), or from the headroom check before it): the
// connection stays queued, so the listening socket stays readable and an immediate retry would
// fail the same way, again and again.
void GuardedTcpServer::holdAccepting(int error)
{
    m_acceptNotifier->setEnabled(false);
    m_retryTimer.start(kRetryMs);
    if (m_holding)
        return;
    m_holding = true;
    qCWarning(lcEmulator).noquote() << QStringLiteral("cannot accept connections (%1): retrying every %2 ms and "
                                                      "whenever a connection closes")
                                           .arg(qt_error_string(error))
                                           .arg(kRetryMs);
}

void GuardedTcpServer::resumeAccepting()
{
    m_retryTimer.stop();
    if (m_acceptNotifier && !m_acceptNotifier->isEnabled())
        m_acceptNotifier->setEnabled(true);
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcEmulator) << "cannot take a connection:" << socket->errorString();
        delete socket;
        ::close(static_cast<int>(descriptor));
        return;
    }
    // Bounds what a connection can make the server buffer, whatever happens to the guard's checks.
    socket->setReadBufferSize(m_limits.maxHeadBytes + m_limits.maxBodyBytes + kReadSlack);
    auto *guard = new ConnectionGuard(socket, m_limits);
    connect(socket, &QAbstractSocket::disconnected, this, [this] {
        if (m_holding)
            resumeAccepting(); // a descriptor is free again
    });
    addPendingConnection(socket); // the http server connects its reader to it here
    guard->followServer();
}

QTcpSocket *GuardedTcpServer::nextPendingConnection()
{
    // The base class turns its own accept notifier back on here: turn it off again. Ours is off
    // meanwhile, so that two notifiers never watch the descriptor together.
    const bool accepting = m_acceptNotifier && m_acceptNotifier->isEnabled();
    if (accepting)
        m_acceptNotifier->setEnabled(false);
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    pauseAccepting();
    if (accepting)
        m_acceptNotifier->setEnabled(true);
    return socket;
}

void GuardedTcpServer::requestDispatched(QTcpSocket *socket)
{
    if (ConnectionGuard *guard = guardOf(socket))
        guard->requestDispatched();
}

void GuardedTcpServer::requestAnswered(QTcpSocket *socket)
{
    if (ConnectionGuard *guard = guardOf(socket))
        guard->requestAnswered();
}

ConnectionGuard *GuardedTcpServer::guardOf(QTcpSocket *socket)
{
    return socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly);
}
