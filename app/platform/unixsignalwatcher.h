#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

// Turns SIGTERM and SIGINT (a session logout, Ctrl+C in a terminal) into a Qt signal delivered
// on the event loop. The handler itself only writes the signal number to a socketpair, which is
// all a signal handler may safely do; the old handlers come back when this object is destroyed.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(const QList<int> &signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    void readPending();

    QList<int> m_signals;
    QSocketNotifier *m_notifier = nullptr;
};
