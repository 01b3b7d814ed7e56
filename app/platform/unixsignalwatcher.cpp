#include "unixsignalwatcher.h"

#include "logging.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// One pair for the process: a signal handler cannot find an object.
int g_pipe[2] = {-1, -1};
int g_watchers = 0;

extern "C" void writeSignalNumber(int signalNumber)
{
    const int saved = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[0], &byte, 1);
    errno = saved;
}

} // namespace

UnixSignalWatcher::UnixSignalWatcher(const QList<int> &signalNumbers, QObject *parent)
    : QObject(parent), m_signals(signalNumbers)
{
    if (g_watchers++ == 0 && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_pipe) != 0) {
        qCWarning(lcApp) << "cannot watch for SIGTERM and SIGINT: socketpair failed";
        g_pipe[0] = g_pipe[1] = -1;
        return;
    }
    if (g_pipe[1] < 0)
        return;
    m_notifier = new QSocketNotifier(g_pipe[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignalWatcher::readPending);
    struct sigaction action = {};
    action.sa_handler = writeSignalNumber;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int signalNumber : m_signals)
        ::sigaction(signalNumber, &action, nullptr);
}

UnixSignalWatcher::~UnixSignalWatcher()
{
    if (--g_watchers > 0)
        return; // another watcher still relies on the handlers and the pair
    for (int signalNumber : m_signals)
        ::signal(signalNumber, SIG_DFL);
    if (g_pipe[0] >= 0) {
        delete m_notifier;
        m_notifier = nullptr;
        ::close(g_pipe[0]);
        ::close(g_pipe[1]);
        g_pipe[0] = g_pipe[1] = -1;
    }
}

void UnixSignalWatcher::readPending()
{
    unsigned char byte = 0;
    if (::read(g_pipe[1], &byte, 1) == 1) {
        qCInfo(lcApp) << "received signal" << static_cast<int>(byte);
        Q_EMIT received(byte);
    }
}
