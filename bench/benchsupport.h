#pragma once

// Small helpers shared by the benchmark executables (header-only, no app code).

#include <QCoreApplication>
#include <QEventLoop>
#include <QString>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <functional>

namespace Bench {

inline QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

inline int fail(const QString &tool, const QString &message)
{
    out().flush();
    QTextStream(stderr) << tool << ": " << message << '\n';
    return 1;
}

// Runs the event loop until done() is called or timeoutMs passes. Returns false on timeout;
// the caller must then exit without running the event loop again (done() would dangle).
// start receives the function that ends the wait.
inline bool waitFor(int timeoutMs, const std::function<void(std::function<void()> done)> &start)
{
    QEventLoop loop;
    bool finished = false;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    start([&finished, &loop] {
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return finished;
}

} // namespace Bench
