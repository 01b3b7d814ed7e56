#pragma once

// Small helpers shared by the benchmark executables (header-only, no app code).

#include "campaigntablemodel.h"
#include "casefoldedmatch.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QList>
#include <QString>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

#include <sys/resource.h>
#include <unistd.h>

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

// Processes events until a pass handles none: posted events, zero-timers (delayed layouts),
// update requests and the paints they cause. What a keystroke costs before the GUI is idle.
// Returns the passes taken; stops after maxPasses (something that never settles).
inline int drainEvents(int maxPasses = 1000)
{
    QEventLoop loop;
    int passes = 0;
    while (passes < maxPasses && loop.processEvents(QEventLoop::AllEvents))
        ++passes;
    return passes;
}

// CPU time (user + system, all threads) of this process, in ms.
inline double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms
        = [](const timeval &t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

// CPU time (user + system) of another process in ms, from /proc; -1 when unknown.
inline double cpuMsOf(qint64 pid)
{
    if (pid <= 0)
        return -1;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    // Fields 14 and 15 (utime, stime) in clock ticks; the name in field 2 may hold spaces.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) * 1e3 / ticks;
}

// A "Vm...:" field of /proc/self/status in KiB (VmHWM: peak resident set; VmRSS: now); -1 if absent.
inline qint64 statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// The p-th percentile (0..1, nearest rank) of values; 0 when empty.
template<typename T>
double percentile(QList<T> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<qsizetype>(p * static_cast<double>(values.size() - 1) + 0.5);
    return static_cast<double>(values.at(std::clamp<qsizetype>(rank, 0, values.size() - 1)));
}

// The proxy's predicate (no status filter) in a plain loop: the floor of a re-filter.
// As plainMatchCount(), over the campaigns keep() lets through (a status and tag filter, say).
inline int plainMatchCount(const CampaignTableModel &model, const QString &text,
                           const std::function<bool(const Campaign &)> &keep)
{
    const CaseFoldedMatch match(text.trimmed());
    const QString &folded = match.folded();
    bool allDigits = true;
    for (QChar ch : folded)
        allDigits = allDigits && ch.isDigit();
    int matches = 0;
    const int rows = model.rowCount();
    for (int row = 0; row < rows; ++row) {
        model.prefetchName(row + 16); // as the proxy does
        const Campaign &c = model.campaignAt(row);
        if (keep && !keep(c))
            continue;
        if (folded.isEmpty() || (allDigits && QString::number(c.id).startsWith(folded)) || match.in(c.name))
            ++matches;
    }
    return matches;
}

inline int plainMatchCount(const CampaignTableModel &model, const QString &text)
{
    if (text.trimmed().isEmpty())
        return model.rowCount();
    return plainMatchCount(model, text, {});
}

} // namespace Bench
