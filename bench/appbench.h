#pragma once

// Running the real Application (the composition root campaign-manager is built from) inside a
// benchmark: the same settings, journal, client, service and MainWindow a user gets. The driver
// gives the process a private HOME and XDG directories; QStandardPaths' test mode keeps the
// settings and the journal (a real SQLite file, kept on) inside them too.

#include "application.h"
#include "benchsupport.h"
#include "commandline.h"

#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace Bench {

// Before the QApplication exists, as main() does.
inline void prepareApplication()
{
    Application::identify();
    QStandardPaths::setTestModeEnabled(true);
}

// The options `campaign-manager --api-url URL` gets with ALTCRAFT_API_TOKEN set, parsed by the
// app's own CommandLine. error is non-empty when the app would refuse them.
inline LaunchOptions accountOptions(const QUrl &base, const QString &token)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ALTCRAFT_API_TOKEN"), token);
    return CommandLine::parse({QStringLiteral("campaign-manager"), QStringLiteral("--api-url"), base.toString()},
                              environment);
}

struct FirstLoad {
    bool signalled = false; // false: timed out (the caller must exit without the event loop)
    bool started = false; // start() returned true
    bool ok = false;
    int campaigns = 0;
};

// app.start(), then the event loop until firstLoadFinished.
inline FirstLoad startAndWaitForFirstLoad(Application &app, int timeoutMs)
{
    FirstLoad result;
    QMetaObject::Connection connection;
    result.signalled = waitFor(timeoutMs, [&](std::function<void()> done) {
        connection
            = QObject::connect(&app, &Application::firstLoadFinished, &app, [&result, done](bool ok, int campaigns) {
                  result.ok = ok;
                  result.campaigns = campaigns;
                  done();
              });
        result.started = app.start();
        if (!result.started)
            done();
    });
    QObject::disconnect(connection);
    return result;
}

// Why the first list did not arrive, for Bench::fail; empty when it did.
inline QString firstLoadFailure(const FirstLoad &load, int timeoutMs)
{
    if (!load.signalled)
        return QStringLiteral("no first list within %1 s").arg(timeoutMs / 1000);
    if (!load.started || !load.ok)
        return QStringLiteral("the app did not load the list (started: %1, ok: %2)")
            .arg(load.started ? QStringLiteral("yes") : QStringLiteral("no"),
                 load.ok ? QStringLiteral("yes") : QStringLiteral("no"));
    return {};
}

// app.quit() as File → Quit does, then the event loop until finished; the exit code, or -1
// when it did not finish in time.
inline int quitAndWait(Application &app, int timeoutMs)
{
    int code = -1;
    QMetaObject::Connection connection;
    const bool finished = waitFor(timeoutMs, [&](std::function<void()> done) {
        connection = QObject::connect(&app, &Application::finished, &app, [&code, done](int exitCode) {
            code = exitCode;
            done();
        });
        app.quit();
    });
    QObject::disconnect(connection);
    return finished ? code : -1;
}

// How long the UI thread was unable to react: a 1 ms timer on it, and the longest gap between
// two of its ticks (or between start() and the first, or the last and stop()). A user feels a
// gap as a frozen window; 50 ms is where a click starts to feel late.
class StallMeter
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
    }
    void start()
    {
        m_longestNs = 0;
        m_longestEndNs = 0;
        m_ticks = 0;
        m_clock.start();
        m_lastNs = 0;
        m_timer.start();
    }
    void stop()
    {
        tick();
        m_timer.stop();
    }
    double longestMs() const { return static_cast<double>(m_longestNs) / 1e6; }
    // When the longest gap began, from start().
    double longestAtMs() const { return static_cast<double>(m_longestEndNs - m_longestNs) / 1e6; }
    qint64 ticks() const { return m_ticks; }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        if (now - m_lastNs > m_longestNs) {
            m_longestNs = now - m_lastNs;
            m_longestEndNs = now;
        }
        m_lastNs = now;
        ++m_ticks;
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_longestNs = 0;
    qint64 m_longestEndNs = 0;
    qint64 m_ticks = 0;
};

} // namespace Bench
