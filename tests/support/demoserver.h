#pragma once

#include "altcraftemulator.h"
#include "demoemulator.h"

#include <QMetaObject>
#include <QThread>
#include <QUrl>

#include <future>
#include <type_traits>

// The demo's emulator in the test's own process, on a thread of its own, for the end-to-end tests
// that read its state directly (inspect()); the app itself runs altcraft-emulator as a process
// (DemoEmulatorProcess). Same accounts, tokens and seeds. The emulator is created, used and
// destroyed on this thread only: other threads reach it through inspect().
class DemoServer : public QThread, public DemoEmulator
{
    Q_OBJECT
public:
    explicit DemoServer(const Options &options, QObject *parent = nullptr);
    // Stops the thread's event loop and waits: the emulator closes its sockets on its own thread.
    ~DemoServer() override;

    // Blocks until the emulator listens (or could not): its base URL, or an empty URL on failure.
    // Campaigns are generated after that, before the first request is read.
    QUrl waitForUrl() override;
    void begin() override { start(); }
    QString errorString() const override { return QStringLiteral("the in-process emulator could not listen"); }

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
    const int m_requestLogLimit = 1000;
    std::promise<QUrl> m_url;
    std::future<QUrl> m_urlReady;
    QUrl m_knownUrl;
    bool m_urlTaken = false;
};
