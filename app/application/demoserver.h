#pragma once

#include "altcraftemulator.h"

#include <QMetaObject>
#include <QThread>
#include <QUrl>

#include <future>
#include <type_traits>

// The demo's built-in emulator, on a thread of its own. Building it (Qt's HTTP server sets up TLS),
// generating the campaigns and serialising their pages would otherwise run on the UI thread while
// the window is built and first painted; here they run beside it. The emulator is created,
// used and destroyed on this thread only: other threads reach it through inspect().
class DemoServer : public QThread
{
    Q_OBJECT
public:
    struct Options {
        int campaigns = 200;
        int latencyMs = 0;
        int jitterMs = 0;
        int requestLogLimit = 1000;
        // The second account (ApiTokenGrant::secondAccountName()), so the demo has two to switch between.
        int secondAccountCampaigns = 60;
    };

    explicit DemoServer(const Options &options, QObject *parent = nullptr);
    // Stops the thread's event loop and waits: the emulator closes its sockets on its own thread.
    ~DemoServer() override;

    // Blocks until the emulator listens (or could not): its base URL, or an empty URL on failure.
    // Campaigns are generated after that, before the first request is read.
    QUrl waitForUrl();

    // Runs fn(emulator) on the emulator's thread and returns what it returns. For tests and the
    // benchmarks' checks; blocks the caller until done. Not before waitForUrl() returned a URL.
    template<typename Fn>
    auto inspect(Fn fn) -> std::invoke_result_t<Fn, AltcraftEmulator &>
    {
        using Result = std::invoke_result_t<Fn, AltcraftEmulator &>;
        if constexpr (std::is_void_v<Result>) {
            QMetaObject::invokeMethod(
                m_emulator, [this, &fn] { fn(*m_emulator); }, Qt::BlockingQueuedConnection);
        } else {
            Result result{};
            QMetaObject::invokeMethod(
                m_emulator, [this, &fn, &result] { result = fn(*m_emulator); }, Qt::BlockingQueuedConnection);
            return result;
        }
    }

protected:
    void run() override;

private:
    const Options m_options;
    AltcraftEmulator *m_emulator = nullptr; // lives on this thread's stack in run()
    std::promise<QUrl> m_url;
    std::future<QUrl> m_urlReady;
    QUrl m_knownUrl;
    bool m_urlTaken = false;
};
